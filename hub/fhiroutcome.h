#pragma once

#include <QJsonObject>
#include <QString>

/// A FHIR OperationOutcome with one error issue; \a code is from the IssueType value set
/// (e.g. not-found, invalid, not-supported, login, too-long, exception).
QJsonObject operationOutcome(const QString &code, const QString &diagnostics);
