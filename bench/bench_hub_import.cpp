// SS-MIX2 import throughput of the real `renkei-hub import-ssmix2` (issue 3: ≥ 3,000 messages/s).
//
// The storage is the demo's generator (DemoHistories::writeStorage, ISO-2022-JP HL7 v2.5 in the
// standardized layout) run for many patients at one hospital, cached under the data folder.
// Each run imports it into a fresh hub database through the CLI, end to end (process start,
// walk, decode, parse and map on worker threads, a savepoint per file in batched transactions),
// then imports it again (the no-op re-import). Side by side, in the same run:
//  - parse+map only: the same walk/decode/parse/map/JSON work in-process on one thread, no
//    database;
//  - sqlite3 (the CLI tool) inserting exactly the rows the import wrote (resources, sources,
//    patients, identifiers), one transaction per source file as the importer did before, into
//    an empty hub-schema database in WAL mode; and the same rows in a single transaction.

#include "bench_hub_support.h"

#include "demohistories.h"
#include "demonames.h"
#include "facilities.h"
#include "fhirmapping.h"
#include "hl7message.h"
#include "iso2022jp.h"
#include "storagewalker.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

#include <sys/resource.h>

namespace {

const QString kFacility = QStringLiteral("hosp-shinshu");
const QString kFacilityName = QStringLiteral("信州中央病院");

QList<Patient> benchPatients(int count)
{
    QRandomGenerator random(20261124);
    QList<Patient> patients;
    const auto &families = DemoNames::familyNames();
    for (int i = 1; i <= count; ++i) {
        Patient p;
        p.id = QStringLiteral("b%1").arg(i, 6, 10, QLatin1Char('0'));
        const int year = 1930 + int(random.bounded(60));
        p.birthDate = QDate(year, 1 + int(random.bounded(12)), 1 + int(random.bounded(28))).toString(Qt::ISODate);
        p.gender = random.bounded(2) ? QStringLiteral("male") : QStringLiteral("female");
        const NameReading &family = families.at(int(random.bounded(int(families.size()))));
        const auto &givens = p.gender == QLatin1String("male") ? DemoNames::maleGivenNames() : DemoNames::femaleGivenNames();
        const NameReading &given = givens.at(int(random.bounded(int(givens.size()))));
        p.familyName = family.kanji;
        p.familyKana = family.kana;
        p.givenName = given.kanji;
        p.givenKana = given.kana;
        p.identifiers.append({kFacility, {}, QStringLiteral("%1").arg(1000000 + i * 7, 7, 10, QLatin1Char('0'))});
        patients << p;
    }
    return patients;
}

/// The cached storage for \a patients patients; generated on first use.
QString storage(const QString &dataDir, int patients, int &messages, int &documents)
{
    const QString root = QDir(dataDir).filePath(QStringLiteral("ssmix2-%1").arg(patients));
    const QString done = root + QStringLiteral("/complete");
    if (!QFile::exists(done)) {
        std::printf("generating the SS-MIX2 storage for %d patients in %s ...\n", patients, qPrintable(root));
        std::fflush(stdout);
        const auto written = DemoHistories::writeStorage(root, benchPatients(patients), {{kFacility, kFacilityName}});
        if (!written)
            qFatal("cannot generate the storage: %s", qPrintable(written.error()));
        QFile marker(done);
        if (!marker.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(done));
    }
    const auto walk = Ssmix2::walkStorage(root + QLatin1Char('/') + kFacility);
    messages = documents = 0;
    for (const auto &file : walk.files)
        ++(file.document ? documents : messages);
    return root + QLatin1Char('/') + kFacility;
}

/// CPU seconds (user + system) used so far by finished child processes: the import's CPU
/// time, which the other work on a shared machine inflates less than its wall time.
double childCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// A fresh hub database with the one facility the import needs.
void createHub(const QString &dir)
{
    auto store = Store::open(QDir(dir).filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    if (const Status added = FacilityRepository(**store).add({kFacility, kFacilityName, QStringLiteral("hospital")}); !added)
        qFatal("%s", qPrintable(added.error()));
}

/// The importer's CPU work alone: walk, read, decode, parse, map, serialize. Returns ms.
double parseOnly(const QString &root, int &resources)
{
    QElapsedTimer timer;
    timer.start();
    resources = 0;
    const auto walk = Ssmix2::walkStorage(root);
    for (const Ssmix2::StorageFile &file : walk.files) {
        if (file.document)
            continue;
        QFile input(file.path);
        if (!input.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.path));
        const auto text = Ssmix2::decodeIso2022Jp(input.readAll());
        const auto message = text ? Ssmix2::Hl7Message::parse(*text) : Result<Ssmix2::Hl7Message>(Failure{text.error()});
        if (!message)
            qFatal("%s: %s", qPrintable(file.path), qPrintable(message.error()));
        const auto mapped = Ssmix2::mapFhir(*message, {QStringLiteral("x"), QStringLiteral("Patient/x"), kFacility, file.name.dataType});
        if (!mapped)
            continue;
        for (const auto &r : mapped->resources)
            resources += QJsonDocument(r.json).toJson(QJsonDocument::Compact).isEmpty() ? 0 : 1;
    }
    return timer.nsecsElapsed() / 1e6;
}

QString sqlText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return value.toString();
    QString text = value.toString();
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/// SQL that inserts exactly what the import stored; with \a perSource one transaction per
/// source file (as the importer commits), else one for everything.
void writeReplayScript(const QString &importedDb, const QString &scriptPath, bool perSource, int &transactions)
{
    const QString connection = QStringLiteral("bench-replay");
    transactions = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(importedDb);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(importedDb));
        QFile script(scriptPath);
        if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(scriptPath));
        QTextStream out(&script);
        auto insertAll = [&](const QString &table, const QString &columns, const QString &order, const QString &where = {}) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.exec(QStringLiteral("SELECT %1 FROM %2 %3 ORDER BY %4").arg(columns, table, where, order));
            return q;
        };
        if (!perSource)
            out << "BEGIN;\n";
        // Patients and identifiers go with their patient's first source, as in the import.
        QSqlQuery patients = insertAll(QStringLiteral("patients"), QStringLiteral("*"), QStringLiteral("id"));
        QHash<QString, QString> patientRows;
        while (patients.next()) {
            QStringList values;
            for (int i = 0; i < 9; ++i)
                values << sqlText(patients.value(i));
            patientRows.insert(patients.value(0).toString(),
                               QStringLiteral("INSERT INTO patients VALUES (%1);\n").arg(values.join(QLatin1Char(','))));
        }
        QSqlQuery identifiers = insertAll(QStringLiteral("patient_identifiers"), QStringLiteral("*"), QStringLiteral("patient"));
        while (identifiers.next())
            patientRows[identifiers.value(0).toString()] += QStringLiteral("INSERT INTO patient_identifiers VALUES (%1,%2,%3);\n")
                .arg(sqlText(identifiers.value(0)), sqlText(identifiers.value(1)), sqlText(identifiers.value(2)));

        QSqlQuery sources = insertAll(QStringLiteral("imported_sources"), QStringLiteral("*"), QStringLiteral("imported"));
        QSqlQuery resources(db);
        resources.prepare(QStringLiteral("SELECT id, type, patient, facility, kind, date, code, source_key, json, updated "
                                         "FROM resources WHERE facility = ? AND source_key = ?"));
        while (sources.next()) {
            if (perSource) {
                out << "BEGIN;\n";
                ++transactions;
            }
            const QString patient = sources.value(3).toString();
            out << patientRows.take(patient);
            out << "DELETE FROM resources WHERE facility = " << sqlText(sources.value(0)) << " AND source_key = "
                << sqlText(sources.value(1)) << ";\n";
            resources.addBindValue(sources.value(0));
            resources.addBindValue(sources.value(1));
            resources.exec();
            while (resources.next()) {
                QStringList values;
                for (int i = 0; i < 10; ++i)
                    values << sqlText(resources.value(i));
                out << "INSERT INTO resources (id, type, patient, facility, kind, date, code, source_key, json, updated) VALUES ("
                    << values.join(QLatin1Char(',')) << ");\n";
            }
            out << "INSERT INTO imported_sources VALUES (" << sqlText(sources.value(0)) << ',' << sqlText(sources.value(1)) << ','
                << sqlText(sources.value(2)) << ',' << sqlText(sources.value(3)) << ',' << sqlText(sources.value(4)) << ");\n";
            if (perSource)
                out << "COMMIT;\n";
        }
        if (!perSource) {
            out << "COMMIT;\n";
            transactions = 1;
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

/// `sqlite3 DB < script` into an empty hub-schema database (WAL, as the hub keeps it). ms.
double replayWithSqlite3(const QString &dir, const QString &scriptPath, const QString &synchronous)
{
    createHub(dir); // the hub's own schema, journal_mode=WAL persisted in the file
    QFile script(scriptPath);
    QFile withPragma(scriptPath + QStringLiteral(".run"));
    if (!script.open(QIODevice::ReadOnly) || !withPragma.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot prepare %s", qPrintable(scriptPath));
    withPragma.write("PRAGMA synchronous = " + synchronous.toLatin1() + ";\n");
    while (!script.atEnd())
        withPragma.write(script.read(1 << 20));
    withPragma.close();
    QProcess sqlite;
    sqlite.setStandardInputFile(withPragma.fileName());
    sqlite.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QDir(dir).filePath(QStringLiteral("hub.sqlite"))});
    sqlite.waitForFinished(-1);
    const double ms = timer.nsecsElapsed() / 1e6;
    if (sqlite.exitCode() != 0)
        qFatal("sqlite3 failed: %s", sqlite.readAll().constData());
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption patientsOption(QStringLiteral("patients"), QStringLiteral("Patients in the storage (default 500)."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Import runs (default 3)."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("Cache folder."), QStringLiteral("DIR"), HubBench::defaultDataDir());
    parser.addOptions({patientsOption, runsOption, dataOption});
    parser.process(app);
    const int patientCount = parser.value(patientsOption).toInt();
    const int runs = parser.value(runsOption).toInt();

    int messages = 0;
    int documents = 0;
    const QString root = storage(parser.value(dataOption), patientCount, messages, documents);
    std::printf("storage: %s\n  %d patients, %d HL7 messages + %d extended-storage documents\n",
                qPrintable(root), patientCount, messages, documents);
    const int files = messages + documents;

    QTemporaryDir work(QDir(parser.value(dataOption)).filePath(QStringLiteral("import-XXXXXX")));
    QString lastDb;
    QList<double> importMs;
    QList<double> reimportMs;
    for (int run = 1; run <= runs; ++run) {
        const QString dir = work.filePath(QStringLiteral("run%1").arg(run));
        QDir().mkpath(dir);
        createHub(dir);
        const double cpuBefore = childCpuSeconds();
        const auto first = HubBench::runHub({QStringLiteral("import-ssmix2"), QStringLiteral("--dir"), dir,
                                             QStringLiteral("--facility"), kFacility, root});
        if (first.exitCode != 0)
            qFatal("import failed:\n%s", first.output.constData());
        const double cpu = childCpuSeconds() - cpuBefore;
        const auto second = HubBench::runHub({QStringLiteral("import-ssmix2"), QStringLiteral("--dir"), dir,
                                              QStringLiteral("--facility"), kFacility, root});
        if (second.exitCode != 0)
            qFatal("re-import failed:\n%s", second.output.constData());
        importMs << first.ms;
        reimportMs << second.ms;
        const QString summary = QString::fromUtf8(first.output).trimmed().split(QLatin1Char('\n')).last();
        std::printf("run %d: import %.0f ms = %.0f messages/s (%.0f files/s), CPU %.1f s (user+sys, all threads); "
                    "re-import (no-op) %.0f ms\n  %s\n",
                    run, first.ms, messages / (first.ms / 1000), files / (first.ms / 1000), cpu, second.ms, qPrintable(summary));
        std::fflush(stdout);
        lastDb = QDir(dir).filePath(QStringLiteral("hub.sqlite"));
    }

    int resources = 0;
    const double parseMs = parseOnly(root, resources);
    std::printf("peer, parse+map only (in-process, no database): %.0f ms = %.0f messages/s (%d resources)\n",
                parseMs, messages / (parseMs / 1000), resources);

    for (const bool perSource : {true, false}) {
        const QString script = work.filePath(perSource ? QStringLiteral("per-source.sql") : QStringLiteral("single.sql"));
        int transactions = 0;
        writeReplayScript(lastDb, script, perSource, transactions);
        // NORMAL is what the hub uses; FULL (sqlite3's default) is what it used before.
        for (const QString &synchronous : perSource ? QStringList{QStringLiteral("NORMAL"), QStringLiteral("FULL")}
                                                    : QStringList{QStringLiteral("NORMAL")}) {
            const QString dir = work.filePath(QStringLiteral("sqlite-%1-%2").arg(transactions).arg(synchronous));
            QDir().mkpath(dir);
            const double ms = replayWithSqlite3(dir, script, synchronous);
            std::printf("peer, sqlite3 CLI inserting the same rows, %d transaction(s), synchronous=%s: %.0f ms = %.0f files/s\n",
                        transactions, qPrintable(synchronous), ms, files / (ms / 1000));
            std::fflush(stdout);
        }
    }

    const auto import = HubBench::summarize(importMs);
    std::printf("\nimport-ssmix2, %d runs: median %.0f ms = %.0f messages/s (best %.0f ms); re-import median %.0f ms\n",
                runs, import.p50, messages / (import.p50 / 1000), *std::min_element(importMs.begin(), importMs.end()),
                HubBench::summarize(reimportMs).p50);
    return 0;
}
