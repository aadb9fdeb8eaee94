#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class Store;

struct Consent
{
    QString patient;
    QString facility;
    QString status; ///< active, inactive
    QString updated;
};

/// A patient's consent to share their records with one facility. Withdrawal keeps the row
/// (status inactive) so the history of what was allowed stays visible to the operator.
class ConsentRepository
{
public:
    explicit ConsentRepository(Store &store) : m_store(store) {}

    Status grant(const QString &patient, const QString &facility);
    Status withdraw(const QString &patient, const QString &facility);
    Result<QList<Consent>> list() const;
    /// The consents a user of \a viewer may read: \a viewer's own, for patients it sees (active
    /// consent) and the patients linked to them (whose consent may be inactive). Only those of
    /// \a patients (and their linked patients) when given.
    Result<QList<Consent>> readableBy(const QString &viewer, const QStringList &patients = {}) const;

private:
    Status setStatus(const QString &patient, const QString &facility, const QString &status);

    Store &m_store;
};
