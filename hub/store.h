#pragma once

#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>

/// The hub's database: one QtSql connection, the schema and its version.
///
/// Every query goes through exec() with bound values, never string concatenation, so client
/// input cannot change a statement. The SQL is kept portable (SQLite now, PostgreSQL later);
/// only the connection pragmas and the audit triggers are dialect-specific.
class Store
{
public:
    enum class OpenMode { MustExist, Create };

    static constexpr int kSchemaVersion = 6;

    static Result<std::unique_ptr<Store>> open(const QString &path, OpenMode mode);
    ~Store();

    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Prepares, binds the values in order (positional `?`) and executes.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;

    /// Like exec() for a statement that returns no rows (INSERT, UPDATE, DELETE, SAVEPOINT),
    /// prepared once per Store and kept (bulk imports run the same few statements 100,000
    /// times; preparing them again was 15% of an import, bench/README.md). Returns the rows
    /// affected.
    Result<int> run(const QString &sql, const QVariantList &values = {});
    /// Like exec() for a query read for its first row only, also kept prepared: the row's
    /// values, or nullopt when there is none.
    Result<std::optional<QVariantList>> firstRow(const QString &sql, const QVariantList &values = {}) const;

    /// For bulk imports only: commits stop waiting for the disk (see store.cpp). Serving keeps
    /// every commit durable, so the audit trail survives a power cut.
    Status relaxDurabilityForImport();

    Status beginTransaction();
    Status commit();
    void rollback();

    /// A savepoint inside the open transaction (\a name is a fixed identifier, never input):
    /// rollbackToSavepoint() undoes what followed it, releaseSavepoint() keeps it.
    Status savepoint(const char *name);
    Status releaseSavepoint(const char *name);
    Status rollbackToSavepoint(const char *name);

    /// Operator settings such as the login notice; empty when unset.
    Result<QString> setting(const QString &name) const;
    Status setSetting(const QString &name, const QString &value);

    QString path() const { return m_path; }

    /// How times are stored as text: UTC, ISO 8601 with milliseconds and `Z`.
    static QString timeText(const QDateTime &time);

private:
    Store(const QString &path, const QString &connectionName);
    Status configure();
    Status createSchema();
    /// Brings a database at \a from up to kSchemaVersion, one transaction per step.
    Status migrate(int from);

    /// The statement for \a sql, prepared on first use (see m_prepared).
    Result<QSqlQuery *> cached(const QString &sql) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    /// Statements of run() and firstRow(), by SQL text. Safe to reuse because neither hands a
    /// query to its caller: each binds, executes, reads what it returns and resets the
    /// statement (finish()) before returning, so no caller can be iterating a cached query
    /// that a nested call of the same SQL would reset (QSqlQuery copies share one result).
    /// Queries a caller iterates go through exec(), which prepares a query of their own.
    mutable QHash<QString, QSqlQuery> m_prepared;
};
