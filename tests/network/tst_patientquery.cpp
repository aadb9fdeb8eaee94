// PatientQuery's URL form and the birth-date input normalisation.

#include "patientquery.h"

#include <QTest>
#include <QUrl>

class tst_PatientQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlQuery_data();
    void urlQuery();
    void isEmpty_data();
    void isEmpty();
    void normalizeBirthDate_data();
    void normalizeBirthDate();
};

void tst_PatientQuery::urlQuery_data()
{
    QTest::addColumn<PatientQuery>("query");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("name only, percent-encoded UTF-8")
        << PatientQuery{QStringLiteral("山田"), {}, {}, {}} << QByteArray("name=%E5%B1%B1%E7%94%B0");
    QTest::newRow("all fields, in order")
        << PatientQuery{QStringLiteral("ヤマダ"), "p00012", "1948-03", "male"}
        << QByteArray("name=%E3%83%A4%E3%83%9E%E3%83%80&identifier=p00012&birthdate=1948-03&gender=male");
    QTest::newRow("plus, ampersand and hash stay data")
        << PatientQuery{{}, "a+b&c#d", {}, {}} << QByteArray("identifier=a%2Bb%26c%23d");
    QTest::newRow("system|value identifier")
        << PatientQuery{{}, "urn:renkei:patient|p00012", {}, {}}
        << QByteArray("identifier=urn:renkei:patient%7Cp00012");
    QTest::newRow("blank fields are not sent")
        << PatientQuery{"  ", {}, " 1948 ", {}} << QByteArray("birthdate=1948");
}

void tst_PatientQuery::urlQuery()
{
    QFETCH(PatientQuery, query);
    QFETCH(QByteArray, encoded);
    QUrl url(QStringLiteral("https://hub.example.jp/fhir/Patient"));
    url.setQuery(query.toUrlQuery());
    QCOMPARE(url.toEncoded(QUrl::FullyEncoded).split('?').value(1), encoded);
}

void tst_PatientQuery::isEmpty_data()
{
    QTest::addColumn<PatientQuery>("query");
    QTest::addColumn<bool>("empty");
    QTest::newRow("nothing") << PatientQuery{} << true;
    QTest::newRow("only spaces") << PatientQuery{" ", "\t", " ", ""} << true;
    QTest::newRow("gender alone is a condition") << PatientQuery{{}, {}, {}, "female"} << false;
    QTest::newRow("name") << PatientQuery{"やまだ", {}, {}, {}} << false;
}

void tst_PatientQuery::isEmpty()
{
    QFETCH(PatientQuery, query);
    QFETCH(bool, empty);
    QCOMPARE(query.isEmpty(), empty);
}

void tst_PatientQuery::normalizeBirthDate_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("empty") << "" << true << "";
    QTest::newRow("year") << "1948" << true << "1948";
    QTest::newRow("year-month") << "1948-03" << true << "1948-03";
    QTest::newRow("full date") << "1948-03-02" << true << "1948-03-02";
    QTest::newRow("slashes, one-digit parts") << "1948/3/2" << true << "1948-03-02";
    QTest::newRow("slashes, year/month") << "1948/03" << true << "1948-03";
    QTest::newRow("full-width IME input") << QStringLiteral("１９４８／０３／０２") << true << "1948-03-02";
    QTest::newRow("surrounding spaces") << "  1960-02-29 " << true << "1960-02-29";
    QTest::newRow("29 Feb of a common year") << "1961-02-29" << false << "";
    QTest::newRow("month 13") << "1948-13" << false << "";
    QTest::newRow("day 32") << "1948-01-32" << false << "";
    QTest::newRow("two-digit year") << "48-03-02" << false << "";
    QTest::newRow("Japanese era is not supported yet") << QStringLiteral("昭和23年") << false << "";
    QTest::newRow("letters") << "abcd" << false << "";
}

void tst_PatientQuery::normalizeBirthDate()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);
    const std::optional<QString> result = ::normalizeBirthDate(input);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, normalized);
}

QTEST_GUILESS_MAIN(tst_PatientQuery)
#include "tst_patientquery.moc"
