// Every edit changes the bytes it means and nothing else, and its inverse gives the file back.
#include "noteeditor.h"
#include "noteparser.h"
#include "noteoutline.h"
#include "notefile.h"
#include "taskedit.h"
#include "taskline.h"
#include "textlines.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <QTemporaryDir>
#include <QTest>

using namespace debrief;

namespace {

const QDate today(2026, 11, 21);
using Action = TaskEdit::StatusAction;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QString fixture(const QString &name)
{
    return QStringLiteral(DEBRIEF_FIXTURES "/edit/") + name;
}

// The parser's fixtures too: every fixture in the project must survive every edit.
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
        return expect(item.status == TaskStatus::Open && !item.tags.contains(QStringLiteral("proposed")), "not accepted");
    if (editName == u"reject")
        return expect(item.status == TaskStatus::Cancelled && item.cancelledDate == today && !item.doneDate.isValid()
                          && !item.tags.contains(QStringLiteral("proposed")), "not rejected");
    if (editName == u"done")
        return expect(item.status == TaskStatus::Done && item.doneDate == today && !item.cancelledDate.isValid(), "not done");
    if (editName == u"reopen")
        return expect(item.status == TaskStatus::Open && !item.doneDate.isValid() && !item.cancelledDate.isValid(), "not reopened");
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
QString unexpectedDifference(const TextLines &before, const TextLines &after, int line, int maxRemoved,
                             int maxAdded)
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
            .arg(prefix + 1).arg(prefix + removed).arg(removed).arg(added).arg(line);
    if (line && (line < prefix + 1 - 1 || line > prefix + removed + 1))
        return QStringLiteral("line %1 changed, expected line %2").arg(prefix + 1).arg(line);
    return {};
}

} // namespace

class TestNoteEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatTable_data();
    void formatTable();
    void lineEdits_data();
    void lineEdits();
    void roundTripEveryItem_data();
    void roundTripEveryItem();
    void addItem_data();
    void addItem();
    void deleteItem_data();
    void deleteItem();
    void replaceSummary_data();
    void replaceSummary();
    void repairFile();
    void notAnActionItem_data();
    void notAnActionItem();
    void severalEditsAllOrNothing();
    void fileChangedUnrelatedLine();
    void fileChangedTargetLine();
    void fileDeleted();
    void noEditWritesNothing();
    void seedsRoundTrip();
};

void TestNoteEdit::formatTable_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("accept") << int(Action::Accept) << QByteArray("- [?] Do it. @Ann 📅 2025-10-31 #task #proposed")
                            << QByteArray("- [ ] Do it. @Ann 📅 2025-10-31 #task");
    QTest::newRow("reject") << int(Action::Reject) << QByteArray("- [?] Do it. @Ann #task #proposed")
                            << QByteArray("- [-] Do it. @Ann #task ❌ 2026-11-21");
    QTest::newRow("done") << int(Action::Done) << QByteArray("- [ ] Do it. @Ann #task")
                          << QByteArray("- [x] Do it. @Ann #task ✅ 2026-11-21");
    QTest::newRow("reopen") << int(Action::Reopen) << QByteArray("- [x] Do it. @Ann #task ✅ 2026-11-21")
                            << QByteArray("- [ ] Do it. @Ann #task");
}

void TestNoteEdit::formatTable()
{
    QFETCH(int, action);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QCOMPARE(TaskEdit::setStatus(before, Action(action), today).value_or("<not a task>"), after);

    // The same through the file, with CRLF around it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("note.md"));
    const QByteArray head = "# Note\r\n\r\n## Action Items\r\n";
    QVERIFY(writeAll(path, head + before + "\r\n- [ ] Other\r\n"));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(4, Action(action), before)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(readAll(path), head + after + "\r\n- [ ] Other\r\n");
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readAll(path), read.bytes);
}

void TestNoteEdit::lineEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<QByteArray>("after");
    const auto status = [](Action a) { return NoteEdit::setStatus(1, a); };
    const auto change = [](auto set) { NoteEdit e = NoteEdit::change(1); set(e); return e; };
    // U+F8FF "üìÖ" is 📅 read as Mac Roman; "‚úÖ" is ✅.
    const QByteArray mojibakeDue = "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96";
    const QByteArray mojibakeDone = "\xE2\x80\x9A\xC3\xBA\xC3\x96";

    QTest::newRow("accept [ ?]") << QByteArray("- [ ?] Do it. #task #proposed") << status(Action::Accept)
                                 << QByteArray("- [ ] Do it. #task");
    QTest::newRow("accept proposed in the middle") << QByteArray("- [?] Do it. #proposed #task")
                                                   << status(Action::Accept) << QByteArray("- [ ] Do it. #task");
    QTest::newRow("reject replaces an old date") << QByteArray("- [-] Do it. ❌ 2020-01-01 #task")
                                                 << status(Action::Reject) << QByteArray("- [-] Do it. ❌ 2026-11-21 #task");
    QTest::newRow("done drops the cancelled date") << QByteArray("- [-] Do it. #task ❌ 2020-01-01")
                                                   << status(Action::Done) << QByteArray("- [x] Do it. #task ✅ 2026-11-21");
    QTest::newRow("reopen mojibake done date")
        << QByteArray("- [x] Do it. #task " + mojibakeDone + " 2026-01-01") << status(Action::Reopen)
        << QByteArray("- [ ] Do it. #task");
    QTest::newRow("reopen dataview completion") << QByteArray("- [x] Do it. [completion:: 2026-01-01] #task")
                                                << status(Action::Reopen) << QByteArray("- [ ] Do it. #task");
    QTest::newRow("in progress") << QByteArray("1. [ ] Do it.") << status(Action::InProgress) << QByteArray("1. [/] Do it.");
    QTest::newRow("text") << QByteArray("- [ ] Old words @Ann 📅 2026-01-01 #task")
                          << change([](NoteEdit &e) { e.text = QStringLiteral("New words"); })
                          << QByteArray("- [ ] New words @Ann 📅 2026-01-01 #task");
    QTest::newRow("owner replaced") << QByteArray("- [ ] Do it. @Ann Lee 📅 2026-01-01 #task")
                                    << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo Chan"); })
                                    << QByteArray("- [ ] Do it. @Bo Chan 📅 2026-01-01 #task");
    QTest::newRow("owner inserted before tags") << QByteArray("- [ ] Do it. #task #auto")
                                                << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
                                                << QByteArray("- [ ] Do it. @Bo #task #auto");
    QTest::newRow("owner appended") << QByteArray("- [ ] Do it.")
                                    << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
                                    << QByteArray("- [ ] Do it. @Bo");
    QTest::newRow("owner removed") << QByteArray("- [ ] Do it. @Ann Lee #task")
                                   << change([](NoteEdit &e) { e.owner = QString(); }) << QByteArray("- [ ] Do it. #task");
    QTest::newRow("due in place, mojibake kept")
        << QByteArray("- [ ] Do it. " + mojibakeDue + " 2025-10-31 #task")
        << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
        << QByteArray("- [ ] Do it. " + mojibakeDue + " 2026-02-03 #task");
    QTest::newRow("due inserted with real emoji") << QByteArray("- [ ] Do it. @Ann #task")
                                                  << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
                                                  << QByteArray("- [ ] Do it. @Ann 📅 2026-02-03 #task");
    QTest::newRow("due dataview spelling") << QByteArray("- [ ] Do it. [due:: 2025-10-31] #task")
                                           << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
                                           << QByteArray("- [ ] Do it. [due:: 2026-02-03] #task");
    QTest::newRow("due removed") << QByteArray("- [ ] Do it. 📅 2025-10-31 ⏫ #task")
                                 << change([](NoteEdit &e) { e.due = QDate(); }) << QByteArray("- [ ] Do it. ⏫ #task");
    QTest::newRow("owner before tags and done date") << QByteArray("- [x] Do it. #task ✅ 2026-01-01")
                                                     << change([](NoteEdit &e) { e.owner = QStringLiteral("Bo"); })
                                                     << QByteArray("- [x] Do it. @Bo #task ✅ 2026-01-01");
    QTest::newRow("due before a cancelled date") << QByteArray("- [-] Do it. ❌ 2026-01-01")
                                                 << change([](NoteEdit &e) { e.due = QDate(2026, 2, 3); })
                                                 << QByteArray("- [-] Do it. 📅 2026-02-03 ❌ 2026-01-01");
    QTest::newRow("scheduled inserted") << QByteArray("- [ ] Do it.")
                                        << change([](NoteEdit &e) { e.scheduled = QDate(2026, 2, 3); })
                                        << QByteArray("- [ ] Do it. ⏳ 2026-02-03");
    QTest::newRow("start inserted") << QByteArray("- [ ] Do it. #t")
                                    << change([](NoteEdit &e) { e.start = QDate(2026, 2, 3); })
                                    << QByteArray("- [ ] Do it. 🛫 2026-02-03 #t");
    QTest::newRow("priority in place") << QByteArray("- [ ] Do it. ⏫ #task")
                                       << change([](NoteEdit &e) { e.priority = Priority::Lowest; })
                                       << QByteArray("- [ ] Do it. ⏬ #task");
    QTest::newRow("priority with selector") << QByteArray("- [ ] Do it. ⏫\xEF\xB8\x8F #task")
                                            << change([](NoteEdit &e) { e.priority = Priority::Medium; })
                                            << QByteArray("- [ ] Do it. 🔼 #task");
    QTest::newRow("priority dataview") << QByteArray("- [ ] Do it. [priority:: low]")
                                       << change([](NoteEdit &e) { e.priority = Priority::High; })
                                       << QByteArray("- [ ] Do it. [priority:: high]");
    QTest::newRow("priority removed") << QByteArray("- [ ] Do it. 🔺 #task")
                                      << change([](NoteEdit &e) { e.priority = Priority::None; })
                                      << QByteArray("- [ ] Do it. #task");
    QTest::newRow("nested quote item") << QByteArray("> \t- [?] Quoted. #proposed") << status(Action::Accept)
                                       << QByteArray("> \t- [ ] Quoted.");
}

void TestNoteEdit::lineEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(NoteEdit, edit);
    QFETCH(QByteArray, after);
    // No final newline, and an invalid byte on another line that must survive.
    const QByteArray other = "- [ ] Other \xFF line\n";
    const TextLines lines = TextLines::split(before + "\n" + other);
    const NoteEditor::Plan plan = NoteEditor::plan(lines, QStringLiteral("t.md"), edit, today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after + "\n" + other);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), lines.join());
}

void TestNoteEdit::roundTripEveryItem_data()
{
    QTest::addColumn<QString>("source");
    for (const QString &source : allFixturePaths())
        QTest::newRow(qPrintable(QFileInfo(source).fileName())) << source;
}

void TestNoteEdit::roundTripEveryItem()
{
    QFETCH(QString, source);
    const QString name = QFileInfo(source).fileName();
    const QByteArray original = readAll(source);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeAll(path, original));
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
            const TextLines edited = TextLines::split(readAll(path));
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
                QVERIFY2(item != reparsed.actionItems.cend(), qPrintable(where + QStringLiteral(": no item after the edit")));
                const QString wrong = wrongAfterEdit(editName, *item);
                QVERIFY2(wrong.isEmpty(), qPrintable(where + QStringLiteral(": ") + wrong + QStringLiteral(" in ")
                                                     + QString::fromUtf8(item->raw)));
                QVERIFY2(itemsExcept(reparsed.actionItems, line) == itemsExcept(note.actionItems, line),
                         qPrintable(where + QStringLiteral(": another item changed")));
            }
            const NoteFile::PatchResult undone = NoteEditor::undo(path, result.applied, result.stamp);
            QVERIFY2(undone.ok(), qPrintable(where + QStringLiteral(": ") + undone.error.message));
            QVERIFY2(readAll(path) == original, qPrintable(where + QStringLiteral(": undo did not restore the bytes")));
            ++checked;
        }
    }
    qDebug("%s: %d edits and undos", qPrintable(name), checked);
}

void TestNoteEdit::addItem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<int>("afterLine");     // the new lines go after this line of the original
    QTest::addColumn<QByteArray>("added");  // with their endings

    NoteEdit task = NoteEdit::addActionItem(QStringLiteral("Call the bank"));
    task.owner = QStringLiteral("Ann Park");
    task.due = QDate(2026, 12, 1);
    task.priority = Priority::High;
    QTest::newRow("tight list") << QStringLiteral("tight-lf.md") << task << 24
                                << QByteArray("- [ ] Call the bank @Ann Park 📅 2026-12-01 ⏫\n");
    QTest::newRow("decision tight") << QStringLiteral("tight-lf.md")
                                    << NoteEdit::addDecision(QStringLiteral("Freeze hiring.")) << 28
                                    << QByteArray("- Freeze hiring.\n");
    QTest::newRow("loose crlf list") << QStringLiteral("loose-crlf.md") << NoteEdit::addActionItem(QStringLiteral("Sign it"))
                                     << 23 << QByteArray("\r\n- [ ] Sign it\r\n");
    QTest::newRow("loose decisions") << QStringLiteral("loose-crlf.md") << NoteEdit::addDecision(QStringLiteral("Pay yearly."))
                                     << 32 << QByteArray("\r\n- Pay yearly.\r\n");
    QTest::newRow("star bullets, no final newline") << QStringLiteral("bom-no-final-newline.md")
                                                    << NoteEdit::addActionItem(QStringLiteral("Ship it")) << 5
                                                    << QByteArray("* [ ] Ship it");
    QTest::newRow("numbered after nested") << QStringLiteral("nested-numbered.md")
                                           << NoteEdit::addActionItem(QStringLiteral("Next")) << 10
                                           << QByteArray("4) [ ] Next\n");
    QTest::newRow("numbered decisions") << QStringLiteral("nested-numbered.md")
                                        << NoteEdit::addDecision(QStringLiteral("Third.")) << 20
                                        << QByteArray("3. Third.\n");
    QTest::newRow("lone cr") << QStringLiteral("lone-cr.md") << NoteEdit::addActionItem(QStringLiteral("Third"))
                             << 5 << QByteArray("- [ ] Third\r");
    QTest::newRow("new section before decisions") << QStringLiteral("mojibake-invalid.md")
                                                  << NoteEdit::addDecision(QStringLiteral("Meet again."))
                                                  << 20 << QByteArray("## Decisions\n- Meet again.\n\n");
    QTest::newRow("new section at the end") << QStringLiteral("no-sections.md")
                                            << NoteEdit::addActionItem(QStringLiteral("Write more"))
                                            << 7 << QByteArray("\n## Action Items\n- [ ] Write more\n");
    QTest::newRow("named task section, created before Decisions")
        << QStringLiteral("tight-lf.md") << NoteEdit::addActionItem(QStringLiteral("Later"), QStringLiteral("Follow-ups"))
        << 25 << QByteArray("## Follow-ups\n- [ ] Later\n\n");
    QTest::newRow("named section, created before Key Information")
        << QStringLiteral("tight-lf.md") << NoteEdit::addDecision(QStringLiteral("Noted"), QStringLiteral("Open questions"))
        << 29 << QByteArray("## Open questions\n- Noted\n\n");
    QTest::newRow("created before the Source rule") << QStringLiteral("source-rule.md")
        << NoteEdit::addActionItem(QStringLiteral("Do")) << 5 << QByteArray("## Action Items\n- [ ] Do\n\n");
}

void TestNoteEdit::addItem()
{
    QFETCH(QString, name);
    QFETCH(NoteEdit, edit);
    QFETCH(int, afterLine);
    QFETCH(QByteArray, added);
    const QByteArray original = readAll(fixture(name));
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeAll(path, original));
    const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, NoteFile::read(path).stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));

    TextLines expected = TextLines::split(original);
    QByteArray head;
    for (int line = 1; line <= afterLine; ++line)
        head += expected.lines.at(line - 1);
    QByteArray tail;
    for (int line = afterLine + 1; line <= expected.count(); ++line)
        tail += expected.lines.at(line - 1);
    if (TextLines::endingOf(expected.lines.at(afterLine - 1)).isEmpty())
        head += expected.preferredEnding(); // the last line gets the ending it now needs
    // Lines first, for a readable failure; then every byte.
    QCOMPARE(TextLines::split(readAll(path)).lines, TextLines::split(expected.bom + head + added + tail).lines);
    QCOMPARE(readAll(path), expected.bom + head + added + tail);
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readAll(path), original);
}

void TestNoteEdit::deleteItem_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("tight") << QByteArray("## A\n- [ ] a\n- [ ] b\n- [ ] c\n") << 3 << QByteArray("## A\n- [ ] a\n- [ ] c\n");
    QTest::newRow("loose keeps one blank") << QByteArray("## A\n\n- [ ] a\n\n- [ ] b\n\n- [ ] c\n") << 5
                                           << QByteArray("## A\n\n- [ ] a\n\n- [ ] c\n");
    QTest::newRow("loose last") << QByteArray("## A\n\n- [ ] a\n\n- [ ] b\n\n## B\n") << 5
                                << QByteArray("## A\n\n- [ ] a\n\n## B\n");
    QTest::newRow("first line") << QByteArray("- [ ] a\n- [ ] b\n") << 1 << QByteArray("- [ ] b\n");
    QTest::newRow("only line") << QByteArray("- [ ] a") << 1 << QByteArray();
    QTest::newRow("last line without newline") << QByteArray("## A\r\n- [ ] a\r\n- [ ] b") << 3
                                               << QByteArray("## A\r\n- [ ] a");
    QTest::newRow("decision bullet") << QByteArray("## Decisions\n1. x\n2. y\n") << 2
                                     << QByteArray("## Decisions\n2. y\n");
    QTest::newRow("key information, loose, last") << QByteArray("## Key Information\n\n- x\n\n- y\n") << 5
                                                  << QByteArray("## Key Information\n\n- x\n");
    QTest::newRow("loose, last, no final newline") << QByteArray("## Decisions\r\n\r\n- x\r\n\r\n- y") << 5
                                                   << QByteArray("## Decisions\r\n\r\n- x");
}

void TestNoteEdit::deleteItem()
{
    QFETCH(QByteArray, before);
    QFETCH(int, line);
    QFETCH(QByteArray, after);
    const TextLines lines = TextLines::split(before);
    const NoteEditor::Plan plan = NoteEditor::plan(lines, QStringLiteral("t.md"), NoteEdit::remove(line), today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), before);
}

void TestNoteEdit::replaceSummary_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("one paragraph") << QByteArray("# T\n\n## Summary\nOld one.\n\n## Action Items\n") << QStringLiteral("New one.")
                                   << QByteArray("# T\n\n## Summary\nNew one.\n\n## Action Items\n");
    QTest::newRow("blank kept, crlf") << QByteArray("## Summary\r\n\r\nA.\r\n\r\nB.\r\n## Next\r\n")
                                      << QStringLiteral("One.\n\nTwo.")
                                      << QByteArray("## Summary\r\n\r\nOne.\r\n\r\nTwo.\r\n## Next\r\n");
    QTest::newRow("empty section") << QByteArray("## Summary\n## Next\n") << QStringLiteral("Text.")
                                   << QByteArray("## Summary\nText.\n## Next\n");
    QTest::newRow("created") << QByteArray("# T\n\n## Action Items\n- [ ] a\n") << QStringLiteral("Text.")
                             << QByteArray("# T\n\n## Summary\n\nText.\n\n## Action Items\n- [ ] a\n");
    QTest::newRow("cleared") << QByteArray("## Summary\nOld.\n\n## Next\n") << QString()
                             << QByteArray("## Summary\n\n## Next\n");
}

void TestNoteEdit::replaceSummary()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, text);
    QFETCH(QByteArray, after);
    const TextLines lines = TextLines::split(before);
    const NoteEditor::Plan plan = NoteEditor::plan(lines, QStringLiteral("t.md"), NoteEdit::replaceSummary(text), today);
    QVERIFY2(plan.ok(), qPrintable(plan.error.message));
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    QCOMPARE(edited.join(), after);
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), before);
}

void TestNoteEdit::repairFile()
{
    const QByteArray original = readAll(fixture(QStringLiteral("mojibake-invalid.md")));
    const TextLines lines = TextLines::split(original);
    const NoteEditor::Plan plan = NoteEditor::plan(lines, QStringLiteral("t.md"), NoteEdit::repair(), today);
    QVERIFY(plan.ok());
    TextLines edited = lines;
    const std::optional<LinePatch> applied = plan.patch.apply(edited, LinePatch::Mode::Exact);
    QVERIFY(applied);
    const QByteArray repaired = edited.join();
    QVERIFY(repaired.contains("They talked about Gus’s move and the café order."));
    QVERIFY(repaired.contains("- [ ?] Send Gus’s notes to Fay. @Fay Ng 📅 2026-05-04 ⏫ #task #proposed\n"));
    QVERIFY(repaired.contains("Zürich trip. @Myself 🔽 #task"));
    QVERIFY(repaired.contains("#task ✅ 2026-05-01\n"));
    QVERIFY(repaired.contains("- [ ] Fix the \xFF\xFE broken bytes line. #task\n"));
    QVERIFY(repaired.contains("- Bytes \xC3\x28 stay as they are.\n"));
    QVERIFY(repaired.contains("Ren\xC3\xA9" "e is spelled right."));
    QCOMPARE(applied->hunks().size(), 4); // only the lines that had mojibake
    QVERIFY(applied->inverse().apply(edited, LinePatch::Mode::Exact));
    QCOMPARE(edited.join(), original);
    // Repairing a repaired file changes nothing.
    QVERIFY(NoteEditor::plan(TextLines::split(repaired), QStringLiteral("t.md"), NoteEdit::repair(), today).patch.isEmpty());
}

void TestNoteEdit::notAnActionItem_data()
{
    QTest::addColumn<NoteEdit>("edit");
    QTest::addColumn<int>("code");
    QTest::newRow("paragraph") << NoteEdit::setStatus(3, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("inside code") << NoteEdit::setStatus(13, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("heading delete") << NoteEdit::remove(5) << int(EditError::Code::NotActionItem);
    QTest::newRow("delete the code line") << NoteEdit::remove(13) << int(EditError::Code::NotActionItem);
    QTest::newRow("past the end") << NoteEdit::setStatus(999, Action::Done) << int(EditError::Code::NotActionItem);
    QTest::newRow("owner on a decision") << [] { NoteEdit e = NoteEdit::change(20); e.owner = QStringLiteral("X"); return e; }()
                                         << int(EditError::Code::NotActionItem);
}

void TestNoteEdit::notAnActionItem()
{
    QFETCH(NoteEdit, edit);
    QFETCH(int, code);
    const TextLines lines = TextLines::split(readAll(fixture(QStringLiteral("nested-numbered.md"))));
    const NoteEditor::Plan plan = NoteEditor::plan(lines, QStringLiteral("n.md"), edit, today);
    QCOMPARE(int(plan.error.code), code);
    QVERIFY2(plan.error.message.contains(QStringLiteral("n.md")), qPrintable(plan.error.message));
}

void TestNoteEdit::severalEditsAllOrNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readAll(fixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeAll(path, original));
    const FileStamp stamp = NoteFile::read(path).stamp;
    // One good target, one that is not a task: nothing is written.
    NoteFile::PatchResult result = NoteEditor::apply(
        path, {NoteEdit::setStatus(18, Action::Accept), NoteEdit::setStatus(9, Action::Accept)}, stamp, today);
    QCOMPARE(result.error.code, EditError::Code::NotActionItem);
    QCOMPARE(readAll(path), original);
    result = NoteEditor::apply(path, {NoteEdit::setStatus(18, Action::Accept), NoteEdit::setStatus(19, Action::Reject)},
                               stamp, today);
    QVERIFY(result.ok());
    const TextLines edited = TextLines::split(readAll(path));
    QVERIFY(edited.content(18).startsWith("- [ ] Send"));
    QVERIFY(edited.content(19).startsWith("- [-] Book"));
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readAll(path), original);
}

void TestNoteEdit::fileChangedUnrelatedLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readAll(fixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeAll(path, original));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QByteArray raw = TextLines::split(read.bytes).content(20).toByteArray();
    // Obsidian adds a line at the top of the body and edits the summary meanwhile.
    QByteArray outside = original;
    outside.replace("The team went through the spring budget.", "The team went through the budget.");
    outside.replace("# Budget review\n\n**Date**", "# Budget review\n\nAdded elsewhere.\n\n**Date**");
    QVERIFY(writeAll(path, outside));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done, raw)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.fileHadChanged);
    QByteArray expected = outside;
    expected.replace("- [ ] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task\n",
                     "- [x] Draft the hiring plan. @Myself ⏳ 2026-03-04 #task ✅ 2026-11-21\n");
    QCOMPARE(readAll(path), expected);
    QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
    QCOMPARE(readAll(path), outside);
}

void TestNoteEdit::fileChangedTargetLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    const QByteArray original = readAll(fixture(QStringLiteral("tight-lf.md")));
    QVERIFY(writeAll(path, original));
    const NoteFile::ReadResult read = NoteFile::read(path);
    const QByteArray raw = TextLines::split(read.bytes).content(20).toByteArray();
    QByteArray outside = original;
    outside.replace("Draft the hiring plan.", "Draft the hiring plan for Q3.");
    QVERIFY(writeAll(path, outside));
    const NoteFile::PatchResult result =
        NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done, raw)}, read.stamp, today);
    QCOMPARE(result.error.code, EditError::Code::Conflict);
    QVERIFY2(result.error.message.contains(QStringLiteral("n.md")), qPrintable(result.error.message));
    QCOMPARE(readAll(path), outside);
    // Without the line's bytes to check, a changed file is a conflict too.
    QCOMPARE(NoteEditor::apply(path, {NoteEdit::setStatus(20, Action::Done)}, read.stamp, today).error.code,
             EditError::Code::Conflict);
    QCOMPARE(readAll(path), outside);
}

void TestNoteEdit::fileDeleted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone.md"));
    QVERIFY(writeAll(path, readAll(fixture(QStringLiteral("tight-lf.md")))));
    const FileStamp stamp = NoteFile::read(path).stamp;
    QVERIFY(QFile::remove(path));
    const NoteFile::PatchResult result = NoteEditor::apply(path, {NoteEdit::setStatus(18, Action::Accept)}, stamp, today);
    QCOMPARE(result.error.code, EditError::Code::NotFound);
    QVERIFY2(result.error.message.contains(QStringLiteral("gone.md does not exist")), qPrintable(result.error.message));
    QVERIFY(!QFile::exists(path));
}

void TestNoteEdit::noEditWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.md"));
    QVERIFY(writeAll(path, "- [ ] Open already\n"));
    const NoteFile::ReadResult read = NoteFile::read(path);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner)); // any write would fail
    const NoteFile::PatchResult result = NoteEditor::apply(path, {NoteEdit::setStatus(1, Action::Accept)}, read.stamp, today);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(result.applied.isEmpty());
}

void TestNoteEdit::seedsRoundTrip()
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
        const QByteArray original = readAll(seeds.filePath(name));
        const QString path = dir.filePath(name);
        QVERIFY(writeAll(path, original));
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
                const QString difference = unexpectedDifference(
                    lines, TextLines::split(readAll(path)), line, edit.kind == NoteEdit::Kind::Delete ? 2 : 1, 1);
                QVERIFY2(difference.isEmpty(), qPrintable(where + QStringLiteral(": ") + difference));
                if (edit.kind != NoteEdit::Kind::Delete) {
                    const Note reparsed = NoteParser::parse(readAll(path), path);
                    const auto item = std::find_if(reparsed.actionItems.cbegin(), reparsed.actionItems.cend(),
                                                   [&](const ActionItem &i) { return i.line == line; });
                    QVERIFY2(item != reparsed.actionItems.cend(), qPrintable(where));
                    const QString wrong = wrongAfterEdit(editName, *item);
                    QVERIFY2(wrong.isEmpty(), qPrintable(where + QStringLiteral(": ") + wrong));
                }
                QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
                QVERIFY2(readAll(path) == original, qPrintable(where + QStringLiteral(": undo did not restore the bytes")));
                ++checked;
            }
        }
        // Adding and repairing round-trip too.
        for (const NoteEdit &edit : {NoteEdit::addActionItem(QStringLiteral("New")), NoteEdit::addDecision(QStringLiteral("New")),
                                     NoteEdit::repair(), NoteEdit::replaceSummary(QStringLiteral("Short."))}) {
            const NoteFile::PatchResult result = NoteEditor::apply(path, {edit}, NoteFile::read(path).stamp, today);
            QVERIFY2(result.ok(), qPrintable(result.error.message));
            QVERIFY(readAll(path) != original);
            QVERIFY(NoteEditor::undo(path, result.applied, result.stamp).ok());
            QVERIFY(readAll(path) == original);
        }
    }
    qDebug("seeds: %d edits and undos", checked);
}

QTEST_GUILESS_MAIN(TestNoteEdit)
#include "tst_noteedit.moc"
