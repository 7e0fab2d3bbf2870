#include "vault/meetinggroups.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace debrief {

namespace {

// Latin letters that do not decompose but are typed without their mark (as search folds them).
QString foldSpecial(QChar c)
{
    switch (c.unicode()) {
    case u'ß': return QStringLiteral("ss");
    case u'æ': return QStringLiteral("ae");
    case u'œ': return QStringLiteral("oe");
    case u'ø': return QStringLiteral("o");
    case u'đ':
    case u'ð': return QStringLiteral("d");
    case u'ł':
    case u'ŀ': return QStringLiteral("l");
    case u'ħ': return QStringLiteral("h");
    case u'þ': return QStringLiteral("th");
    case u'ı': return QStringLiteral("i");
    default: return {};
    }
}

bool isTranscriptType(const Note &note)
{
    const QString type = note.frontmatter.value(QLatin1StringView("type")).toString();
    return MeetingGroups::fold(type) == u"transcript";
}

// A link names a transcript when the note it resolves to says so, or when it lies in a folder
// named Transcripts (the way pipelines file them).
bool isTranscriptLink(const Link &link, const QSet<QString> &transcripts)
{
    if (!link.resolvedPath.isEmpty() && transcripts.contains(link.resolvedPath))
        return true;
    const QStringList folders = QString(link.target).replace(u'\\', u'/').split(u'/').mid(0, -1);
    const QStringList resolvedFolders = QString(link.resolvedPath).split(u'/');
    for (const QStringList &list : {folders, resolvedFolders.mid(0, resolvedFolders.size() - 1)}) {
        for (const QString &folder : list) {
            const QString folded = MeetingGroups::fold(folder);
            if (folded == u"transcripts" || folded == u"transcript")
                return true;
        }
    }
    return false;
}

// A source as compared (key) and as shown (name).
struct Source
{
    QString key;
    QString name;
};

QList<Source> sourcesOf(const Note &note, const QSet<QString> &transcripts)
{
    QList<Source> sources;
    const auto add = [&sources](const QString &reference) {
        const QString name = MeetingGroups::sourceName(reference);
        const QString key = MeetingGroups::fold(name);
        if (!key.isEmpty()
            && std::none_of(sources.cbegin(), sources.cend(), [&](const Source &s) { return s.key == key; }))
            sources.append(Source{key, name});
    };
    const QJsonValue ref = note.frontmatter.value(QLatin1StringView("source_ref"));
    if (ref.isString())
        add(ref.toString());
    QSet<int> sourceLines;
    for (const TextBlock &block : note.blocks) {
        // A paragraph anywhere (a Summary without a closing heading runs on to it).
        if ((block.kind == TextBlock::Kind::Text || block.kind == TextBlock::Kind::Summary)
            && block.text.startsWith(u"Source:", Qt::CaseInsensitive))
            sourceLines.insert(block.line);
    }
    for (const Link &link : note.links) {
        if (sourceLines.contains(link.line) || isTranscriptLink(link, transcripts))
            add(link.target);
    }
    return sources;
}

// Why two notes were joined: the source they share, the participants they share.
struct Evidence
{
    QString source;
    QStringList people;
};

// Union-find over note indices, remembering why each join was made.
class Joins final
{
public:
    explicit Joins(qsizetype count)
        : m_parent(count)
    {
        std::iota(m_parent.begin(), m_parent.end(), qsizetype(0));
    }
    qsizetype root(qsizetype i)
    {
        while (m_parent[i] != i)
            i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }
    void join(qsizetype a, qsizetype b) { m_parent[root(a)] = root(b); }

private:
    std::vector<qsizetype> m_parent;
};

} // namespace

QString MeetingGroups::fold(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out.append(u' ');
        space = false;
        const QChar lower = c.toCaseFolded();
        const QString special = foldSpecial(lower);
        if (special.isEmpty())
            out.append(lower);
        else
            out.append(special);
    }
    return out;
}

QString MeetingGroups::sourceKey(const QString &reference)
{
    return fold(sourceName(reference));
}

QString MeetingGroups::sourceName(const QString &reference)
{
    QString name = reference.trimmed();
    if (name.startsWith(u"[[") && name.endsWith(u"]]"))
        name = name.sliced(2, name.size() - 4);
    name = name.section(u'|', 0, 0).section(u'#', 0, 0);
    name = name.mid(qMax(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1).trimmed();
    // An extension is a short run of letters after the last dot: "De.md" loses ".md", but
    // "v1.2 notes" and "2025.10.30" keep what follows their dots.
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot > 0 && name.size() - dot - 1 <= 8 && name.size() - dot - 1 >= 1) {
        const QStringView extension = QStringView(name).sliced(dot + 1);
        if (std::all_of(extension.begin(), extension.end(),
                        [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); })
            && std::any_of(extension.begin(), extension.end(), [](QChar c) { return c.isLetter(); }))
            name.truncate(dot);
    }
    return name.simplified();
}

QStringList MeetingGroups::participantKeys(const Note &note, QStringList *shown)
{
    QStringList names = note.participants;
    const QJsonValue person = note.frontmatter.value(QLatin1StringView("person"));
    if (person.isString())
        names.append(person.toString());
    QStringList keys;
    for (QString name : names) {
        name = name.trimmed();
        if (name.startsWith(u"[[") && name.endsWith(u"]]"))
            name = name.sliced(2, name.size() - 4).section(u'|', -1).section(u'/', -1);
        const QString key = fold(name);
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.append(key);
            if (shown)
                shown->append(name.simplified());
        }
    }
    return keys;
}

QStringList MeetingGroups::sources(const Note &note, const QList<Note> &notes)
{
    QSet<QString> transcripts;
    for (const Note &other : notes) {
        if (isTranscriptType(other))
            transcripts.insert(other.path);
    }
    QStringList keys;
    for (const Source &source : sourcesOf(note, transcripts))
        keys.append(source.key);
    return keys;
}

QList<MeetingGroup> MeetingGroups::find(const QList<Note> &notes)
{
    QSet<QString> transcripts;
    QHash<QDate, QList<qsizetype>> byDate;
    for (qsizetype i = 0; i < notes.size(); ++i) {
        if (isTranscriptType(notes[i]))
            transcripts.insert(notes[i].path);
        if (notes[i].parsed && notes[i].date.isValid())
            byDate[notes[i].date].append(i);
    }

    Joins joins(notes.size());
    QHash<qsizetype, QList<Evidence>> reasons; // by the first note of each joined pair
    QList<qsizetype> joined;
    for (auto day = byDate.cbegin(); day != byDate.cend(); ++day) {
        const QList<qsizetype> &indices = day.value();
        if (indices.size() < 2)
            continue;
        QList<QList<Source>> sources;
        QList<QStringList> people;
        QList<QStringList> names;
        for (const qsizetype i : indices) {
            sources.append(sourcesOf(notes[i], transcripts));
            people.append(participantKeys(notes[i], &names.emplaceBack()));
        }
        for (qsizetype x = 0; x < indices.size(); ++x) {
            for (qsizetype y = x + 1; y < indices.size(); ++y) {
                Evidence why; // every way in that holds, for the reader
                for (const Source &source : sources[x]) {
                    if (std::any_of(sources[y].cbegin(), sources[y].cend(),
                                    [&](const Source &other) { return other.key == source.key; })) {
                        why.source = source.name;
                        break;
                    }
                }
                if (!people[x].isEmpty() && !people[y].isEmpty()) {
                    QStringList shared;
                    for (qsizetype n = 0; n < people[x].size(); ++n) {
                        if (people[y].contains(people[x][n]))
                            shared.append(names[x][n]);
                    }
                    if (2 * shared.size() > qMax(people[x].size(), people[y].size()))
                        why.people = shared;
                }
                if (why.source.isEmpty() && why.people.isEmpty())
                    continue;
                joins.join(indices[x], indices[y]);
                reasons[indices[x]].append(why);
                joined.append(indices[x]);
                joined.append(indices[y]);
            }
        }
    }

    QHash<qsizetype, QSet<qsizetype>> byRoot;
    for (const qsizetype i : joined)
        byRoot[joins.root(i)].insert(i);
    QList<MeetingGroup> groups;
    for (auto it = byRoot.cbegin(); it != byRoot.cend(); ++it) {
        MeetingGroup group;
        QStringList sourceNames;
        QStringList people; // the most names any two of the notes share
        QList<qsizetype> members(it.value().cbegin(), it.value().cend());
        std::sort(members.begin(), members.end());
        for (const qsizetype i : members) {
            group.date = notes[i].date;
            group.paths.append(notes[i].path);
            for (const Evidence &evidence : reasons.value(i)) {
                if (!evidence.source.isEmpty() && !sourceNames.contains(evidence.source))
                    sourceNames.append(evidence.source);
                if (evidence.people.size() > people.size())
                    people = evidence.people;
            }
        }
        group.paths.sort();
        QStringList why;
        if (!sourceNames.isEmpty())
            why.append(QStringLiteral("same source: ") + sourceNames.join(QStringLiteral(", ")));
        if (!people.isEmpty())
            why.append(QStringLiteral("same participants: ") + people.join(QStringLiteral(", ")));
        group.reason = why.join(QStringLiteral("; "));
        groups.append(group);
    }
    std::sort(groups.begin(), groups.end(), [](const MeetingGroup &a, const MeetingGroup &b) {
        return a.date != b.date ? a.date < b.date : a.paths.constFirst() < b.paths.constFirst();
    });
    return groups;
}

} // namespace debrief
