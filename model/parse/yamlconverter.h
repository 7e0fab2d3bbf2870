#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace YAML {
class Node;
}

namespace debrief {

// Turns a yaml-cpp tree into JSON values. yaml-cpp shares aliased nodes, so an alias cycle is a
// cycle in the tree and an alias bomb is a small tree that expands exponentially: the walk stops
// at a fixed depth and after a fixed number of nodes, and says so through truncated().
class YamlConverter final
{
public:
    static constexpr int maxDepth = 64;
    static constexpr int maxNodes = 20000;

    QJsonObject toObject(const YAML::Node &map);
    QJsonValue toValue(const YAML::Node &node);
    bool truncated() const { return m_truncated; }

    // A plain (untagged) scalar read by YAML 1.2's core schema: null, bool, int, float, else the
    // string. Dates stay strings (the core schema has no timestamps); .inf and .nan stay strings
    // because JSON cannot hold them.
    static QJsonValue plainScalar(const QString &text);

private:
    QJsonValue convert(const YAML::Node &node, int depth);
    QJsonObject convertMap(const YAML::Node &node, int depth);
    QString keyText(const YAML::Node &key, int depth);

    int m_nodes = 0;
    bool m_truncated = false;
};

} // namespace debrief
