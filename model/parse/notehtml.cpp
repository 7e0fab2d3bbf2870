#include "parse/notehtml.h"

#include "base/textrepair.h"
#include "parse/cmarkdocument.h"
#include "parse/frontmatter.h"

#include <QRegularExpression>
#include <QUrl>

namespace debrief {

namespace {

// [[Target|Alias]] → [Alias](scheme:Target). Code spans and blocks are rare in meeting notes; a
// wikilink inside one becomes a link too, which is harmless.
QString linkWikilinks(const QString &markdown, QStringView scheme)
{
    static const QRegularExpression wikilink(QStringLiteral("\\[\\[([^\\]|\\n]+)(?:\\|([^\\]\\n]+))?\\]\\]"));
    QString result;
    qsizetype at = 0;
    auto it = wikilink.globalMatch(markdown);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(markdown).mid(at, match.capturedStart() - at);
        const QString target = match.captured(1).trimmed();
        QString label = match.captured(2).trimmed();
        if (label.isEmpty())
            label = target;
        label.replace(u'[', QStringLiteral("\\[")).replace(u']', QStringLiteral("\\]"));
        const QString url = QString::fromLatin1(QUrl::toPercentEncoding(target));
        result += QStringLiteral("[%1](%2:%3)").arg(label, scheme, url);
        at = match.capturedEnd();
    }
    result += QStringView(markdown).mid(at);
    return result;
}

} // namespace

QString NoteHtml::fromMarkdown(const QString &markdown, QStringView linkScheme)
{
    using Extension = CmarkDocument::Extension;
    const QByteArray bytes = linkWikilinks(markdown, linkScheme).toUtf8();
    const CmarkDocument document(bytes,
                                 {Extension::Table, Extension::Strikethrough, Extension::Autolink, Extension::Tasklist},
                                 CmarkDocument::Input::Unchecked);
    QString result = QString::fromUtf8(document.toHtml());
    result.replace(QStringLiteral("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"), QStringLiteral("\u2611"));
    result.replace(QStringLiteral("<input type=\"checkbox\" disabled=\"\" />"), QStringLiteral("\u2610"));
    return result;
}

QString NoteHtml::body(QByteArrayView fileBytes, QStringView linkScheme)
{
    const QByteArrayView body = fileBytes.sliced(Frontmatter::bodyOffsetOf(fileBytes));
    return fromMarkdown(TextRepair::repair(QString::fromUtf8(body)), linkScheme);
}

} // namespace debrief
