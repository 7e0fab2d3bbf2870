#include "cli/editsupport.h"

#include "edit/editplanner.h"
#include "edit/notefile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace debrief::cli {

std::optional<Target> parseTarget(const QString &argument)
{
    const qsizetype colon = argument.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int line = argument.sliced(colon + 1).toInt(&ok);
    if (!ok || line < 1)
        return std::nullopt;
    return Target{argument.first(colon), line};
}

std::optional<QDate> today(QTextStream &err)
{
    const QString value = qEnvironmentVariable("DEBRIEF_TODAY");
    if (value.isEmpty())
        return QDate::currentDate();
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (!date.isValid() || value.size() != 10) {
        err << "debrief: DEBRIEF_TODAY must be a date like 2026-11-21, not '" << value << "'\n";
        return std::nullopt;
    }
    return date;
}

std::optional<QString> takeOptionValue(const QStringList &arguments, qsizetype &i, QString &option)
{
    const qsizetype equals = option.indexOf(QLatin1Char('='));
    if (equals > 0) {
        QString value = option.sliced(equals + 1);
        option.truncate(equals);
        return value;
    }
    if (i + 1 < arguments.size())
        return arguments.at(++i);
    return std::nullopt;
}

std::optional<QDate> parseDate(const QString &text)
{
    if (text.compare(QLatin1StringView("none"), Qt::CaseInsensitive) == 0)
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return std::nullopt;
    return date;
}

bool wantsHelp(const QStringList &arguments, const QStringList &valueOptions)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--")
            return false;
        if (argument == u"--help" || argument == u"-h")
            return true;
        if (valueOptions.contains(argument))
            ++i; // its value, whatever it spells
    }
    return false;
}

int exitCode(const EditError &error)
{
    switch (error.code) {
    case EditError::Code::None: return 0;
    case EditError::Code::NotFound:
    case EditError::Code::NotRegular:
    case EditError::Code::Unreadable:
    case EditError::Code::ReadOnlyFile:
    case EditError::Code::ReadOnlyFolder:
    case EditError::Code::WriteFailed: return 2;
    case EditError::Code::InvalidEdit: return 1;
    case EditError::Code::NotActionItem:
    case EditError::Code::Conflict: return 3;
    }
    return 3;
}

int applyEdits(const QList<std::pair<Target, NoteEdit>> &edits, const QString &done, QDate day, QTextStream &out,
               QTextStream &err)
{
    // Group by file, in the order the files were named; the same target twice is one edit.
    struct FileEdits
    {
        QString path;
        QString key;
        QList<NoteEdit> edits;
        QStringList targets;
        TextLines lines;
        LinePatch patch;
        FileStamp stamp;
        QStringList notices;
    };
    QList<FileEdits> files;
    for (const auto &[target, edit] : edits) {
        const QFileInfo info(target.file);
        const QString key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
        auto it = std::find_if(files.begin(), files.end(), [&](const FileEdits &f) { return f.key == key; });
        if (it == files.end()) {
            files.append(FileEdits{target.file, key, {}, {}, {}, {}, {}, {}});
            it = files.end() - 1;
        }
        const QString name = QStringLiteral("%1:%2").arg(target.file).arg(target.line);
        // "a.md:3" and "./a.md:3" are one target.
        const int line = edit.line; // a structured binding cannot be captured before C++20 in clang
        const bool seen = std::any_of(it->edits.cbegin(), it->edits.cend(),
                                      [line](const NoteEdit &e) { return e.line && e.line == line; });
        if (edit.line && seen)
            continue;
        it->edits.append(edit);
        it->targets.append(name);
    }

    for (FileEdits &file : files) {
        const NoteFile::ReadResult read = NoteFile::read(file.path);
        if (!read.ok()) {
            err << "debrief: " << read.error.message << '\n';
            return exitCode(read.error);
        }
        file.stamp = read.stamp;
        file.lines = TextLines::split(read.bytes);
        const EditPlanner::Plan plan = EditPlanner::plan(file.lines, file.path, file.edits, day);
        if (!plan.ok()) {
            err << "debrief: " << plan.error.message;
            if (!plan.error.message.contains(QStringLiteral("nothing was written")))
                err << "; nothing was written";
            err << '\n';
            return exitCode(plan.error);
        }
        file.patch = plan.patch;
        file.notices = plan.notices;
        // An added line is named by where it landed.
        if (file.targets.size() == 1 && file.edits.constFirst().line == 0)
            file.targets.first() = QStringLiteral("%1:%2").arg(file.path).arg(plan.line);
    }
    QStringList written;
    for (const FileEdits &file : files) {
        const NoteFile::PatchResult result = NoteFile::applyPatch(file.path, file.patch, file.stamp);
        if (!result.ok()) {
            err << "debrief: " << result.error.message << '\n';
            if (!written.isEmpty())
                err << "debrief: already written, and kept: " << written.join(QStringLiteral(", ")) << '\n';
            return exitCode(result.error);
        }
        if (!file.patch.isEmpty())
            written.append(file.path);
        for (const QString &target : file.targets)
            out << target << ": " << (file.patch.isEmpty() ? QStringLiteral("unchanged") : done) << '\n';
        for (const QString &notice : file.notices)
            err << "debrief: note: " << notice << '\n';
    }
    return 0;
}

QString unifiedDiff(const QString &path, const TextLines &lines, const LinePatch &patch)
{
    constexpr int context = 3;
    const auto shownLine = [](QChar mark, QByteArrayView line) {
        QString text = mark + QString::fromUtf8(TextLines::contentOf(line)) + QLatin1Char('\n');
        if (TextLines::endingOf(line).isEmpty())
            text += QStringLiteral("\\ No newline at end of file\n");
        return text;
    };
    const QList<LineHunk> &hunks = patch.hunks();
    if (hunks.isEmpty())
        return {};
    const QString name = QDir::fromNativeSeparators(path);
    QString diff = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(name);
    qsizetype shift = 0;
    for (qsizetype first = 0; first < hunks.size();) {
        // Hunks whose context touches go together.
        qsizetype last = first;
        while (last + 1 < hunks.size()
               && hunks.at(last + 1).line - (hunks.at(last).line + hunks.at(last).before.size()) <= 2 * context)
            ++last;
        const int oldStart = std::max(1, hunks.at(first).line - context);
        const int oldEnd =
            std::min<int>(lines.count(), int(hunks.at(last).line + hunks.at(last).before.size() - 1 + context));
        QString body;
        qsizetype added = 0;
        int line = oldStart;
        for (qsizetype h = first; h <= last; ++h) {
            const LineHunk &hunk = hunks.at(h);
            for (; line < hunk.line; ++line)
                body += shownLine(QLatin1Char(' '), lines.lines.at(line - 1));
            for (const QByteArray &before : hunk.before)
                body += shownLine(QLatin1Char('-'), before);
            for (const QByteArray &after : hunk.after)
                body += shownLine(QLatin1Char('+'), after);
            added += hunk.after.size() - hunk.before.size();
            line = int(hunk.line + hunk.before.size());
        }
        for (; line <= oldEnd; ++line)
            body += shownLine(QLatin1Char(' '), lines.lines.at(line - 1));
        const int oldCount = oldEnd - oldStart + 1;
        diff += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                    .arg(oldStart)
                    .arg(oldCount)
                    .arg(oldStart + shift)
                    .arg(oldCount + added);
        diff += body;
        shift += added;
        first = last + 1;
    }
    return diff;
}

} // namespace debrief::cli
