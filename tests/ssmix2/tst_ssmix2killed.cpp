// An `import-ssmix2` killed midway (SIGKILL, no chance to clean up) leaves no half-imported
// message, and running it again completes the import (issue 3; docs/PROTOCOL.md "SS-MIX2:
// transactions"). The importer batches several files per transaction with a savepoint per
// file, so this is what proves the batching kept every message whole.

#include "demohistories.h"
#include "facilities.h"
#include "patient.h"
#include "ssmix2importer.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

const QString kFacility = QStringLiteral("hosp-test");

/// Patients registered at kFacility, enough for an import that lasts a few seconds.
QList<Patient> patients(int count)
{
    QList<Patient> list;
    for (int i = 1; i <= count; ++i) {
        Patient p;
        p.id = QStringLiteral("k%1").arg(i, 4, 10, QLatin1Char('0'));
        p.familyName = QStringLiteral("山田");
        p.givenName = QStringLiteral("太郎");
        p.familyKana = QStringLiteral("ヤマダ");
        p.givenKana = QStringLiteral("タロウ");
        p.birthDate = QDate(1940 + i % 50, 1 + i % 12, 1 + i % 28).toString(Qt::ISODate);
        p.gender = i % 2 ? QStringLiteral("male") : QStringLiteral("female");
        p.identifiers.append({kFacility, {}, QStringLiteral("%1").arg(2000000 + i * 13)});
        list << p;
    }
    return list;
}

QString createHub(const QString &dir)
{
    auto store = Store::open(QDir(dir).filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    if (!store)
        return store.error();
    const Status added = FacilityRepository(**store).add({kFacility, QStringLiteral("試験病院"), QStringLiteral("hospital")});
    return added ? QString() : added.error();
}

/// Runs \a body on a read connection of its own to \a path (the hub may be writing: WAL).
template<typename Body>
void withDatabase(const QString &path, Body body)
{
    const QString name = QStringLiteral("killed-reader-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        QVERIFY(db.open());
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

/// source key → its resources (id and JSON) in id order, hashed; and the sources' versions.
QMap<QString, QByteArray> sourcesOf(QSqlDatabase &db)
{
    QMap<QString, QByteArray> result;
    QSqlQuery sources(db);
    sources.exec(QStringLiteral("SELECT source_key, version, patient FROM imported_sources WHERE facility = '%1'").arg(kFacility));
    while (sources.next())
        result[sources.value(0).toString()] = (sources.value(1).toString() + QLatin1Char('|') + sources.value(2).toString()).toUtf8();
    QSqlQuery rows(db);
    rows.exec(QStringLiteral("SELECT source_key, id, json FROM resources WHERE facility = '%1' ORDER BY source_key, id").arg(kFacility));
    while (rows.next()) {
        QByteArray &entry = result[rows.value(0).toString()];
        entry += '\n' + rows.value(1).toString().toUtf8() + ' '
            + QCryptographicHash::hash(rows.value(2).toString().toUtf8(), QCryptographicHash::Sha1).toHex();
    }
    return result;
}

} // namespace

class tst_Ssmix2Killed : public QObject
{
    Q_OBJECT

private slots:
    void killedImportLeavesNoHalfMessage();
};

void tst_Ssmix2Killed::killedImportLeavesNoHalfMessage()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString root = work.filePath(QStringLiteral("storage"));
    const auto written = DemoHistories::writeStorage(root, patients(60), {{kFacility, QStringLiteral("試験病院")}});
    QVERIFY2(written, qPrintable(written ? QString() : written.error()));
    const QString storage = root + QLatin1Char('/') + kFacility;

    // The reference: the same storage imported without interruption.
    const QString referenceDir = work.filePath(QStringLiteral("reference"));
    QVERIFY(QDir().mkpath(referenceDir));
    QCOMPARE(createHub(referenceDir), QString());
    int files = 0;
    {
        auto store = Store::open(QDir(referenceDir).filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::MustExist);
        QVERIFY(store);
        const auto report = Ssmix2Importer(**store, kFacility).importStorage(storage);
        QVERIFY2(report, qPrintable(report ? QString() : report.error()));
        QCOMPARE(report->failed, 0);
        QCOMPARE(report->imported, report->files);
        files = report->files;
    }
    QVERIFY(files > 1000);
    QMap<QString, QByteArray> reference;
    withDatabase(QDir(referenceDir).filePath(QStringLiteral("hub.sqlite")), [&](QSqlDatabase &db) { reference = sourcesOf(db); });
    QCOMPARE(reference.size(), files);

    // The real command, killed as soon as its first batch is committed.
    const QString dir = work.filePath(QStringLiteral("killed"));
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(createHub(dir), QString());
    const QString database = QDir(dir).filePath(QStringLiteral("hub.sqlite"));
    const QStringList arguments{QStringLiteral("import-ssmix2"), QStringLiteral("--dir"), dir,
                                QStringLiteral("--facility"), kFacility, storage};
    QProcess import;
    import.start(QStringLiteral(RENKEI_HUB_EXECUTABLE), arguments);
    QVERIFY(import.waitForStarted());
    int committed = 0;
    QElapsedTimer waited;
    waited.start();
    while (committed == 0 && waited.elapsed() < 60000 && import.state() == QProcess::Running) {
        QThread::msleep(5);
        withDatabase(database, [&](QSqlDatabase &db) { committed = std::max(0, scalar(db, QStringLiteral("SELECT COUNT(*) FROM imported_sources"))); });
    }
    import.kill(); // SIGKILL
    QVERIFY(import.waitForFinished());
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);

    // Every source the store holds has exactly the resources a whole import gives it, and
    // there is no resource of a source it does not hold.
    QMap<QString, QByteArray> afterKill;
    int orphans = -1;
    withDatabase(database, [&](QSqlDatabase &db) {
        afterKill = sourcesOf(db);
        orphans = scalar(db, QStringLiteral("SELECT COUNT(*) FROM resources r WHERE NOT EXISTS (SELECT 1 FROM imported_sources s "
                                            "WHERE s.facility = r.facility AND s.source_key = r.source_key)"));
    });
    QCOMPARE(orphans, 0);
    QVERIFY2(!afterKill.isEmpty() && afterKill.size() < files,
             qPrintable(QStringLiteral("killed after %1 of %2 files: not midway").arg(afterKill.size()).arg(files)));
    qInfo("killed with %lld of %d files committed", qlonglong(afterKill.size()), files);
    for (auto it = afterKill.cbegin(); it != afterKill.cend(); ++it) {
        QVERIFY2(reference.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(it.value() == reference.value(it.key()), qPrintable(QStringLiteral("half-imported source %1").arg(it.key())));
    }

    // Run again: it completes, importing exactly what was not committed.
    QProcess again;
    again.start(QStringLiteral(RENKEI_HUB_EXECUTABLE), arguments);
    QVERIFY(again.waitForFinished(300000));
    QCOMPARE(again.exitCode(), 0);
    const QString summary = QString::fromUtf8(again.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).last();
    QCOMPARE(summary.section(QLatin1Char(','), 0, 0), QStringLiteral("imported %1").arg(files - afterKill.size()));
    QVERIFY2(summary.contains(QStringLiteral("unchanged %1,").arg(afterKill.size())), qPrintable(summary));
    QMap<QString, QByteArray> resumed;
    withDatabase(database, [&](QSqlDatabase &db) { resumed = sourcesOf(db); });
    QCOMPARE(resumed.size(), reference.size());
    QVERIFY(resumed == reference);
}

QTEST_GUILESS_MAIN(tst_Ssmix2Killed)
#include "tst_ssmix2killed.moc"
