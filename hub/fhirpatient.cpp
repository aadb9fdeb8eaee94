#include "fhirpatient.h"

#include <QJsonArray>

namespace {

const QString kNetworkSystem = QStringLiteral("urn:renkei:patient");

// FHIR forbids empty strings, so a part the source did not give (a patient registered without
// kana, or with a family name only) is left out rather than written as "".
QJsonObject humanName(const QString &representation, const QString &family, const QString &given)
{
    QJsonObject name{
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{
             {QStringLiteral("url"),
              QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation")},
             {QStringLiteral("valueCode"), representation}}}},
        {QStringLiteral("use"), QStringLiteral("official")},
        {QStringLiteral("text"), (family + QLatin1Char(' ') + given).trimmed()},
    };
    if (!family.isEmpty())
        name.insert(QStringLiteral("family"), family);
    if (!given.isEmpty())
        name.insert(QStringLiteral("given"), QJsonArray{given});
    return name;
}

} // namespace

QString facilityIdentifierSystem(const QString &facility)
{
    return QStringLiteral("urn:renkei:facility:%1:patient-id").arg(facility);
}

QJsonObject fhirPatient(const Patient &patient)
{
    QJsonArray identifiers{QJsonObject{{QStringLiteral("system"), kNetworkSystem},
                                       {QStringLiteral("value"), patient.id}}};
    for (const PatientIdentifier &local : patient.identifiers) {
        identifiers.append(QJsonObject{
            {QStringLiteral("system"), facilityIdentifierSystem(local.facility)},
            {QStringLiteral("value"), local.value},
            {QStringLiteral("assigner"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Organization/") + local.facility},
                         {QStringLiteral("display"), local.facilityName}}},
        });
    }

    QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), patient.id},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("profile"),
                      QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient")}}}},
        {QStringLiteral("identifier"), identifiers},
    };
    QJsonArray names;
    if (!patient.familyName.isEmpty() || !patient.givenName.isEmpty())
        names.append(humanName(QStringLiteral("IDE"), patient.familyName, patient.givenName));
    if (!patient.familyKana.isEmpty() || !patient.givenKana.isEmpty())
        names.append(humanName(QStringLiteral("SYL"), patient.familyKana, patient.givenKana));
    if (!names.isEmpty())
        resource.insert(QStringLiteral("name"), names);
    if (!patient.gender.isEmpty())
        resource.insert(QStringLiteral("gender"), patient.gender);
    if (!patient.birthDate.isEmpty())
        resource.insert(QStringLiteral("birthDate"), patient.birthDate);
    // Linked network patients hold records of the same person (FHIR's "seealso").
    QJsonArray links;
    for (const QString &other : patient.links)
        links.append(QJsonObject{{QStringLiteral("other"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + other}}},
                                 {QStringLiteral("type"), QStringLiteral("seealso")}});
    if (!links.isEmpty())
        resource.insert(QStringLiteral("link"), links);
    return resource;
}

QJsonObject fhirSearchBundle(const QList<Patient> &patients, int total, const QString &baseUrl)
{
    QJsonArray entries;
    for (const Patient &patient : patients) {
        QJsonObject entry;
        if (!baseUrl.isEmpty())
            entry.insert(QStringLiteral("fullUrl"), baseUrl + QStringLiteral("/Patient/") + patient.id);
        entry.insert(QStringLiteral("resource"), fhirPatient(patient));
        entry.insert(QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}});
        entries.append(entry);
    }
    QJsonObject bundle{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("searchset")},
        {QStringLiteral("total"), total},
    };
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}
