#include "fhircapability.h"

#include "recordsearch.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QJsonObject interactions(std::initializer_list<const char *> codes)
{
    QJsonArray list;
    for (const char *code : codes)
        list.append(QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)}});
    return QJsonObject{{QStringLiteral("interaction"), list}};
}

QJsonObject recordParam(const QString &name, const QString &type, const QString &documentation)
{
    const QString definition = name.startsWith(QLatin1Char('_'))
        ? QStringLiteral("http://hl7.org/fhir/SearchParameter/Resource-") + name.mid(1)
        : QStringLiteral("http://hl7.org/fhir/SearchParameter/clinical-") + name;
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("definition"), definition},
                       {QStringLiteral("type"), type}, {QStringLiteral("documentation"), documentation}};
}

/// A clinical record type: read and search with the parameters of docs/PROTOCOL.md.
QJsonObject recordResource(const QString &type)
{
    QJsonObject resource{{QStringLiteral("type"), type}};
    resource.insert(QStringLiteral("interaction"), interactions({"read", "search-type"}).value(QStringLiteral("interaction")));
    resource.insert(QStringLiteral("searchParam"), QJsonArray{
        recordParam(QStringLiteral("patient"), QStringLiteral("reference"), QStringLiteral("Network patient ID (p00001 or Patient/p00001), comma-separated for several")),
        recordParam(QStringLiteral("category"), QStringLiteral("token"), QStringLiteral("code or system|code of a category coding")),
        recordParam(QStringLiteral("code"), QStringLiteral("token"), QStringLiteral("code or system|code of the main code (JLAC10, HOT9, ICD-10, ...)")),
        recordParam(QStringLiteral("date"), QStringLiteral("date"), QStringLiteral("Clinical date, YYYY[-MM[-DD[Thh:mm[:ss]]]] with eq, ge, le, gt, lt")),
        recordParam(QStringLiteral("identifier"), QStringLiteral("token"), QStringLiteral("value or system|value of a business identifier (order number, ...)")),
    });
    if (type == QLatin1String("DocumentReference")) {
        QJsonArray params = resource.value(QStringLiteral("searchParam")).toArray();
        params.append(recordParam(QStringLiteral("type"), QStringLiteral("token"),
                                  QStringLiteral("The document's type, like code (LOINC 18842-5 discharge summary, ...)")));
        resource.insert(QStringLiteral("searchParam"), params);
    }
    return resource;
}

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

    QJsonObject patientWithEverything = patient;
    patientWithEverything.insert(QStringLiteral("operation"), QJsonArray{QJsonObject{
        {QStringLiteral("name"), QStringLiteral("everything")},
        {QStringLiteral("definition"), QStringLiteral("http://hl7.org/fhir/OperationDefinition/Patient-everything")},
        {QStringLiteral("documentation"), QStringLiteral("_count (1-1000), _since, _type; Patient first, then by clinical date and id; next links")}}});
    QJsonArray resources{patientWithEverything};
    QJsonObject organization{{QStringLiteral("type"), QStringLiteral("Organization")}};
    organization.insert(QStringLiteral("interaction"), interactions({"read", "search-type"}).value(QStringLiteral("interaction")));
    organization.insert(QStringLiteral("searchParam"), QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("name")},
                    {QStringLiteral("definition"), QStringLiteral("http://hl7.org/fhir/SearchParameter/Organization-name")},
                    {QStringLiteral("type"), QStringLiteral("string")},
                    {QStringLiteral("documentation"), QStringLiteral("Part of the facility name; width, kana and case folded")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("identifier")},
                    {QStringLiteral("definition"), QStringLiteral("http://hl7.org/fhir/SearchParameter/Organization-identifier")},
                    {QStringLiteral("type"), QStringLiteral("token")},
                    {QStringLiteral("documentation"), QStringLiteral("Facility id, or urn:renkei:facility|id")}}});
    resources.append(organization);
    for (const QString &type : recordTypes())
        resources.append(recordResource(type));
    QJsonObject consent{{QStringLiteral("type"), QStringLiteral("Consent")},
                        {QStringLiteral("documentation"),
                         QStringLiteral("The user's facility's consents (active, or inactive once withdrawn) for the patients it may see")}};
    consent.insert(QStringLiteral("interaction"), interactions({"read", "search-type"}).value(QStringLiteral("interaction")));
    consent.insert(QStringLiteral("searchParam"), QJsonArray{QJsonObject{
        {QStringLiteral("name"), QStringLiteral("patient")},
        {QStringLiteral("definition"), QStringLiteral("http://hl7.org/fhir/SearchParameter/clinical-patient")},
        {QStringLiteral("type"), QStringLiteral("reference")},
        {QStringLiteral("documentation"), QStringLiteral("Network patient ID, comma-separated for several")}}});
    resources.append(consent);
    QJsonObject binary{{QStringLiteral("type"), QStringLiteral("Binary")},
                       {QStringLiteral("documentation"),
                        QStringLiteral("Document content; visible exactly when its DocumentReference is")}};
    binary.insert(QStringLiteral("interaction"), interactions({"read"}).value(QStringLiteral("interaction")));
    resources.append(binary);

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
                                          "active consent for the user's facility are visible, and only the "
                                          "kinds of record their source facility discloses")}}},
             {QStringLiteral("resource"), resources},
         }}},
    };
}
