// Key images marked before their patient's record is open: KeyImages::moveTo() and
// keyImageBelongsTo(), the pieces the main window files them with (kept unfiled until the
// record of the patient whose DICOM Patient ID they carry opens, then moved there).
#include "keyimages.h"
#include "patientsummary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {

KeyImage keyImage(const QString &sop, const QString &patientId, int frame = 0)
{
    KeyImage k;
    k.sopInstanceUid = sop;
    k.patientId = patientId;
    k.frame = frame;
    k.caption = sop;
    return k;
}

QStringList sops(const KeyImages &model)
{
    QStringList out;
    for (const KeyImage &k : model.keyImages())
        out << k.sopInstanceUid + QLatin1Char('/') + QString::number(k.frame);
    return out;
}

} // namespace

class TstKeyImageFiling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void belongsTo_data();
    void belongsTo();
    void moveKeepsOrderAndDropsNothing();
};

void TstKeyImageFiling::belongsTo_data()
{
    QTest::addColumn<QString>("dicomPatientId");
    QTest::addColumn<bool>("belongs");
    // The demo's 山田 太郎: network ID p00001, local IDs at two facilities.
    QTest::newRow("network id") << QStringLiteral("p00001") << true;
    QTest::newRow("hospital's local id") << QStringLiteral("9284765") << true;
    QTest::newRow("clinic's local id, padded") << QStringLiteral(" 00123 ") << true;
    QTest::newRow("another patient") << QStringLiteral("7777777") << false;
    QTest::newRow("no patient id (anonymised CD)") << QString() << false;
}

void TstKeyImageFiling::belongsTo()
{
    QFETCH(QString, dicomPatientId);
    QFETCH(bool, belongs);
    PatientSummary patient;
    patient.id = QStringLiteral("p00001");
    patient.facilities = {QStringLiteral("信州病院"), QStringLiteral("あずみの内科")};
    patient.localIds = {QStringLiteral("9284765"), QStringLiteral("00123")};
    QCOMPARE(keyImageBelongsTo(keyImage(QStringLiteral("1.2"), dicomPatientId), patient), belongs);
}

void TstKeyImageFiling::moveKeepsOrderAndDropsNothing()
{
    KeyImages unfiled;
    KeyImages record;
    QAbstractItemModelTester unfiledTester(&unfiled, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester recordTester(&record, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(unfiled.add(keyImage(QStringLiteral("1.1"), QStringLiteral("A"))));
    QVERIFY(unfiled.add(keyImage(QStringLiteral("2.1"), QStringLiteral("B"))));
    QVERIFY(unfiled.add(keyImage(QStringLiteral("1.2"), QStringLiteral("A"))));
    QVERIFY(unfiled.add(keyImage(QStringLiteral("1.3"), QStringLiteral("A"), 4)));
    QVERIFY(record.add(keyImage(QStringLiteral("1.2"), QStringLiteral("A")))); // already in the record
    QVERIFY(record.add(keyImage(QStringLiteral("1.0"), QStringLiteral("A"))));
    QSignalSpy removed(&unfiled, &QAbstractItemModel::rowsRemoved);

    const auto isA = [](const KeyImage &k) { return k.patientId == QLatin1String("A"); };
    // Two new ones move; the one the record already holds is not doubled.
    QCOMPARE(unfiled.moveTo(&record, isA), 2);
    QCOMPARE(sops(unfiled), QStringList{QStringLiteral("2.1/0")});
    QCOMPARE(sops(record), (QStringList{QStringLiteral("1.2/0"), QStringLiteral("1.0/0"), QStringLiteral("1.1/0"),
                                        QStringLiteral("1.3/4")}));
    QCOMPARE(removed.size(), 3);
    // What moved is the same image, caption and all.
    QCOMPARE(record.keyImage(2).caption, QStringLiteral("1.1"));
    QVERIFY(record.keyImage(2).markedAt.isValid());

    // Nothing matches: nothing moves. Into itself or nowhere: nothing happens.
    QCOMPARE(unfiled.moveTo(&record, isA), 0);
    QCOMPARE(unfiled.moveTo(&unfiled, [](const KeyImage &) { return true; }), 0);
    QCOMPARE(unfiled.moveTo(nullptr, [](const KeyImage &) { return true; }), 0);
    QCOMPARE(unfiled.rowCount(), 1);
    // And back: the other patient's image leaves the record.
    QVERIFY(record.add(keyImage(QStringLiteral("3.1"), QStringLiteral("C"))));
    QCOMPARE(record.moveTo(&unfiled, [&](const KeyImage &k) { return !isA(k); }), 1);
    QCOMPARE(sops(unfiled), (QStringList{QStringLiteral("2.1/0"), QStringLiteral("3.1/0")}));
    QCOMPARE(record.rowCount(), 4);
}

QTEST_MAIN(TstKeyImageFiling)
#include "tst_keyimagefiling.moc"
