// parseClinicalRecord / parseEverythingPage against $everything pages written from the
// SS-MIX2 mapping's real output (tests/network/data/everything/).

#include "clinicalrecord.h"
#include "fhirjson.h"

#include <QFile>
#include <QTest>

using Kind = ClinicalRecord::Kind;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QList<ClinicalRecord> allRecords()
{
    QList<ClinicalRecord> records;
    for (const char *name : {"page1.json", "page2.json"}) {
        EverythingPage page;
        QString error;
        if (!parseEverythingPage(readData(QLatin1String(name)), &page, &error))
            qFatal("%s: %s", name, qPrintable(error));
        records += page.records;
    }
    return records;
}

ClinicalRecord recordById(const QString &id)
{
    static const QList<ClinicalRecord> records = allRecords();
    for (const ClinicalRecord &r : records) {
        if (r.id == id)
            return r;
    }
    qFatal("no record %s", qPrintable(id));
    return {};
}

} // namespace

class tst_ClinicalRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages();
    void records_data();
    void records();
    void dates_data();
    void dates();
    void malformed();
    void notABundle();
};

void tst_ClinicalRecord::pages()
{
    EverythingPage first;
    QString error;
    QVERIFY(parseEverythingPage(readData(QStringLiteral("page1.json")), &first, &error));
    // page1.json: the Patient plus 29 records, total 56, and a next link.
    QCOMPARE(first.patient.value(QLatin1String("id")).toString(), QStringLiteral("pdfd8a9d0c02cf48f"));
    QCOMPARE(first.records.size(), 29);
    QCOMPARE(first.total, 56);
    QCOMPARE(first.nextUrl, QStringLiteral("https://hub.test/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=30&_page=2"));
    EverythingPage second;
    QVERIFY(parseEverythingPage(readData(QStringLiteral("page2.json")), &second, &error));
    QVERIFY(second.patient.isEmpty());
    QCOMPARE(second.records.size(), 26);
    QVERIFY(second.nextUrl.isEmpty());
}

void tst_ClinicalRecord::records_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("resourceType");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("facility");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("abnormal");

    const QString nho = QStringLiteral("hosp-nho");
    QTest::newRow("Encounter admission (A01)") << "e2bcf232f806c7fe7b1316fb-1" << "Encounter"
        << Kind::Admissions << nho << "Admission (32-302-1)" << false;
    QTest::newRow("Encounter discharge, end only") << "1d7a37267312e9bd1b154720-1" << "Encounter"
        << Kind::Admissions << nho << "Discharge (41-460-2)" << false;
    QTest::newRow("Condition") << "20dc1d80f00aeb65e1e624a6-1" << "Condition" << Kind::Diagnoses
        << nho << "胃炎" << false;
    QTest::newRow("AllergyIntolerance") << "bd16333d84b3abb2b34f6029-1" << "AllergyIntolerance"
        << Kind::Allergies << nho << "スギ" << false;
    QTest::newRow("MedicationRequest prescription") << "0a0d54a94f7e6fc7dc5df94c-3"
        << "MedicationRequest" << Kind::Prescriptions << nho << "アレピアチン１０倍散" << false;
    QTest::newRow("MedicationRequest injection mix") << "48effd8ec4711f17702b1453-1"
        << "MedicationRequest" << Kind::Injections << nho
        << "ソリタ−Ｔ３号輸液５００ｍＬ ＋ アドナ注（静脈用）50mg" << false;
    QTest::newRow("MedicationAdministration injection") << "6e2b136df6dda51660710e0d-2"
        << "MedicationAdministration" << Kind::Injections << nho << "アドナ注（静脈用）50mg" << false;
    QTest::newRow("MedicationAdministration prescription") << "225ad9a2d22d7ede03ad3fe8-1"
        << "MedicationAdministration" << Kind::Prescriptions << nho << "ダーゼン錠（５mg)" << false;
    QTest::newRow("Observation lab") << "0edc17eb532df4800811b43c-2" << "Observation" << Kind::Labs
        << nho << "総蛋白 7.2 g/dl" << false;
    QTest::newRow("Observation lab, no unit") << "0edc17eb532df4800811b43c-1" << "Observation"
        << Kind::Labs << nho << "A/G比 1.7" << false;
    QTest::newRow("Observation lab H") << "syn-lab-1" << "Observation" << Kind::Labs
        << "clinic-azumino" << "総蛋白 8.9 g/dl" << true;
    QTest::newRow("Observation physiology string") << "318d50f152b67954575fbf8b-1" << "Observation"
        << Kind::Physiology << nho << "心電図所見 心筋虚血疑い" << false;
    QTest::newRow("Observation physiology negative") << "318d50f152b67954575fbf8b-10"
        << "Observation" << Kind::Physiology << nho << "T 波軸 -14 degree" << false;
    QTest::newRow("Observation vital signs") << "3990c4d093d438f8cf34129c-1" << "Observation"
        << Kind::Other << nho << "身長 167.8 cm" << false;
    QTest::newRow("DiagnosticReport physiology") << "318d50f152b67954575fbf8b-13"
        << "DiagnosticReport" << Kind::Physiology << nho << "標準１２誘導心電図" << false;
    QTest::newRow("DiagnosticReport lab") << "0edc17eb532df4800811b43c-4" << "DiagnosticReport"
        << Kind::Labs << nho << "血液学的検査" << false;
    QTest::newRow("ServiceRequest radiology") << "e59728b644807ce1d18e5da7-2" << "ServiceRequest"
        << Kind::Imaging << nho << "胸部.Ｘ線単純撮影.立位正面(A→P)" << false;
    QTest::newRow("ServiceRequest endoscopy") << "fa4ad8bb449635bf53ebcef9-1" << "ServiceRequest"
        << Kind::Imaging << nho << "検査.上部.-.-.-.-" << false;
    QTest::newRow("ImagingStudy") << "2e4413247e36347be084bd25-1" << "ImagingStudy" << Kind::Imaging
        << nho << "経皮的超音波検査" << false;
    QTest::newRow("DocumentReference") << "syn-doc-1" << "DocumentReference" << Kind::Documents
        << nho << "退院時サマリー（消化器内科）" << false;
    QTest::newRow("NutritionOrder") << "5943177106bf66af052719ba-1" << "NutritionOrder" << Kind::Other
        << nho << "塩分控えめ" << false;
}

void tst_ClinicalRecord::records()
{
    QFETCH(QString, id);
    const ClinicalRecord r = recordById(id);
    QTEST(r.resourceType, "resourceType");
    QTEST(r.kind, "kind");
    QTEST(r.facilityId, "facility");
    QTEST(r.title, "title");
    QTEST(r.abnormal, "abnormal");
    QVERIFY(r.displayable);
    QCOMPARE(r.raw.value(QLatin1String("id")).toString(), id);
}

void tst_ClinicalRecord::dates_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("time"); // empty: date only
    QTest::addColumn<int>("offsetSeconds");

    // Each per PROTOCOL.md's clinical-date table, read from the JSON files.
    QTest::newRow("Encounter period.start") << "e2bcf232f806c7fe7b1316fb-1" << QDate(2011, 11, 20) << "16:00" << 32400;
    QTest::newRow("Encounter period.end fallback") << "1d7a37267312e9bd1b154720-1" << QDate(2011, 12, 20) << "12:00" << 32400;
    QTest::newRow("Condition onsetDateTime") << "20dc1d80f00aeb65e1e624a6-1" << QDate(2011, 8, 31) << "" << 0;
    QTest::newRow("Allergy year-month") << "bd16333d84b3abb2b34f6029-1" << QDate(1996, 1, 1) << "" << 0;
    QTest::newRow("MedicationRequest authoredOn") << "0a0d54a94f7e6fc7dc5df94c-1" << QDate(2011, 7, 1) << "10:30" << 32400;
    QTest::newRow("MedicationAdministration effectivePeriod") << "6e2b136df6dda51660710e0d-1" << QDate(2011, 7, 1) << "08:05" << 32400;
    QTest::newRow("Observation effectiveDateTime") << "0edc17eb532df4800811b43c-3" << QDate(2011, 12, 19) << "15:00" << 32400;
    QTest::newRow("DiagnosticReport effectiveDateTime") << "318d50f152b67954575fbf8b-13" << QDate(2011, 12, 20) << "" << 0;
    QTest::newRow("ImagingStudy started") << "7e1240ad7180d1cb24ac38dc-1" << QDate(2011, 12, 20) << "" << 0;
    QTest::newRow("DocumentReference date") << "syn-doc-1" << QDate(2011, 12, 27) << "14:00" << 32400;
}

void tst_ClinicalRecord::dates()
{
    QFETCH(QString, id);
    QFETCH(QString, time);
    const ClinicalRecord r = recordById(id);
    QVERIFY(r.date.isValid());
    QTEST(r.date.date(), "date");
    QCOMPARE(r.hasTime, !time.isEmpty());
    if (r.hasTime) {
        QCOMPARE(r.date.time().toString(QStringLiteral("HH:mm")), time);
        QTEST(r.date.offsetFromUtc(), "offsetSeconds");
    }
}

void tst_ClinicalRecord::malformed()
{
    EverythingPage page;
    QString error;
    QVERIFY(parseEverythingPage(readData(QStringLiteral("malformed.json")), &page, &error));
    // Nothing is dropped: five entries, five records.
    QCOMPARE(page.records.size(), 5);
    const ClinicalRecord &badDate = page.records.at(0);
    QCOMPARE(badDate.id, QStringLiteral("bad-date"));
    QVERIFY(!badDate.displayable);
    QCOMPARE(badDate.kind, Kind::Labs);
    QVERIFY(badDate.problem.contains(QLatin1String("yesterday")));
    QCOMPARE(badDate.title, QStringLiteral("Could not display this record"));

    // A drug that is not a CodeableConcept: still a dated prescription mark.
    const ClinicalRecord &noDrug = page.records.at(1);
    QCOMPARE(noDrug.kind, Kind::Prescriptions);
    QCOMPARE(noDrug.date.date(), QDate(2011, 7, 1));
    QCOMPARE(noDrug.title, QStringLiteral("MedicationRequest"));

    for (int i = 2; i < 5; ++i) {
        const ClinicalRecord &r = page.records.at(i);
        QVERIFY2(!r.displayable, qPrintable(QString::number(i)));
        QCOMPARE(r.kind, Kind::Other);
        QVERIFY(!r.problem.isEmpty());
    }
    QCOMPARE(page.records.at(2).problem, QStringLiteral("no id"));
    QCOMPARE(page.records.at(4).problem, QStringLiteral("no resourceType"));
}

void tst_ClinicalRecord::notABundle()
{
    EverythingPage page;
    QString error;
    QVERIFY(!parseEverythingPage("{\"resourceType\":\"Patient\"}", &page, &error));
    QCOMPARE(error, QStringLiteral("not a Bundle"));
    QVERIFY(!parseEverythingPage("{oops", &page, &error));
    QVERIFY(error.startsWith(QLatin1String("not JSON")));
    QVERIFY(!parseFhirDateTime(QStringLiteral("2011-02-30")).isValid());
    QCOMPARE(parseFhirDateTime(QStringLiteral("2011")).date(), QDate(2011, 1, 1));
}

QTEST_GUILESS_MAIN(tst_ClinicalRecord)
#include "tst_clinicalrecord.moc"
