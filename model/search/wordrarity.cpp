#include "search/wordrarity.h"

#include "search/textfold.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace debrief {

namespace {

// Words that say nothing about a task, in the languages notes are most often written in here
// (folded, as TextFold gives them). Short on purpose: a word missing here only weighs less
// once it is common in the vault.
constexpr std::string_view stopWords[] = {
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "before", "by", "can", "do",
    "for", "from", "has", "have", "he", "her", "him", "his", "if", "in", "into", "is", "it", "its", "me", "my", "next",
    "of", "on", "or", "our", "out", "she", "should", "so", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "up", "us", "via", "was", "we", "what", "when", "whether", "which", "who", "will",
    "with", "would", "yes", "you", "your", "e", "g", "eg", "ie", "etc",
    // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "il", "la", "le", "les", "leur",
    "l", "d", "mais", "ou", "par", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "un", "une",
    // German
    "am", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "die", "ein", "eine", "einen", "einer", "fur", "im",
    "ist", "mit", "nach", "noch", "oder", "sie", "sich", "um", "und", "vom", "von", "vor", "zu", "zum", "zur",
    // Spanish
    "al", "como", "con", "del", "el", "las", "lo", "los", "para", "por", "se", "su", "sus", "una", "y",
    // Italian, Portuguese
    "di", "nel", "per", "che", "da", "dos", "em", "na", "no", "os", "uma", "gli", "della", "ed", "i", "o", "es"};

struct StopWords
{
    std::unordered_set<std::string_view> set{std::begin(stopWords), std::end(stopWords)};
    size_t longest = 0;
    StopWords()
    {
        for (const std::string_view word : stopWords)
            longest = std::max(longest, word.size());
    }
};

const StopWords &stopWordSet()
{
    static const StopWords set;
    return set;
}

// English inflections, longest first. Only the comparison sees them cut, never the text.
constexpr std::array<std::string_view, 14> suffixes{"ations", "ation", "ingly", "ings", "ing", "edly", "ally",
                                                    "ies",    "ied",   "ly",    "ed",   "es",  "al",   "s"};

// Lets the counting look a word up by a view of a reused buffer, without a string per word.
struct TransparentHash
{
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

} // namespace

bool WordRarity::isStopWord(QByteArrayView folded)
{
    const StopWords &words = stopWordSet();
    if (folded.isEmpty() || size_t(folded.size()) > words.longest)
        return false; // most words of a note, without hashing them
    return words.set.contains(std::string_view(folded.data(), size_t(folded.size())));
}

QByteArray WordRarity::stem(QByteArrayView folded)
{
    std::string word;
    stemInto(std::string_view(folded.data(), size_t(folded.size())), word);
    return QByteArray(word.data(), qsizetype(word.size()));
}

void WordRarity::stemInto(std::string_view folded, std::string &word)
{
    word.assign(folded);
    for (const std::string_view suffix : suffixes) {
        if (word.size() >= suffix.size() + 3 && std::string_view(word).ends_with(suffix)) {
            word.resize(word.size() - suffix.size());
            if (suffix == "ies" || suffix == "ied")
                word.push_back('y');
            break;
        }
    }
    if (word.size() > 3 && word.back() == 'e')
        word.pop_back(); // "share" meets "shar(ing)", "exclude" meets "exclud(es)"
}

QList<QByteArray> WordRarity::comparisonWords(QStringView text)
{
    QList<QByteArray> words;
    TextFold::forEachWord(text, [&words](qsizetype, qsizetype, QByteArrayView folded) {
        if (!isStopWord(folded))
            words.append(stem(folded));
    });
    return words;
}

double WordRarity::weight(const QByteArray &word) const
{
    const int frequency = qMax(1, m_frequency.value(word));
    return std::log(1.0 + double(qMax(m_notes, frequency)) / double(frequency));
}

WordRarity WordRarity::count(const QList<Note> &notes, const QSet<QByteArray> &wanted)
{
    WordRarity rarity;
    const QList<QByteArray> words(wanted.cbegin(), wanted.cend());
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> indexOf;
    for (qsizetype i = 0; i < words.size(); ++i)
        indexOf.emplace(words[i].toStdString(), int(i));

    // One chunk per slice of notes; each counts into its own vector, summed afterwards.
    constexpr qsizetype chunkSize = 256;
    for (const Note &note : notes)
        rarity.m_notes += note.parsed ? 1 : 0;
    if (wanted.isEmpty())
        return rarity;
    using Chunk = std::pair<qsizetype, qsizetype>;
    QList<Chunk> chunks;
    for (qsizetype start = 0; start < notes.size(); start += chunkSize)
        chunks.append({start, qMin(notes.size(), start + chunkSize)});
    const auto countChunk = [&](const Chunk &chunk) {
        std::vector<int> count(size_t(words.size()), 0);
        std::vector<int> seenIn(size_t(words.size()), -1);
        std::string stemmed;
        for (qsizetype n = chunk.first; n < chunk.second; ++n) {
            const Note &note = notes[n];
            if (!note.parsed)
                continue;
            const auto see = [&](QStringView text) {
                TextFold::forEachWord(text, [&](qsizetype, qsizetype, QByteArrayView folded) {
                    if (isStopWord(folded))
                        return;
                    stemInto(std::string_view(folded.data(), size_t(folded.size())), stemmed);
                    const auto it = indexOf.find(std::string_view(stemmed));
                    if (it != indexOf.end() && seenIn[size_t(it->second)] != int(n)) {
                        seenIn[size_t(it->second)] = int(n);
                        ++count[size_t(it->second)];
                    }
                });
            };
            see(note.title);
            for (const ActionItem &item : note.actionItems)
                see(item.text);
        }
        return count;
    };
    const QList<std::vector<int>> counts = QtConcurrent::blockingMapped<QList<std::vector<int>>>(chunks, countChunk);
    for (qsizetype i = 0; i < words.size(); ++i) {
        int total = 0;
        for (const std::vector<int> &count : counts)
            total += count[size_t(i)];
        rarity.m_frequency.insert(words[i], total);
    }
    return rarity;
}

} // namespace debrief
