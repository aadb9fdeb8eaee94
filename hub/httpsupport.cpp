#include "httpsupport.h"

#include "fhiroutcome.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QtDebug>

namespace Http {

namespace {

void addCommonHeaders(QHttpServerResponse &response)
{
    // Patient data must not linger in caches; and the body is what its type says.
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
}

} // namespace

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, QByteArrayLiteral("Authorization")).trimmed();
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (value.size() <= scheme.size() || value.left(scheme.size()).toLower() != scheme)
        return {};
    return QString::fromLatin1(value.mid(scheme.size()).trimmed());
}

bool bodyTooLarge(const QHttpServerRequest &request)
{
    return request.body().size() > kMaxBodyBytes;
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QStringLiteral("TRACE");
    default: return QStringLiteral("?");
    }
}

QString fhirBaseUrl(const QHttpServerRequest &request)
{
    static const QRegularExpression hostPattern(
        QStringLiteral("^(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?$"));
    const QString host = QString::fromLatin1(header(request, QByteArrayLiteral("Host")));
    if (!hostPattern.match(host).hasMatch())
        return {};
    return QStringLiteral("https://%1/fhir").arg(host);
}

QHttpServerResponse json(const QJsonObject &body, Status status, const QByteArray &mimeType)
{
    QHttpServerResponse response(mimeType, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
    addCommonHeaders(response);
    return response;
}

QHttpServerResponse fhir(const QJsonObject &resource, Status status)
{
    return json(resource, status, QByteArrayLiteral("application/fhir+json"));
}

QHttpServerResponse fhirJson(const QByteArray &json, Status status)
{
    QHttpServerResponse response(QByteArrayLiteral("application/fhir+json"), json, status);
    addCommonHeaders(response);
    return response;
}

QHttpServerResponse outcome(Status status, const QString &code, const QString &diagnostics)
{
    return fhir(operationOutcome(code, diagnostics), status);
}

QHttpServerResponse unauthorized(const QString &diagnostics)
{
    QHttpServerResponse response = outcome(Status::Unauthorized, QStringLiteral("login"), diagnostics);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return response;
}

QHttpServerResponse methodNotAllowed(const QHttpServerRequest &request, const QByteArray &allow)
{
    QHttpServerResponse response = outcome(
        Status::MethodNotAllowed, QStringLiteral("not-supported"),
        QStringLiteral("Method %1 is not allowed on %2 (allowed: %3)")
            .arg(methodName(request.method()), request.url().path(), QString::fromLatin1(allow)));
    response.setHeader(QByteArrayLiteral("Allow"), allow);
    return response;
}

QHttpServerResponse notFound(const QHttpServerRequest &request)
{
    return outcome(Status::NotFound, QStringLiteral("not-found"),
                   QStringLiteral("No such endpoint: %1").arg(request.url().path()));
}

QHttpServerResponse bodyTooLargeOutcome()
{
    return outcome(Status::PayloadTooLarge, QStringLiteral("too-long"),
                   QStringLiteral("Request body larger than %1 bytes").arg(kMaxBodyBytes));
}

QHttpServerResponse internalError()
{
    return outcome(Status::InternalServerError, QStringLiteral("exception"),
                   QStringLiteral("Internal error; see the hub's log"));
}

std::optional<QHttpServerResponse> authenticate(TokenStore &tokens, const QHttpServerRequest &request,
                                                TokenStore::Session &session)
{
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return unauthorized(QStringLiteral("Login required (Authorization: Bearer <token>)"));
    const auto found = tokens.validate(token);
    if (!found) {
        qWarning().noquote() << "renkei-hub: token check failed:" << found.error();
        return internalError();
    }
    if (!found->has_value())
        return unauthorized(QStringLiteral("Unknown, expired or revoked token"));
    session = **found;
    return std::nullopt;
}

std::optional<QHttpServerResponse> admitGet(TokenStore &tokens, const QHttpServerRequest &request,
                                            TokenStore::Session &session)
{
    if (bodyTooLarge(request))
        return bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return methodNotAllowed(request, QByteArrayLiteral("GET"));
    return authenticate(tokens, request, session);
}

} // namespace Http
