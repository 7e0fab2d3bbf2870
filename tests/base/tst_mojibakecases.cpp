// TextRepair against the mojibake real tools produce and the correct text it must never touch.
// Clean rows: sentences of sixteen languages with the typography that used to be "repaired"
// into CJK or Hangul (guillemets with no-break spaces, quotes after accents, ellipses, dashes,
// math and currency signs, emoji). Mojibake rows: the same kind of text turned into mojibake
// here, through Windows-1252, Mac Roman or Latin-1, one to three layers, whole or in part, plus
// the lossy spellings where a byte was lost. Every row is checked byte for byte.
#include "base/codepage.h"
#include "base/textrepair.h"

#include <QTest>

using namespace debrief;

namespace {

QString kindName(CodePage::Kind kind)
{
    switch (kind) {
    case CodePage::Kind::MacRoman: return QStringLiteral("Mac Roman");
    case CodePage::Kind::Windows1252: return QStringLiteral("cp1252");
    case CodePage::Kind::Latin1: return QStringLiteral("Latin-1");
    }
    return {};
}

// Correct text: none of it may change.
const QList<std::pair<const char *, QString>> &cleanText()
{
    static const QList<std::pair<const char *, QString>> rows{
        // French
        {"fr guillemets nbsp", QStringLiteral("Elle a dit «\u00A0télé\u00A0» deux fois.")},
        {"fr quote after accent", QStringLiteral("‘Café’” était écrit ainsi.")},
        {"fr ellipsis after accent", QStringLiteral("Il a hésité…” puis il est parti.")},
        {"fr nbsp before colon", QStringLiteral("Ordre du jour\u00A0: budget, équipe, été.")},
        {"fr à as a word", QStringLiteral("Rendez-vous à Genève à 9\u00A0h.")},
        {"fr ligatures", QStringLiteral("Œuvre complète, cœur, sœur — « déjà vu ».")},
        {"fr euro after accent", QStringLiteral("Coût estimé\u00A0: 12\u00A0000\u00A0€ TTC.")},
        // German
        {"de low quotes", QStringLiteral("Sie sagte „Äpfel und Birnen“ und ging.")},
        {"de umlauts and ß", QStringLiteral("Grüße aus Köln; die Straße ist schön.")},
        {"de degree", QStringLiteral("Es waren 30\u00A0°C im Büro.")},
        {"de single low quote", QStringLiteral("Er nannte es ‚Übergang‘ – nicht mehr.")},
        {"de section sign", QStringLiteral("Gemäß §\u00A012 Abs.\u00A03 gilt das.")},
        // Spanish
        {"es inverted marks", QStringLiteral("¿Qué opinas? ¡Mañana empezamos!")},
        {"es ordinal", QStringLiteral("El 1.º de julio, la 2.ª reunión.")},
        {"es ellipsis", QStringLiteral("Está bien… según José.")},
        {"es em dash", QStringLiteral("Tenía razón—dijo Ramón—, sin duda.")},
        {"es ñ before punctuation", QStringLiteral("El año, la señal; el niño.")},
        // Portuguese
        {"pt tilde", QStringLiteral("Não sei se a ação está pronta.")},
        {"pt capitals in guillemets", QStringLiteral("O título era «IRMÃ» e depois «NÃO…».")},
        {"pt capital Ã before space", QStringLiteral("A IRMÃ É a mais velha.")},
        {"pt ordinal", QStringLiteral("Nº 5, 3ª edição, São Paulo.")},
        {"pt cedilla", QStringLiteral("Atenção: avaliação concluída.")},
        // Italian
        {"it quote after accent", QStringLiteral("Così…” disse, e uscì.")},
        {"it apostrophes", QStringLiteral("L’università è chiusa; dell’anno però sì.")},
        {"it accents at the end", QStringLiteral("Perché no? Più tardi, città.")},
        {"it trema ellipsis", QStringLiteral("Brontë…” era il titolo.")},
        {"it currency", QStringLiteral("Costa 5\u00A0€, cioè poco.")},
        // Polish
        {"pl letters", QStringLiteral("Zażółć gęślą jaźń.")},
        {"pl quotes", QStringLiteral("Powiedział „dość” i wyszedł.")},
        {"pl dash", QStringLiteral("Spotkanie — środa, godz. 10:00.")},
        {"pl guillemets", QStringLiteral("»Łódź« to miasto.")},
        {"pl ellipsis", QStringLiteral("Być może… później.")},
        // Czech
        {"cs letters", QStringLiteral("Příliš žluťoučký kůň úpěl ďábelské ódy.")},
        {"cs quotes", QStringLiteral("Řekl „ano“ a odešel.")},
        {"cs percent", QStringLiteral("Nárůst o 15\u00A0% ročně.")},
        {"cs dash", QStringLiteral("Schůzka – čtvrtek.")},
        {"cs ellipsis", QStringLiteral("Uvidíme… snad.")},
        // Romanian
        {"ro comma below", QStringLiteral("Șeful a spus că ședința e mâine.")},
        {"ro cedilla", QStringLiteral("Ştiu că ţara e frumoasă.")},
        {"ro quotes", QStringLiteral("„Țară” și „oraș”.")},
        {"ro breve", QStringLiteral("Pâine și apă în Brașov.")},
        {"ro em dash", QStringLiteral("Bine—mulțumesc.")},
        // Turkish
        {"tr dotless i", QStringLiteral("Işık ılık, İstanbul güzel.")},
        {"tr soft g", QStringLiteral("Dağ, yağmur, öğretmen.")},
        {"tr cedilla", QStringLiteral("Çarşamba günü şirket toplantısı.")},
        {"tr lira", QStringLiteral("Fiyatı 50\u00A0₺ oldu.")},
        {"tr quotes", QStringLiteral("“Çok güzel” dedi.")},
        // Greek
        {"el sentence", QStringLiteral("Η συνάντηση είναι την Τρίτη.")},
        {"el guillemets", QStringLiteral("Είπε «ναι» και έφυγε.")},
        {"el question mark", QStringLiteral("Τι ώρα; Στις δέκα.")},
        {"el math", QStringLiteral("Εμβαδόν = πr², με r ≈ 3.")},
        {"el tonos", QStringLiteral("Αύριο θα είμαι εκεί…")},
        // Russian
        {"ru sentence", QStringLiteral("Встреча перенесена на четверг.")},
        {"ru guillemets", QStringLiteral("Он сказал «да» — и ушёл.")},
        {"ru numero", QStringLiteral("Приказ №\u00A012 от 5 мая.")},
        {"ru rouble", QStringLiteral("Цена 300\u00A0₽.")},
        {"ru ellipsis", QStringLiteral("Может быть… позже.")},
        // Hebrew
        {"he sentence", QStringLiteral("הפגישה נדחתה ליום חמישי.")},
        {"he quotes", QStringLiteral("הוא אמר ”כן“ ויצא.")},
        {"he shekel", QStringLiteral("המחיר 40\u00A0₪.")},
        {"he geresh", QStringLiteral("צ׳יפס וג׳ירפה.")},
        {"he with latin", QStringLiteral("ה-API של Debrief עובד.")},
        // Arabic
        {"ar sentence", QStringLiteral("تم تأجيل الاجتماع إلى يوم الخميس.")},
        {"ar comma and question", QStringLiteral("هل أنت متأكد؟ نعم، بالتأكيد.")},
        {"ar digits", QStringLiteral("الغرفة ٣٠٥ في الطابق ٢.")},
        {"ar percent", QStringLiteral("زيادة ١٥٪ سنويًا.")},
        {"ar guillemets", QStringLiteral("قال «نعم» ثم غادر.")},
        // Vietnamese
        {"vi sentence", QStringLiteral("Cuộc họp được dời sang thứ Năm.")},
        {"vi quotes", QStringLiteral("Anh ấy nói “được” rồi đi.")},
        {"vi đ", QStringLiteral("Đà Nẵng và Hà Nội.")},
        {"vi dong", QStringLiteral("Giá 50.000\u00A0₫.")},
        {"vi ellipsis", QStringLiteral("Có lẽ… để sau.")},
        // Japanese
        {"ja sentence", QStringLiteral("会議は木曜日に延期されました。")},
        {"ja brackets", QStringLiteral("「はい」と言って帰った。")},
        {"ja mixed", QStringLiteral("Debrief の「レビュー」画面。")},
        {"ja yen", QStringLiteral("価格は ¥3,000 です。")},
        {"ja full width", QStringLiteral("ＡＢＣ　１２３")},
        // Chinese
        {"zh sentence", QStringLiteral("会议改到星期四。")},
        {"zh quotes", QStringLiteral("他说“好的”然后走了。")},
        {"zh traditional", QStringLiteral("會議延到星期四。")},
        {"zh yuan", QStringLiteral("价格 ¥200 元。")},
        {"zh ellipsis", QStringLiteral("也许……以后再说。")},
        // Symbols and emoji next to accented letters, math, currency
        {"emoji after accent", QStringLiteral("Café 📅 2025-10-31 ⏫ réunion ✅")},
        {"emoji zwj", QStringLiteral("Équipe 👩‍💻 prête")},
        {"math", QStringLiteral("x ≤ 5, y ≥ 2, ±0,5, ∞, √2, ∑, ∂, ≠")},
        {"fractions", QStringLiteral("½ tasse, ¼ heure, 3×4 = 12, 10÷2")},
        {"currencies", QStringLiteral("£5, €10, ¥20, ¢50, ₹90, ₩100")},
        {"trademark after accent", QStringLiteral("Pâté™ et Crème®, ©\u00A02025")},
        {"superscripts", QStringLiteral("10 m², 3 km³, H₂O")},
        {"multiplication before quote", QStringLiteral("“2×” était écrit.")},
        {"micro after letter", QStringLiteral("5 µm et 3 µs")},
        {"degree after capital", QStringLiteral("ANGLE 90°, NORD 45°")},
        {"danish", QStringLiteral("Ø» og «Å» på dansk; Øl.")},
        {"french où", QStringLiteral("OÙ… et là.")},
        {"bullet after accent", QStringLiteral("Thé• Café•")},
        {"icelandic", QStringLiteral("Þórður og Ðóra")},
    };
    return rows;
}

// Correct text to turn into mojibake: each must come back whole.
const QList<std::pair<const char *, QString>> &originals()
{
    static const QList<std::pair<const char *, QString>> rows{
        {"fr", QStringLiteral("Réunion déplacée à jeudi, d’accord ?")},
        {"fr guillemets", QStringLiteral("Il a dit «\u00A0oui\u00A0» – enfin.")},
        {"de", QStringLiteral("Grüße aus Köln, schöne Straße.")},
        {"es", QStringLiteral("¿Mañana? Sí, la reunión está confirmada.")},
        {"pt", QStringLiteral("A ação não está pronta.")},
        {"it", QStringLiteral("Perché l’università è chiusa…")},
        {"pl", QStringLiteral("Zażółć gęślą jaźń.")},
        {"cs", QStringLiteral("Příliš žluťoučký kůň.")},
        {"ro", QStringLiteral("Ședința e mâine în Brașov.")},
        {"tr", QStringLiteral("İstanbul’da çarşamba toplantısı.")},
        {"el", QStringLiteral("Η συνάντηση είναι την Τρίτη.")},
        {"ru", QStringLiteral("Встреча перенесена на четверг.")},
        {"he", QStringLiteral("הפגישה נדחתה ליום חמישי.")},
        {"ar", QStringLiteral("تم تأجيل الاجتماع إلى الخميس.")},
        {"vi", QStringLiteral("Cuộc họp dời sang thứ Năm.")},
        {"ja", QStringLiteral("会議は木曜日に延期されました。")},
        {"zh", QStringLiteral("会议改到星期四。")},
        {"quotes", QStringLiteral("Ann’s “plan” — done… ok")},
        {"emoji", QStringLiteral("📅 2025-10-31 ⏫ ✅ 🔁")},
    };
    return rows;
}

} // namespace

class TestMojibakeCases final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanTextSurvives_data();
    void cleanTextSurvives();
    void mojibakeIsUndone_data();
    void mojibakeIsUndone();
    void partOfALine_data();
    void partOfALine();
    void lossy_data();
    void lossy();
};

void TestMojibakeCases::cleanTextSurvives_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : cleanText())
        QTest::newRow(name) << text;
}

void TestMojibakeCases::cleanTextSurvives()
{
    QFETCH(QString, text);
    QCOMPARE(TextRepair::repair(text), text);
    QVERIFY(!TextRepair::hasMojibake(text));
    const QByteArray bytes = text.toUtf8();
    QCOMPARE(TextRepair::repairBytes(bytes), bytes);
}

void TestMojibakeCases::mojibakeIsUndone_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("mojibake");
    const QList<CodePage::Kind> kinds{CodePage::Kind::Windows1252, CodePage::Kind::MacRoman, CodePage::Kind::Latin1};
    for (const auto &[name, text] : originals()) {
        for (const CodePage::Kind kind : kinds) {
            for (int layers = 1; layers <= 3; ++layers) {
                const QString row =
                    QStringLiteral("%1, %2 x%3").arg(QString::fromUtf8(name), kindName(kind)).arg(layers);
                QTest::newRow(qPrintable(row)) << text << CodePage::misread(text, kind, layers);
            }
        }
    }
}

void TestMojibakeCases::mojibakeIsUndone()
{
    QFETCH(QString, original);
    QFETCH(QString, mojibake);
    // Three layers where a middle layer of one run reads better in another page: known misses,
    // kept here so that fixing one shows (an unexpected pass fails the test).
    for (const char *row : {"fr guillemets, cp1252 x3", "ro, cp1252 x3", "el, cp1252 x3", "he, cp1252 x3",
                            "ja, Mac Roman x3", "ja, Latin-1 x3"}) {
        QEXPECT_FAIL(row, "three layers, a middle layer decoded through another page", Abort);
    }
    QCOMPARE(TextRepair::repair(mojibake), original);
    QVERIFY(TextRepair::hasMojibake(mojibake));
    QCOMPARE(TextRepair::repairBytes(mojibake.toUtf8()), original.toUtf8());
}

// Mojibake in one part of a line that is otherwise correct: only that part changes.
void TestMojibakeCases::partOfALine_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("mojibake");
    const QString clean = QStringLiteral("« télé » déjà vu — ");
    for (const auto &[name, text] : originals()) {
        for (const CodePage::Kind kind : {CodePage::Kind::Windows1252, CodePage::Kind::MacRoman}) {
            const QString row = QStringLiteral("%1 after clean text, %2").arg(QString::fromUtf8(name), kindName(kind));
            QTest::newRow(qPrintable(row)) << clean + text << clean + CodePage::misread(text, kind, 1);
        }
    }
}

void TestMojibakeCases::partOfALine()
{
    QFETCH(QString, original);
    QFETCH(QString, mojibake);
    QCOMPARE(TextRepair::repair(mojibake), original);
}

void TestMojibakeCases::lossy_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("à whose no-break space became a space")
        << QStringLiteral("voilÃ  tout") << QStringLiteral("voilà tout");
    QTest::newRow("à before a word") << QStringLiteral("jusquÃ demain") << QStringLiteral("jusquà demain");
    QTest::newRow("closing quote, replacement character")
        << QStringLiteral("â€œyesâ€\uFFFD") << QStringLiteral("“yes”");
    QTest::newRow("closing quote, question mark") << QStringLiteral("â€œyesâ€?") << QStringLiteral("“yes”");
    QTest::newRow("C1 controls from Latin-1")
        << QStringLiteral("Ecuador\u00E2\u0080\u0099s") << QStringLiteral("Ecuador’s");
    QTest::newRow("capital Ã before a space stays") << QStringLiteral("IRMÃ É") << QStringLiteral("IRMÃ É");
}

void TestMojibakeCases::lossy()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextRepair::repair(input), expected);
    QCOMPARE(TextRepair::hasMojibake(input), input != expected);
}

QTEST_GUILESS_MAIN(TestMojibakeCases)
#include "tst_mojibakecases.moc"
