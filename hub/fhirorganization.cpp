#include "fhirorganization.h"

#include <QJsonArray>

QJsonObject fhirOrganization(const Facility &facility)
{
    const bool hospital = facility.kind == QLatin1String("hospital");
    const QJsonObject type{
        {QStringLiteral("coding"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/organization-type")},
                                {QStringLiteral("code"), hospital ? QStringLiteral("prov") : QStringLiteral("other")},
                                {QStringLiteral("display"), hospital ? QStringLiteral("Healthcare Provider") : QStringLiteral("Other")}}}},
        {QStringLiteral("text"), hospital ? QStringLiteral("病院") : QStringLiteral("診療所")},
    };
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Organization")},
        {QStringLiteral("id"), facility.id},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:renkei:facility")},
                                {QStringLiteral("value"), facility.id}}}},
        {QStringLiteral("active"), true},
        {QStringLiteral("type"), QJsonArray{type}},
        {QStringLiteral("name"), facility.name},
    };
}
