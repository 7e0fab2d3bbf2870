#include "parse/yamlconverter.h"

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace debrief {

namespace {

bool isDigit(QChar c, int base)
{
    const char16_t u = c.unicode();
    if (base == 8)
        return u >= u'0' && u <= u'7';
    if (base == 16)
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    return u >= u'0' && u <= u'9';
}

// Skips digits of `base` from `i`; returns how many there were.
qsizetype skipDigits(QStringView text, qsizetype &i, int base = 10)
{
    const qsizetype from = i;
    while (i < text.size() && isDigit(text[i], base))
        ++i;
    return i - from;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, hand-written: this runs for every value.
bool isCoreFloat(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+'))
        ++i;
    const qsizetype whole = skipDigits(text, i);
    qsizetype fraction = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        fraction = skipDigits(text, i);
    }
    if (whole == 0 && fraction == 0)
        return false;
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < text.size() && (text[i] == u'-' || text[i] == u'+'))
            ++i;
        if (skipDigits(text, i) == 0)
            return false;
    }
    return i == text.size();
}

QJsonValue integer(QStringView digits, int base, bool negative)
{
    bool ok = false;
    const qlonglong value = digits.toLongLong(&ok, base);
    if (ok)
        return QJsonValue(negative ? -value : value);
    // Too large for 64 bits: JSON's double is the closest the core schema's int can get.
    if (base == 10) {
        const double value = digits.toDouble();
        return QJsonValue(negative ? -value : value);
    }
    double big = 0;
    for (const QChar c : digits)
        big = big * base + QStringView(&c, 1).toInt(nullptr, 16);
    return QJsonValue(negative ? -big : big);
}

} // namespace

QJsonValue YamlConverter::plainScalar(const QString &text)
{
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue(QJsonValue::Null);
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return QJsonValue(true);
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return QJsonValue(false);

    const QChar first = text.front();
    if (!first.isDigit() && first != u'-' && first != u'+' && first != u'.')
        return QJsonValue(text);

    const QStringView view(text);
    if (view.startsWith(u"0o") && view.size() > 2) {
        qsizetype i = 2;
        if (skipDigits(view, i, 8) == view.size() - 2)
            return integer(view.sliced(2), 8, false);
    }
    if (view.startsWith(u"0x") && view.size() > 2) {
        qsizetype i = 2;
        if (skipDigits(view, i, 16) == view.size() - 2)
            return integer(view.sliced(2), 16, false);
    }
    {
        const bool sign = first == u'-' || first == u'+';
        qsizetype i = sign ? 1 : 0;
        if (skipDigits(view, i) > 0 && i == view.size())
            return integer(view.sliced(sign ? 1 : 0), 10, first == u'-');
    }
    if (isCoreFloat(view)) {
        bool ok = false;
        const double value = view.toDouble(&ok);
        if (ok)
            return QJsonValue(value);
    }
    return QJsonValue(text);
}

QJsonObject YamlConverter::toObject(const YAML::Node &map)
{
    return convertMap(map, 0);
}

QJsonValue YamlConverter::toValue(const YAML::Node &node)
{
    return convert(node, 0);
}

QJsonValue YamlConverter::convert(const YAML::Node &node, int depth)
{
    if (depth >= maxDepth || ++m_nodes > maxNodes) {
        m_truncated = true;
        return QJsonValue(QJsonValue::Null);
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        QString text = QString::fromStdString(node.Scalar());
        // "?" is yaml-cpp's tag for a plain scalar; quoted ones ("!") and explicit tags such as
        // !!str keep their text.
        if (node.Tag() == "?")
            return plainScalar(text);
        return QJsonValue(text);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &child : node) {
            if (m_truncated)
                break;
            array.append(convert(child, depth + 1));
        }
        return array;
    }
    case YAML::NodeType::Map: return convertMap(node, depth);
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject YamlConverter::convertMap(const YAML::Node &node, int depth)
{
    QJsonObject object;
    if (!node.IsMap())
        return object;
    for (auto it = node.begin(); it != node.end() && !m_truncated; ++it) {
        const QString key = keyText(it->first, depth + 1);
        object.insert(key, convert(it->second, depth + 1));
    }
    return object;
}

// Every key is kept: a key that is not a string (a number, null, even a list) becomes its text.
QString YamlConverter::keyText(const YAML::Node &key, int depth)
{
    switch (key.Type()) {
    case YAML::NodeType::Scalar: return QString::fromStdString(key.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return QStringLiteral("null");
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
        const QJsonValue value = convert(key, depth);
        const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    }
    return {};
}

} // namespace debrief
