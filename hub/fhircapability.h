#pragma once

#include <QDateTime>
#include <QJsonObject>

/// What `GET /fhir/metadata` answers: this hub as a FHIR R4 server instance.
QJsonObject fhirCapabilityStatement(const QDateTime &startedAt);
