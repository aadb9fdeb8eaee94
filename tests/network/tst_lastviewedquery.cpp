// LastViewedQuery::parse: the hub's $last-viewed Parameters (docs/PROTOCOL.md "New since my
// last view") → the instant, including the never-viewed and malformed answers.

#include "lastviewedquery.h"

#include <QTest>

class tst_LastViewedQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_LastViewedQuery::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expected");
    const QByteArray patient = R"({"name":"patient","valueReference":{"reference":"Patient/p00001"}})";
    QTest::newRow("viewed") << QByteArray(R"({"resourceType":"Parameters","parameter":[)" + patient
                                          + R"(,{"name":"lastViewed","valueInstant":"2026-11-20T01:02:03.456Z"}]})")
                            << true << QDateTime(QDate(2026, 11, 20), QTime(1, 2, 3), Qt::UTC);
    QTest::newRow("offset") << QByteArray(R"({"resourceType":"Parameters","parameter":[{"name":"lastViewed","valueInstant":"2026-11-20T10:02:03+09:00"}]})")
                            << true << QDateTime(QDate(2026, 11, 20), QTime(1, 2, 3), Qt::UTC);
    QTest::newRow("never viewed") << QByteArray(R"({"resourceType":"Parameters","parameter":[)" + patient + "]}")
                                  << true << QDateTime();
    QTest::newRow("not Parameters") << QByteArray(R"({"resourceType":"OperationOutcome"})") << false << QDateTime();
    QTest::newRow("not json") << QByteArray("<html>") << false << QDateTime();
    QTest::newRow("date only") << QByteArray(R"({"resourceType":"Parameters","parameter":[{"name":"lastViewed","valueInstant":"2026-11-20"}]})")
                               << false << QDateTime();
}

void tst_LastViewedQuery::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QDateTime, expected);
    std::optional<QDateTime> time;
    QString error;
    QCOMPARE(LastViewedQuery::parse(json, &time, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(time.has_value(), expected.isValid());
    if (time)
        QCOMPARE(*time, expected);
}

QTEST_GUILESS_MAIN(tst_LastViewedQuery)
#include "tst_lastviewedquery.moc"
