#include "consents.h"

#include "facilities.h"
#include "patientrepository.h"
#include "store.h"

#include <QDateTime>
#include <QSqlQuery>

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
