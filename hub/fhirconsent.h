#pragma once

#include "consents.h"

#include <QJsonObject>
#include <QString>

/// Stable FHIR id of the consent (patient, facility): a hash of both, so it reveals neither.
QString fhirConsentId(const QString &patient, const QString &facility);

/// The hub's consent row as a FHIR R4 Consent (docs/PROTOCOL.md "Consent"): a privacy consent
/// (opt-in) of the patient permitting \a facility (the provision's actor, an information
/// recipient) to see the patient's shared records; status active, or inactive once withdrawn.
QJsonObject fhirConsent(const Consent &consent, const QString &facilityName);
