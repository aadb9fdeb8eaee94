#include "fhircapability.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QJsonObject searchParam(const QString &name, const QString &type, const QString &documentation)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("definition"),
                        QStringLiteral("http://hl7.org/fhir/SearchParameter/%1").arg(
                            name == QLatin1String("name") || name == QLatin1String("identifier")
                                ? QStringLiteral("Patient-") + name
                                : QStringLiteral("individual-") + name)},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("documentation"), documentation}};
}

} // namespace

QJsonObject fhirCapabilityStatement(const QDateTime &startedAt)
{
    const QJsonObject patient{
        {QStringLiteral("type"), QStringLiteral("Patient")},
        {QStringLiteral("profile"), QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient")},
        {QStringLiteral("interaction"),
         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}}},
        {QStringLiteral("searchParam"),
         QJsonArray{
             searchParam(QStringLiteral("name"), QStringLiteral("string"),
                         QStringLiteral("Partial match on kanji and kana; width, hiragana/katakana, case and spaces folded")),
             searchParam(QStringLiteral("identifier"), QStringLiteral("token"),
                         QStringLiteral("Network patient ID or a facility's local patient ID")),
             searchParam(QStringLiteral("birthdate"), QStringLiteral("date"),
                         QStringLiteral("YYYY, YYYY-MM or YYYY-MM-DD with eq, ge, le, gt, lt")),
             searchParam(QStringLiteral("gender"), QStringLiteral("token"),
                         QStringLiteral("male, female, other, unknown")),
         }},
    };

    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("date"), startedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("publisher"), QStringLiteral("Renkei")},
        {QStringLiteral("kind"), QStringLiteral("instance")},
        {QStringLiteral("software"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("renkei-hub")},
                     {QStringLiteral("version"), QStringLiteral(RENKEI_VERSION)}}},
        {QStringLiteral("implementation"),
         QJsonObject{{QStringLiteral("description"),
                      QStringLiteral("Renkei regional health information network hub")}}},
        {QStringLiteral("fhirVersion"), QStringLiteral("4.0.1")},
        {QStringLiteral("format"), QJsonArray{QStringLiteral("json")}},
        {QStringLiteral("rest"),
         QJsonArray{QJsonObject{
             {QStringLiteral("mode"), QStringLiteral("server")},
             {QStringLiteral("security"),
              QJsonObject{{QStringLiteral("description"),
                           QStringLiteral("Bearer token from POST /auth/login; only patients with an "
                                          "active consent for the user's facility are visible")}}},
             {QStringLiteral("resource"), QJsonArray{patient}},
         }}},
    };
}
