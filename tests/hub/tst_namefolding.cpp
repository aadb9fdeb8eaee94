#include "namefolding.h"

#include <QTest>

// Expected values follow Unicode NFKC (UAX #15) plus the hiragana → katakana shift
// (U+3041–U+3096 → +0x60), case folding and whitespace removal; they were cross-checked with
// Python's unicodedata.normalize("NFKC", …), an implementation independent of Qt's.
class tst_NameFolding : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void idempotent_data() { fold_data(); }
    void idempotent();
};

void tst_NameFolding::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("half-width katakana with voiced mark")
        << QStringLiteral("ﾔﾏﾀﾞ ﾀﾛｳ") << QStringLiteral("ヤマダタロウ");
    QTest::newRow("half-width semi-voiced mark") << QStringLiteral("ﾊﾟﾝ") << QStringLiteral("パン");
    QTest::newRow("half-width small tsu and voiced") << QStringLiteral("ｶﾞｯｺｳ") << QStringLiteral("ガッコウ");
    QTest::newRow("half-width vu") << QStringLiteral("ｳﾞｨ") << QStringLiteral("ヴィ");
    QTest::newRow("hiragana with ideographic space")
        << QStringLiteral("やまだ\u3000たろう") << QStringLiteral("ヤマダタロウ");
    QTest::newRow("small and rare hiragana") << QStringLiteral("ぁゔゖ") << QStringLiteral("ァヴヶ");
    QTest::newRow("full-width Latin") << QStringLiteral("ＹＡＭＡＤＡ Taro") << QStringLiteral("yamadataro");
    QTest::newRow("mixed case ASCII") << QStringLiteral("YaMaDa") << QStringLiteral("yamada");
    QTest::newRow("full-width Latin and half-width kana")
        << QStringLiteral("Ｙａｍａｄａ\u3000ﾀﾛｳ") << QStringLiteral("yamadaタロウ");
    QTest::newRow("kanji with ideographic space") << QStringLiteral("山田\u3000太郎") << QStringLiteral("山田太郎");
    QTest::newRow("tabs and newlines") << QStringLiteral("\t山田\n太郎 ") << QStringLiteral("山田太郎");
    QTest::newRow("full-width digits") << QStringLiteral("１２３") << QStringLiteral("123");
    QTest::newRow("parenthesized ideograph") << QStringLiteral("㈱山田") << QStringLiteral("(株)山田");
    QTest::newRow("already folded katakana") << QStringLiteral("ヤマダタロウ") << QStringLiteral("ヤマダタロウ");
    QTest::newRow("already folded kanji") << QStringLiteral("山田太郎") << QStringLiteral("山田太郎");
    QTest::newRow("SQL metacharacters kept")
        << QStringLiteral("'; DROP TABLE patients;--") << QStringLiteral("';droptablepatients;--");
    QTest::newRow("only spaces") << QStringLiteral(" \u3000\t") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_NameFolding::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(foldNameForSearch(input), expected);
}

void tst_NameFolding::idempotent()
{
    QFETCH(QString, input);
    const QString once = foldNameForSearch(input);
    QCOMPARE(foldNameForSearch(once), once);
}

QTEST_GUILESS_MAIN(tst_NameFolding)
#include "tst_namefolding.moc"
