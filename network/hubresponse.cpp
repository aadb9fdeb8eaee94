#include "hubresponse.h"

#include "networktr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using RenkeiNetworkPrivate::Tr;

namespace {

QString sslReason(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return Tr::tr("self-signed certificate");
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return Tr::tr("unknown issuer");
    case QSslError::HostNameMismatch:
        return Tr::tr("host name mismatch");
    case QSslError::CertificateExpired:
        return Tr::tr("certificate expired");
    case QSslError::CertificateNotYetValid:
        return Tr::tr("certificate not yet valid");
    case QSslError::CertificateRevoked:
        return Tr::tr("certificate revoked");
    default:
        return Tr::tr("verification failed");
    }
}

QString operationOutcomeDiagnostics(const QByteArray &body)
{
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    QStringList texts;
    const QJsonArray issues = outcome.value(QLatin1String("issue")).toArray();
    for (const QJsonValue &issue : issues) {
        const QJsonObject o = issue.toObject();
        QString text = o.value(QLatin1String("diagnostics")).toString();
        if (text.isEmpty())
            text = o.value(QLatin1String("code")).toString();
        if (!text.isEmpty())
            texts << text;
    }
    return texts.join(QLatin1String("; "));
}

} // namespace

namespace HubErrors {

HubError untrustedCertificate(const QList<QSslError> &errors)
{
    QStringList reasons;
    QStringList details;
    for (const QSslError &e : errors) {
        const QString reason = sslReason(e);
        if (!reasons.contains(reason))
            reasons << reason;
        details << e.errorString();
    }
    if (reasons.isEmpty())
        reasons << Tr::tr("verification failed");
    HubError error;
    error.kind = HubError::Kind::UntrustedCertificate;
    error.message = Tr::tr("The hub's certificate is not trusted (%1). The connection was "
                           "stopped for your safety. Please contact your network administrator.")
                        .arg(reasons.join(Tr::tr(", ", "separator of certificate problems")));
    error.detail = details.join(QLatin1Char('\n'));
    return error;
}

HubError fromNetworkError(QNetworkReply::NetworkError code, const QString &errorString)
{
    HubError error;
    error.kind = HubError::Kind::Unreachable;
    error.detail = errorString;
    switch (code) {
    case QNetworkReply::HostNotFoundError:
        error.message = Tr::tr("The hub address could not be found. Please check the hub "
                               "address and the network connection.");
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
        error.message = Tr::tr("The hub did not respond in time. Please check the network "
                               "connection and try again.");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.message = Tr::tr("A secure connection to the hub could not be established. "
                               "Please check the hub address.");
        break;
    default:
        error.message = Tr::tr("Cannot connect to the hub. Please check the network "
                               "connection and the hub address.");
        break;
    }
    return error;
}

HubError protocolError(const QString &detail)
{
    HubError error;
    error.kind = HubError::Kind::ProtocolError;
    error.message = Tr::tr("The hub sent an unexpected answer. Please contact your network "
                           "administrator.");
    error.detail = detail;
    return error;
}

HubError invalidUrl(const QString &detail)
{
    HubError error;
    error.kind = HubError::Kind::Unreachable;
    error.message = Tr::tr("The hub address is not valid. Enter an address that starts with "
                           "https://.");
    error.detail = detail;
    return error;
}

HubError notLoggedIn()
{
    HubError error;
    error.kind = HubError::Kind::SessionExpired;
    error.message = Tr::tr("You are not logged in. Please log in again.");
    return error;
}

HubError accountLocked(int retryAfterSeconds)
{
    HubError error;
    error.kind = HubError::Kind::AccountLocked;
    error.retryAfterSeconds = retryAfterSeconds;
    if (retryAfterSeconds > 0) {
        const int minutes = (retryAfterSeconds + 59) / 60; // never promise "0 minutes"
        error.message = Tr::tr("This account is temporarily locked after repeated failed "
                               "logins. Please try again in %n minute(s).",
                               nullptr, minutes);
    } else {
        error.message = Tr::tr("This account is locked. Please contact your network "
                               "administrator.");
    }
    return error;
}

HubError fromFhirStatus(int status, const QByteArray &body)
{
    const QString diagnostics = operationOutcomeDiagnostics(body);
    const QString detail = diagnostics.isEmpty()
        ? QStringLiteral("HTTP %1").arg(status)
        : QStringLiteral("HTTP %1: %2").arg(status).arg(diagnostics);
    HubError error;
    error.detail = detail;
    if (status == 401) {
        error.kind = HubError::Kind::SessionExpired;
        error.message = Tr::tr("Your session has expired. Please log in again.");
    } else if (status == 404) {
        error.kind = HubError::Kind::NotFound;
        error.message = Tr::tr("The record was not found, or it is not shared with your "
                               "facility.");
    } else if (status >= 500) {
        error.kind = HubError::Kind::ServerError;
        error.message = Tr::tr("The hub reported an internal error. Please try again later.");
    } else if (status == 400) {
        error.kind = HubError::Kind::ProtocolError;
        error.message = Tr::tr("The hub did not accept the search conditions.");
    } else {
        error = protocolError(detail);
    }
    return error;
}

HubResponse readReply(QNetworkReply *reply, const QList<QSslError> &sslErrors)
{
    HubResponse response;
    if (!sslErrors.isEmpty()) {
        response.transportError = untrustedCertificate(sslErrors);
        return response;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        const auto code = reply->error() == QNetworkReply::NoError
            ? QNetworkReply::UnknownNetworkError
            : reply->error();
        response.transportError = fromNetworkError(code, reply->errorString());
        return response;
    }
    response.status = status.toInt();
    response.body = reply->readAll();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.retryAfterHeader = reply->rawHeader("Retry-After");
    return response;
}

} // namespace HubErrors
