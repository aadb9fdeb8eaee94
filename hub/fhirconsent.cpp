#include "fhirconsent.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace {

QJsonObject codeable(const QString &system, const QString &code, const QString &display)
{
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                                        {QStringLiteral("code"), code},
                                                                        {QStringLiteral("display"), display}}}}};
}

} // namespace

QString fhirConsentId(const QString &patient, const QString &facility)
{
    const QByteArray digest = QCryptographicHash::hash((QStringLiteral("consent\n") + patient + QLatin1Char('\n') + facility).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QStringLiteral("c") + QString::fromLatin1(digest.toHex().left(24));
}

QJsonObject fhirConsent(const Consent &consent, const QString &facilityName)
{
    const QString v3ActCode = QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode");
    QJsonObject organization{{QStringLiteral("reference"), QStringLiteral("Organization/") + consent.facility}};
    if (!facilityName.isEmpty())
        organization.insert(QStringLiteral("display"), facilityName);
    QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("Consent")},
        {QStringLiteral("id"), fhirConsentId(consent.patient, consent.facility)},
        {QStringLiteral("status"), consent.status == QLatin1String("active") ? QStringLiteral("active") : QStringLiteral("inactive")},
        {QStringLiteral("scope"), codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/consentscope"),
                                           QStringLiteral("patient-privacy"), QStringLiteral("Privacy Consent"))},
        {QStringLiteral("category"), QJsonArray{codeable(QStringLiteral("http://loinc.org"), QStringLiteral("59284-0"), QStringLiteral("Patient Consent")),
                                                codeable(v3ActCode, QStringLiteral("INFA"), QStringLiteral("information access"))}},
        {QStringLiteral("patient"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + consent.patient}}},
        // The patient opts in to sharing; R4 asks for a policy or policyRule (ppc-1).
        {QStringLiteral("policyRule"), codeable(v3ActCode, QStringLiteral("OPTIN"), QStringLiteral("opt-in"))},
        {QStringLiteral("provision"), QJsonObject{
             {QStringLiteral("type"), QStringLiteral("permit")},
             {QStringLiteral("actor"), QJsonArray{QJsonObject{
                  {QStringLiteral("role"), codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ParticipationType"),
                                                    QStringLiteral("IRCP"), QStringLiteral("information recipient"))},
                  {QStringLiteral("reference"), organization}}}},
         }},
    };
    if (!consent.updated.isEmpty())
        resource.insert(QStringLiteral("dateTime"), consent.updated);
    return resource;
}
