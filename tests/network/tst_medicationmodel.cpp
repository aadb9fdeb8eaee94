// MedicationModel: order groups by date, drugs, and injection components.

#include "everythingdata.h"
#include "medicationmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using Kind = ClinicalRecord::Kind;

class tst_MedicationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void groups();
    void prescriptionRow();
    void injectionRowAndComponents();
    void lookups();

private:
    QStringList rowTexts(const QModelIndex &index) const;

    std::unique_ptr<MedicationModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_MedicationModel::init()
{
    m_model = std::make_unique<MedicationModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->appendRecords(EverythingData::page(QStringLiteral("page1.json")));
    m_model->appendRecords(EverythingData::page(QStringLiteral("page2.json")));
}

void tst_MedicationModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList tst_MedicationModel::rowTexts(const QModelIndex &index) const
{
    QStringList texts;
    for (int column = 0; column < MedicationModel::ColumnCount; ++column)
        texts << index.siblingAtColumn(column).data().toString();
    return texts;
}

void tst_MedicationModel::groups()
{
    // MedicationRequests in the files: the injection order 123456789012345 authored
    // 2011-07-01 (-1) and 2009-07-01 (-2, -3); the outpatient prescription 000000011000185
    // authored 2011-07-01 with three drugs. Newest first, same-day orders in arrival order.
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("2011/07/01  Injections (入院処方・定時処方)"));
    QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("2011/07/01  Prescriptions (外来処方・院内処方)"));
    QCOMPARE(m_model->index(2, 0).data().toString(), QStringLiteral("2009/07/01  Injections (入院処方・定時処方)"));
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 1);
    QCOMPARE(m_model->rowCount(m_model->index(1, 0)), 3);
    QCOMPARE(m_model->rowCount(m_model->index(2, 0)), 2);
    QCOMPARE(m_model->index(1, 0).data(MedicationModel::OrderDateRole).toDate(), QDate(2011, 7, 1));
    QCOMPARE(Kind(m_model->index(1, 0).data(MedicationModel::KindRole).toInt()), Kind::Prescriptions);
}

void tst_MedicationModel::prescriptionRow()
{
    const QModelIndex group = m_model->index(1, 0);
    QCOMPARE(rowTexts(m_model->index(0, 0, group)),
             (QStringList{QStringLiteral("ダーゼン錠（５mg)"), QStringLiteral("1 錠"),
                          QStringLiteral("内服・経口・１日３回朝昼夕食後"), QStringLiteral("5 day(s)"),
                          QStringLiteral("口")}));
    QCOMPARE(rowTexts(m_model->index(2, 0, group)),
             (QStringList{QStringLiteral("アレピアチン１０倍散"), QStringLiteral("50 ミリグラム"),
                          QStringLiteral("内服・経口・１日２回朝夕食後"), QStringLiteral("14 day(s)"),
                          QStringLiteral("口")}));
    QCOMPARE(m_model->index(2, 0, group).data(MedicationModel::RecordIdRole).toString(),
             QStringLiteral("0a0d54a94f7e6fc7dc5df94c-3"));
    QCOMPARE(m_model->rowCount(m_model->index(2, 0, group)), 0);
}

void tst_MedicationModel::injectionRowAndComponents()
{
    const QModelIndex mix = m_model->index(0, 0, m_model->index(0, 0));
    QCOMPARE(rowTexts(mix),
             (QStringList{QStringLiteral("ソリタ−Ｔ３号輸液５００ｍＬ ＋ アドナ注（静脈用）50mg"),
                          QStringLiteral("510 ミリリットル"),
                          QStringLiteral("点滴ポンプ  102 ml/hr  ５時間一定速度で"),
                          QStringLiteral("08:00–13:00"), QStringLiteral("静脈内")}));
    QCOMPARE(m_model->rowCount(mix), 2);
    const QModelIndex base = m_model->index(0, 0, mix);
    QCOMPARE(rowTexts(base), (QStringList{QStringLiteral("ソリタ−Ｔ３号輸液５００ｍＬ"), QStringLiteral("1 本"),
                                          QStringLiteral("Base solution"), QString(), QString()}));
    QCOMPARE(base.data(MedicationModel::ComponentRole).toString(), QStringLiteral("base"));
    const QModelIndex additive = m_model->index(1, 0, mix);
    QCOMPARE(rowTexts(additive), (QStringList{QStringLiteral("アドナ注（静脈用）50mg"), QStringLiteral("1 アンプル"),
                                              QStringLiteral("Additive"), QString(), QString()}));
    QCOMPARE(m_model->parent(additive), mix);
}

void tst_MedicationModel::lookups()
{
    const QModelIndex drug = m_model->indexOfRecord(QStringLiteral("48effd8ec4711f17702b1453-3"));
    QVERIFY(drug.isValid());
    QCOMPARE(drug.parent(), m_model->index(2, 0));
    QCOMPARE(drug.row(), 1);
    QCOMPARE(m_model->groupIndex(QDate(2011, 7, 1), Kind::Prescriptions), m_model->index(1, 0));
    QCOMPARE(m_model->groupIndex(QDate(2010, 1, 1), Kind::Injections), m_model->index(2, 0));
    QVERIFY(!m_model->groupIndex(QDate(2000, 1, 1), Kind::Injections).isValid());
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_MedicationModel)
#include "tst_medicationmodel.moc"
