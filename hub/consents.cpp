#include "consents.h"

#include "facilities.h"
#include "patientlinks.h"
#include "patientrepository.h"
#include "store.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

Status ConsentRepository::grant(const QString &patient, const QString &facility)
{
    return setStatus(patient, facility, QStringLiteral("active"));
}

Status ConsentRepository::withdraw(const QString &patient, const QString &facility)
{
    return setStatus(patient, facility, QStringLiteral("inactive"));
}

Status ConsentRepository::setStatus(const QString &patient, const QString &facility,
                                    const QString &status)
{
    const auto patientExists = PatientRepository(m_store).exists(patient);
    if (!patientExists)
        return Failure{patientExists.error()};
    if (!*patientExists)
        return Failure{QStringLiteral("unknown patient '%1'").arg(patient)};
    const auto facilityRow = FacilityRepository(m_store).find(facility);
    if (!facilityRow)
        return Failure{facilityRow.error()};
    if (!facilityRow->has_value())
        return Failure{QStringLiteral("unknown facility '%1'").arg(facility)};

    const auto written = m_store.exec(
        QStringLiteral("INSERT INTO consents (patient, facility, status, updated) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (patient, facility) DO UPDATE SET status = excluded.status, "
                       "updated = excluded.updated"),
        {patient, facility, status, Store::timeText(QDateTime::currentDateTimeUtc())});
    if (!written)
        return Failure{written.error()};
    return success();
}

Result<QList<Consent>> ConsentRepository::list() const
{
    auto query = m_store.exec(QStringLiteral(
        "SELECT patient, facility, status, updated FROM consents ORDER BY patient, facility"));
    if (!query)
        return Failure{query.error()};
    QList<Consent> consents;
    while (query->next())
        consents.append({query->value(0).toString(), query->value(1).toString(),
                         query->value(2).toString(), query->value(3).toString()});
    return consents;
}

Result<QList<Consent>> ConsentRepository::readableBy(const QString &viewer, const QStringList &patients) const
{
    // Two small reads instead of one query per patient: the viewer's consents, and which
    // patients are linked at all (few); only those need their person worked out.
    QHash<QString, Consent> own;
    auto rows = m_store.exec(QStringLiteral("SELECT patient, facility, status, updated FROM consents WHERE facility = ?"), {viewer});
    if (!rows)
        return Failure{rows.error()};
    while (rows->next())
        own.insert(rows->value(0).toString(), {rows->value(0).toString(), rows->value(1).toString(),
                                               rows->value(2).toString(), rows->value(3).toString()});
    rows->finish();
    QSet<QString> linked;
    auto links = m_store.exec(QStringLiteral("SELECT patient, other FROM patient_links"));
    if (!links)
        return Failure{links.error()};
    while (links->next())
        linked << links->value(0).toString() << links->value(1).toString();
    links->finish();

    QStringList candidates = patients;
    if (candidates.isEmpty()) {
        for (const Consent &consent : std::as_const(own)) {
            if (consent.status == QLatin1String("active"))
                candidates << consent.patient;
        }
    }
    QList<Consent> consents;
    QSet<QString> seen;
    for (const QString &patient : std::as_const(candidates)) {
        if (seen.contains(patient))
            continue;
        QStringList person{patient};
        if (linked.contains(patient)) {
            const auto found = PatientLinks(m_store).personOf(patient);
            if (!found)
                return Failure{found.error()};
            person = *found;
        }
        QList<Consent> group;
        bool visible = false;
        for (const QString &id : std::as_const(person)) {
            seen << id;
            if (const auto it = own.constFind(id); it != own.constEnd()) {
                group << *it;
                visible = visible || it->status == QLatin1String("active");
            }
        }
        if (visible) // a person the facility cannot see at all shows nothing, not even "inactive"
            consents += group;
    }
    std::sort(consents.begin(), consents.end(), [](const Consent &a, const Consent &b) { return a.patient < b.patient; });
    return consents;
}
