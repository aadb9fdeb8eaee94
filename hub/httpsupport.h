#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

/// Small pieces every endpoint shares: limits, header access, and response builders that
/// always set the content type and the no-store / nosniff headers.
namespace Http {

using Status = QHttpServerResponder::StatusCode;

constexpr qsizetype kMaxBodyBytes = 64 * 1024;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
/// The token of an `Authorization: Bearer …` header; empty if absent or another scheme.
QString bearerToken(const QHttpServerRequest &request);
bool bodyTooLarge(const QHttpServerRequest &request);
QString methodName(QHttpServerRequest::Method method);
/// `https://host[:port]/fhir` from the Host header, or empty if the header is odd.
QString fhirBaseUrl(const QHttpServerRequest &request);

QHttpServerResponse json(const QJsonObject &body, Status status,
                         const QByteArray &mimeType = QByteArrayLiteral("application/json"));
QHttpServerResponse fhir(const QJsonObject &resource, Status status = Status::Ok);
QHttpServerResponse outcome(Status status, const QString &code, const QString &diagnostics);
QHttpServerResponse unauthorized(const QString &diagnostics);
QHttpServerResponse methodNotAllowed(const QHttpServerRequest &request, const QByteArray &allow);
QHttpServerResponse notFound(const QHttpServerRequest &request);
QHttpServerResponse bodyTooLargeOutcome();
QHttpServerResponse internalError();

} // namespace Http
