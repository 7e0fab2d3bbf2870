#include "note/actionitem.h"

#include <array>
#include <utility>

namespace debrief {

namespace {

constexpr std::array<std::pair<TaskStatus, const char *>, 6> statusNames{{
    {TaskStatus::Proposed, "proposed"},
    {TaskStatus::Open, "open"},
    {TaskStatus::InProgress, "in_progress"},
    {TaskStatus::Done, "done"},
    {TaskStatus::Cancelled, "cancelled"},
    {TaskStatus::Other, "other"},
}};

constexpr std::array<std::pair<Priority, const char *>, 6> priorityNames{{
    {Priority::None, "none"},
    {Priority::Lowest, "lowest"},
    {Priority::Low, "low"},
    {Priority::Medium, "medium"},
    {Priority::High, "high"},
    {Priority::Highest, "highest"},
}};

} // namespace

TaskStatus statusFromChar(const QString &statusChar)
{
    if (statusChar == u"?")
        return TaskStatus::Proposed;
    if (statusChar == u" " || statusChar.isEmpty())
        return TaskStatus::Open;
    if (statusChar == u"/")
        return TaskStatus::InProgress;
    if (statusChar == u"x" || statusChar == u"X")
        return TaskStatus::Done;
    if (statusChar == u"-")
        return TaskStatus::Cancelled;
    return TaskStatus::Other;
}

QString statusName(TaskStatus status)
{
    for (const auto &[value, name] : statusNames) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("other");
}

std::optional<TaskStatus> statusFromName(const QString &name)
{
    for (const auto &[value, text] : statusNames) {
        if (name.compare(QLatin1StringView(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

QString priorityName(Priority priority)
{
    if (priority == Priority::None)
        return {};
    for (const auto &[value, name] : priorityNames) {
        if (value == priority)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Priority> priorityFromName(const QString &name)
{
    for (const auto &[value, text] : priorityNames) {
        if (name.compare(QLatin1StringView(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace debrief
