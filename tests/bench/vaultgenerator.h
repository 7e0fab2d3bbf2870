#pragma once

// Invented vaults shaped like real meeting notes (frontmatter, summary, 3-13 action items,
// decisions, key information, source and related links, some mojibake), with Zipf-distributed
// words so that benchmarks meet both rare and common words. Header-only so any benchmark can
// use it. Deterministic for a given seed.

#include <QByteArray>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

namespace debrief::bench {

struct GeneratedVault
{
    int notes = 0;
    qint64 bytes = 0;
};

class VaultGenerator final
{
public:
    explicit VaultGenerator(quint64 seed)
        : m_random(seed)
    {
        static const std::array<const char *, 64> common{
            "the",         "to",       "and",       "of",         "a",        "in",          "for",      "on",
            "with",        "is",       "team",      "plan",       "review",   "customer",    "data",     "next",
            "week",        "launch",   "budget",    "design",     "timeline", "support",     "release",  "testing",
            "hardware",    "storage",  "cloud",     "meeting",    "follow",   "up",          "share",    "deck",
            "contract",    "pricing",  "roadmap",   "partner",    "access",   "scope",       "goals",    "owner",
            "risk",        "metrics",  "platform",  "deployment", "cluster",  "performance", "security", "onboarding",
            "pilot",       "feedback", "priority",  "migration",  "capacity", "vendor",      "forecast", "quarter",
            "engineering", "sales",    "marketing", "legal",      "finance",  "operations",  "hiring",   "demo"};
        for (const char *word : common)
            m_words.append(QString::fromLatin1(word));
        // Invented words from syllables: a long tail of rare ones, some with accents.
        static const std::array<const char *, 24> syllables{"ka",  "lo",  "mer", "tin", "sa",  "vo",  "rel", "quan",
                                                            "dor", "pi",  "nex", "ul",  "bra", "cos", "fen", "gri",
                                                            "hal", "jor", "lum", "mi",  "nor", "pra", "sté", "vél"};
        std::uniform_int_distribution<int> pick(0, int(syllables.size()) - 1);
        std::uniform_int_distribution<int> length(2, 4);
        while (m_words.size() < 20000) {
            QString word;
            for (int i = length(m_random); i > 0; --i)
                word += QString::fromUtf8(syllables[size_t(pick(m_random))]);
            m_words.append(word);
        }
        double total = 0;
        for (qsizetype rank = 1; rank <= m_words.size(); ++rank) {
            total += 1.0 / double(rank);
            m_cumulative.push_back(total);
        }
        static const std::array<const char *, 20> first{"Ann",   "Ravi", "Mia",   "Tomas", "Lena",  "Omar", "Priya",
                                                        "Jonas", "Elif", "Kenji", "Sofia", "Malik", "Ines", "Pavel",
                                                        "Noor",  "Hugo", "Aiko",  "Dario", "Zoë",   "René"};
        static const std::array<const char *, 15> last{"Lee",    "Patel",  "Chen", "Novak", "Berg",
                                                       "Haddad", "Rao",    "Lind", "Kaya",  "Mori",
                                                       "Costa",  "Okafor", "Ruiz", "Ilić",  "Dubois"};
        for (const char *f : first) {
            for (const char *l : last)
                m_people.append(QString::fromUtf8(f) + u' ' + QString::fromUtf8(l));
        }
    }

    // Writes `count` notes below `directory`; returns how many and their total size.
    GeneratedVault generate(const QString &directory, int count)
    {
        GeneratedVault result;
        QDir root(directory);
        const QDate start(2024, 1, 1);
        for (int n = 0; n < count; ++n) {
            const QDate date = start.addDays(int(uniform(0, 730)));
            const QString title = sentence(3, 6, false);
            const QString folder =
                QStringLiteral("Meetings/%1/%2").arg(date.year()).arg(date.month(), 2, 10, QChar(u'0'));
            root.mkpath(folder);
            const QString name =
                QStringLiteral("%1/%2 - %3 %4.md").arg(folder, date.toString(Qt::ISODate), title).arg(n);
            const QByteArray bytes = note(date, title).toUtf8();
            QFile file(root.filePath(name));
            if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) {
                ++result.notes;
                result.bytes += bytes.size();
            }
        }
        return result;
    }

    // The word of a given frequency rank (0 = most common), for picking benchmark queries.
    QString wordAt(int rank) const { return m_words.value(rank); }

private:
    qint64 uniform(qint64 low, qint64 high) { return std::uniform_int_distribution<qint64>(low, high)(m_random); }

    QString word()
    {
        const double x = std::uniform_real_distribution<double>(0, m_cumulative.back())(m_random);
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return m_words[qsizetype(it - m_cumulative.begin())];
    }

    QString sentence(int low, int high, bool period = true)
    {
        QStringList words;
        for (qint64 i = uniform(low, high); i > 0; --i)
            words.append(word());
        QString text = words.join(u' ');
        text[0] = text[0].toUpper();
        return period ? text + u'.' : text;
    }

    QString person() { return m_people[qsizetype(uniform(0, m_people.size() - 1))]; }

    QString note(const QDate &date, const QString &title)
    {
        const bool mojibake = uniform(0, 9) < 3; // like the seeds: a tool's Mac Roman round trip
        const QString calendar = mojibake ? QStringLiteral("\uF8FF\u00FC\u00EC\u00D6") : QStringLiteral("📅");
        const QString high = mojibake ? QStringLiteral("\u201A\u00E8\u00B4") : QStringLiteral("⏫");
        const QString apostrophe = mojibake ? QStringLiteral("\u201A\u00C4\u00F4") : QStringLiteral("’");
        QStringList with;
        for (qint64 i = uniform(1, 4); i > 0; --i)
            with.append(person());
        with.removeDuplicates();

        QString text = QStringLiteral("---\ntype: people\ntitle: %1\ndate: '%2'\nperson: %3\nparticipants:\n")
                           .arg(title, date.toString(Qt::ISODate), with.constFirst());
        for (const QString &name : with)
            text += QStringLiteral("- %1\n").arg(name);
        text += QStringLiteral("source: transcript\nsource_ref: Inbox/_archive/%1 - %2 and a long\n  folded tail.md\n"
                               "tags:\n- type/people\n- generated\n---\n\n")
                    .arg(date.toString(Qt::ISODate), sentence(6, 10, false));
        text += QStringLiteral("# %1\n\n**Date**: %2\n**With**: %3\n\n## Summary\n\n")
                    .arg(title, date.toString(Qt::ISODate), with.join(QStringLiteral(", ")));
        for (qint64 p = uniform(1, 2); p > 0; --p) {
            for (qint64 s = uniform(3, 6); s > 0; --s)
                text += sentence(8, 22) + u' ';
            text += QStringLiteral("The team%1s review moves to next week.\n\n").arg(apostrophe);
        }
        text += QStringLiteral("## Action Items\n");
        static const std::array<const char *, 5> boxes{"[ ?]", "[?]", "[ ]", "[x]", "[/]"};
        for (qint64 i = uniform(3, 13); i > 0; --i) {
            text += QStringLiteral("- %1 %2").arg(QString::fromLatin1(boxes[size_t(uniform(0, 4))]), sentence(6, 16));
            text += uniform(0, 3) == 0 ? QStringLiteral(" @Myself") : QStringLiteral(" @") + person();
            if (uniform(0, 2) > 0)
                text += u' ' + calendar + u' ' + date.addDays(int(uniform(1, 30))).toString(Qt::ISODate);
            if (uniform(0, 2) == 0)
                text += u' ' + high;
            text += QStringLiteral(" #task #proposed\n");
        }
        text += QStringLiteral("\n## Decisions\n");
        for (qint64 i = uniform(2, 5); i > 0; --i)
            text += QStringLiteral("- %1\n").arg(sentence(6, 16));
        text += QStringLiteral("\n## Key Information\n");
        for (qint64 i = uniform(4, 8); i > 0; --i)
            text += QStringLiteral("- %1\n").arg(sentence(8, 20));
        text += QStringLiteral("\n---\n\n*Source: [[Inbox/Transcripts/%1 - %2|%1 - %2]]*\n\n## Related\n")
                    .arg(date.toString(Qt::ISODate), title);
        for (const QString &name : with)
            text += QStringLiteral("- [[%1]]\n").arg(name);
        return text;
    }

    std::mt19937_64 m_random;
    QStringList m_words;              // by frequency rank
    std::vector<double> m_cumulative; // Zipf: weight 1/rank
    QStringList m_people;
};

inline GeneratedVault generateVault(const QString &directory, int count, quint64 seed)
{
    return VaultGenerator(seed).generate(directory, count);
}

} // namespace debrief::bench
