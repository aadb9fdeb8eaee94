// TimelineModel fed page by page, checked by QAbstractItemModelTester.

#include "everythingdata.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = ClinicalRecord::Kind;

class tst_TimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesAppend();
    void rowValues_data();
    void rowValues();
    void facilities();
    void newSinceLastView();
    void newRecordIdsFromTheHub();
    void clearEmpties();
};

void tst_TimelineModel::pagesAppend()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    QCOMPARE(model.rowCount(), 29);
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    QCOMPARE(model.rowCount(), 55);
    model.appendRecords(EverythingData::page(QStringLiteral("malformed.json")));
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted.at(1).at(1).toInt(), 29);
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    model.appendRecords({});
    QCOMPARE(inserted.size(), 3);
}

void tst_TimelineModel::rowValues_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("abnormal");

    QTest::newRow("lab with time") << "0edc17eb532df4800811b43c-2" << "2011/12/19 15:00" << Kind::Labs
                                   << "総蛋白 7.2 g/dl" << false;
    QTest::newRow("high lab") << "syn-lab-1" << "2012/03/05 09:10" << Kind::Labs
                              << "総蛋白 8.9 g/dl" << true;
    QTest::newRow("low lab") << "syn-lab-2" << "2012/03/05 09:10" << Kind::Labs
                             << "アルブミン 3.1 g/dl" << true;
    QTest::newRow("date-only diagnosis") << "20dc1d80f00aeb65e1e624a6-1" << "2011/08/31"
                                         << Kind::Diagnoses << "胃炎" << false;
    QTest::newRow("undated allergy") << "3990c4d093d438f8cf34129c-4" << "no date" << Kind::Allergies
                                     << "ペニシリン" << false;
}

void tst_TimelineModel::rowValues()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    QFETCH(QString, id);
    const int row = model.rowOf(id);
    QVERIFY(row >= 0);
    QTEST(model.index(row, TimelineModel::DateColumn).data().toString(), "date");
    QTEST(Kind(model.index(row, 0).data(TimelineModel::KindRole).toInt()), "kind");
    QTEST(model.index(row, TimelineModel::TitleColumn).data().toString(), "title");
    QTEST(model.index(row, 0).data(TimelineModel::IsAbnormalRole).toBool(), "abnormal");
    QCOMPARE(model.index(row, TimelineModel::KindColumn).data().toString(),
             clinicalKindLabel(model.record(row).kind));
    QCOMPARE(model.index(row, 0).data(TimelineModel::RecordIdRole).toString(), id);
    QCOMPARE(model.index(row, 0).data(TimelineModel::IsNewRole).toBool(), false);
}

void tst_TimelineModel::facilities()
{
    TimelineModel model;
    QSignalSpy changed(&model, &TimelineModel::facilitiesChanged);
    model.appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    QCOMPARE(model.facilities(), QStringList{QStringLiteral("hosp-nho")});
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    // syn-lab-1 on page 2 comes from the clinic.
    QCOMPARE(model.facilities(), (QStringList{QStringLiteral("hosp-nho"), QStringLiteral("clinic-azumino")}));
    QCOMPARE(changed.size(), 2);
    const int row = model.rowOf(QStringLiteral("syn-lab-1"));
    QCOMPARE(model.index(row, TimelineModel::FacilityColumn).data().toString(), QStringLiteral("clinic-azumino"));
    model.setFacilityNames({{QStringLiteral("clinic-azumino"), QStringLiteral("安曇野クリニック")}});
    QCOMPARE(model.index(row, TimelineModel::FacilityColumn).data().toString(), QStringLiteral("安曇野クリニック"));
    QCOMPARE(model.index(row, 0).data(TimelineModel::FacilityRole).toString(), QStringLiteral("clinic-azumino"));
}

void tst_TimelineModel::newSinceLastView()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ClinicalRecord> records = EverythingData::page(QStringLiteral("page2.json"));
    QJsonObject meta = records[0].raw.value(QLatin1String("meta")).toObject();
    meta.insert(QStringLiteral("lastUpdated"), QStringLiteral("2026-11-20T10:00:00+09:00"));
    records[0].raw.insert(QStringLiteral("meta"), meta);
    model.appendRecords(records);
    model.setLastViewed(QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(model.index(0, 0).data(TimelineModel::IsNewRole).toBool());
    QVERIFY(!model.index(1, 0).data(TimelineModel::IsNewRole).toBool());
    model.setLastViewed(QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC));
    QVERIFY(!model.index(0, 0).data(TimelineModel::IsNewRole).toBool());
}

void tst_TimelineModel::newRecordIdsFromTheHub()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ClinicalRecord> records = EverythingData::page(QStringLiteral("page2.json"));
    model.appendRecords(records);
    QCOMPARE(model.newCount(), 0);
    QSignalSpy changed(&model, &TimelineModel::newRecordsChanged);
    // Resources without meta.lastUpdated: the hub's _since answer names them.
    model.setLastViewed(QDateTime(QDate(2026, 1, 5), QTime(1, 30), Qt::UTC));
    model.setNewRecordIds({records.at(2).id, records.at(4).id, QStringLiteral("not-in-this-record")});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.newCount(), 2);
    QVERIFY(model.index(2, 0).data(TimelineModel::IsNewRole).toBool());
    QVERIFY(!model.index(3, 0).data(TimelineModel::IsNewRole).toBool());
    model.clear();
    QCOMPARE(model.newCount(), 0);
    QVERIFY(!model.lastViewed().isValid());
}

void tst_TimelineModel::clearEmpties()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.facilities().isEmpty());
}

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_timelinemodel.moc"
