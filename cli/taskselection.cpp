#include "cli/taskselection.h"

#include <QRegularExpression>

namespace debrief {

namespace {

const char allStatusNames[] = "proposed, open, in_progress, done, cancelled, other or all";

// The statuses named in `list`, or nullopt with `error` set.
std::optional<QSet<TaskStatus>> parseStatuses(const QString &list, QString *error)
{
    QSet<TaskStatus> statuses;
    for (const QString &part : list.split(u',')) {
        const QString name = part.trimmed();
        if (name.compare(u"all", Qt::CaseInsensitive) == 0) {
            for (TaskStatus status : {TaskStatus::Proposed, TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done,
                                      TaskStatus::Cancelled, TaskStatus::Other}) {
                statuses.insert(status);
            }
        } else if (const std::optional<TaskStatus> status = statusFromName(name)) {
            statuses.insert(*status);
        } else {
            *error = (name.isEmpty() ? QStringLiteral("empty status in --status '%1'").arg(list)
                                     : QStringLiteral("unknown status '%1'").arg(name))
                + QStringLiteral(" (expected ") + QLatin1StringView(allStatusNames) + u')';
            return std::nullopt;
        }
    }
    return statuses;
}

} // namespace

QList<QCommandLineOption> TaskSelection::options()
{
    return {QCommandLineOption(QStringLiteral("status"), QString(), QStringLiteral("LIST")),
            QCommandLineOption(QStringLiteral("owner"), QString(), QStringLiteral("NAME")),
            QCommandLineOption(QStringLiteral("due-before"), QString(), QStringLiteral("DATE"))};
}

const char *TaskSelection::helpLines()
{
    return "  --status LIST      Comma-separated statuses: proposed, open, in_progress, done,\n"
           "                     cancelled, other, or all (default: proposed,open,in_progress)\n"
           "  --owner NAME       Only items owned by NAME (@NAME; exact name, any case)\n"
           "  --due-before DATE  Only items due strictly before DATE (YYYY-MM-DD)\n";
}

std::optional<TaskSelection> TaskSelection::read(const QCommandLineParser &parser, QString *error)
{
    TaskSelection selection;
    const std::optional<QSet<TaskStatus>> statuses =
        parseStatuses(parser.isSet(QStringLiteral("status")) ? parser.value(QStringLiteral("status"))
                                                             : QStringLiteral("proposed,open,in_progress"),
                      error);
    if (!statuses)
        return std::nullopt;
    selection.m_statuses = *statuses;
    if (parser.isSet(QStringLiteral("owner"))) {
        selection.m_owner = parser.value(QStringLiteral("owner")).trimmed();
        if (selection.m_owner.startsWith(u'@'))
            selection.m_owner.remove(0, 1);
        if (selection.m_owner.isEmpty()) {
            *error = QStringLiteral("empty name for --owner");
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("due-before"))) {
        const QString text = parser.value(QStringLiteral("due-before"));
        const std::optional<QDate> date = parseDate(text);
        if (!date) {
            *error = QStringLiteral("invalid date '%1' for --due-before (expected YYYY-MM-DD)").arg(text);
            return std::nullopt;
        }
        selection.m_dueBefore = *date;
    }
    return selection;
}

bool TaskSelection::matches(const ActionItem &item) const
{
    if (!m_statuses.contains(item.status))
        return false;
    if (!m_owner.isEmpty() && item.owner.compare(m_owner, Qt::CaseInsensitive) != 0)
        return false;
    if (m_dueBefore.isValid() && !(item.due.isValid() && item.due < m_dueBefore))
        return false;
    return true;
}

std::optional<QDate> TaskSelection::parseDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        return std::nullopt;
    return date;
}

} // namespace debrief
