#pragma once

#include "huberror.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslError>

/// What came back for one request to the hub: either an HTTP answer (status > 0) or a
/// transport failure (status == 0 and transportError set). Reading the reply into this value
/// keeps the callers free of QNetworkReply's error-code subtleties.
struct HubResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfterHeader;
    HubError transportError;

    bool hasHttpAnswer() const { return status > 0 && !transportError.isError(); }
};

/// Builders for the user-facing errors. Every message is translated and written for a clinic
/// nurse; the technical reason goes to HubError::detail.
namespace HubErrors {
HubError untrustedCertificate(const QList<QSslError> &errors);
HubError fromNetworkError(QNetworkReply::NetworkError code, const QString &errorString);
HubError protocolError(const QString &detail);
HubError invalidUrl(const QString &detail);
HubError notLoggedIn();
HubError accountLocked(int retryAfterSeconds);
/// Maps a non-2xx answer of a FHIR endpoint (401, 404, 4xx, 5xx) to an error.
HubError fromFhirStatus(int status, const QByteArray &body);

/// Reads a finished reply. sslErrors are those reported by QNetworkReply::sslErrors.
HubResponse readReply(QNetworkReply *reply, const QList<QSslError> &sslErrors);
} // namespace HubErrors
