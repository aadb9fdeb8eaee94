// Clinical records over the real renkei-hub: type searches against the NHO sample's HL7.
// The hub, its demo network, the imported NHO sample and the login are set up by
// FhirRecordsTest (fhirrecordstest.h).

#include "fhirrecordstest.h"

#include <QSet>
#include <QTest>

/// Searches on the NHO sample's records (category, code, date, sort, paging) and refused searches.
class tst_FhirSearch : public FhirRecordsTest
{
    Q_OBJECT

private slots:
    void searchOnFixture_data();
    void searchOnFixture();
    void searchSortsByDateDescending();
    void searchPagesThroughNextLinks();
    void badSearches_data();
    void badSearches();
};

void tst_FhirSearch::searchOnFixture_data()
{
    // Expectations from the NHO sample's HL7 text (see tst_ssmix2import for the file list):
    // ADT-00 3 OBX (no observation time), OML-11 3 lab OBX on 2011-12-19 (総蛋白
    // 3A010000002327101 among them), OMG-13 12 ECG OBX on 2011-12-20; OMP-01 3 prescriptions,
    // OMP-02 3 injections; PPR-01 胃炎 K29.7.
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");
    QTest::newRow("all observations") << QStringLiteral("Observation?patient=%1") << 18;
    QTest::newRow("category code") << QStringLiteral("Observation?patient=%1&category=laboratory") << 3;
    QTest::newRow("category system|code") << QStringLiteral("Observation?patient=%1&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory") << 3;
    QTest::newRow("category other system") << QStringLiteral("Observation?patient=%1&category=urn:x|laboratory") << 0;
    QTest::newRow("category either") << QStringLiteral("Observation?patient=%1&category=laboratory,vital-signs") << 6;
    QTest::newRow("code") << QStringLiteral("Observation?patient=%1&code=3A010000002327101") << 1;
    QTest::newRow("code system|code") << QStringLiteral("Observation?patient=%1&code=urn:oid:1.2.392.200119.4.504|3A010000002327101") << 1;
    QTest::newRow("code wrong system") << QStringLiteral("Observation?patient=%1&code=http://loinc.org|3A010000002327101") << 0;
    QTest::newRow("date eq day") << QStringLiteral("Observation?patient=%1&date=2011-12-19") << 3;
    QTest::newRow("date month") << QStringLiteral("Observation?patient=%1&date=2011-12") << 15;
    QTest::newRow("date ge") << QStringLiteral("Observation?patient=%1&date=ge2011-12-20") << 12;
    QTest::newRow("date le") << QStringLiteral("Observation?patient=%1&date=le2011-12-19") << 3;
    QTest::newRow("date gt") << QStringLiteral("Observation?patient=%1&date=gt2011-12-19") << 12;
    QTest::newRow("date lt") << QStringLiteral("Observation?patient=%1&date=lt2011-12-19") << 0;
    QTest::newRow("date range") << QStringLiteral("Observation?patient=%1&date=ge2011-12-19&date=le2011-12-19") << 3;
    QTest::newRow("Patient/ reference") << QStringLiteral("Observation?patient=Patient/%1&category=laboratory") << 3;
    QTest::newRow("prescriptions") << QStringLiteral("MedicationRequest?patient=%1&category=prescription") << 3;
    QTest::newRow("injections") << QStringLiteral("MedicationRequest?patient=%1&category=injection") << 3;
    QTest::newRow("diagnosis ICD-10") << QStringLiteral("Condition?patient=%1&code=http://hl7.org/fhir/sid/icd-10|K297") << 1;
    QTest::newRow("encounters") << QStringLiteral("Encounter?patient=%1") << 3;
    QTest::newRow("imaging studies") << QStringLiteral("ImagingStudy?patient=%1") << 2;
}

void tst_FhirSearch::searchOnFixture()
{
    QFETCH(QString, query);
    QFETCH(int, expected);
    int total = -1;
    const QList<QJsonObject> found = all(QStringLiteral("/fhir/") + query.arg(m_fixturePatient), &total);
    QCOMPARE(total, expected);
    QCOMPARE(found.size(), expected);
    const QString type = query.section(QLatin1Char('?'), 0, 0);
    for (const QJsonObject &r : found) {
        QCOMPARE(r.value(QStringLiteral("resourceType")).toString(), type);
        QCOMPARE(source(r), QStringLiteral("urn:renkei:facility:hosp-shinshu"));
    }
}

void tst_FhirSearch::searchSortsByDateDescending()
{
    const QList<QJsonObject> found = all(QStringLiteral("/fhir/Observation?patient=%1&_sort=-date&_count=200").arg(m_fixturePatient));
    QCOMPARE(found.size(), 18);
    // The 12 ECG results of 2011-12-20, then the 3 labs of 2011-12-19, then the 3 undated.
    for (int i = 0; i < 12; ++i)
        QVERIFY(clinicalDate(found[i]).startsWith(QLatin1String("2011-12-20")));
    for (int i = 12; i < 15; ++i)
        QVERIFY(clinicalDate(found[i]).startsWith(QLatin1String("2011-12-19")));
    for (int i = 15; i < 18; ++i)
        QVERIFY(clinicalDate(found[i]).isEmpty());
    const QList<QJsonObject> ascending = all(QStringLiteral("/fhir/Observation?patient=%1&_sort=date").arg(m_fixturePatient));
    QVERIFY(clinicalDate(ascending.first()).isEmpty());
    QVERIFY(clinicalDate(ascending.last()).startsWith(QLatin1String("2011-12-20")));
}

void tst_FhirSearch::searchPagesThroughNextLinks()
{
    int total = 0;
    int pages = 0;
    const QList<QJsonObject> found = all(QStringLiteral("/fhir/Observation?patient=%1&_count=5").arg(m_fixturePatient), &total, &pages);
    QCOMPARE(total, 18);
    QCOMPARE(pages, 4);
    QSet<QString> distinct;
    for (const QJsonObject &r : found)
        distinct.insert(key(r));
    QCOMPARE(distinct.size(), 18);
}

void tst_FhirSearch::badSearches_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("issue");
    QTest::newRow("unknown parameter") << QStringLiteral("/fhir/Observation?foo=1") << 400 << QStringLiteral("not-supported");
    QTest::newRow("bad date") << QStringLiteral("/fhir/Observation?date=2011-13-40") << 400 << QStringLiteral("invalid");
    QTest::newRow("bad prefix") << QStringLiteral("/fhir/Observation?date=xx2011") << 400 << QStringLiteral("invalid");
    QTest::newRow("bad sort") << QStringLiteral("/fhir/Observation?_sort=name") << 400 << QStringLiteral("invalid");
    QTest::newRow("count too big") << QStringLiteral("/fhir/Observation?_count=100000") << 400 << QStringLiteral("invalid");
    QTest::newRow("empty code") << QStringLiteral("/fhir/Observation?code=urn:x|") << 400 << QStringLiteral("invalid");
    QTest::newRow("unknown type") << QStringLiteral("/fhir/Medication?patient=p00001") << 404 << QStringLiteral("not-found");
    QTest::newRow("unknown id") << QStringLiteral("/fhir/Observation/nothing-1") << 404 << QStringLiteral("not-found");
    QTest::newRow("odd id") << QStringLiteral("/fhir/Observation/'%20OR%201=1") << 404 << QStringLiteral("not-found");
    QTest::newRow("unknown operation") << QStringLiteral("/fhir/Patient/p00001/$purge") << 404 << QStringLiteral("not-found");
    QTest::newRow("unknown patient") << QStringLiteral("/fhir/Patient/p99999/$everything") << 404 << QStringLiteral("not-found");
}

void tst_FhirSearch::badSearches()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, issue);
    const Reply reply = get(path);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
    QCOMPARE(reply.issueCode(), issue);
}

QTEST_GUILESS_MAIN(tst_FhirSearch)
#include "tst_fhirsearch.moc"
