#include "facilities.h"

#include "disclosurepolicy.h"
#include "store.h"

#include <QRegularExpression>
#include <QSqlQuery>

bool isValidRecordId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

bool FacilityRepository::isValidKind(const QString &kind)
{
    return kind == QLatin1String("hospital") || kind == QLatin1String("clinic");
}

Status FacilityRepository::add(const Facility &facility)
{
    if (!isValidRecordId(facility.id))
        return Failure{QStringLiteral("invalid facility ID '%1' (letters, digits, . _ -)").arg(facility.id)};
    if (facility.name.trimmed().isEmpty())
        return Failure{QStringLiteral("the facility name must not be empty")};
    if (!isValidKind(facility.kind))
        return Failure{QStringLiteral("invalid facility kind '%1' (hospital or clinic)").arg(facility.kind)};
    const auto existing = find(facility.id);
    if (!existing)
        return Failure{existing.error()};
    if (existing->has_value())
        return Failure{QStringLiteral("facility '%1' already exists").arg(facility.id)};
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO facilities (id, name, kind) VALUES (?, ?, ?)"),
        {facility.id, facility.name.trimmed(), facility.kind});
    if (!inserted)
        return Failure{inserted.error()};
    // A new facility discloses every kind until its operator says otherwise.
    return DisclosurePolicy(m_store).setDisclosed(facility.id, DisclosurePolicy::allKinds());
}

Result<std::optional<Facility>> FacilityRepository::find(const QString &id) const
{
    auto query = m_store.exec(QStringLiteral("SELECT id, name, kind FROM facilities WHERE id = ?"),
                              {id});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<Facility>();
    return std::optional<Facility>(Facility{query->value(0).toString(), query->value(1).toString(),
                                            query->value(2).toString()});
}

Result<QList<Facility>> FacilityRepository::list() const
{
    auto query = m_store.exec(QStringLiteral("SELECT id, name, kind FROM facilities ORDER BY id"));
    if (!query)
        return Failure{query.error()};
    QList<Facility> facilities;
    while (query->next())
        facilities.append({query->value(0).toString(), query->value(1).toString(),
                           query->value(2).toString()});
    return facilities;
}
