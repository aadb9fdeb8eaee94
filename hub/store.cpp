#include "store.h"

#include "dicomschema.h"
#include "nameindex.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimeZone>

namespace {

QString connectionNameForNewStore()
{
    static QAtomicInt counter;
    return QStringLiteral("renkei-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

// One statement per entry: QtSql executes a single statement at a time and the triggers
// contain semicolons of their own.
const char *const kSchema[] = {
    R"(CREATE TABLE facilities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('hospital', 'clinic'))))",
    R"(CREATE TABLE users (
        id TEXT PRIMARY KEY,
        facility TEXT NOT NULL REFERENCES facilities(id),
        password_hash TEXT NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL))",
    // Keyed by the login ID as typed, whether or not such a user exists, so that a lock does
    // not reveal existence.
    R"(CREATE TABLE login_throttle (
        login_id TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0,
        lock_level INTEGER NOT NULL DEFAULT 0,
        locked_until BIGINT NOT NULL DEFAULT 0))",
    R"(CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        family_name TEXT NOT NULL,
        given_name TEXT NOT NULL,
        family_kana TEXT NOT NULL,
        given_kana TEXT NOT NULL,
        birth_date TEXT,
        gender TEXT NOT NULL CHECK (gender IN ('male', 'female', 'other', 'unknown')),
        name_key TEXT NOT NULL,
        kana_key TEXT NOT NULL))",
    "CREATE INDEX patients_by_kana ON patients (family_kana, given_kana, id)",
    R"(CREATE TABLE patient_identifiers (
        patient TEXT NOT NULL REFERENCES patients(id),
        facility TEXT NOT NULL REFERENCES facilities(id),
        value TEXT NOT NULL,
        PRIMARY KEY (facility, value)))",
    "CREATE INDEX patient_identifiers_by_patient ON patient_identifiers (patient)",
    "CREATE INDEX patient_identifiers_by_value ON patient_identifiers (value)",
    R"(CREATE TABLE consents (
        patient TEXT NOT NULL REFERENCES patients(id),
        facility TEXT NOT NULL REFERENCES facilities(id),
        status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
        updated TEXT NOT NULL,
        PRIMARY KEY (patient, facility)))",
    "CREATE INDEX consents_by_facility ON consents (facility, status)",
    // Only the SHA-256 of a token is kept: a copy of the database does not yield live tokens.
    R"(CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        issued BIGINT NOT NULL,
        idle_expires BIGINT NOT NULL,
        absolute_expires BIGINT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL))",
    R"(CREATE TABLE audit (
        seq BIGINT PRIMARY KEY,
        time TEXT NOT NULL,
        user_id TEXT NOT NULL,
        facility TEXT NOT NULL,
        action TEXT NOT NULL,
        patient TEXT NOT NULL,
        detail TEXT NOT NULL,
        outcome TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL))",
    // Append-only: the database itself refuses to rewrite history (SQLite trigger syntax).
    R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END)",
    R"(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END)",
};

// Schema steps after version 1: kMigrations[n] takes a database from version n + 1 to n + 2.
// New databases run them too, so there is one definition of every table.
const QList<QList<const char *>> kMigrations = {
    // 2: clinical resources as FHIR JSON, with the columns searches filter and sort on.
    {
        R"(CREATE TABLE resources (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            patient TEXT NOT NULL REFERENCES patients(id),
            facility TEXT NOT NULL REFERENCES facilities(id),
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            code TEXT NOT NULL,
            source_key TEXT NOT NULL,
            json TEXT NOT NULL))",
        "CREATE INDEX resources_by_patient ON resources (patient, type, date)",
        "CREATE INDEX resources_by_source ON resources (facility, source_key)",
        // Which version of each source record (an SS-MIX2 file identity) a facility's import
        // holds: the key that makes re-import idempotent and lets a newer version replace it.
        R"(CREATE TABLE imported_sources (
            facility TEXT NOT NULL REFERENCES facilities(id),
            source_key TEXT NOT NULL,
            version TEXT NOT NULL,
            patient TEXT NOT NULL REFERENCES patients(id),
            imported TEXT NOT NULL,
            PRIMARY KEY (facility, source_key)))",
    },
    // 3: disclosure policy and change times. The policy is an allow-list of (facility, kind):
    // a record whose kind is not listed for its facility, including a kind the hub does not
    // know, never leaves the hub. Existing facilities keep disclosing everything.
    {
        R"(CREATE TABLE disclosed_kinds (
            facility TEXT NOT NULL REFERENCES facilities(id),
            kind TEXT NOT NULL,
            PRIMARY KEY (facility, kind)))",
        R"(INSERT INTO disclosed_kinds (facility, kind) SELECT f.id, k.kind FROM facilities f,
            (SELECT 'summaries' AS kind UNION ALL SELECT 'physician-records'
             UNION ALL SELECT 'nursing-records' UNION ALL SELECT 'prescriptions'
             UNION ALL SELECT 'injections' UNION ALL SELECT 'labs' UNION ALL SELECT 'physiology'
             UNION ALL SELECT 'radiology' UNION ALL SELECT 'endoscopy' UNION ALL SELECT 'images'
             UNION ALL SELECT 'diagnoses' UNION ALL SELECT 'allergies') k)",
        // Written by the import (UTC, ISO 8601 with ms): what $everything's _since compares.
        "ALTER TABLE resources ADD COLUMN updated TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX resources_by_patient_date ON resources (patient, date, id)",
    },
    // 4: patient identity. A link says two network patients are one person (`renkei-hub patient
    // link`); each pair once, the smaller ID first. Records stay with their own patient.
    {
        R"(CREATE TABLE patient_links (
            patient TEXT NOT NULL REFERENCES patients(id),
            other TEXT NOT NULL REFERENCES patients(id),
            linked TEXT NOT NULL,
            PRIMARY KEY (patient, other),
            CHECK (patient < other)))",
        "CREATE INDEX patient_links_by_other ON patient_links (other)",
    },
    // 5: $everything and its count read a patient's records in date order and check each
    // one's type, facility and kind (consent and disclosure joins); with those columns in the
    // index, counting and skipping to a page never read the resources' JSON rows
    // (bench/README.md: 5,000 records went from ~1 s to under 100 ms of SQL).
    {
        "DROP INDEX resources_by_patient_date",
        "CREATE INDEX resources_by_patient_date ON resources (patient, date, id, type, facility, kind)",
    },
    // 6: the name search index (nameindex.h): the bigrams of every patient's folded keys, so
    // a name search reads the patients holding the query's bigrams instead of all of them
    // (bench/README.md: 100,000 patients, p95 27-36 ms before). Back-filled here from the keys.
    {
        NameIndex::kCreateTable,
        NameIndex::kIndexAllPatients,
    },
};

} // namespace

Store::Store(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
{
}

Store::~Store()
{
    m_prepared.clear(); // statements finalized before the connection closes
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, OpenMode mode)
{
    const bool existed = QFileInfo::exists(path);
    if (!existed && mode == OpenMode::MustExist)
        return Failure{QStringLiteral("no hub database at %1").arg(path)};
    if (!existed) {
        // Patient data and password hashes: readable by the owner only, from the first byte.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Failure{QStringLiteral("cannot create %1: %2").arg(path, file.errorString())};
    }

    std::unique_ptr<Store> store(new Store(path, connectionNameForNewStore()));
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    if (!store->m_db.isValid())
        return Failure{QStringLiteral("the Qt SQLite driver (QSQLITE) is not available")};
    store->m_db.setDatabaseName(path);
    store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!store->m_db.open())
        return Failure{QStringLiteral("cannot open %1: %2").arg(path, store->m_db.lastError().text())};

    if (const Status configured = store->configure(); !configured)
        return Failure{configured.error()};

    auto version = store->exec(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Failure{version.error()};
    QSqlQuery versionQuery = std::move(version.value());
    const int schemaVersion = versionQuery.next() ? versionQuery.value(0).toInt() : 0;
    versionQuery.finish();

    if (schemaVersion == 0) {
        if (existed && mode == OpenMode::MustExist)
            return Failure{QStringLiteral("%1 is not a renkei-hub database").arg(path)};
        if (const Status created = store->createSchema(); !created)
            return Failure{created.error()};
    } else if (schemaVersion < kSchemaVersion) {
        if (const Status migrated = store->migrate(schemaVersion); !migrated)
            return Failure{migrated.error()};
    } else if (schemaVersion > kSchemaVersion) {
        return Failure{QStringLiteral("%1 has schema version %2; this renkei-hub knows up to %3")
                           .arg(path)
                           .arg(schemaVersion)
                           .arg(kSchemaVersion)};
    }
    if (const Status images = ensureDicomSchema(*store); !images)
        return Failure{images.error()};
    return store;
}

Status Store::relaxDurabilityForImport()
{
    // In WAL mode a commit then waits for no fsync (the WAL is synced at checkpoints): still
    // atomic and never corrupt, but the last commits before a power loss may roll back, which
    // re-running the idempotent import redoes. FULL's fsync per file (5-12 ms on a busy disk)
    // was most of an import's time (bench/README.md).
    const auto result = exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!result)
        return Failure{result.error()};
    // The import's savepoint per file keeps the original of every page the file changes in a
    // sub-journal, by default a temporary file: 1.04 million write calls for 21,538 files
    // against 0.28 million with it in memory (strace). In memory it stays small, as a savepoint
    // lives only as long as one file's import.
    const auto temp = exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (!temp)
        return Failure{temp.error()};
    return success();
}

Status Store::configure()
{
    // WAL lets `serve` read while an administration command writes; busy_timeout makes the
    // rare writer-writer overlap wait instead of failing.
    // synchronous = FULL: every commit is on disk before the request is answered, so the audit
    // trail (MHLW guideline: every record read is logged) survives a power cut. Bulk imports
    // relax it (relaxDurabilityForImport). cache_size: 64 MB instead of 2 MB keeps a large
    // patient's pages across the requests for its pages.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                               "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                               "PRAGMA cache_size = -65536"}) {
        const auto result = exec(QString::fromLatin1(pragma));
        if (!result)
            return Failure{result.error()};
    }
    return success();
}

Status Store::createSchema()
{
    if (const Status begun = beginTransaction(); !begun)
        return begun;
    for (const char *statement : kSchema) {
        const auto result = exec(QString::fromUtf8(statement));
        if (!result) {
            rollback();
            return Failure{QStringLiteral("cannot create the schema: %1").arg(result.error())};
        }
    }
    const auto versioned = exec(QStringLiteral("PRAGMA user_version = 1"));
    if (!versioned) {
        rollback();
        return Failure{versioned.error()};
    }
    if (const Status committed = commit(); !committed)
        return committed;
    return migrate(1);
}

Status Store::migrate(int from)
{
    for (int version = from; version < kSchemaVersion; ++version) {
        if (const Status begun = beginTransaction(); !begun)
            return begun;
        for (const char *statement : kMigrations.at(version - 1)) {
            const auto result = exec(QString::fromUtf8(statement));
            if (!result) {
                rollback();
                return Failure{QStringLiteral("cannot migrate the schema to version %1: %2")
                                   .arg(version + 1)
                                   .arg(result.error())};
            }
        }
        const auto versioned = exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        if (!versioned) {
            rollback();
            return Failure{versioned.error()};
        }
        if (const Status committed = commit(); !committed)
            return committed;
    }
    return success();
}

Result<QSqlQuery> Store::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Failure{QStringLiteral("SQL error: %1").arg(query.lastError().text())};
    for (const QVariant &value : values) {
        // A null QString would bind as SQL NULL; the hub's text columns hold "" instead.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return Failure{QStringLiteral("SQL error: %1").arg(query.lastError().text())};
    return query;
}

Result<QSqlQuery *> Store::cached(const QString &sql) const
{
    auto found = m_prepared.find(sql);
    if (found != m_prepared.end())
        return &found.value();
    // A bounded cache: the statements that use it are a fixed handful of texts, but a caller
    // building SQL from varying parts must not make it grow without end.
    if (m_prepared.size() >= 64)
        m_prepared.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Failure{QStringLiteral("SQL error: %1").arg(query.lastError().text())};
    return &m_prepared.insert(sql, query).value();
}

namespace {

Status bindAndExec(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // As in exec(): a null QString binds as "" (the hub's text columns hold "", not NULL).
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec()) {
        const QString error = query.lastError().text();
        query.finish();
        return Failure{QStringLiteral("SQL error: %1").arg(error)};
    }
    return success();
}

} // namespace

Result<int> Store::run(const QString &sql, const QVariantList &values)
{
    const auto query = cached(sql);
    if (!query)
        return Failure{query.error()};
    if (const Status executed = bindAndExec(**query, values); !executed)
        return Failure{executed.error()};
    const int affected = (*query)->numRowsAffected();
    (*query)->finish();
    return affected;
}

Result<std::optional<QVariantList>> Store::firstRow(const QString &sql, const QVariantList &values) const
{
    const auto query = cached(sql);
    if (!query)
        return Failure{query.error()};
    QSqlQuery &q = **query;
    if (const Status executed = bindAndExec(q, values); !executed)
        return Failure{executed.error()};
    std::optional<QVariantList> row;
    if (q.next()) {
        QVariantList columns;
        const int count = q.record().count();
        for (int i = 0; i < count; ++i)
            columns << q.value(i);
        row = std::move(columns);
    }
    q.finish();
    return row;
}

Status Store::savepoint(const char *name)
{
    const auto result = run(QStringLiteral("SAVEPOINT ") + QLatin1String(name));
    return result ? success() : Status(Failure{result.error()});
}

Status Store::releaseSavepoint(const char *name)
{
    const auto result = run(QStringLiteral("RELEASE SAVEPOINT ") + QLatin1String(name));
    return result ? success() : Status(Failure{result.error()});
}

Status Store::rollbackToSavepoint(const char *name)
{
    // ROLLBACK TO keeps the savepoint open; release it so the transaction goes on without it.
    const auto result = run(QStringLiteral("ROLLBACK TO SAVEPOINT ") + QLatin1String(name));
    if (!result)
        return Failure{result.error()};
    return releaseSavepoint(name);
}

Status Store::beginTransaction()
{
    if (!m_db.transaction())
        return Failure{QStringLiteral("cannot begin a transaction: %1").arg(m_db.lastError().text())};
    return success();
}

Status Store::commit()
{
    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return Failure{QStringLiteral("cannot commit: %1").arg(error)};
    }
    return success();
}

void Store::rollback()
{
    m_db.rollback();
}

Result<QString> Store::setting(const QString &name) const
{
    auto query = exec(QStringLiteral("SELECT value FROM settings WHERE name = ?"), {name});
    if (!query)
        return Failure{query.error()};
    return query->next() ? query->value(0).toString() : QString();
}

Status Store::setSetting(const QString &name, const QString &value)
{
    const auto query = exec(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) "
                                           "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
                            {name, value});
    if (!query)
        return Failure{query.error()};
    return success();
}

QString Store::timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}
