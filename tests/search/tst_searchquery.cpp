// Words, the query language and every operator of issue 4 on an invented vault.

#include "search/searchindex.h"
#include "search/searchquery.h"
#include "search/snippet.h"
#include "search/textfold.h"

#include <QTest>

#include <algorithm>
#include <memory>

using namespace debrief;

namespace {

QString fixtureVault()
{
    return QStringLiteral(DEBRIEF_FIXTURES "/search/vault");
}

QStringList texts(const SearchResult &result)
{
    QStringList list;
    for (const SearchHit &hit : result.hits)
        list.append(hit.text);
    std::sort(list.begin(), list.end());
    return list;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SearchIndex> m_index;

private Q_SLOTS:
    void initTestCase()
    {
        SearchIndex::Options options;
        options.useCache = false;
        m_index = std::make_unique<SearchIndex>(fixtureVault(), options);
        QVERIFY(m_index->open());
        QCOMPARE(m_index->noteCount(), 4);
    }

    void folding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::newRow("case") << QStringLiteral("Budget BUDGET")
                              << QStringList{QStringLiteral("budget"), QStringLiteral("budget")};
        QTest::newRow("acute") << QStringLiteral("Café") << QStringList{QStringLiteral("cafe")};
        QTest::newRow("decomposed input")
            << QStringLiteral("Cafe\u0301 ok") << QStringList{QStringLiteral("cafe"), QStringLiteral("ok")};
        QTest::newRow("no-decomposition letters")
            << QStringLiteral("Straße Ærø Łódź")
            << QStringList{QStringLiteral("strasse"), QStringLiteral("aero"), QStringLiteral("lodz")};
        QTest::newRow("vietnamese nests") << QStringLiteral("Tiếng") << QStringList{QStringLiteral("tieng")};
        QTest::newRow("greek tonos") << QStringLiteral("Άλφα") << QStringList{QStringLiteral("αλφα")};
        QTest::newRow("punctuation splits")
            << QStringLiteral("sign-in, e.g. 10:30")
            << QStringList{QStringLiteral("sign"), QStringLiteral("in"), QStringLiteral("e"),
                           QStringLiteral("g"),    QStringLiteral("10"), QStringLiteral("30")};
        QTest::newRow("apostrophe splits")
            << QStringLiteral("team’s") << QStringList{QStringLiteral("team"), QStringLiteral("s")};
        QTest::newRow("emoji is no word") << QStringLiteral("📅 2025") << QStringList{QStringLiteral("2025")};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void folding()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QStringList got;
        for (const QByteArray &term : TextFold::terms(text))
            got.append(QString::fromUtf8(term));
        QCOMPARE(got, terms);
    }

    void wordOffsets()
    {
        const QList<TextFold::Word> words = TextFold::words(QStringLiteral("a Cafe\u0301!"));
        QCOMPARE(words.size(), 2);
        QCOMPARE(words[1].start, 2);
        QCOMPARE(words[1].length, 5); // the combining mark belongs to the word
    }

    void parse_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("clauses");
        QTest::addColumn<int>("firstClauseTerms");
        QTest::addColumn<int>("errors");
        QTest::newRow("two words") << QStringLiteral("budget plan") << 2 << 1 << 0;
        QTest::newRow("OR joins") << QStringLiteral("budget OR plan") << 1 << 2 << 0;
        QTest::newRow("lower-case or is a word") << QStringLiteral("budget or plan") << 3 << 1 << 0;
        QTest::newRow("OR first is a word") << QStringLiteral("OR budget") << 2 << 1 << 0;
        QTest::newRow("OR last is a word") << QStringLiteral("budget OR") << 2 << 1 << 0;
        QTest::newRow("unclosed quote runs to the end") << QStringLiteral("\"revised budget") << 1 << 1 << 0;
        QTest::newRow("unknown field is literal") << QStringLiteral("re:invent") << 1 << 1 << 0;
        QTest::newRow("section is a filter") << QStringLiteral("section:decisions") << 0 << 0 << 0;
        QTest::newRow("malformed due") << QStringLiteral("due:<tomorrowish") << 0 << 0 << 1;
        QTest::newRow("malformed date") << QStringLiteral("date:2025-13") << 0 << 0 << 1;
        QTest::newRow("malformed status") << QStringLiteral("status:sleeping") << 0 << 0 << 1;
        QTest::newRow("malformed section") << QStringLiteral("section:appendix") << 0 << 0 << 1;
        QTest::newRow("empty owner") << QStringLiteral("owner:") << 0 << 0 << 1;
        QTest::newRow("punctuation only") << QStringLiteral("-- \" * : (( ))") << 0 << 0 << 0;
    }

    void parse()
    {
        QFETCH(QString, query);
        QFETCH(int, clauses);
        QFETCH(int, firstClauseTerms);
        QFETCH(int, errors);
        const SearchQuery parsed = SearchQuery::parse(query);
        QCOMPARE(parsed.clauses.size(), clauses);
        if (clauses > 0)
            QCOMPARE(parsed.clauses.constFirst().size(), firstClauseTerms);
        QCOMPARE(parsed.errors.size(), errors);
    }

    void malformedFieldIsNamed()
    {
        const SearchResult result = m_index->search(QStringLiteral("budget due:<tomorrowish"));
        QVERIFY(result.hits.isEmpty());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.constFirst().contains(QStringLiteral("due:<tomorrowish")),
                 qPrintable(result.errors.constFirst()));
    }

    void operators_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("hits"); // texts of the hit blocks, any order
        const QString revised = QStringLiteral("Send the revised budget to finance.");
        const QString numbers = QStringLiteral("Review the budget numbers.");
        const QString budgetSummary = QStringLiteral(
            "Ann and Bob went through the budget for the Apollo launch. The team meets at 10:30 every Monday.");
        const QString roadmapSummary =
            QStringLiteral("Carla presented the roadmap and the quarterly plan for the Zephyr beta. #roadmap");
        const QString cafe = QStringLiteral("The café on the ground floor closes at five.");
        const QString offsiteSummary =
            QStringLiteral("Résumé of the offsite: the cafe was closed, so the team walked to the lake.");
        const QString hiring = QStringLiteral("Freeze hiring until January.");
        const QString beta = QStringLiteral("Ship the beta in December.");
        const QString quarterly = QStringLiteral("Draft the quarterly plan.");
        const QString slides = QStringLiteral("Update the roadmap slides.");
        const QString room = QStringLiteral("Book the room for the offsite.");
        const QString second = QStringLiteral("Plan a second offsite.");
        const QString budgetTitle = QStringLiteral("Budget review");
        const QString roadmapTitle = QStringLiteral("Roadmap sync");
        const QString offsiteTitle = QStringLiteral("Offsite");
        const QString annTitle = QStringLiteral("Ann Lee");
        const QString annText = QStringLiteral("Ann leads the finance team and owns the Apollo numbers.");

        QTest::newRow("word") << QStringLiteral("hiring") << QStringList{hiring};
        QTest::newRow("word, none") << QStringLiteral("zebra") << QStringList{};
        QTest::newRow("word, case") << QStringLiteral("HIRING") << QStringList{hiring};
        QTest::newRow("word, whole words only") << QStringLiteral("hire") << QStringList{};
        QTest::newRow("diacritics, plain query") << QStringLiteral("cafe") << QStringList{cafe, offsiteSummary};
        QTest::newRow("diacritics, accented query") << QStringLiteral("café") << QStringList{cafe, offsiteSummary};
        QTest::newRow("diacritics, resume") << QStringLiteral("resume") << QStringList{offsiteSummary};
        // The "# Budget review" heading is a block of its own, beside the frontmatter title.
        QTest::newRow("words are ANDed per note")
            << QStringLiteral("budget finance") << QStringList{budgetTitle, budgetTitle, budgetSummary, revised};
        QTest::newRow("words ANDed, none") << QStringLiteral("budget lake") << QStringList{};
        QTest::newRow("phrase") << QStringLiteral("\"revised budget\"") << QStringList{revised};
        QTest::newRow("phrase, wrong order") << QStringLiteral("\"budget revised\"") << QStringList{};
        QTest::newRow("phrase across punctuation") << QStringLiteral("\"10:30\"") << QStringList{budgetSummary};
        QTest::newRow("exclude word") << QStringLiteral("budget -hiring") << QStringList{numbers};
        QTest::newRow("exclude word, nothing left") << QStringLiteral("hiring -budget") << QStringList{};
        QTest::newRow("exclude phrase") << QStringLiteral("budget -\"revised budget\"") << QStringList{numbers};
        QTest::newRow("exclude phrase not present")
            << QStringLiteral("hiring -\"budget revised\"") << QStringList{hiring};
        QTest::newRow("OR") << QStringLiteral("hiring OR beta") << QStringList{hiring, beta, roadmapSummary};
        QTest::newRow("OR, neither") << QStringLiteral("zebra OR yak") << QStringList{};
        QTest::newRow("OR then AND") << QStringLiteral("hiring OR beta slides")
                                     << QStringList{beta, roadmapSummary, slides};
        QTest::newRow("prefix") << QStringLiteral("quarter*") << QStringList{quarterly, roadmapSummary};
        QTest::newRow("prefix, none") << QStringLiteral("quartz*") << QStringList{};
        QTest::newRow("owner, full name") << QStringLiteral("owner:\"Ann Lee\"") << QStringList{revised};
        QTest::newRow("owner, one word") << QStringLiteral("owner:bob") << QStringList{room, numbers};
        QTest::newRow("owner, diacritics") << QStringLiteral("owner:\"carla diaz\"") << QStringList{slides};
        QTest::newRow("owner, partial word is no match") << QStringLiteral("owner:bo") << QStringList{};
        QTest::newRow("owner:me is Myself") << QStringLiteral("owner:me") << QStringList{quarterly};
        QTest::newRow("owner and a word in the item") << QStringLiteral("owner:ann budget") << QStringList{revised};
        QTest::newRow("owner and a word not in the item") << QStringLiteral("owner:ann hiring") << QStringList{};
        QTest::newRow("status open") << QStringLiteral("status:open") << QStringList{revised, numbers};
        QTest::newRow("status done") << QStringLiteral("status:done") << QStringList{room};
        QTest::newRow("status in_progress") << QStringLiteral("status:in_progress") << QStringList{slides};
        QTest::newRow("status cancelled") << QStringLiteral("status:cancelled") << QStringList{second};
        QTest::newRow("status other, none") << QStringLiteral("status:other") << QStringList{};
        QTest::newRow("not done") << QStringLiteral("owner:bob -status:done") << QStringList{numbers};
        QTest::newRow("status OR status")
            << QStringLiteral("status:done OR status:cancelled") << QStringList{room, second};
        QTest::newRow("tag on notes, nested")
            << QStringLiteral("tag:project") << QStringList{budgetTitle, roadmapTitle};
        QTest::newRow("tag on notes, exact") << QStringLiteral("tag:project/apollo") << QStringList{budgetTitle};
        QTest::newRow("tag from the body") << QStringLiteral("tag:#roadmap") << QStringList{roadmapTitle};
        QTest::newRow("tag, none") << QStringLiteral("tag:proj") << QStringList{};
        QTest::newRow("tag on items") << QStringLiteral("status:in_progress tag:urgent") << QStringList{slides};
        QTest::newRow("tag on items, none") << QStringLiteral("status:open tag:urgent") << QStringList{};
        QTest::newRow("excluded tag") << QStringLiteral("budget -tag:project/apollo") << QStringList{numbers};
        QTest::newRow("with") << QStringLiteral("with:\"Carla Diaz\"") << QStringList{roadmapTitle};
        QTest::newRow("with, two notes") << QStringLiteral("with:ann") << QStringList{budgetTitle, roadmapTitle};
        QTest::newRow("with, none") << QStringLiteral("with:zed") << QStringList{};
        QTest::newRow("with narrows items") << QStringLiteral("owner:bob with:carla") << QStringList{numbers};
        QTest::newRow("due before") << QStringLiteral("due:<2025-11-01") << QStringList{revised};
        QTest::newRow("due on or before")
            << QStringLiteral("due:<=2025-11-20") << QStringList{revised, quarterly, slides};
        QTest::newRow("due after") << QStringLiteral("due:>2025-11-20") << QStringList{numbers};
        QTest::newRow("due from") << QStringLiteral("due:>=2025-11-20") << QStringList{slides, numbers};
        QTest::newRow("due day") << QStringLiteral("due:2025-10-10") << QStringList{revised};
        QTest::newRow("due month") << QStringLiteral("due:2025-11") << QStringList{quarterly, slides};
        QTest::newRow("due year") << QStringLiteral("due:2025") << QStringList{revised, quarterly, slides, numbers};
        QTest::newRow("due, none") << QStringLiteral("due:2026") << QStringList{};
        QTest::newRow("due range") << QStringLiteral("due:>=2025-11-01 due:<2025-12-01")
                                   << QStringList{quarterly, slides};
        QTest::newRow("date month") << QStringLiteral("date:2025-10") << QStringList{budgetTitle};
        QTest::newRow("date after") << QStringLiteral("date:>=2025-11-01") << QStringList{roadmapTitle};
        QTest::newRow("date year and word") << QStringLiteral("date:2024 cafe") << QStringList{offsiteSummary};
        QTest::newRow("date, none") << QStringLiteral("date:2023") << QStringList{};
        QTest::newRow("section alone") << QStringLiteral("section:decisions") << QStringList{hiring, beta};
        QTest::newRow("section and word") << QStringLiteral("section:key cafe") << QStringList{cafe};
        QTest::newRow("section and word, none") << QStringLiteral("section:decisions cafe") << QStringList{};
        QTest::newRow("section of items") << QStringLiteral("section:actions owner:bob") << QStringList{room, numbers};
        QTest::newRow("excluded section") << QStringLiteral("cafe -section:key") << QStringList{offsiteSummary};
        QTest::newRow("path") << QStringLiteral("path:people") << QStringList{annTitle};
        QTest::newRow("path and word") << QStringLiteral("path:2024 team") << QStringList{offsiteSummary};
        QTest::newRow("path, none") << QStringLiteral("path:archive") << QStringList{};
        QTest::newRow("excluded path") << QStringLiteral("finance -path:meetings") << QStringList{annText};
        QTest::newRow("title") << QStringLiteral("title:roadmap") << QStringList{roadmapTitle};
        QTest::newRow("title, word elsewhere only") << QStringLiteral("title:finance") << QStringList{};
        QTest::newRow("title and a word") << QStringLiteral("title:budget hiring") << QStringList{budgetTitle, hiring};
        QTest::newRow("unknown field read literally") << QStringLiteral("meets 10:30") << QStringList{budgetSummary};
        QTest::newRow("unclosed quote") << QStringLiteral("\"revised budget") << QStringList{revised};
        QTest::newRow("OR alone is a word") << QStringLiteral("OR") << QStringList{};
    }

    void operators()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, hits);
        const SearchResult result = m_index->search(query, 0);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(texts(result), sorted(hits));
    }

    void ownerMeWithAName()
    {
        // The user's own name from settings, and items written @Myself.
        const SearchResult result = m_index->search(QStringLiteral("owner:me"), 0, QStringLiteral("Ann Lee"));
        QCOMPARE(texts(result),
                 sorted({QStringLiteral("Send the revised budget to finance."),
                         QStringLiteral("Draft the quarterly plan.")}));
    }

    void hitFields()
    {
        const SearchResult result = m_index->search(QStringLiteral("\"revised budget\""));
        QCOMPARE(result.hits.size(), 1);
        const SearchHit &hit = result.hits.constFirst();
        QCOMPARE(hit.path, QStringLiteral("Meetings/2025-10-02 Budget review.md"));
        QCOMPARE(hit.line, 21);
        QCOMPARE(hit.kind, TextBlock::Kind::ActionItem);
        QVERIFY(hit.isActionItem);
        QCOMPARE(hit.status, TaskStatus::Open);
        QCOMPARE(hit.owner, QStringLiteral("Ann Lee"));
        QCOMPARE(hit.due, QDate(2025, 10, 10));
        QCOMPARE(hit.snippet, hit.text);
        QCOMPARE(hit.matches.size(), 1);
        QCOMPARE(hit.snippet.mid(hit.matches[0].start, hit.matches[0].length), QStringLiteral("revised budget"));
        QVERIFY(hit.score > 0);
    }

    void snippetOfALongBlock()
    {
        SearchHit hit;
        hit.text = QString(QStringLiteral("word ")).repeated(100) + QStringLiteral("needle")
            + QString(QStringLiteral(" tail")).repeated(100);
        SearchQuery query = SearchQuery::parse(QStringLiteral("needle"));
        Snippet::fill(hit, query);
        QVERIFY(hit.snippet.size() <= Snippet::maxLength + 2);
        QVERIFY(hit.snippet.startsWith(u'…'));
        QVERIFY(hit.snippet.endsWith(u'…'));
        QCOMPARE(hit.matches.size(), 1);
        QCOMPARE(hit.snippet.mid(hit.matches[0].start, hit.matches[0].length), QStringLiteral("needle"));
    }

    void oddQueriesNeverCrash_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *query : {"",
                                  " ",
                                  "-",
                                  "\"",
                                  "\"\"",
                                  "*",
                                  "**",
                                  ":",
                                  "owner:",
                                  "-owner:me",
                                  "due:",
                                  "date:<",
                                  "OR OR OR",
                                  "- - -",
                                  "((budget))",
                                  "tag:",
                                  "path:",
                                  "title:",
                                  "section:",
                                  "due:>=9999-12-31",
                                  "due:<0001-01-01",
                                  "\xF0\x9F\x93\x85",
                                  "a*b*c",
                                  "-\"\"",
                                  "status:OPEN",
                                  "owner:\"",
                                  "budget -budget",
                                  "with:\"\""})
            QTest::newRow(query[0] ? query : "empty") << QString::fromUtf8(query);
    }

    void oddQueriesNeverCrash()
    {
        QFETCH(QString, query);
        const SearchResult result = m_index->search(query, 0);
        QVERIFY(result.total >= 0);
        QVERIFY(!result.damaged);
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
