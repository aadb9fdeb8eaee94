#include "disclosurepolicy.h"

#include "store.h"

const QStringList &DisclosurePolicy::allKinds()
{
    static const QStringList kinds{
        QStringLiteral("summaries"),  QStringLiteral("physician-records"),
        QStringLiteral("nursing-records"), QStringLiteral("prescriptions"),
        QStringLiteral("injections"), QStringLiteral("labs"),
        QStringLiteral("physiology"), QStringLiteral("radiology"),
        QStringLiteral("endoscopy"),  QStringLiteral("images"),
        QStringLiteral("diagnoses"),  QStringLiteral("allergies")};
    return kinds;
}

Result<QStringList> DisclosurePolicy::disclosed(const QString &facility) const
{
    auto query = m_store.exec(QStringLiteral("SELECT kind FROM disclosed_kinds WHERE facility = ?"), {facility});
    if (!query)
        return Failure{query.error()};
    QStringList stored;
    while (query->next())
        stored << query->value(0).toString();
    QStringList ordered;
    for (const QString &kind : allKinds()) {
        if (stored.contains(kind))
            ordered << kind;
    }
    return ordered;
}

Status DisclosurePolicy::setDisclosed(const QString &facility, const QStringList &kinds)
{
    for (const QString &kind : kinds) {
        if (!allKinds().contains(kind))
            return Failure{QStringLiteral("unknown kind of record '%1' (known: %2)")
                               .arg(kind, allKinds().join(QLatin1Char(',')))};
    }
    const auto removed = m_store.exec(QStringLiteral("DELETE FROM disclosed_kinds WHERE facility = ?"), {facility});
    if (!removed)
        return Failure{removed.error()};
    for (const QString &kind : kinds) {
        const auto inserted = m_store.exec(
            QStringLiteral("INSERT OR IGNORE INTO disclosed_kinds (facility, kind) VALUES (?, ?)"), {facility, kind});
        if (!inserted)
            return Failure{inserted.error()};
    }
    return success();
}
