#include "vault/meetinggroups.h"

#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>
#include <vector>

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
// What tells a transcript from another note: the notes whose type says so, and the vault's
// root, so that only folders below it count (a vault may itself live in a "Transcripts" folder).
struct Transcripts
{
    QSet<QString> paths;
    QString root; // with a final '/'; empty: resolved paths are not looked at
};

bool namesTranscriptFolder(QStringView path)
{
    // Cheap test first: most links of a vault name people and topics.
    if (!path.contains(u"transcript", Qt::CaseInsensitive))
        return false;
    QStringList folders = path.toString().replace(u'\\', u'/').split(u'/');
    folders.removeLast(); // the note's own name is no folder
    for (const QString &folder : folders) {
        const QString folded = MeetingGroups::fold(folder);
        if (folded == u"transcripts" || folded == u"transcript")
            return true;
    }
    return false;
}

bool isTranscriptLink(const Link &link, const Transcripts &transcripts)
{
    if (!link.resolvedPath.isEmpty() && transcripts.paths.contains(link.resolvedPath))
        return true;
    if (namesTranscriptFolder(link.target))
        return true;
    return !transcripts.root.isEmpty() && link.resolvedPath.startsWith(transcripts.root)
        && namesTranscriptFolder(QStringView(link.resolvedPath).sliced(transcripts.root.size()));
}

// A source as compared (key) and as shown (name).
struct Source
{
    QString key;
    QString name;
};

QList<Source> sourcesOf(const Note &note, const Transcripts &transcripts)
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
    // Most names and file names are ASCII, which has nothing to decompose; normalising and
    // looking up every character of a large vault's names would cost more than the grouping.
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    const QString decomposed = ascii ? text : text.normalized(QString::NormalizationForm_KD);
    QString out(decomposed.size() * 2, Qt::Uninitialized); // "ß" -> "ss" at most doubles
    QChar *to = out.data();
    bool space = false;
    for (const QChar c : decomposed) {
        const char16_t unit = c.unicode();
        const bool isSpace = unit < 0x80 ? (unit == u' ' || (unit >= u'\t' && unit <= u'\r')) : c.isSpace();
        if (isSpace) {
            space = to != out.data();
            continue;
        }
        if (unit >= 0x80 && c.isMark())
            continue;
        if (space)
            *to++ = u' ';
        space = false;
        if (unit < 0x80) {
            *to++ = QChar(unit >= u'A' && unit <= u'Z' ? char16_t(unit + 32) : unit);
            continue;
        }
        const QChar lower = c.toCaseFolded();
        const QString special = foldSpecial(lower);
        if (special.isEmpty()) {
            *to++ = lower;
        } else {
            for (const QChar part : special)
                *to++ = part;
        }
    }
    out.truncate(to - out.data());
    return out;
}

QString MeetingGroups::sourceKey(const QString &reference)
{
    return fold(sourceName(reference));
}

QString MeetingGroups::sourceName(const QString &reference)
{
    QStringView name = QStringView(reference).trimmed();
    if (name.startsWith(u"[[") && name.endsWith(u"]]"))
        name = name.sliced(2, name.size() - 4);
    for (const char16_t cut : {u'|', u'#'}) {
        if (const qsizetype at = name.indexOf(QChar(cut)); at >= 0)
            name.truncate(at);
    }
    name = name.sliced(qMax(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1).trimmed();
    // An extension is a short run of letters after the last dot: "De.md" loses ".md", but
    // "v1.2 notes" and "2025.10.30" keep what follows their dots.
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot > 0 && name.size() - dot - 1 <= 8 && name.size() - dot - 1 >= 1) {
        const QStringView extension = name.sliced(dot + 1);
        if (std::all_of(extension.begin(), extension.end(),
                        [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); })
            && std::any_of(extension.begin(), extension.end(), [](QChar c) { return c.isLetter(); }))
            name.truncate(dot);
    }
    return name.toString().simplified();
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

QList<MeetingGroup> MeetingGroups::find(const QList<Note> &notes, const QString &root)
{
    Transcripts transcripts;
    if (!root.isEmpty())
        transcripts.root = root.endsWith(u'/') ? root : root + u'/';
    QHash<QDate, QList<qsizetype>> byDate;
    for (qsizetype i = 0; i < notes.size(); ++i) {
        if (isTranscriptType(notes[i]))
            transcripts.paths.insert(notes[i].path);
        if (notes[i].parsed && notes[i].date.isValid())
            byDate[notes[i].date].append(i);
    }

    Joins joins(notes.size());
    QHash<qsizetype, QList<Evidence>> reasons; // by the first note of each joined pair
    QList<qsizetype> joined;
    // What is compared of each note, worked out on every core: folding every source and name
    // of a large vault is most of the cost.
    struct Day
    {
        QList<qsizetype> indices;
        QList<QList<Source>> sources;
        QList<QStringList> people;
        QList<QStringList> names;
    };
    std::vector<Day> days;
    for (auto day = byDate.cbegin(); day != byDate.cend(); ++day) {
        if (day.value().size() >= 2)
            days.push_back(Day{day.value(), {}, {}, {}});
    }
    QtConcurrent::blockingMap(days, [&](Day &day) {
        for (const qsizetype i : day.indices) {
            day.sources.append(sourcesOf(notes[i], transcripts));
            day.people.append(participantKeys(notes[i], &day.names.emplaceBack()));
        }
    });
    for (const Day &day : days) {
        const QList<qsizetype> &indices = day.indices;
        const QList<QList<Source>> &sources = day.sources;
        const QList<QStringList> &people = day.people;
        const QList<QStringList> &names = day.names;
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
