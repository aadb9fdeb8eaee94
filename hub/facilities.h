#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <optional>

class Store;

struct Facility
{
    QString id;
    QString name;
    QString kind; ///< hospital, clinic
};

/// The member facilities of the network.
class FacilityRepository
{
public:
    explicit FacilityRepository(Store &store) : m_store(store) {}

    Status add(const Facility &facility);
    Result<std::optional<Facility>> find(const QString &id) const;
    Result<QList<Facility>> list() const;

    static bool isValidKind(const QString &kind);

private:
    Store &m_store;
};

/// IDs of facilities, users and patients: ASCII letters, digits, `.`, `_`, `-`, at most 64.
bool isValidRecordId(const QString &id);
