// $everything paging over the real `renkei-hub` (docs/PROTOCOL.md "Clinical records"): next
// links carry a cursor (the last record's date and id), so pages neither repeat nor skip a
// record when records sharing one date span a page boundary or when records arrive between
// pages; the first page has Bundle.total, later ones none; _offset links still work.

#include "fhirschemacheck.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kHospital = QStringLiteral("hosp-matsumoto");
const QString kIdSystem = QStringLiteral("urn:oid:1.2.392.100495.20.3.51.11399999999");
const QString kLocalId = QStringLiteral("PG000001");
// The date every "tie" record shares (the store keeps it as local time).
const QString kTieDate = QStringLiteral("2024-05-01T09:00:00+09:00");
constexpr int kDistinct = 10; // 2023-01-01 … 2023-01-10, one record each
constexpr int kTies = 23;     // all on kTieDate

QJsonObject observation(const QString &id, const QString &when)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Observation")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("category"), QJsonArray{QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
             {QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category")},
             {QStringLiteral("code"), QStringLiteral("vital-signs")}}}}}}},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
             {QStringLiteral("system"), QStringLiteral("http://loinc.org")}, {QStringLiteral("code"), QStringLiteral("29463-7")}}}}}},
        {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/pg-1")}}},
        {QStringLiteral("effectiveDateTime"), when},
        {QStringLiteral("valueQuantity"), QJsonObject{{QStringLiteral("value"), 58.4}, {QStringLiteral("unit"), QStringLiteral("kg")},
                                                      {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                                                      {QStringLiteral("code"), QStringLiteral("kg")}}},
    };
}

/// A collection Bundle: the test patient and \a observations.
QByteArray bundleOf(const QList<QJsonObject> &observations)
{
    QJsonArray entries{QJsonObject{{QStringLiteral("resource"), QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), QStringLiteral("pg-1")},
        {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), kIdSystem}, {QStringLiteral("value"), kLocalId}}}},
        {QStringLiteral("name"), QJsonArray{
             QJsonObject{{QStringLiteral("extension"), QJsonArray{QJsonObject{
                              {QStringLiteral("url"), QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation")},
                              {QStringLiteral("valueCode"), QStringLiteral("IDE")}}}},
                         {QStringLiteral("family"), QStringLiteral("頁送")}, {QStringLiteral("given"), QJsonArray{QStringLiteral("試験")}}},
             QJsonObject{{QStringLiteral("extension"), QJsonArray{QJsonObject{
                              {QStringLiteral("url"), QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation")},
                              {QStringLiteral("valueCode"), QStringLiteral("SYL")}}}},
                         {QStringLiteral("family"), QStringLiteral("ページオクリ")}, {QStringLiteral("given"), QJsonArray{QStringLiteral("シケン")}}}}},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birthDate"), QStringLiteral("1960-01-01")}}}}};
    for (const QJsonObject &o : observations)
        entries.append(QJsonObject{{QStringLiteral("resource"), o}});
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                     {QStringLiteral("type"), QStringLiteral("collection")},
                                     {QStringLiteral("entry"), entries}})
        .toJson(QJsonDocument::Compact);
}

QString key(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
        + resource.value(QStringLiteral("id")).toString();
}

QString nextOf(const QJsonObject &bundle)
{
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
            return link.toObject().value(QStringLiteral("url")).toString();
    }
    return {};
}

} // namespace

class tst_EverythingPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tiesOnOneDateSpanPages_data();
    void tiesOnOneDateSpanPages();
    void recordsArrivingBetweenPages();
    void offsetLinksStillWork();
    void badCursorIsRefused();
    void pagesValidateAgainstFhirSchema();

private:
    struct Walk
    {
        QList<QJsonObject> resources;
        QList<QJsonObject> bundles;
    };
    /// Follows next links from \a path; \a between runs after each page (its index).
    Walk walk(const QString &path, const std::function<void(int)> &between = {});
    QString importObservations(const QList<QJsonObject> &observations);

    HubProcess m_hub;
    HubClient m_client{m_hub};
    QTemporaryDir m_files;
    QString m_patient;
    QString m_everything;
    QList<QByteArray> m_bodies; // for the schema check
};

QString tst_EverythingPaging::importObservations(const QList<QJsonObject> &observations)
{
    static int files = 0;
    const QString file = m_files.filePath(QStringLiteral("bundle-%1.json").arg(++files));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bundleOf(observations)) < 0)
        return QStringLiteral("cannot write ") + file;
    out.close();
    QString error;
    m_hub.run({QStringLiteral("import-fhir"), QStringLiteral("--facility"), kHospital, file}, &error);
    return error;
}

void tst_EverythingPaging::initTestCase()
{
    QVERIFY(m_files.isValid());
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QList<QJsonObject> observations;
    for (int day = 1; day <= kDistinct; ++day)
        observations << observation(QStringLiteral("d-%1").arg(day), QStringLiteral("2023-01-%1T08:00:00+09:00").arg(day, 2, 10, QLatin1Char('0')));
    // Ids in an order that is not the bundle's, so the id order is the hub's doing.
    for (int i = 0; i < kTies; ++i)
        observations << observation(QStringLiteral("t-%1").arg((i * 7) % kTies, 2, 10, QLatin1Char('0')), kTieDate);
    const QString importError = importObservations(observations);
    QVERIFY2(importError.isEmpty(), qPrintable(importError));

    QString error;
    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : patients) {
        for (const QJsonValue &identifier : value.toObject().value(QStringLiteral("identifiers")).toArray()) {
            if (identifier.toObject().value(QStringLiteral("facility")).toString() == kHospital
                && identifier.toObject().value(QStringLiteral("value")).toString() == kLocalId)
                m_patient = value.toObject().value(QStringLiteral("id")).toString();
        }
    }
    QVERIFY(!m_patient.isEmpty());
    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_patient,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_everything = QStringLiteral("/fhir/Patient/%1/$everything").arg(m_patient);

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const QString loginError = m_client.login(QStringLiteral("demo-doctor"), kPassword);
    QVERIFY2(loginError.isEmpty(), qPrintable(loginError));
}

void tst_EverythingPaging::cleanupTestCase()
{
    m_hub.stop();
}

tst_EverythingPaging::Walk tst_EverythingPaging::walk(const QString &path, const std::function<void(int)> &between)
{
    Walk result;
    QString next = path;
    while (!next.isEmpty() && result.bundles.size() < 200) {
        const HubClient::Reply reply = m_client.get(next);
        if (reply.status != 200) {
            qWarning() << "GET" << next << "→" << reply.status << reply.body;
            return {};
        }
        m_bodies << reply.body;
        const QJsonObject bundle = reply.json();
        result.bundles << bundle;
        for (const QJsonValue &entry : bundle.value(QStringLiteral("entry")).toArray())
            result.resources << entry.toObject().value(QStringLiteral("resource")).toObject();
        next = nextOf(bundle);
        if (between)
            between(int(result.bundles.size()) - 1);
    }
    return result;
}

void tst_EverythingPaging::tiesOnOneDateSpanPages_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("_count=1") << 1; // the first page is the Patient alone
    QTest::newRow("_count=4") << 4;
    QTest::newRow("_count=7") << 7;
    QTest::newRow("_count=34") << 34; // exactly one page
}

void tst_EverythingPaging::tiesOnOneDateSpanPages()
{
    QFETCH(int, count);
    constexpr int entries = 1 + kDistinct + kTies;
    const Walk paged = walk(m_everything + QStringLiteral("?_count=%1").arg(count));
    QCOMPARE(paged.resources.size(), entries);
    QCOMPARE(paged.bundles.size(), (entries + count - 1) / count);
    // Bundle.total on the first page only (FHIR: optional); every page full but the last.
    QCOMPARE(paged.bundles.first().value(QStringLiteral("total")).toInt(), entries);
    for (qsizetype i = 1; i < paged.bundles.size(); ++i)
        QVERIFY(!paged.bundles.at(i).contains(QStringLiteral("total")));
    for (qsizetype i = 0; i + 1 < paged.bundles.size(); ++i)
        QCOMPARE(paged.bundles.at(i).value(QStringLiteral("entry")).toArray().size(), count);

    QSet<QString> distinct;
    for (const QJsonObject &r : paged.resources)
        distinct.insert(key(r));
    QCOMPARE(distinct.size(), entries);
    QCOMPARE(key(paged.resources.first()), QStringLiteral("Patient/") + m_patient);

    // Records by date, the tied ones by id (as text), whatever the page boundaries.
    QStringList tiedIds;
    QString previousDate;
    for (qsizetype i = 1; i < paged.resources.size(); ++i) {
        const QString when = paged.resources.at(i).value(QStringLiteral("effectiveDateTime")).toString();
        QVERIFY2(when >= previousDate, qPrintable(when));
        previousDate = when;
        if (when == kTieDate)
            tiedIds << paged.resources.at(i).value(QStringLiteral("id")).toString();
    }
    QCOMPARE(tiedIds.size(), kTies);
    QStringList sorted = tiedIds;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(tiedIds, sorted);

    // The same list as one page.
    const Walk whole = walk(m_everything + QStringLiteral("?_count=1000"));
    QCOMPARE(whole.bundles.size(), 1);
    QCOMPARE(whole.resources.size(), entries);
    for (qsizetype i = 0; i < entries; ++i)
        QCOMPARE(key(paged.resources.at(i)), key(whole.resources.at(i)));
}

void tst_EverythingPaging::recordsArrivingBetweenPages()
{
    const QList<QJsonObject> before = walk(m_everything + QStringLiteral("?_count=1000")).resources;
    QCOMPARE(before.size(), 1 + kDistinct + kTies);

    // After the second page (cursor inside the 2023 records): one record dated before the
    // cursor, one tied with the big group, one after everything.
    QString importError;
    const Walk paged = walk(m_everything + QStringLiteral("?_count=5"), [&](int page) {
        if (page == 1)
            importError = importObservations({observation(QStringLiteral("late-early"), QStringLiteral("2000-01-01T08:00:00+09:00")),
                                              observation(QStringLiteral("late-tie"), kTieDate),
                                              observation(QStringLiteral("late-last"), QStringLiteral("2030-01-01T08:00:00+09:00"))});
    });
    QVERIFY2(importError.isEmpty(), qPrintable(importError));
    const QList<QJsonObject> after = walk(m_everything + QStringLiteral("?_count=1000")).resources;
    QCOMPARE(after.size(), before.size() + 3);

    // No record twice; every record there before the walk seen, in the same order; the one
    // dated before the cursor is not (the client asks with _since for what is new), the two
    // after it are, where they sort.
    QStringList keys;
    for (const QJsonObject &r : paged.resources)
        keys << key(r);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    QStringList expected;
    for (const QJsonObject &r : after) {
        if (r.value(QStringLiteral("effectiveDateTime")).toString() != QLatin1String("2000-01-01T08:00:00+09:00"))
            expected << key(r);
    }
    QCOMPARE(keys, expected);
    QCOMPARE(keys.size(), before.size() + 2);
    QStringList beforeKeys;
    for (const QJsonObject &r : before)
        beforeKeys << key(r);
    for (const QString &k : std::as_const(beforeKeys))
        QVERIFY2(keys.contains(k), qPrintable(k));
}

void tst_EverythingPaging::offsetLinksStillWork()
{
    const QList<QJsonObject> whole = walk(m_everything + QStringLiteral("?_count=1000")).resources;
    QVERIFY(whole.size() > 12);
    const HubClient::Reply reply = m_client.get(m_everything + QStringLiteral("?_count=4&_offset=5"));
    QCOMPARE(reply.status, 200);
    const QJsonObject bundle = reply.json();
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), whole.size());
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(key(entries.at(i).toObject().value(QStringLiteral("resource")).toObject()), key(whole.at(5 + i)));
    // Its next link goes on from there, to the end.
    const Walk rest = walk(nextOf(bundle));
    QCOMPARE(rest.resources.size(), whole.size() - 9);
    for (qsizetype i = 0; i < rest.resources.size(); ++i)
        QCOMPARE(key(rest.resources.at(i)), key(whole.at(9 + i)));
}

void tst_EverythingPaging::badCursorIsRefused()
{
    for (const QString &query : {QStringLiteral("_cursor=%%%"), QStringLiteral("_cursor=bm90LWEtY3Vyc29y"), // "not-a-cursor"
                                 QStringLiteral("_cursor=MjAyNAp4&_offset=3")}) {
        const HubClient::Reply reply = m_client.get(m_everything + QLatin1Char('?') + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.issueCode(), QStringLiteral("invalid"));
        m_bodies << reply.body;
    }
}

void tst_EverythingPaging::pagesValidateAgainstFhirSchema()
{
    // Later pages have no Bundle.total: still a valid searchset Bundle.
    QVERIFY(m_bodies.size() > 10);
    const FhirSchemaCheck check = checkFhirSchema(m_bodies);
    if (check.skipped)
        QSKIP(qPrintable(check.output));
    QVERIFY2(check.passed, qPrintable(check.output));
}

QTEST_MAIN(tst_EverythingPaging)
#include "tst_everythingpaging.moc"
