// Clinical records over the real renkei-hub: consent, disclosure policy and audit.
// The hub, its demo network, the imported NHO sample and the login are set up by
// FhirRecordsTest (fhirrecordstest.h).

#include "fhirrecordstest.h"

#include <QHash>
#include <QTest>

/// What the clinic may see: consent (none, withdrawn), the hospitals' disclosure policies, and
/// the audit rows of reads, prints and exports.
class tst_FhirDisclosure : public FhirRecordsTest
{
    Q_OBJECT

private slots:
    void nonConsentedPatientIsInvisible();
    void withdrawalHidesRecordsOnNextRequest();
    void auditRecordsReads();
    void printAndExportAreAudited_data();
    void printAndExportAreAudited();
    void disclosurePolicyWithholdsLabs();
};

void tst_FhirDisclosure::nonConsentedPatientIsInvisible()
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

void tst_FhirDisclosure::withdrawalHidesRecordsOnNextRequest()
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

void tst_FhirDisclosure::auditRecordsReads()
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

void tst_FhirDisclosure::printAndExportAreAudited_data()
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

void tst_FhirDisclosure::printAndExportAreAudited()
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

void tst_FhirDisclosure::disclosurePolicyWithholdsLabs()
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

QTEST_GUILESS_MAIN(tst_FhirDisclosure)
#include "tst_fhirdisclosure.moc"
