// RecordDayProxy: one day's records of the timeline model, under QAbstractItemModelTester,
// with dates from the canned $everything pages.

#include "everythingdata.h"
#include "recorddayproxy.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class tst_RecordDayProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneDaysRecords();
    void rowFilterAndLivePages();
};

void tst_RecordDayProxy::oneDaysRecords()
{
    TimelineModel model;
    RecordDayProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    QCOMPARE(proxy.rowCount(), 0); // no day chosen
    const QDate day(2011, 12, 20);
    proxy.setDate(day);
    int expected = 0;
    for (const ClinicalRecord &r : model.records())
        expected += r.date.isValid() && r.date.date() == day ? 1 : 0;
    QVERIFY(expected >= 24); // page files: 24 by the PROTOCOL dates alone
    QCOMPARE(proxy.rowCount(), expected);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex index = proxy.index(row, TimelineModel::DateColumn);
        QVERIFY(index.data().toString().startsWith(QLatin1String("2011/12/20")));
        QCOMPARE(index.data(TimelineModel::DateRole).toDateTime().date(), day);
    }
    proxy.setDate(QDate(2011, 12, 21));
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_RecordDayProxy::rowFilterAndLivePages()
{
    TimelineModel model;
    RecordDayProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setDate(QDate(2011, 12, 20));
    model.appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    const int afterFirst = proxy.rowCount();
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    QVERIFY(proxy.rowCount() >= afterFirst);
    const int all = proxy.rowCount();
    proxy.setRowFilter([&model](int row) { return model.record(row).kind != ClinicalRecord::Kind::Labs; });
    int labs = 0;
    for (const ClinicalRecord &r : model.records())
        labs += r.date.isValid() && r.date.date() == QDate(2011, 12, 20) && r.kind == ClinicalRecord::Kind::Labs ? 1 : 0;
    QVERIFY(labs > 0);
    QCOMPARE(proxy.rowCount(), all - labs);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_RecordDayProxy)
#include "tst_recorddayproxy.moc"
