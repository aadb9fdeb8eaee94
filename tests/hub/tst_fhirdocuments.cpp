// Clinical records over the real renkei-hub: DocumentReference and Binary.
// The hub, its demo network, the imported NHO sample and the login are set up by
// FhirRecordsTest (fhirrecordstest.h).

#include "fhirrecordstest.h"

#include <QCryptographicHash>
#include <QTest>

/// The demo's discharge summary: DocumentReference, its CDA R2 Binary, searches, and how
/// consent and disclosure policy hide both.
class tst_FhirDocuments : public FhirRecordsTest
{
    Q_OBJECT

private slots:
    void dischargeSummaryDocument();
    void documentsFollowConsentAndPolicy();
};

void tst_FhirDocuments::dischargeSummaryDocument()
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

void tst_FhirDocuments::documentsFollowConsentAndPolicy()
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

QTEST_GUILESS_MAIN(tst_FhirDocuments)
#include "tst_fhirdocuments.moc"
