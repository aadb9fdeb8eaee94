// FHIR search and $everything latency of the real `renkei-hub serve` (issue 3: search p95
// < 20 ms, $everything of a 5,000-resource patient < 150 ms) on a generated store of 100k
// patients / 10M resources (see bench_hub_fhirstore.h), over loopback TLS, logged in as a
// clinic user. One client, requests one after another (keep-alive), each timed from sending
// to the last byte of the body. Side by side, the same queries as in-process calls of the
// hub's repositories on the same database: what the SQL costs without HTTP, TLS, token
// check, audit write and JSON.

#include "bench_hub_fhirstore.h"
#include "bench_hub_support.h"

#include "namefolding.h"
#include "nameindex.h"
#include "patientrepository.h"
#include "patientsearch.h"
#include "recordsearch.h"
#include "store.h"
#include "visiblerecords.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

using HubBench::Latency;

struct SamplePatient
{
    QString id, familyName, familyKana, localId;
};

class Client
{
public:
    Client(const QUrl &base, const QString &caFile) : m_base(base)
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    }

    void login(const QString &user, const QString &password)
    {
        QNetworkRequest request = make(QStringLiteral("/auth/login"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id"), user}, {QStringLiteral("password"), password}}).toJson();
        const QByteArray answer = finish(m_manager.post(request, body));
        m_token = QJsonDocument::fromJson(answer).object().value(QStringLiteral("access_token")).toString().toLatin1();
        if (m_token.isEmpty())
            qFatal("login failed: %s", answer.constData());
    }

    /// GET path?query; returns the body, sets *ms.
    QByteArray get(const QString &pathAndQuery, double *ms)
    {
        QNetworkRequest request = make(pathAndQuery);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QElapsedTimer timer;
        timer.start();
        const QByteArray body = finish(m_manager.get(request));
        *ms = timer.nsecsElapsed() / 1e6;
        return body;
    }

private:
    QNetworkRequest make(const QString &pathAndQuery)
    {
        QNetworkRequest request(QUrl(m_base.toString() + pathAndQuery.mid(1)));
        request.setSslConfiguration(m_tls);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        return request;
    }

    static QByteArray finish(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200)
            qFatal("%s: HTTP %d %s\n%s", qPrintable(reply->url().toString()), status, qPrintable(reply->errorString()), body.left(500).constData());
        reply->deleteLater();
        return body;
    }

    QUrl m_base;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_manager;
    QByteArray m_token;
};

class Server
{
public:
    explicit Server(const QString &dir)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(HubBench::hubExecutable(), {QStringLiteral("serve"), QStringLiteral("--dir"), dir,
                                                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        static const QRegularExpression listening(QStringLiteral("listening on (https://\\S+)"));
        QByteArray output;
        while (m_process.waitForReadyRead(60'000)) {
            output += m_process.readAll();
            if (const auto match = listening.match(QString::fromUtf8(output)); match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return;
            }
        }
        qFatal("renkei-hub serve did not start:\n%s", output.constData());
    }
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10'000))
            m_process.kill();
        m_process.waitForFinished();
    }
    QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

QList<SamplePatient> samplePatients(Store &store, int count)
{
    // Consented for the clinic (what its users can find), a fixed pseudo-random choice.
    auto query = store.exec(QStringLiteral(
        "SELECT p.id, p.family_name, p.family_kana, "
        "(SELECT min(i.value) FROM patient_identifiers i WHERE i.patient = p.id) FROM patients p "
        "JOIN consents c ON c.patient = p.id AND c.facility = ? AND c.status = 'active' "
        "ORDER BY p.id LIMIT ?"),
        {HubBench::kClinic, count});
    if (!query)
        qFatal("%s", qPrintable(query.error()));
    QList<SamplePatient> patients;
    while (query->next())
        patients.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                         query->value(3).toString()});
    if (patients.isEmpty())
        qFatal("no consented patients in the store");
    return patients;
}

/// Katakana to hiragana: what a user types (the hub folds both to the same key).
QString hiragana(const QString &katakana)
{
    QString text = katakana;
    for (QChar &c : text) {
        if (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6)
            c = QChar(c.unicode() - 0x60);
    }
    return text;
}

struct Scenario
{
    QString name;
    std::function<QString(int)> request;          ///< i-th request's path and query
    std::function<void(int)> inProcess;           ///< the same query through the repositories
};

void printRow(const QString &name, const Latency &http, const Latency &direct, double bytes, int n)
{
    std::printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.0f |\n", qPrintable(name), n, http.p50, http.p95,
                http.p99, http.max, direct.p50, direct.p95, bytes / 1024);
    std::fflush(stdout);
}

/// A name search taken apart, in-process on the same database (--name-pieces): where the
/// time of `Patient?name=` goes for the ~1,200 patients a family name matches.
void nameSearchPieces(Store &store, const QList<QString> &names, const QString &label)
{
    struct Piece
    {
        const char *name;
        QString sql; // %1: candidate subquery, %2: the folded "contains" condition
    };
    const QString consent = QStringLiteral(
        "EXISTS (SELECT 1 FROM consents c WHERE c.patient = p.id AND c.facility = 'clinic-azumino' AND c.status = 'active')");
    const QString columns = QStringLiteral("p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date, p.gender");
    const QList<Piece> pieces{
        {"count drivingGrams (probes)", {}},
        {"candidates (all bigrams, INTERSECT)", QStringLiteral("SELECT count(*) FROM (%1)")},
        {"candidates (drivingGrams)", QStringLiteral("SELECT count(*) FROM (%1)")},
        {"+ patient rows, contains check", QStringLiteral("SELECT count(*) FROM patients p WHERE p.id IN (%1) AND %2")},
        {"+ consent", QStringLiteral("SELECT count(*) FROM patients p WHERE p.id IN (%1) AND %2 AND ") + consent},
        {"+ kana sort, LIMIT 100 (no total)", QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM patients p WHERE p.id IN (%1) AND %2 AND ")
                                                   + consent + QStringLiteral(" ORDER BY p.family_kana, p.given_kana, p.id LIMIT 100")},
        {"+ COUNT(*) OVER () (the search's SQL)", QStringLiteral("SELECT ") + columns + QStringLiteral(", COUNT(*) OVER () FROM patients p WHERE p.id IN (%1) AND %2 AND ")
                                                   + consent + QStringLiteral(" ORDER BY p.family_kana, p.given_kana, p.id LIMIT 100")},
    };
    std::printf("\n| %s: piece (in-process) | p50 ms | p95 ms | rows (last) |\n|---|---|---|---|\n", qPrintable(label));
    for (qsizetype k = 0; k < pieces.size(); ++k) {
        QList<double> times;
        int rows = 0;
        for (int run = -1; run < 2; ++run) { // one warm-up pass
            for (const QString &name : names) {
                const QString folded = foldNameForSearch(name);
                const QStringList all = NameIndex::queryGrams(folded);
                if (all.isEmpty())
                    continue; // one character (林): a scan, not what this looks at
                QElapsedTimer timer;
                timer.start();
                const auto driving = NameIndex::drivingGrams(store, all);
                if (!driving)
                    qFatal("%s", qPrintable(driving.error()));
                if (k > 0) {
                    const QStringList grams = k == 1 ? all : *driving;
                    if (k == 1)
                        timer.restart();
                    QStringList selects;
                    for (const QString &gram : grams)
                        selects << QStringLiteral("SELECT g.patient FROM patient_name_grams g WHERE g.gram = '%1'").arg(gram);
                    QString pattern = QLatin1Char('%') + folded + QLatin1Char('%');
                    const QString contains = QStringLiteral("(p.name_key LIKE '%1' OR p.kana_key LIKE '%1')").arg(pattern);
                    QString sql = pieces.at(k).sql;
                    sql.replace(QStringLiteral("%2"), contains).replace(QStringLiteral("%1"), selects.join(QStringLiteral(" INTERSECT ")));
                    auto query = store.exec(sql);
                    if (!query)
                        qFatal("%s", qPrintable(query.error()));
                    rows = 0;
                    while (query->next())
                        rows = k >= 5 ? rows + 1 : query->value(0).toInt();
                }
                if (run >= 0)
                    times << timer.nsecsElapsed() / 1e6;
            }
        }
        const Latency latency = HubBench::summarize(times);
        std::printf("| %s | %.2f | %.2f | %d |\n", pieces.at(k).name, latency.p50, latency.p95, rows);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Cache folder."), QStringLiteral("DIR"), HubBench::defaultDataDir());
    const QCommandLineOption patientsOption(QStringLiteral("patients"), QStringLiteral("Patients (default 100000)."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption resourcesOption(QStringLiteral("resources"), QStringLiteral("Resources (default 10000000)."), QStringLiteral("N"), QStringLiteral("10000000"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("Timed requests per search (default 500)."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption everythingOption(QStringLiteral("everything-runs"), QStringLiteral("Timed $everything fetches per page size (default 20)."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption generateOnly(QStringLiteral("generate-only"), QStringLiteral("Only make sure the store exists."));
    const QCommandLineOption piecesOption(QStringLiteral("name-pieces"), QStringLiteral("Only time the pieces of a name search in-process."));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Only the rows whose name contains TEXT (repeatable)."), QStringLiteral("TEXT"));
    parser.addOptions({dataOption, patientsOption, resourcesOption, requestsOption, everythingOption, generateOnly, onlyOption, piecesOption});
    parser.process(app);

    HubBench::FhirStoreSpec spec;
    spec.patients = parser.value(patientsOption).toInt();
    spec.resources = parser.value(resourcesOption).toLongLong();
    const HubBench::FhirStore generated = HubBench::ensureFhirStore(parser.value(dataOption), spec);
    const QString dbPath = QDir(generated.dir).filePath(QStringLiteral("hub.sqlite"));
    std::printf("store: %s (%.2f GB), %d patients, %lld resources; big patient %s\n", qPrintable(generated.dir),
                QFileInfo(dbPath).size() / 1e9, spec.patients, qlonglong(spec.resources), qPrintable(generated.bigPatient));
    if (parser.isSet(generateOnly))
        return 0;
    const int requests = parser.value(requestsOption).toInt();
    const int everythingRuns = parser.value(everythingOption).toInt();
    const QStringList only = parser.values(onlyOption);
    auto selected = [&](const QString &name) {
        return only.isEmpty() || std::any_of(only.begin(), only.end(), [&](const QString &text) { return name.contains(text); });
    };

    auto store = Store::open(dbPath, Store::OpenMode::MustExist);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    const QList<SamplePatient> samples = samplePatients(**store, 2000);
    PatientRepository patients(**store);
    if (parser.isSet(piecesOption)) {
        QStringList kanji, kana;
        for (int i = 0; i < 200; ++i) {
            kanji << samples.at((i * 7919) % samples.size()).familyName;
            kana << hiragana(samples.at((i * 7919) % samples.size()).familyKana);
        }
        nameSearchPieces(**store, kanji, QStringLiteral("family name, kanji"));
        nameSearchPieces(**store, kana, QStringLiteral("family name, hiragana"));
        return 0;
    }
    VisibleRecords records(**store, HubBench::kClinic);

    Server server(generated.dir);
    Client client(server.url(), QDir(generated.dir).filePath(QStringLiteral("ca.pem")));
    client.login(generated.user, generated.password);
    std::printf("serving at %s; %lld sample patients\n\n", qPrintable(server.url().toString()), qlonglong(samples.size()));

    const QString labCode = QStringLiteral("urn:oid:1.2.392.200119.4.504|3D046000001906202"); // HbA1c (JLAC10)
    auto sample = [&](int i) { return samples.at((i * 7919) % samples.size()); };
    auto patientQuery = [](const QList<QPair<QString, QString>> &parameters) {
        const auto parsed = parsePatientSearch(parameters);
        if (!parsed.query)
            qFatal("bad query");
        return *parsed.query;
    };
    auto recordQuery = [](const QString &type, const QList<QPair<QString, QString>> &parameters) {
        const auto parsed = parseRecordSearch(type, parameters);
        if (!parsed.query)
            qFatal("bad query");
        return *parsed.query;
    };
    auto encoded = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };

    const QList<Scenario> scenarios{
        {QStringLiteral("Patient?name=<family name, kanji>&_count=100"),
         [&](int i) { return QStringLiteral("/fhir/Patient?name=%1&_count=100").arg(encoded(sample(i).familyName)); },
         [&](int i) { patients.search(HubBench::kClinic, patientQuery({{QStringLiteral("name"), sample(i).familyName}, {QStringLiteral("_count"), QStringLiteral("100")}})); }},
        {QStringLiteral("Patient?name=<family name, hiragana>&_count=100"),
         [&](int i) { return QStringLiteral("/fhir/Patient?name=%1&_count=100").arg(encoded(hiragana(sample(i).familyKana))); },
         [&](int i) { patients.search(HubBench::kClinic, patientQuery({{QStringLiteral("name"), hiragana(sample(i).familyKana)}, {QStringLiteral("_count"), QStringLiteral("100")}})); }},
        {QStringLiteral("Patient?identifier=<hospital local ID>"),
         [&](int i) { return QStringLiteral("/fhir/Patient?identifier=%1").arg(sample(i).localId); },
         [&](int i) { patients.search(HubBench::kClinic, patientQuery({{QStringLiteral("identifier"), sample(i).localId}})); }},
        {QStringLiteral("Patient?identifier=<network ID>"),
         [&](int i) { return QStringLiteral("/fhir/Patient?identifier=%1").arg(sample(i).id); },
         [&](int i) { patients.search(HubBench::kClinic, patientQuery({{QStringLiteral("identifier"), sample(i).id}})); }},
        {QStringLiteral("Observation?patient=&code=<JLAC10 HbA1c>"),
         [&](int i) { return QStringLiteral("/fhir/Observation?patient=%1&code=%2").arg(sample(i).id, encoded(labCode)); },
         [&](int i) { records.search(recordQuery(QStringLiteral("Observation"), {{QStringLiteral("patient"), sample(i).id}, {QStringLiteral("code"), labCode}})); }},
        {QStringLiteral("MedicationRequest?patient=&date=ge2024-01-01"),
         [&](int i) { return QStringLiteral("/fhir/MedicationRequest?patient=%1&date=ge2024-01-01").arg(sample(i).id); },
         [&](int i) { records.search(recordQuery(QStringLiteral("MedicationRequest"), {{QStringLiteral("patient"), sample(i).id}, {QStringLiteral("date"), QStringLiteral("ge2024-01-01")}})); }},
    };

    std::printf("| request | n | p50 ms | p95 ms | p99 ms | max ms | in-process p50 / p95 ms | mean KiB |\n|---|---|---|---|---|---|---|---|\n");
    for (const Scenario &scenario : scenarios) {
        if (!selected(scenario.name))
            continue;
        double ms = 0;
        for (int i = 0; i < 50; ++i) // warm-up, not timed
            client.get(scenario.request(requests + i), &ms);
        QList<double> http;
        double bytes = 0;
        for (int i = 0; i < requests; ++i) {
            bytes += client.get(scenario.request(i), &ms).size();
            http << ms;
        }
        QList<double> direct;
        for (int i = 0; i < requests; ++i) {
            QElapsedTimer timer;
            timer.start();
            scenario.inProcess(i);
            direct << timer.nsecsElapsed() / 1e6;
        }
        printRow(scenario.name, HubBench::summarize(http), HubBench::summarize(direct), bytes / requests, requests);
    }

    // $everything of the big patient: every page, following `next`, timed to the last byte.
    // Later pages may be asked at another size (the viewer: EverythingFetch's kFirstPageSize,
    // then kPageSize), by replacing _count in the next link as the viewer does.
    // The `_offset` row pages as the hub did before cursors (every page counted, OFFSET
    // skipped): the paired "before" in the same run.
    struct EverythingRow
    {
        int first, later;
        const char *label;
        bool offsets = false;
    };
    for (const EverythingRow &row : {EverythingRow{200, 200, " by _offset (as before)", true}, EverythingRow{200, 200, ""},
                                     EverythingRow{1000, 1000, ""}, EverythingRow{200, 1000, " (viewer)"}}) {
        const QString name = row.first == row.later
            ? QStringLiteral("$everything, _count=%1%2").arg(row.first).arg(QLatin1String(row.label))
            : QStringLiteral("$everything, _count=%1 then %2%3").arg(row.first).arg(row.later).arg(QLatin1String(row.label));
        if (!selected(name))
            continue;
        QList<double> totals;
        QList<double> pages;
        int entries = 0;
        int pageCount = 0;
        for (int run = -2; run < everythingRuns; ++run) { // two warm-up fetches
            QString next = QStringLiteral("/fhir/Patient/%1/$everything?_count=%2").arg(generated.bigPatient).arg(row.first);
            QElapsedTimer timer;
            timer.start();
            entries = pageCount = 0;
            QList<double> pageMs;
            while (!next.isEmpty()) {
                double ms = 0;
                const QByteArray body = client.get(next, &ms);
                pageMs << ms;
                ++pageCount;
                // The hub's output is compact JSON in a fixed key order; finding the next link
                // and counting entries by text keeps the client's own JSON parsing out of the time.
                entries += int(body.count("\"fullUrl\":"));
                next.clear();
                static const QByteArray marker("{\"relation\":\"next\",\"url\":\"");
                if (const qsizetype at = body.indexOf(marker); at >= 0) {
                    const qsizetype start = at + marker.size();
                    next = QUrl(QString::fromUtf8(body.mid(start, body.indexOf('"', start) - start)))
                               .toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
                    next.replace(QStringLiteral("_count=%1").arg(row.first), QStringLiteral("_count=%1").arg(row.later));
                    if (row.offsets)
                        next = QStringLiteral("/fhir/Patient/%1/$everything?_count=%2&_offset=%3").arg(generated.bigPatient).arg(row.first).arg(entries);
                }
            }
            if (run >= 0) {
                totals << timer.nsecsElapsed() / 1e6;
                pages << pageMs;
            }
        }
        // In-process: the same pages as the hub reads them (the first counted, the rest from
        // the previous page's last record).
        QList<double> direct;
        for (int run = 0; run < everythingRuns; ++run) {
            QElapsedTimer timer;
            timer.start();
            EverythingQuery q;
            auto page = records.everything(generated.bigPatient, q, 0, row.first - 1);
            for (int offset = row.first; row.offsets && page && page->more; offset += row.first)
                page = records.everything(generated.bigPatient, q, offset - 1, row.first);
            while (!row.offsets && page && page->more && !page->rows.isEmpty()) {
                q.after = EverythingCursor{page->rows.last().date, page->rows.last().id};
                page = records.everything(generated.bigPatient, q, 0, row.later);
            }
            if (!page)
                qFatal("%s", qPrintable(page.error()));
            direct << timer.nsecsElapsed() / 1e6;
        }
        const Latency total = HubBench::summarize(totals);
        const Latency page = HubBench::summarize(pages);
        const Latency inProcess = HubBench::summarize(direct);
        std::printf("| %s, %d entries: all %d pages | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | per page p50 %.1f, p95 %.1f |\n",
                    qPrintable(name), entries, pageCount, everythingRuns, total.p50, total.p95, total.p99, total.max,
                    inProcess.p50, inProcess.p95, page.p50, page.p95);
        std::fflush(stdout);
    }
    return 0;
}
