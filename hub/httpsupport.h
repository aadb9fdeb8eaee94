#pragma once

#include "tokens.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

#include <optional>

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
/// A FHIR body already serialised as JSON (stored resources spliced in as they are).
QHttpServerResponse fhirJson(const QByteArray &json, Status status = Status::Ok);
QHttpServerResponse outcome(Status status, const QString &code, const QString &diagnostics);
QHttpServerResponse unauthorized(const QString &diagnostics);
QHttpServerResponse methodNotAllowed(const QHttpServerRequest &request, const QByteArray &allow);
QHttpServerResponse notFound(const QHttpServerRequest &request);
QHttpServerResponse bodyTooLargeOutcome();
QHttpServerResponse internalError();

/// The session of the request's bearer token, or the answer refusing the request: 401 without
/// a known, live token, 500 when the token store fails.
std::optional<QHttpServerResponse> authenticate(TokenStore &tokens, const QHttpServerRequest &request,
                                                TokenStore::Session &session);
/// The preamble of a GET endpoint: the body limit, GET only, then authenticate().
std::optional<QHttpServerResponse> admitGet(TokenStore &tokens, const QHttpServerRequest &request,
                                            TokenStore::Session &session);

} // namespace Http
