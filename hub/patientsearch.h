#pragma once

#include "patient.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

/// Turns the query string of `GET /fhir/Patient?…` into a PatientQuery, or says why not in
/// FHIR terms (issue code `not-supported` for unknown parameters, `invalid` for bad values).
struct PatientSearchParse
{
    std::optional<PatientQuery> query;
    QString issueCode;
    QString diagnostics;
};

/// Decodes `a=b&c=d` (percent-encoding, `+` as space, UTF-8); nullopt if not valid UTF-8.
std::optional<QList<QPair<QString, QString>>> decodeQueryString(const QByteArray &encodedQuery);

PatientSearchParse parsePatientSearch(const QList<QPair<QString, QString>> &parameters);

/// The query in readable form for the audit trail.
QString describeParameters(const QList<QPair<QString, QString>> &parameters);
