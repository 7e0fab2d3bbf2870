#pragma once

#include "edit/noteedit.h"
#include "session/itemref.h"
#include "vault/vault.h"

#include <QDate>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QUndoStack>

#include <atomic>
#include <functional>
#include <memory>

namespace debrief {

class UndoStep;
class VaultWatcher;

// The open vault and everything done to it: loads it in the background, applies edits through
// the write-back engine (each one an undo step), and reads notes again when they change on disk.
// Views and models only read from here; they never touch files.
class Session final : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Starts loading `root` in the background; the old vault stays shown until it is done.
    void open(const QString &root);
    QString root() const { return m_root; }
    bool isLoading() const { return m_loading; }
    const Vault &vault() const { return m_vault; }
    const QList<Note> &notes() const { return m_vault.notes(); }
    const Note *note(const QString &path) const { return m_vault.note(path); }
    QUndoStack *undoStack() { return &m_undoStack; }

    // For tests: runs on the worker thread at the start of every background load or rescan of
    // `root`, so that a test can hold one back.
    using WorkerHook = std::function<void(const QString &root)>;
    void setWorkerHook(WorkerHook hook) { m_workerHook = std::move(hook); }

    // "Today" for the dates edits write (done on, cancelled on); tests pin it.
    void setToday(const QDate &today) { m_today = today; }
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    // Applies `edits` to one note and pushes the undo step named `label`. Returns false (and
    // reports why through failed()) when nothing was written.
    bool edit(const QString &path, const QList<NoteEdit> &edits, const QString &label);
    // The same edit on several items (one file at a time, all or none per file); one undo step.
    bool editItems(const QList<ItemRef> &items, const std::function<NoteEdit(const ItemRef &)> &makeEdit,
                   const QString &verb);
    // Replaces the text of a Decisions or Key Information bullet, keeping its marker. `shown` is
    // the text the user saw; if the line no longer holds it, nothing is written (a conflict).
    bool editBullet(const QString &path, int line, const QString &shown, const QString &text);
    bool deleteBullet(const QString &path, int line, const QString &shown);
    // The undo step's name: "Accept “Confirm the…”", "Reject 3 action items".
    static QString stepName(const QString &verb, const QList<ItemRef> &items);

    // Reads these notes again if they changed on disk (or appeared, or went away).
    void refresh(const QStringList &paths);
    // Looks at the whole vault for changes, in the background.
    void rescan();
    // The notes on screen: watched one by one, since in-place writes do not touch their folder.
    void watchOpenNotes(const QObject *viewer, const QStringList &paths);

    // For UndoStep.
    void noteWritten(const QString &path);
    // `step` refused to move and left the files where they were: the stack goes back to it.
    void keepStep(const UndoStep *step);
    void reportStepReplayed(const QString &path, int line) { Q_EMIT stepReplayed(path, line); }
    void reportFailure(const QString &message, const QString &path);

Q_SIGNALS:
    void loadStarted(const QString &root);
    void loadProgress(int done, int total);
    void loaded();
    void notesChanged(const QStringList &paths); // empty: anything may have changed
    void failed(const QString &message, const QString &path);
    // An edit went ahead, but the user should know something of it (a recurring task done whose
    // next occurrence Debrief could not compute).
    void noticed(const QString &message, const QString &path);
    void reloadedFromDisk(const QStringList &paths);
    // An undo or redo rewrote `line` of `path` (views select what came back).
    void stepReplayed(const QString &path, int line);

private:
    void finishLoad();
    void restoreStackIndex();
    void pollProgress();
    bool changedOnDisk(const Note &note) const;

    struct LoadProgress
    {
        std::atomic<int> done{0};
        std::atomic<int> total{0};
    };

    // What a background load hands back, with the open() it belongs to.
    struct LoadResult
    {
        int generation = 0;
        Vault vault;
    };

    QString m_root;
    Vault m_vault;
    bool m_loading = false;
    int m_generation = 0;     // counts open(): results of an older one are dropped
    int m_scanGeneration = 0; // the generation the running rescan looks at
    std::shared_ptr<LoadProgress> m_progress;
    QFutureWatcher<LoadResult> m_loadWatcher;
    QFutureWatcher<QStringList> m_scanWatcher;
    bool m_rescanAgain = false;
    QUndoStack m_undoStack;
    const UndoStep *m_keptStep = nullptr; // refused to move; the stack's index is about to follow
    bool m_restoringIndex = false;
    QDate m_today;
    WorkerHook m_workerHook;
    VaultWatcher *m_watcher = nullptr;
    QHash<const QObject *, QStringList> m_openNotes;
};

} // namespace debrief
