#pragma once

#include "patient.h"

#include <QJsonObject>
#include <QString>

/// FHIR R4 Patient after JP-Core (JP_Patient profile): kanji name with representation IDE,
/// katakana name with SYL, the network ID and each facility's local ID as identifiers.
QJsonObject fhirPatient(const Patient &patient);

/// A `searchset` Bundle. \a baseUrl (e.g. https://host:port/fhir) gives each entry's fullUrl;
/// entries carry no fullUrl when it is empty.
QJsonObject fhirSearchBundle(const QList<Patient> &patients, int total, const QString &baseUrl);

QString facilityIdentifierSystem(const QString &facility);
