// `renkei-hub import-fhir` against the real process: the JP-Core-shaped files of
// tests/hub/data/fhir (their README says what each holds), imported as hosp-matsumoto, then
// read back through the FHIR API as the demo clinic's doctor.
#include "fhirschemacheck.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kFacility = QStringLiteral("hosp-matsumoto");
const QString kData = QStringLiteral(RENKEI_SOURCE_DIR "/tests/hub/data/fhir");
const QString kJlac10 = QStringLiteral("urn:oid:1.2.392.200119.4.504");
const QString kIcd10 = QStringLiteral("http://hl7.org/fhir/sid/icd-10");
const QString kRepresentation = QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation");

QString source(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("source")).toString();
}

QString firstCode(const QJsonValue &conceptValue)
{
    const QJsonObject coding = conceptValue.toObject().value(QStringLiteral("coding")).toArray().first().toObject();
    return coding.value(QStringLiteral("system")).toString() + QLatin1Char('|') + coding.value(QStringLiteral("code")).toString();
}

} // namespace

class tst_FhirImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void firstImportCounts();
    void badInputsAreReportedWithPathAndReason_data();
    void badInputsAreReportedWithPathAndReason();
    void failedTransactionStoresNothing();
    void patientWithKanjiAndKana();
    void conditionWithIcd10();
    void labObservationsWithUnitRangeAndFlag();
    void searchDateSortAndPaging();
    void documentBundleBecomesDocumentReferenceAndBinary();
    void transactionBundleReferencesRewritten();
    void injectionFollowsDisclosurePolicy();
    void secondImportChangesNothing();
    void consentResource();
    void identifierSearch_data();
    void identifierSearch();
    void linkedPatientsThroughTheApi();
    void metadataListsConsent();
    void organizationNameAndIdentifier_data();
    void organizationNameAndIdentifier();
    void responsesValidateAgainstFhirSchema();

private:
    QJsonObject importData();
    QString networkIdOf(const QString &localId) const;
    QString run(const QStringList &arguments);

    HubProcess m_hub;
    HubClient m_client{m_hub};
    QJsonObject m_firstReport;
    QJsonArray m_patients;
    QString m_yamada; // local ID 00012345
    QString m_suzuki; // local ID 00098765
    QList<QByteArray> m_checkedBodies; // more responses for the schema check
};

QString tst_FhirImport::run(const QStringList &arguments)
{
    QString error;
    const QByteArray out = m_hub.run(arguments, &error);
    return error.isEmpty() ? QString::fromUtf8(out) : QStringLiteral("ERROR ") + error;
}

QJsonObject tst_FhirImport::importData()
{
    QString error;
    const QByteArray out = m_hub.run({QStringLiteral("import-fhir"), QStringLiteral("--facility"), kFacility,
                                      QStringLiteral("--json"), kData}, &error);
    if (!error.isEmpty())
        qWarning().noquote() << "import-fhir failed:" << error;
    return QJsonDocument::fromJson(out).object();
}

QString tst_FhirImport::networkIdOf(const QString &localId) const
{
    for (const QJsonValue &value : m_patients) {
        for (const QJsonValue &identifier : value.toObject().value(QStringLiteral("identifiers")).toArray()) {
            if (identifier.toObject().value(QStringLiteral("facility")).toString() == kFacility
                && identifier.toObject().value(QStringLiteral("value")).toString() == localId)
                return value.toObject().value(QStringLiteral("id")).toString();
        }
    }
    return {};
}

void tst_FhirImport::initTestCase()
{
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    m_firstReport = importData();
    QVERIFY(!m_firstReport.isEmpty());
    QString error;
    m_patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_yamada = networkIdOf(QStringLiteral("00012345"));
    m_suzuki = networkIdOf(QStringLiteral("00098765"));
    QVERIFY(!m_yamada.isEmpty());
    QVERIFY(!m_suzuki.isEmpty());
    for (const QString &patient : {m_yamada, m_suzuki})
        QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), patient,
                      QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const QString loginError = m_client.login(QStringLiteral("demo-doctor"), kPassword);
    QVERIFY2(loginError.isEmpty(), qPrintable(loginError));
}

void tst_FhirImport::cleanupTestCase()
{
    m_hub.stop();
}

void tst_FhirImport::firstImportCounts()
{
    // The expectations of tests/hub/data/fhir/README.md, file by file.
    QCOMPARE(m_firstReport.value(QStringLiteral("files")).toInt(), 7);
    QCOMPARE(m_firstReport.value(QStringLiteral("imported")).toInt(), 3 + 3 + 2 + 3);
    QCOMPARE(m_firstReport.value(QStringLiteral("skipped")).toInt(), 2);   // Practitioner, README.md
    QCOMPARE(m_firstReport.value(QStringLiteral("failed")).toInt(), 4);    // 2 NDJSON lines, broken transaction, garbage
    QCOMPARE(m_firstReport.value(QStringLiteral("replaced")).toInt(), 0);
    // Records written: Condition, Observation; DocumentReference + Binary, Condition; 2
    // Observations; Encounter, MedicationRequest (Patients are kept as network patients).
    QCOMPARE(m_firstReport.value(QStringLiteral("resources")).toInt(), 9);
}

void tst_FhirImport::badInputsAreReportedWithPathAndReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << QStringLiteral("garbage.json") << QStringLiteral("failed") << QStringLiteral("not JSON");
    QTest::newRow("unknown type") << QStringLiteral("observations-yamada.ndjson") << QStringLiteral("failed")
                                  << QStringLiteral("line 3 (Observaton/typo-1): unknown resourceType 'Observaton'");
    QTest::newRow("no patient") << QStringLiteral("observations-yamada.ndjson") << QStringLiteral("failed")
                                << QStringLiteral("line 4 (Observation/orphan-1): no patient: 'subject' refers to 'Patient/nobody-77'");
    QTest::newRow("transaction") << QStringLiteral("transaction-broken.json") << QStringLiteral("failed")
                                 << QStringLiteral("transaction Bundle not imported (all or nothing): entry 2 (Observation): no patient");
    QTest::newRow("not kept") << QStringLiteral("collection-yamada.json") << QStringLiteral("skipped")
                              << QStringLiteral("entry 2 (Practitioner/dr-1): not a kind of record the hub keeps");
}

void tst_FhirImport::badInputsAreReportedWithPathAndReason()
{
    QFETCH(QString, file);
    QFETCH(QString, level);
    QFETCH(QString, reason);
    bool found = false;
    for (const QJsonValue &value : m_firstReport.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject problem = value.toObject();
        found = found
            || (problem.value(QStringLiteral("path")).toString() == kData + QLatin1Char('/') + file
                && problem.value(QStringLiteral("level")).toString() == level
                && problem.value(QStringLiteral("reason")).toString().startsWith(reason));
    }
    QVERIFY2(found, qPrintable(QJsonDocument(m_firstReport.value(QStringLiteral("problems")).toArray()).toJson()));
}

void tst_FhirImport::failedTransactionStoresNothing()
{
    // transaction-broken.json's Patient (00055555) came with a bad entry: all or nothing.
    QVERIFY(networkIdOf(QStringLiteral("00055555")).isEmpty());
    QVERIFY(!networkIdOf(QStringLiteral("00012345")).isEmpty());
}

void tst_FhirImport::patientWithKanjiAndKana()
{
    const HubClient::Reply reply = m_client.get(QStringLiteral("/fhir/Patient/") + m_yamada);
    QCOMPARE(reply.status, 200);
    const QJsonObject patient = reply.json();
    QCOMPARE(patient.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1952-07-15"));
    QCOMPARE(patient.value(QStringLiteral("gender")).toString(), QStringLiteral("female"));
    QHash<QString, QString> names;
    for (const QJsonValue &value : patient.value(QStringLiteral("name")).toArray()) {
        const QJsonObject name = value.toObject();
        const QString representation = name.value(QStringLiteral("extension")).toArray().first().toObject().value(QStringLiteral("valueCode")).toString();
        QCOMPARE(name.value(QStringLiteral("extension")).toArray().first().toObject().value(QStringLiteral("url")).toString(), kRepresentation);
        names.insert(representation, name.value(QStringLiteral("family")).toString() + QLatin1Char('|')
                                         + name.value(QStringLiteral("given")).toArray().first().toString());
    }
    QCOMPARE(names.value(QStringLiteral("IDE")), QStringLiteral("山田|花子"));
    QCOMPARE(names.value(QStringLiteral("SYL")), QStringLiteral("ヤマダ|ハナコ"));
    bool local = false;
    for (const QJsonValue &identifier : patient.value(QStringLiteral("identifier")).toArray())
        local = local || (identifier.toObject().value(QStringLiteral("system")).toString() == QStringLiteral("urn:renkei:facility:hosp-matsumoto:patient-id")
                          && identifier.toObject().value(QStringLiteral("value")).toString() == QStringLiteral("00012345"));
    QVERIFY(local);

    // The MR identifier is chosen over the insurance number of transaction-suzuki.json.
    const QJsonObject suzuki = m_client.get(QStringLiteral("/fhir/Patient/") + m_suzuki).json();
    QCOMPARE(suzuki.value(QStringLiteral("name")).toArray().first().toObject().value(QStringLiteral("text")).toString(), QStringLiteral("鈴木 一郎"));
    QCOMPARE(suzuki.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1940-01-20"));
}

void tst_FhirImport::conditionWithIcd10()
{
    const QList<QJsonObject> found = m_client.all(QStringLiteral("/fhir/Condition?patient=%1&code=%2%7CE11.9").arg(m_yamada, kIcd10));
    QCOMPARE(found.size(), 1);
    const QJsonObject condition = found.first();
    QCOMPARE(source(condition), QStringLiteral("urn:renkei:facility:hosp-matsumoto"));
    QCOMPARE(condition.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_yamada);
    QCOMPARE(condition.value(QStringLiteral("code")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("2型糖尿病"));
    QCOMPARE(condition.value(QStringLiteral("onsetDateTime")).toString(), QStringLiteral("2019-10-01"));
    // Both Conditions of the patient (the document's E11.6 too), each from hosp-matsumoto.
    const QList<QJsonObject> both = m_client.all(QStringLiteral("/fhir/Condition?patient=%1").arg(m_yamada));
    QCOMPARE(both.size(), 2);
    QCOMPARE(firstCode(both.at(0).value(QStringLiteral("code"))), kIcd10 + QStringLiteral("|E11.9")); // 2019 before 2024
    QCOMPARE(firstCode(both.at(1).value(QStringLiteral("code"))), kIcd10 + QStringLiteral("|E11.6"));
}

void tst_FhirImport::labObservationsWithUnitRangeAndFlag()
{
    const QList<QJsonObject> found = m_client.all(
        QStringLiteral("/fhir/Observation?patient=%1&code=%2%7C3D046000001906202&category=laboratory").arg(m_yamada, kJlac10));
    QCOMPARE(found.size(), 2);
    const QJsonObject first = found.first(); // by date: 2024-04-10 (collection) then 2024-07-10 (NDJSON)
    QCOMPARE(first.value(QStringLiteral("effectiveDateTime")).toString(), QStringLiteral("2024-04-10T09:30:00+09:00"));
    const QJsonObject value = first.value(QStringLiteral("valueQuantity")).toObject();
    QCOMPARE(value.value(QStringLiteral("value")).toDouble(), 7.2);
    QCOMPARE(value.value(QStringLiteral("unit")).toString(), QStringLiteral("%"));
    const QJsonObject range = first.value(QStringLiteral("referenceRange")).toArray().first().toObject();
    QCOMPARE(range.value(QStringLiteral("low")).toObject().value(QStringLiteral("value")).toDouble(), 4.9);
    QCOMPARE(range.value(QStringLiteral("high")).toObject().value(QStringLiteral("value")).toDouble(), 6.0);
    QCOMPARE(first.value(QStringLiteral("interpretation")).toArray().first().toObject().value(QStringLiteral("coding"))
                 .toArray().first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("H"));
    QCOMPARE(found.at(1).value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("value")).toDouble(), 6.8);
    // The NDJSON file named its patient "Patient/yamada-1", a Patient of the collection file.
    QCOMPARE(found.at(1).value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_yamada);
    QCOMPARE(source(found.at(1)), QStringLiteral("urn:renkei:facility:hosp-matsumoto"));
}

void tst_FhirImport::searchDateSortAndPaging()
{
    // Yamada's Observations: HbA1c 2024-04-10, weight 2024-07-10 08:45, HbA1c 2024-07-10 09:00.
    const QString base = QStringLiteral("/fhir/Observation?patient=%1").arg(m_yamada);
    QCOMPARE(m_client.all(base + QStringLiteral("&date=ge2024-07-01")).size(), 2);
    QCOMPARE(m_client.all(base + QStringLiteral("&date=le2024-04-30")).size(), 1);
    QCOMPARE(m_client.all(base + QStringLiteral("&date=ge2024-04-01&date=le2024-07-10")).size(), 3);
    const QList<QJsonObject> descending = m_client.all(base + QStringLiteral("&_sort=-date"));
    QCOMPARE(descending.size(), 3);
    QCOMPARE(descending.first().value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("value")).toDouble(), 6.8);
    QCOMPARE(descending.at(1).value(QStringLiteral("code")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("体重"));
    int total = 0;
    const QList<QJsonObject> paged = m_client.all(base + QStringLiteral("&_count=1"), &total);
    QCOMPARE(total, 3);
    QCOMPARE(paged.size(), 3); // three pages through next links
}

void tst_FhirImport::documentBundleBecomesDocumentReferenceAndBinary()
{
    const QList<QJsonObject> found = m_client.all(
        QStringLiteral("/fhir/DocumentReference?patient=%1&type=http://loinc.org%7C18842-5").arg(m_yamada));
    QCOMPARE(found.size(), 1);
    const QJsonObject reference = found.first();
    QCOMPARE(reference.value(QStringLiteral("description")).toString(), QStringLiteral("退院時サマリー（2024年6月）"));
    QCOMPARE(reference.value(QStringLiteral("date")).toString(), QStringLiteral("2024-06-20T15:00:00+09:00"));
    QCOMPARE(source(reference), QStringLiteral("urn:renkei:facility:hosp-matsumoto"));
    const QJsonObject attachment = reference.value(QStringLiteral("content")).toArray().first().toObject().value(QStringLiteral("attachment")).toObject();
    QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/fhir+json"));

    const HubClient::Reply binary = m_client.get(QStringLiteral("/fhir/") + attachment.value(QStringLiteral("url")).toString());
    QCOMPARE(binary.status, 200);
    QFile original(kData + QStringLiteral("/document-yamada.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(QByteArray::fromBase64(binary.json().value(QStringLiteral("data")).toString().toLatin1()), original.readAll());
    QCOMPARE(binary.json().value(QStringLiteral("securityContext")).toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("DocumentReference/") + reference.value(QStringLiteral("id")).toString());

    // $everything lists the document, never its Binary.
    bool document = false;
    for (const QJsonObject &r : m_client.all(QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada))) {
        QVERIFY(r.value(QStringLiteral("resourceType")).toString() != QLatin1String("Binary"));
        document = document || r.value(QStringLiteral("id")) == reference.value(QStringLiteral("id"));
    }
    QVERIFY(document);
}

void tst_FhirImport::transactionBundleReferencesRewritten()
{
    const QList<QJsonObject> encounters = m_client.all(QStringLiteral("/fhir/Encounter?patient=%1").arg(m_suzuki));
    QCOMPARE(encounters.size(), 1);
    QCOMPARE(encounters.first().value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString(),
             QStringLiteral("2024-05-01T10:00:00+09:00"));
    const QList<QJsonObject> requests = m_client.all(QStringLiteral("/fhir/MedicationRequest?patient=%1&date=2024-05-02").arg(m_suzuki));
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.first();
    QCOMPARE(request.value(QStringLiteral("dosageInstruction")).toArray().first().toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("点滴静注 1日1回 500mL"));
    // urn:uuid: references of the bundle now name the hub's resources.
    QCOMPARE(request.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_suzuki);
    QCOMPARE(request.value(QStringLiteral("encounter")).toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("Encounter/") + encounters.first().value(QStringLiteral("id")).toString());
    QCOMPARE(m_client.get(QStringLiteral("/fhir/MedicationRequest/") + request.value(QStringLiteral("id")).toString()).status, 200);
}

void tst_FhirImport::injectionFollowsDisclosurePolicy()
{
    // The JP-Core injection profile makes the MedicationRequest an `injections` record.
    const QString everythingElse = QStringLiteral("summaries,physician-records,nursing-records,prescriptions,labs,physiology,"
                                                  "radiology,endoscopy,images,diagnoses,allergies");
    QVERIFY(!run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kFacility,
                  QStringLiteral("--disclose"), everythingElse}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.all(QStringLiteral("/fhir/MedicationRequest?patient=%1").arg(m_suzuki)).size(), 0);
    QCOMPARE(m_client.all(QStringLiteral("/fhir/Encounter?patient=%1").arg(m_suzuki)).size(), 1);
    QVERIFY(!run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kFacility,
                  QStringLiteral("--disclose"), everythingElse + QStringLiteral(",injections")}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.all(QStringLiteral("/fhir/MedicationRequest?patient=%1").arg(m_suzuki)).size(), 1);
}

void tst_FhirImport::secondImportChangesNothing()
{
    int before = 0;
    const QList<QJsonObject> first = m_client.all(QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada), &before);
    const QJsonObject report = importData();
    QCOMPARE(report.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("replaced")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("resources")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("unchanged")).toInt(), m_firstReport.value(QStringLiteral("imported")).toInt());
    QCOMPARE(report.value(QStringLiteral("failed")).toInt(), 4); // the bad inputs are still bad
    int after = 0;
    const QList<QJsonObject> second = m_client.all(QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada), &after);
    QCOMPARE(after, before);
    QVERIFY(second == first);
}

void tst_FhirImport::consentResource()
{
    const HubClient::Reply reply = m_client.get(QStringLiteral("/fhir/Consent?patient=") + m_yamada);
    QCOMPARE(reply.status, 200);
    m_checkedBodies << reply.body;
    const QJsonArray entries = reply.json().value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject consent = entries.first().toObject().value(QStringLiteral("resource")).toObject();
    QCOMPARE(consent.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(firstCode(consent.value(QStringLiteral("scope"))),
             QStringLiteral("http://terminology.hl7.org/CodeSystem/consentscope|patient-privacy"));
    QCOMPARE(consent.value(QStringLiteral("patient")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_yamada);
    const QJsonObject actor = consent.value(QStringLiteral("provision")).toObject().value(QStringLiteral("actor")).toArray().first().toObject();
    QCOMPARE(actor.value(QStringLiteral("reference")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Organization/") + kClinic);
    QCOMPARE(consent.value(QStringLiteral("provision")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("permit"));
    QVERIFY(!consent.value(QStringLiteral("dateTime")).toString().isEmpty());

    const HubClient::Reply read = m_client.get(QStringLiteral("/fhir/Consent/") + consent.value(QStringLiteral("id")).toString());
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json(), consent);
    QCOMPARE(m_client.get(QStringLiteral("/fhir/Consent?foo=1")).status, 400);
    QCOMPARE(m_client.get(QStringLiteral("/fhir/Consent/nothing")).status, 404);

    // Withdrawn: the patient, and so its consent, is invisible to the clinic.
    QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), m_yamada,
                  QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.get(QStringLiteral("/fhir/Consent?patient=") + m_yamada).json().value(QStringLiteral("total")).toInt(), 0);
    QCOMPARE(m_client.get(QStringLiteral("/fhir/Consent/") + consent.value(QStringLiteral("id")).toString()).status, 404);
    QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_yamada,
                  QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.get(QStringLiteral("/fhir/Consent?patient=") + m_yamada).json().value(QStringLiteral("total")).toInt(), 1);
}

void tst_FhirImport::identifierSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("found");
    QTest::newRow("system|value") << QStringLiteral("identifier=http://hosp-matsumoto.example.jp/order-no%7CINJ-20240502-001") << 1;
    QTest::newRow("value") << QStringLiteral("identifier=INJ-20240502-001") << 1;
    QTest::newRow("other system") << QStringLiteral("identifier=urn:other%7CINJ-20240502-001") << 0;
    QTest::newRow("no system") << QStringLiteral("identifier=%7CINJ-20240502-001") << 0;
    QTest::newRow("or") << QStringLiteral("identifier=nothing,INJ-20240502-001") << 1;
    QTest::newRow("and date") << QStringLiteral("identifier=INJ-20240502-001&date=le2024-05-01") << 0;
}

void tst_FhirImport::identifierSearch()
{
    QFETCH(QString, query);
    QFETCH(int, found);
    const HubClient::Reply reply = m_client.get(QStringLiteral("/fhir/MedicationRequest?") + query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), found);
}

void tst_FhirImport::linkedPatientsThroughTheApi()
{
    // Pretend the two imported patients are one person: each keeps its records and facility.
    QVERIFY(!run({QStringLiteral("patient"), QStringLiteral("link"), m_yamada, m_suzuki}).startsWith(QLatin1String("ERROR")));
    int total = 0;
    const QList<QJsonObject> joined = m_client.all(QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada), &total);
    bool encounter = false;
    for (const QJsonObject &r : joined) {
        if (r.value(QStringLiteral("resourceType")).toString() == QLatin1String("Encounter")) {
            encounter = true;
            QCOMPARE(r.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_suzuki);
        }
    }
    QVERIFY(encounter);
    QCOMPARE(m_client.all(QStringLiteral("/fhir/Encounter?patient=") + m_yamada).size(), 1);
    const HubClient::Reply patient = m_client.get(QStringLiteral("/fhir/Patient/") + m_yamada);
    m_checkedBodies << patient.body;
    QCOMPARE(patient.json().value(QStringLiteral("link")).toArray().first().toObject().value(QStringLiteral("other")).toObject()
                 .value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + m_suzuki);

    // Consent stays per patient: without Suzuki's, his records are gone from Yamada's too, and
    // Yamada's linked person shows Suzuki's consent as inactive.
    QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), m_suzuki,
                  QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.all(QStringLiteral("/fhir/Encounter?patient=") + m_yamada).size(), 0);
    const HubClient::Reply consents = m_client.get(QStringLiteral("/fhir/Consent?patient=") + m_yamada);
    m_checkedBodies << consents.body;
    QStringList statuses;
    for (const QJsonValue &entry : consents.json().value(QStringLiteral("entry")).toArray())
        statuses << entry.toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("status")).toString();
    statuses.sort();
    QCOMPARE(statuses, (QStringList{QStringLiteral("active"), QStringLiteral("inactive")}));

    QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_suzuki,
                  QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    QVERIFY(!run({QStringLiteral("patient"), QStringLiteral("unlink"), m_suzuki, m_yamada}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(m_client.all(QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada)).size(), total - 2); // Suzuki's Encounter, MedicationRequest
}

void tst_FhirImport::metadataListsConsent()
{
    const HubClient::Reply reply = m_client.get(QStringLiteral("/fhir/metadata"));
    m_checkedBodies << reply.body;
    bool consent = false;
    bool identifier = false;
    for (const QJsonValue &value : reply.json().value(QStringLiteral("rest")).toArray().first().toObject().value(QStringLiteral("resource")).toArray()) {
        const QJsonObject resource = value.toObject();
        consent = consent || resource.value(QStringLiteral("type")).toString() == QLatin1String("Consent");
        if (resource.value(QStringLiteral("type")).toString() == QLatin1String("Observation")) {
            for (const QJsonValue &param : resource.value(QStringLiteral("searchParam")).toArray())
                identifier = identifier || param.toObject().value(QStringLiteral("name")).toString() == QLatin1String("identifier");
        }
    }
    QVERIFY(consent);
    QVERIFY(identifier);
}

void tst_FhirImport::organizationNameAndIdentifier_data()
{
    // The demo's facilities (hub/demonetwork.cpp): hosp-shinshu, hosp-matsumoto (松本市立総合病院), clinic-azumino.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("name") << QStringLiteral("name=%E6%9D%BE%E6%9C%AC") << QStringList{QStringLiteral("hosp-matsumoto")}; // 松本
    QTest::newRow("identifier") << QStringLiteral("identifier=clinic-azumino") << QStringList{kClinic};
    QTest::newRow("system|identifier") << QStringLiteral("identifier=urn:renkei:facility%7Chosp-matsumoto") << QStringList{kFacility};
    QTest::newRow("other system") << QStringLiteral("identifier=urn:x%7Chosp-matsumoto") << QStringList{};
    QTest::newRow("name and identifier") << QStringLiteral("name=%E6%9D%BE%E6%9C%AC&identifier=clinic-azumino") << QStringList{};
}

void tst_FhirImport::organizationNameAndIdentifier()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const HubClient::Reply reply = m_client.get(QStringLiteral("/fhir/Organization?") + query);
    QCOMPARE(reply.status, 200);
    m_checkedBodies << reply.body;
    QStringList found;
    for (const QJsonValue &entry : reply.json().value(QStringLiteral("entry")).toArray())
        found << entry.toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(found, ids);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), int(ids.size()));
}

void tst_FhirImport::responsesValidateAgainstFhirSchema()
{
    QList<QByteArray> bodies = m_checkedBodies;
    for (const QString &path : {QStringLiteral("/fhir/Patient/%1/$everything").arg(m_yamada),
                                QStringLiteral("/fhir/Patient/%1/$everything").arg(m_suzuki),
                                QStringLiteral("/fhir/Patient/") + m_yamada,
                                QStringLiteral("/fhir/Observation?patient=%1&_count=1").arg(m_yamada),
                                QStringLiteral("/fhir/DocumentReference?patient=%1").arg(m_yamada)}) {
        const HubClient::Reply reply = m_client.get(path);
        QVERIFY2(reply.status == 200, qPrintable(path));
        bodies << reply.body;
    }
    const QJsonObject reference = m_client.all(QStringLiteral("/fhir/DocumentReference?patient=%1").arg(m_yamada)).value(0);
    bodies << m_client.get(QStringLiteral("/fhir/") + reference.value(QStringLiteral("content")).toArray().first().toObject()
                                                    .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString()).body;
    const FhirSchemaCheck check = checkFhirSchema(bodies);
    if (check.skipped)
        QSKIP(qPrintable(check.output));
    QVERIFY2(check.passed, qPrintable(check.output));
}

QTEST_GUILESS_MAIN(tst_FhirImport)
#include "tst_fhirimport.moc"
