#pragma once

#include "result.h"

#include <QList>
#include <QString>

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

private:
    Status setStatus(const QString &patient, const QString &facility, const QString &status);

    Store &m_store;
};
