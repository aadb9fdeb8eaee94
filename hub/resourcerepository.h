#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class Store;

/// One clinical resource as the hub keeps it: FHIR JSON plus the columns searches use.
struct ResourceRow
{
    QString id;
    QString type;     ///< FHIR resourceType
    QString patient;  ///< network patient ID
    QString facility; ///< disclosing facility
    QString kind;     ///< disclosure kind (prescriptions, labs, ...)
    QString date;     ///< YYYY-MM-DD[THH:MM:SS], local time; "" when unknown
    QString code;     ///< "system|code" or ""
    QByteArray json;
};

/// Clinical resources grouped by the source record they came from (for SS-MIX2, a file
/// identity). A source is replaced or removed as a whole, so a newer version never leaves
/// resources of the older one behind. Callers hold the transaction.
class ResourceRepository
{
public:
    explicit ResourceRepository(Store &store) : m_store(store) {}

    /// The version (file name) imported for this source, if any.
    Result<std::optional<QString>> importedVersion(const QString &facility, const QString &sourceKey) const;
    /// The network patient an earlier import recorded for this source, if any.
    Result<std::optional<QString>> importedPatient(const QString &facility, const QString &sourceKey) const;
    /// Every source of \a facility with its imported version.
    Result<QHash<QString, QString>> importedVersions(const QString &facility) const;
    /// Replaces whatever the source held with \a rows and records \a version.
    Status replaceSource(const QString &facility, const QString &sourceKey, const QString &version,
                         const QString &patient, const QList<ResourceRow> &rows);
    /// Removes the source's resources and its record; returns how many resources went.
    Result<int> removeSource(const QString &facility, const QString &sourceKey);

    Result<int> count(const QString &type = {}) const;
    Result<std::optional<ResourceRow>> read(const QString &id) const;
    Result<QList<ResourceRow>> forPatient(const QString &patient, const QString &type = {}) const;

private:
    Store &m_store;
};
