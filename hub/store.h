#pragma once

#include "result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

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

    /// For bulk imports only: commits stop waiting for the disk (see store.cpp). Serving keeps
    /// every commit durable, so the audit trail survives a power cut.
    Status relaxDurabilityForImport();

    Status beginTransaction();
    Status commit();
    void rollback();

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

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};
