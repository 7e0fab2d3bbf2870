#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace debrief {

// Search's notion of a word: a run of letters and digits, lower-cased, diacritics removed
// ("Café" and "CAFE" are both "cafe"), no stemming. Index and queries share it, so they agree.
class TextFold final
{
public:
    struct Word
    {
        qsizetype start = 0;  // in the text, UTF-16 code units
        qsizetype length = 0;
        QByteArray folded;    // UTF-8
    };

    // Calls sink(start, length, const QByteArray &folded) for each word, in order.
    template<typename Sink>
    static void forEachWord(QStringView text, Sink &&sink)
    {
        QByteArray folded;
        qsizetype i = 0;
        const qsizetype n = text.size();
        while (i < n) {
            folded.clear();
            qsizetype start = -1;
            qsizetype end = 0;
            while (i < n) {
                const qsizetype at = i;
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
                sink(start, end - start, std::as_const(folded));
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
    static bool appendFolded(char32_t c, QByteArray &out);
};

} // namespace debrief
