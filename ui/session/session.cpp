#include "session/session.h"

#include "edit/noteeditor.h"
#include "session/undostep.h"
#include "session/vaultwatcher.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <QtConcurrent>

#include <utility>

namespace debrief {

namespace {

struct Seen
{
    qint64 size = -1;
    qint64 modified = 0;
};

bool differs(const QFileInfo &info, qint64 size, qint64 modified)
{
    return !info.isFile() || info.size() != size || info.lastModified().toMSecsSinceEpoch() != modified;
}

// Runs on a worker thread: which notes were added, changed or removed since they were read.
QStringList findChanges(const QString &root, const QHash<QString, Seen> &known)
{
    QStringList changed;
    const QStringList found = Vault::findNotes(root);
    QSet<QString> present;
    for (const QString &path : found) {
        present.insert(path);
        const auto it = known.constFind(path);
        if (it == known.constEnd() || differs(QFileInfo(path), it->size, it->modified))
            changed.append(path);
    }
    for (auto it = known.constBegin(); it != known.constEnd(); ++it) {
        if (!present.contains(it.key()))
            changed.append(it.key());
    }
    return changed;
}

QString elided(const QString &text)
{
    constexpr int maxLength = 24;
    const QString simple = text.simplified();
    if (simple.size() <= maxLength)
        return simple;
    return simple.left(maxLength).trimmed() + QChar(0x2026);
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_watcher(new VaultWatcher(this))
{
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &Session::finishLoad);
    connect(&m_scanWatcher, &QFutureWatcherBase::finished, this, [this] {
        // A scan of the vault that was open before: its paths mean nothing here.
        if (m_scanGeneration == m_generation)
            refresh(m_scanWatcher.result());
        if (m_rescanAgain) {
            m_rescanAgain = false;
            rescan();
        }
    });
    // Emitted by the stack right after it moved past a step; a refused one is moved back at once.
    connect(&m_undoStack, &QUndoStack::indexChanged, this, &Session::restoreStackIndex);
    connect(m_watcher, &VaultWatcher::foldersChanged, this, &Session::rescan);
    connect(m_watcher, &VaultWatcher::filesChanged, this, &Session::refresh);
}

Session::~Session() = default;

void Session::open(const QString &root)
{
    m_root = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    m_loading = true;
    ++m_generation;
    m_progress = std::make_shared<LoadProgress>();
    const std::shared_ptr<LoadProgress> progress = m_progress;
    const QString path = m_root;
    m_loadWatcher.setFuture(QtConcurrent::run([path, progress, generation = m_generation, hook = m_workerHook] {
        if (hook)
            hook(path);
        return LoadResult{generation, Vault::load(path, [progress](int done, int total) {
                              progress->done = done;
                              progress->total = total;
                          })};
    }));
    // The worker only stores numbers; the UI picks them up at its own pace.
    auto *timer = new QTimer(this);
    timer->setInterval(50);
    const int generation = m_generation;
    connect(timer, &QTimer::timeout, this, [this, timer, generation] {
        if (generation != m_generation || !m_loading) {
            timer->deleteLater();
            return;
        }
        pollProgress();
    });
    timer->start();
    Q_EMIT loadStarted(m_root);
}

void Session::pollProgress()
{
    if (m_progress)
        Q_EMIT loadProgress(m_progress->done, m_progress->total);
}

void Session::finishLoad()
{
    if (m_loadWatcher.isCanceled())
        return;
    LoadResult result = m_loadWatcher.result();
    if (result.generation != m_generation)
        return; // a vault opened before the current one; its own load is still to come
    m_vault = std::move(result.vault);
    m_loading = false;
    m_undoStack.clear();
    m_watcher->watchVault(m_vault);
    Q_EMIT loadProgress(int(m_vault.notes().size()), int(m_vault.notes().size()));
    Q_EMIT loaded();
    Q_EMIT notesChanged({});
}

bool Session::changedOnDisk(const Note &note) const
{
    return differs(QFileInfo(note.path), note.stamp.size, note.stamp.modifiedMsecs);
}

void Session::refresh(const QStringList &paths)
{
    if (m_loading || paths.isEmpty())
        return;
    // Reports still under way when another vault was opened name the old vault's files.
    const QString inside = m_root.endsWith(u'/') ? m_root : m_root + u'/';
    QStringList reloaded;
    for (const QString &path : paths) {
        if (!path.startsWith(inside))
            continue;
        const Note *known = m_vault.note(path);
        if (known && !changedOnDisk(*known))
            continue;
        if (!known && !QFileInfo(path).isFile())
            continue;
        m_vault.reloadNote(path);
        reloaded.append(path);
    }
    if (reloaded.isEmpty())
        return;
    m_watcher->watchVault(m_vault);
    Q_EMIT notesChanged(reloaded);
    Q_EMIT reloadedFromDisk(reloaded);
}

void Session::rescan()
{
    if (m_loading || m_root.isEmpty())
        return;
    if (m_scanWatcher.isRunning()) {
        m_rescanAgain = true;
        return;
    }
    QHash<QString, Seen> known;
    known.reserve(m_vault.notes().size());
    for (const Note &note : m_vault.notes())
        known.insert(note.path, Seen{note.stamp.size, note.stamp.modifiedMsecs});
    m_scanGeneration = m_generation;
    m_scanWatcher.setFuture(QtConcurrent::run([root = m_root, known = std::move(known), hook = m_workerHook] {
        if (hook)
            hook(root);
        return findChanges(root, known);
    }));
}

void Session::watchOpenNotes(const QObject *viewer, const QStringList &paths)
{
    if (m_openNotes.value(viewer) == paths)
        return;
    m_openNotes.insert(viewer, paths);
    QStringList all;
    for (const QStringList &open : std::as_const(m_openNotes))
        all += open;
    m_watcher->watchFiles(all);
}

void Session::noteWritten(const QString &path)
{
    m_vault.reloadNote(path);
    Q_EMIT notesChanged({path});
}

void Session::keepStep(const UndoStep *step)
{
    // The first refusal counts: when the stack jumps several steps, the others follow it.
    if (!m_keptStep)
        m_keptStep = step;
}

// QUndoStack has no notion of a step that failed: it counts it as moved. Moving the index back
// replays nothing, since the step knows which side its files are on.
void Session::restoreStackIndex()
{
    if (!m_keptStep || m_restoringIndex)
        return;
    const UndoStep *step = std::exchange(m_keptStep, nullptr);
    for (int index = 0; index < m_undoStack.count(); ++index) {
        if (m_undoStack.command(index) != step)
            continue;
        m_restoringIndex = true;
        m_undoStack.setIndex(step->isDone() ? index + 1 : index);
        m_restoringIndex = false;
        m_keptStep = nullptr; // a refusal while moving back is not chased further
        return;
    }
}

void Session::reportFailure(const QString &message, const QString &path)
{
    Q_EMIT failed(message, path);
    // Show what the file holds now, so nothing the other program wrote is hidden.
    refresh({path});
}

QString Session::stepName(const QString &verb, const QList<ItemRef> &items)
{
    if (items.size() == 1)
        return tr("%1 “%2”").arg(verb, elided(items.constFirst().text));
    return tr("%1 %n action items", nullptr, int(items.size())).arg(verb);
}

bool Session::edit(const QString &path, const QList<NoteEdit> &edits, const QString &label)
{
    const Note *known = m_vault.note(path);
    const FileStamp seen = known ? known->stamp : FileStamp{};
    const NoteEditor::Result result = NoteEditor::apply(path, edits, seen, today());
    if (!result.ok()) {
        reportFailure(result.error.message, path);
        return false;
    }
    for (const QString &notice : result.notices)
        Q_EMIT noticed(notice, path);
    if (result.applied.isEmpty())
        return true;
    m_undoStack.push(new UndoStep(this, path, result.applied, result.stamp, label));
    noteWritten(path);
    return true;
}

bool Session::editBullet(const QString &path, int line, const QString &shown, const QString &text)
{
    return edit(path, {NoteEdit::editBullet(line, shown, text)},
                stepName(tr("Edit"), {ItemRef{path, line, {}, shown}}));
}

bool Session::deleteBullet(const QString &path, int line, const QString &shown)
{
    return edit(path, {NoteEdit::deleteBullet(line, shown)}, stepName(tr("Delete"), {ItemRef{path, line, {}, shown}}));
}

bool Session::editItems(const QList<ItemRef> &items, const std::function<NoteEdit(const ItemRef &)> &makeEdit,
                        const QString &verb)
{
    if (items.isEmpty())
        return true;
    if (items.size() == 1) {
        const ItemRef &item = items.constFirst();
        return edit(item.path, {makeEdit(item)}, stepName(verb, items));
    }
    // One file at a time, in the order the items came.
    QStringList paths;
    QHash<QString, QList<NoteEdit>> editsByPath;
    for (const ItemRef &item : items) {
        if (!editsByPath.contains(item.path))
            paths.append(item.path);
        editsByPath[item.path].append(makeEdit(item));
    }
    bool allApplied = true;
    QList<UndoStep::FileEdit> written;
    for (const QString &path : paths) {
        const Note *known = m_vault.note(path);
        const FileStamp seen = known ? known->stamp : FileStamp{};
        const NoteEditor::Result result = NoteEditor::apply(path, editsByPath.value(path), seen, today());
        if (!result.ok()) {
            allApplied = false;
            Q_EMIT failed(result.error.message, path);
            continue;
        }
        for (const QString &notice : result.notices)
            Q_EMIT noticed(notice, path);
        if (result.applied.isEmpty())
            continue;
        written.append(UndoStep::FileEdit{path, result.applied, result.stamp});
    }
    QStringList writtenPaths;
    for (const UndoStep::FileEdit &file : std::as_const(written))
        writtenPaths.append(file.path);
    if (!written.isEmpty())
        m_undoStack.push(new UndoStep(this, std::move(written), stepName(verb, items)));
    for (const QString &path : std::as_const(writtenPaths))
        m_vault.reloadNote(path);
    if (!allApplied)
        refresh(paths);
    Q_EMIT notesChanged(writtenPaths);
    return allApplied;
}

} // namespace debrief
