// LabResultsModel: tests as rows, collection times as columns (newest first).

#include "everythingdata.h"
#include "labresultsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class tst_LabResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void layout();
    void cells_data();
    void cells();
    void rangesAndCodes();
    void lookups();

private:
    std::unique_ptr<LabResultsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_LabResultsModel::init()
{
    m_model = std::make_unique<LabResultsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Progressive pages, as the fetch delivers them; malformed records are ignored.
    m_model->appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    m_model->appendRecords(EverythingData::page(QStringLiteral("page2.json")));
    m_model->appendRecords(EverythingData::page(QStringLiteral("malformed.json")));
}

void tst_LabResultsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_LabResultsModel::layout()
{
    // Laboratory Observations in the files: 3 tests on 2011-12-19 15:00 (hosp-nho) and
    // 総蛋白/アルブミン again on 2012-03-05 09:10 (clinic-azumino).
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), 4);
    QCOMPARE(m_model->index(0, LabResultsModel::TestColumn).data().toString(), QStringLiteral("A/G比"));
    QCOMPARE(m_model->index(1, LabResultsModel::TestColumn).data().toString(), QStringLiteral("総蛋白"));
    QCOMPARE(m_model->index(2, LabResultsModel::TestColumn).data().toString(), QStringLiteral("アルブミン"));
    QCOMPARE(m_model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("2012/03/05\n09:10"));
    QCOMPARE(m_model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("2011/12/19\n15:00"));
    QCOMPARE(m_model->headerData(3, Qt::Horizontal, LabResultsModel::DateTimeRole).toDateTime(),
             QDateTime(QDate(2011, 12, 19), QTime(6, 0), Qt::UTC));
}

void tst_LabResultsModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("unit");

    QTest::newRow("総蛋白 high") << 1 << 2 << "8.9 g/dl H" << "H" << "8.9" << "g/dl";
    QTest::newRow("総蛋白 normal") << 1 << 3 << "7.2 g/dl" << "" << "7.2" << "g/dl";
    QTest::newRow("アルブミン low") << 2 << 2 << "3.1 g/dl L" << "L" << "3.1" << "g/dl";
    QTest::newRow("アルブミン normal") << 2 << 3 << "4.9 g/dl" << "" << "4.9" << "g/dl";
    QTest::newRow("A/G比 unitless") << 0 << 3 << "1.7" << "" << "1.7" << "";
    QTest::newRow("A/G比 not measured") << 0 << 2 << "" << "" << "" << "";
}

void tst_LabResultsModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    const QModelIndex cell = m_model->index(row, column);
    QTEST(cell.data().toString(), "display");
    QTEST(cell.data(LabResultsModel::FlagRole).toString(), "flag");
    QTEST(cell.data(LabResultsModel::ValueRole).toString(), "value");
    QTEST(cell.data(LabResultsModel::UnitRole).toString(), "unit");
}

void tst_LabResultsModel::rangesAndCodes()
{
    QCOMPARE(m_model->index(0, LabResultsModel::RangeColumn).data().toString(), QStringLiteral("1.2-2.0"));
    // The latest result's range wins (6.7-8.3 from the clinic after 6.70-8.3 from the hospital).
    QCOMPARE(m_model->index(1, LabResultsModel::RangeColumn).data().toString(), QStringLiteral("6.7-8.3 g/dl"));
    QCOMPARE(m_model->index(1, 0).data(LabResultsModel::Jlac10Role).toString(), QStringLiteral("3A010000002327101"));
    QCOMPARE(m_model->index(1, 3).data(LabResultsModel::Jlac10Role).toString(), QStringLiteral("3A010000002327101"));
    QVERIFY(m_model->index(1, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("3A010000002327101")));
    QCOMPARE(m_model->index(1, 2).data(LabResultsModel::FacilityRole).toString(), QStringLiteral("clinic-azumino"));
    QCOMPARE(m_model->index(1, 3).data(LabResultsModel::FacilityRole).toString(), QStringLiteral("hosp-nho"));
}

void tst_LabResultsModel::lookups()
{
    const QModelIndex cell = m_model->indexOfRecord(QStringLiteral("0edc17eb532df4800811b43c-3"));
    QCOMPARE(cell, m_model->index(2, 3));
    QCOMPARE(m_model->columnOf(QDateTime(QDate(2012, 3, 5), QTime(9, 10), Qt::OffsetFromUTC, 32400)), 2);
    QVERIFY(!m_model->indexOfRecord(QStringLiteral("20dc1d80f00aeb65e1e624a6-1")).isValid());
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(LabResultsModel::FirstDateColumn));
}

QTEST_GUILESS_MAIN(tst_LabResultsModel)
#include "tst_labresultsmodel.moc"
