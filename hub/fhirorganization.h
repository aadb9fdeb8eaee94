#pragma once

#include "facilities.h"

#include <QJsonObject>

/// A member facility as FHIR Organization: id (as in meta.source), name, and type
/// (organization-type `prov` for hospitals, `other` for clinics, with Japanese text).
QJsonObject fhirOrganization(const Facility &facility);
