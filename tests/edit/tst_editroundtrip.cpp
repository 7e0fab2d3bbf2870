// Every edit on every action item of every fixture and seed, then its undo: the bytes come back,
// only the target line differs, and the parser reads the edit.
#include "base/textlines.h"
#include "edit/noteeditor.h"
#include "edit/notefile.h"
#include "edit/noteoutline.h"
#include "edit/taskedit.h"
#include "editfixture.h"
#include "parse/noteparser.h"
#include "parse/taskline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace debrief;
using namespace debrief::test;

namespace {

const QDate today = editToday;
using Action = TaskEdit::StatusAction;

QStringList allFixturePaths()
{
    QStringList paths;
    for (const char *folder : {"/edit", "/notes"}) {
        const QDir dir(QStringLiteral(DEBRIEF_FIXTURES) + QLatin1StringView(folder));
        for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
            paths.append(dir.filePath(name));
    }
    return paths;
}

// Lines of a file that are action items (outside code and frontmatter).
QList<int> taskLines(const TextLines &lines)
{
    const NoteOutline outline = NoteOutline::scan(lines);
    QList<int> result;
    for (int line = 1; line <= lines.count(); ++line) {
        if (!outline.isCode(line) && TaskLine::parse(lines.content(line)))
            result.append(line);
    }
    return result;
}

// The edits every action item goes through.
QList<std::pair<QString, NoteEdit>> everyEdit(int line)
{
    QList<std::pair<QString, NoteEdit>> edits;
    const auto status = [&](const char *name, Action action) {
        edits.append({QString::fromLatin1(name), NoteEdit::setStatus(line, action)});
    };
    status("accept", Action::Accept);
    status("reject", Action::Reject);
    status("done", Action::Done);
    status("reopen", Action::Reopen);
    status("in progress", Action::InProgress);
    const auto change = [&](const char *name, auto set) {
        NoteEdit edit = NoteEdit::change(line);
        set(edit);
        edits.append({QString::fromLatin1(name), edit});
    };
    change("text", [](NoteEdit &e) { e.text = QStringLiteral("Rewritten text, with “quotes”."); });
    change("owner", [](NoteEdit &e) { e.owner = QStringLiteral("Zed Quinn"); });
    change("owner none", [](NoteEdit &e) { e.owner = QString(); });
    change("due", [](NoteEdit &e) { e.due = QDate(2027, 1, 2); });
    change("due none", [](NoteEdit &e) { e.due = QDate(); });
    change("scheduled", [](NoteEdit &e) { e.scheduled = QDate(2027, 1, 3); });
    change("start none", [](NoteEdit &e) { e.start = QDate(); });
    change("start", [](NoteEdit &e) { e.start = QDate(2027, 1, 4); });
    change("priority", [](NoteEdit &e) { e.priority = Priority::Highest; });
    change("priority none", [](NoteEdit &e) { e.priority = Priority::None; });
    change("everything", [](NoteEdit &e) {
        e.text = QStringLiteral("All at once");
        e.owner = QStringLiteral("Amy");
        e.due = QDate(2027, 2, 1);
        e.priority = Priority::Low;
    });
    edits.append({QStringLiteral("delete"), NoteEdit::remove(line)});
    return edits;
}

// What the parser must read on the edited line after each of everyEdit()'s edits.
QString wrongAfterEdit(const QString &editName, const ActionItem &item)
{
    const auto expect = [](bool ok, const char *what) { return ok ? QString() : QString::fromLatin1(what); };
    if (editName == u"accept")
        return expect(item.status == TaskStatus::Open && !item.tags.contains(QStringLiteral("proposed")),
                      "not accepted");
    if (editName == u"reject")
        return expect(item.status == TaskStatus::Cancelled && item.cancelledDate == today && !item.doneDate.isValid()
                          && !item.tags.contains(QStringLiteral("proposed")),
                      "not rejected");
    if (editName == u"done")
        return expect(item.status == TaskStatus::Done && item.doneDate == today && !item.cancelledDate.isValid(),
                      "not done");
    if (editName == u"reopen")
        return expect(item.status == TaskStatus::Open && !item.doneDate.isValid() && !item.cancelledDate.isValid(),
                      "not reopened");
    if (editName == u"in progress")
        return expect(item.status == TaskStatus::InProgress, "not in progress");
    if (editName == u"text")
        return expect(item.text == QStringLiteral("Rewritten text, with “quotes”."), "text not set");
    if (editName == u"owner")
        return expect(item.owner == QStringLiteral("Zed Quinn"), "owner not set");
    if (editName == u"owner none")
        return expect(item.owner.isEmpty(), "owner not removed");
    if (editName == u"due")
        return expect(item.due == QDate(2027, 1, 2), "due not set");
    if (editName == u"due none")
        return expect(!item.due.isValid(), "due not removed");
    if (editName == u"scheduled")
        return expect(item.scheduled == QDate(2027, 1, 3), "scheduled not set");
    if (editName == u"start none")
        return expect(!item.start.isValid(), "start not removed");
    if (editName == u"start")
        return expect(item.start == QDate(2027, 1, 4), "start not set");
    if (editName == u"priority")
        return expect(item.priority == Priority::Highest, "priority not set");
    if (editName == u"priority none")
        return expect(item.priority == Priority::None, "priority not removed");
    if (editName == u"everything")
        return expect(item.text == QStringLiteral("All at once") && item.owner == QStringLiteral("Amy")
                          && item.due == QDate(2027, 2, 1) && item.priority == Priority::Low,
                      "not every field set");
    return {};
}

// The parser's items with their line and raw bytes left out, to compare what the user sees.
QList<ActionItem> itemsExcept(const QList<ActionItem> &items, int line)
{
    QList<ActionItem> result;
    for (ActionItem item : items) {
        if (item.line == line)
            continue;
        item.line = 0;
        item.raw.clear();
        result.append(item);
    }
    return result;
}

// Checks that only the lines the edit means differ: for a change, exactly `line`; for a delete,
// that line and at most one blank neighbour (and the previous line's ending at the end of a file
// without a final newline); for an add, the added lines.
QString unexpectedDifference(const TextLines &before, const TextLines &after, int line, int maxRemoved, int maxAdded)
{
    if (before.bom != after.bom)
        return QStringLiteral("the byte-order mark changed");
    qsizetype prefix = 0;
    while (prefix < before.lines.size() && prefix < after.lines.size()
           && before.lines.at(prefix) == after.lines.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.lines.size() - prefix && suffix < after.lines.size() - prefix
           && before.lines.at(before.lines.size() - 1 - suffix) == after.lines.at(after.lines.size() - 1 - suffix))
        ++suffix;
    const qsizetype removed = before.lines.size() - prefix - suffix;
    const qsizetype added = after.lines.size() - prefix - suffix;
    if (removed == 0 && added == 0)
        return {};
    if (removed > maxRemoved || added > maxAdded)
        return QStringLiteral("lines %1..%2 changed (%3 removed, %4 added), expected line %5")
            .arg(prefix + 1)
            .arg(prefix + removed)
            .arg(removed)
            .arg(added)
            .arg(line);
    if (line && (line < prefix + 1 - 1 || line > prefix + removed + 1))
        return QStringLiteral("line %1 changed, expected line %2").arg(prefix + 1).arg(line);
    return {};
}

} // namespace

class TestEditRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripEveryItem_data();
    void roundTripEveryItem();
    void seedsRoundTrip();
};

void TestEditRoundTrip::roundTripEveryItem_data()
{
    QTest::addColumn<QString>("source");
    for (const QString &source : allFixturePaths())
        QTest::newRow(qPrintable(QFileInfo(source).fileName())) << source;
}

void TestEditRoundTrip::roundTripEveryItem()
{
    QFETCH(QString, source);
    const QString name = QFileInfo(source).fileName();
    const QByteArray original = readFile(source);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeFile(path, original));
    const TextLines lines = TextLines::split(original);
    // Every action item the parser reads; the edits' own view of the file must agree.
    const Note note = NoteParser::parse(original, path);
    QList<int> tasks;
    for (const ActionItem &item : note.actionItems)
        tasks.append(item.line);
    if (name == u"tight-lf.md" || name == u"loose-crlf.md" || name == u"nested-numbered.md")
        QVERIFY(!tasks.isEmpty());
    int checked = 0;
    for (const int line : tasks) {
        for (const auto &[editName, edit] : everyEdit(line)) {
            const QString where = QStringLiteral("%1:%2 %3").arg(name).arg(line).arg(editName);
            const NoteFile::ReadResult read = NoteFile::read(path);
            NoteEdit targeted = edit;
            targeted.expected = lines.content(line).toByteArray();
            const NoteFile::PatchResult result = NoteEditor::apply(path, {targeted}, read.stamp, today);
            QVERIFY2(result.ok(), qPrintable(where + QStringLiteral(": ") + result.error.message));
            const TextLines edited = TextLines::split(readFile(path));
            const bool removes = edit.kind == NoteEdit::Kind::Delete;
            const QString difference = unexpectedDifference(lines, edited, line, removes ? 2 : 1, 1);
            QVERIFY2(difference.isEmpty(), qPrintable(where + QStringLiteral(": ") + difference));
            if (removes)
                QVERIFY2(edited.count() < lines.count(), qPrintable(where));
            else
                QCOMPARE(edited.count(), lines.count());
            if (edit.kind == NoteEdit::Kind::Change || edit.kind == NoteEdit::Kind::Status) {
                // The parser sees the edit on that line, and every other item as it was.
                const Note reparsed = NoteParser::parse(edited.join(), path);
                const auto item = std::find_if(reparsed.actionItems.cbegin(), reparsed.actionItems.cend(),
                                               [&](const ActionItem &i) { return i.line == line; });
                QVERIFY2(item != reparsed.actionItems.cend(),
                         qPrintable(where + QStringLiteral(": no item after the edit")));
                const QString wrong = wrongAfterEdit(editName, *item);
                QVERIFY2(wrong.isEmpty(),
                         qPrintable(where + QStringLiteral(": ") + wrong + QStringLiteral(" in ")
                                    + QString::fromUtf8(item->raw)));
                QVERIFY2(itemsExcept(reparsed.actionItems, line) == itemsExcept(note.actionItems, line),
                         qPrintable(where + QStringLiteral(": another item changed")));
            }
            const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
            QVERIFY2(undone.ok(), qPrintable(where + QStringLiteral(": ") + undone.error.message));
            QVERIFY2(readFile(path) == original,
                     qPrintable(where + QStringLiteral(": undo did not restore the bytes")));
            ++checked;
        }
    }
    qDebug("%s: %d edits and undos", qPrintable(name), checked);
}

void TestEditRoundTrip::seedsRoundTrip()
{
    // The environment wins, so that a worktree outside the main checkout can point at the seeds.
    const QString seedPath = qEnvironmentVariableIsEmpty("DEBRIEF_SEEDS") ? QStringLiteral(DEBRIEF_SEEDS)
                                                                          : qEnvironmentVariable("DEBRIEF_SEEDS");
    const QDir seeds(seedPath);
    const QStringList names = seeds.entryList(QDir::Files, QDir::Name);
    if (names.isEmpty())
        QSKIP("no seeds at DEBRIEF_SEEDS");
    QTemporaryDir dir;
    int checked = 0;
    for (const QString &name : names) {
        const QByteArray original = readFile(seeds.filePath(name));
        const QString path = dir.filePath(name);
        QVERIFY(writeFile(path, original));
        const TextLines lines = TextLines::split(original);
        const QList<int> tasks = taskLines(lines);
        QVERIFY2(!tasks.isEmpty(), qPrintable(name));
        QList<int> parsed;
        for (const ActionItem &item : NoteParser::parse(original, path).actionItems)
            parsed.append(item.line);
        QCOMPARE(tasks, parsed);
        for (const int line : tasks) {
            for (const auto &[editName, edit] : everyEdit(line)) {
                const QString where = QStringLiteral("seed %1:%2 %3").arg(name).arg(line).arg(editName);
                const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, NoteFile::read(path).stamp, today);
                QVERIFY2(result.ok(), qPrintable(where + QStringLiteral(": ") + result.error.message));
                const QString difference = unexpectedDifference(lines, TextLines::split(readFile(path)), line,
                                                                edit.kind == NoteEdit::Kind::Delete ? 2 : 1, 1);
                QVERIFY2(difference.isEmpty(), qPrintable(where + QStringLiteral(": ") + difference));
                if (edit.kind != NoteEdit::Kind::Delete) {
                    const Note reparsed = NoteParser::parse(readFile(path), path);
                    const auto item = std::find_if(reparsed.actionItems.cbegin(), reparsed.actionItems.cend(),
                                                   [&](const ActionItem &i) { return i.line == line; });
                    QVERIFY2(item != reparsed.actionItems.cend(), qPrintable(where));
                    const QString wrong = wrongAfterEdit(editName, *item);
                    QVERIFY2(wrong.isEmpty(), qPrintable(where + QStringLiteral(": ") + wrong));
                }
                QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
                QVERIFY2(readFile(path) == original,
                         qPrintable(where + QStringLiteral(": undo did not restore the bytes")));
                ++checked;
            }
        }
        // Adding and repairing round-trip too.
        for (const NoteEdit &edit :
             {NoteEdit::addActionItem(QStringLiteral("New")), NoteEdit::addDecision(QStringLiteral("New")),
              NoteEdit::repair(), NoteEdit::replaceSummary(QStringLiteral("Short."))}) {
            const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, NoteFile::read(path).stamp, today);
            QVERIFY2(result.ok(), qPrintable(result.error.message));
            QVERIFY(readFile(path) != original);
            QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
            QVERIFY(readFile(path) == original);
        }
    }
    qDebug("seeds: %d edits and undos", checked);
}

QTEST_GUILESS_MAIN(TestEditRoundTrip)
#include "tst_editroundtrip.moc"
