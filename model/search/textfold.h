#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <string>
#include <utility>

namespace debrief {

// Search's notion of a word: a run of letters and digits, lower-cased, diacritics removed
// ("Café" and "CAFE" are both "cafe"), no stemming. Index and queries share it, so they agree.
class TextFold final
{
public:
    struct Word
    {
        qsizetype start = 0; // in the text, UTF-16 code units
        qsizetype length = 0;
        QByteArray folded; // UTF-8
    };

    // Calls sink(start, length, QByteArrayView folded) for each word, in order. The view is
    // valid only during the call. Indexing folds every character of a vault, so ASCII takes an
    // inline path and the folded bytes go to a reused buffer instead of a QByteArray per word.
    template<typename Sink>
    static void forEachWord(QStringView text, Sink &&sink)
    {
        std::string folded;
        folded.reserve(64);
        const char16_t *data = text.utf16();
        qsizetype i = 0;
        const qsizetype n = text.size();
        while (i < n) {
            folded.clear();
            qsizetype start = -1;
            qsizetype end = 0;
            while (i < n) {
                const qsizetype at = i;
                const char16_t unit = data[i];
                if (unit < 0x80) {
                    ++i;
                    const char lower = asciiFolded[unit];
                    if (lower) {
                        folded.push_back(lower);
                        if (start < 0)
                            start = at;
                        end = i;
                        continue;
                    }
                    if (start >= 0)
                        break;
                    continue;
                }
                const char32_t c = next(text, i);
                if (appendFolded(c, folded)) {
                    if (start < 0)
                        start = at;
                    end = i;
                } else if (start >= 0 && isMark(c)) {
                    end = i; // a combining mark belongs to the word it follows
                } else if (start >= 0) {
                    break;
                }
            }
            if (start >= 0)
                sink(start, end - start, QByteArrayView(folded.data(), qsizetype(folded.size())));
        }
    }

    static QList<Word> words(QStringView text);
    static QList<QByteArray> terms(QStringView text);
    // Every character folded, separators kept (for substring matches on paths).
    static QString foldAll(QStringView text);

private:
    static char32_t next(QStringView text, qsizetype &i);
    static bool isMark(char32_t c);
    // Appends the folded form of a word character; false for a separator (nothing appended).
    static bool appendFolded(char32_t c, std::string &out);
    // ASCII letters lower-cased, digits kept, 0 for a separator.
    static constexpr std::array<char, 128> asciiFolded = [] {
        std::array<char, 128> table{};
        for (int c = 0; c < 128; ++c) {
            if (c >= 'a' && c <= 'z')
                table[size_t(c)] = char(c);
            else if (c >= 'A' && c <= 'Z')
                table[size_t(c)] = char(c + 32);
            else if (c >= '0' && c <= '9')
                table[size_t(c)] = char(c);
        }
        return table;
    }();
};

} // namespace debrief
