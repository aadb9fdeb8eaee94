#include "resourcerepository.h"

#include "store.h"

#include <QDateTime>

namespace {

const QString kColumns = QStringLiteral("id, type, patient, facility, kind, date, code, json");

ResourceRow rowFrom(const QSqlQuery &q)
{
    return ResourceRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString(), q.value(7).toString().toUtf8()};
}

} // namespace

namespace {

/// The first column of a query's first row, through the store's prepared statements.
Result<std::optional<QString>> firstText(const Store &store, const QString &sql, const QVariantList &values)
{
    const auto row = store.firstRow(sql, values);
    if (!row)
        return Failure{row.error()};
    if (!row->has_value())
        return std::optional<QString>();
    return std::optional<QString>((*row)->value(0).toString());
}

} // namespace

Result<std::optional<QString>> ResourceRepository::importedVersion(const QString &facility,
                                                                   const QString &sourceKey) const
{
    return firstText(m_store, QStringLiteral("SELECT version FROM imported_sources WHERE facility = ? AND source_key = ?"),
                     {facility, sourceKey});
}

Result<std::optional<QString>> ResourceRepository::importedPatient(const QString &facility,
                                                                   const QString &sourceKey) const
{
    return firstText(m_store, QStringLiteral("SELECT patient FROM imported_sources WHERE facility = ? AND source_key = ?"),
                     {facility, sourceKey});
}

Status ResourceRepository::replaceSource(const QString &facility, const QString &sourceKey,
                                         const QString &version, const QString &patient,
                                         const QList<ResourceRow> &rows)
{
    // Statements through Store::run: prepared once and reused for every source of an import.
    // The JSON is bound as its UTF-8 bytes and CAST to TEXT, which SQLite takes as text in the
    // database's encoding (UTF-8) as is: no UTF-8 → UTF-16 → UTF-8 round trip per resource.
    const QString now = Store::timeText(QDateTime::currentDateTimeUtc());
    const auto removed = m_store.run(
        QStringLiteral("DELETE FROM resources WHERE facility = ? AND source_key = ?"), {facility, sourceKey});
    if (!removed)
        return Failure{removed.error()};
    const QString insert = QStringLiteral(
        "INSERT INTO resources (id, type, patient, facility, kind, date, code, source_key, json, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)");
    for (const ResourceRow &row : rows) {
        const auto inserted = m_store.run(insert, {row.id, row.type, patient, facility, row.kind, row.date, row.code,
                                                   sourceKey, row.json, now});
        if (!inserted)
            return Failure{inserted.error()};
    }
    const auto recorded = m_store.run(
        QStringLiteral("INSERT INTO imported_sources (facility, source_key, version, patient, imported) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (facility, source_key) DO UPDATE SET "
                       "version = excluded.version, patient = excluded.patient, imported = excluded.imported"),
        {facility, sourceKey, version, patient, now});
    if (!recorded)
        return Failure{recorded.error()};
    return success();
}

Result<int> ResourceRepository::removeSource(const QString &facility, const QString &sourceKey)
{
    const auto removed = m_store.run(
        QStringLiteral("DELETE FROM resources WHERE facility = ? AND source_key = ?"), {facility, sourceKey});
    if (!removed)
        return Failure{removed.error()};
    const auto forgotten = m_store.run(
        QStringLiteral("DELETE FROM imported_sources WHERE facility = ? AND source_key = ?"), {facility, sourceKey});
    if (!forgotten)
        return Failure{forgotten.error()};
    return *removed;
}

/// Every source a facility's import holds, with its version: lets an import see which files
/// it need not read before touching them (the per-file check in the transaction decides).
Result<QHash<QString, QString>> ResourceRepository::importedVersions(const QString &facility) const
{
    auto query = m_store.exec(QStringLiteral("SELECT source_key, version FROM imported_sources WHERE facility = ?"),
                              {facility});
    if (!query)
        return Failure{query.error()};
    QHash<QString, QString> versions;
    while (query->next())
        versions.insert(query->value(0).toString(), query->value(1).toString());
    return versions;
}

Result<int> ResourceRepository::count(const QString &type) const
{
    auto query = type.isEmpty()
        ? m_store.exec(QStringLiteral("SELECT COUNT(*) FROM resources"))
        : m_store.exec(QStringLiteral("SELECT COUNT(*) FROM resources WHERE type = ?"), {type});
    if (!query)
        return Failure{query.error()};
    return query->next() ? query->value(0).toInt() : 0;
}

Result<std::optional<ResourceRow>> ResourceRepository::read(const QString &id) const
{
    auto query = m_store.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM resources WHERE id = ?"), {id});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<ResourceRow>();
    return std::optional<ResourceRow>(rowFrom(*query));
}

Result<QList<ResourceRow>> ResourceRepository::forPatient(const QString &patient, const QString &type) const
{
    auto query = type.isEmpty()
        ? m_store.exec(QStringLiteral("SELECT ") + kColumns
                           + QStringLiteral(" FROM resources WHERE patient = ? ORDER BY date, id"), {patient})
        : m_store.exec(QStringLiteral("SELECT ") + kColumns
                           + QStringLiteral(" FROM resources WHERE patient = ? AND type = ? ORDER BY date, id"),
                       {patient, type});
    if (!query)
        return Failure{query.error()};
    QList<ResourceRow> rows;
    while (query->next())
        rows << rowFrom(*query);
    return rows;
}
