#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

class Store;

/// Which kinds of record each disclosing facility shares (issue 3, "Disclosure policy").
/// Stored as an allow-list in `disclosed_kinds`; every query that serves records joins it, so
/// a kind that is not listed, or one the hub does not know, never leaves the hub.
class DisclosurePolicy
{
public:
    explicit DisclosurePolicy(Store &store) : m_store(store) {}

    /// Every kind, in the order the command line and docs list them.
    static const QStringList &allKinds();

    Result<QStringList> disclosed(const QString &facility) const;
    /// Replaces the facility's policy; \a kinds must all be in allKinds().
    Status setDisclosed(const QString &facility, const QStringList &kinds);

private:
    Store &m_store;
};
