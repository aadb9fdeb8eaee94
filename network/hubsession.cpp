#include "hubsession.h"

#include "networktr.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <memory>

using RenkeiNetworkPrivate::Tr;

namespace {

// Set on replies dropped by HubSession::cancel(): their handler must not run any more.
constexpr char kCancelledProperty[] = "renkeiCancelled";
// Logging out must not keep the user waiting for a hub that is gone.
constexpr int kLogoutTimeoutMs = 5000;

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString shortBody(const QByteArray &body)
{
    return QString::fromUtf8(body.left(200)).simplified();
}

} // namespace

HubSession::HubSession(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    // The token must never travel anywhere the user did not point the viewer at.
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HubSession::~HubSession() = default;

void HubSession::setNetworkUrl(const QUrl &url)
{
    if (url == m_networkUrl)
        return;
    m_networkUrl = url;
    // A token belongs to the hub that issued it.
    forgetSession();
    m_manager->clearConnectionCache();
}

QUrl HubSession::networkUrl() const
{
    return m_networkUrl;
}

bool HubSession::setCaCertificatesFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("Cannot read the CA certificate file %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        if (error)
            *error = Tr::tr("The file %1 contains no PEM certificate.").arg(path);
        return false;
    }
    m_extraCaCertificates = certificates;
    // Connections made under the old trust settings must not be reused.
    m_manager->clearConnectionCache();
    return true;
}

void HubSession::setTransferTimeout(int milliseconds)
{
    m_transferTimeout = milliseconds;
}

void HubSession::login(const QString &id, const QString &password)
{
    if (m_loginReply) {
        cancel(m_loginReply);
        m_loginReply.clear();
    }
    // Logging in again (e.g. unlocking) must not leave the previous token alive on the hub.
    if (!m_token.isEmpty())
        revokeQuietly(m_token);
    forgetSession();

    const HubError urlError = checkNetworkUrl();
    if (urlError.isError()) {
        emitLater([this, urlError] { Q_EMIT loginFailed(urlError); });
        return;
    }

    QJsonObject request;
    request.insert(QLatin1String("id"), id);
    request.insert(QLatin1String("password"), password);
    const QByteArray body = QJsonDocument(request).toJson(QJsonDocument::Compact);

    m_loginReply = send(Method::Post, QStringLiteral("/auth/login"), {}, body, {},
                        m_transferTimeout, this,
                        [this, id](const HubResponse &response) { finishLogin(id, response); });
}

void HubSession::finishLogin(const QString &id, const HubResponse &response)
{
    m_loginReply.clear();
    if (response.transportError.isError()) {
        Q_EMIT loginFailed(response.transportError);
        return;
    }

    const std::optional<QJsonObject> object = jsonObject(response.body);
    if (!object) {
        Q_EMIT loginFailed(HubErrors::protocolError(
            QStringLiteral("HTTP %1, not a JSON object: %2")
                .arg(response.status)
                .arg(shortBody(response.body))));
        return;
    }

    if (response.status == 200) {
        const QString token = object->value(QLatin1String("access_token")).toString();
        const QString tokenType = object->value(QLatin1String("token_type")).toString();
        if (token.isEmpty() || tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
            Q_EMIT loginFailed(HubErrors::protocolError(
                QStringLiteral("token response without a bearer access_token")));
            return;
        }
        m_token = token.toUtf8();
        m_userId = object->value(QLatin1String("user")).toString(id);
        m_facilityId = object->value(QLatin1String("facility")).toString();
        m_facilityName = object->value(QLatin1String("facility_name")).toString(m_facilityId);
        m_tokenLifetime = object->value(QLatin1String("expires_in")).toInt(-1);
        Q_EMIT loginSucceeded();
        return;
    }

    const QString errorCode = object->value(QLatin1String("error_code")).toString();
    if (errorCode == QLatin1String("invalid_credentials")) {
        HubError error;
        error.kind = HubError::Kind::WrongCredentials;
        error.message = Tr::tr("The user ID or password is incorrect.");
        error.detail = QStringLiteral("HTTP %1 invalid_credentials").arg(response.status);
        Q_EMIT loginFailed(error);
        return;
    }
    if (errorCode == QLatin1String("account_locked") || response.status == 429) {
        int retryAfter = object->value(QLatin1String("retry_after")).toInt(-1);
        if (retryAfter < 0 && !response.retryAfterHeader.isEmpty()) {
            bool ok = false;
            const int header = response.retryAfterHeader.trimmed().toInt(&ok);
            if (ok)
                retryAfter = header;
        }
        HubError error = HubErrors::accountLocked(retryAfter);
        error.detail = QStringLiteral("HTTP %1 account_locked").arg(response.status);
        Q_EMIT loginFailed(error);
        return;
    }
    if (response.status == 503 && errorCode == QLatin1String("busy")) {
        // The hub refuses logins beyond what it can check at once (docs/PROTOCOL.md).
        HubError error;
        error.kind = HubError::Kind::ServerError;
        error.message = Tr::tr("Many people are logging in right now. Please try again in a "
                               "moment.");
        error.detail = QStringLiteral("HTTP 503 busy");
        Q_EMIT loginFailed(error);
        return;
    }
    if (response.status >= 500) {
        Q_EMIT loginFailed(HubErrors::fromFhirStatus(response.status, response.body));
        return;
    }
    Q_EMIT loginFailed(HubErrors::protocolError(
        QStringLiteral("HTTP %1 %2").arg(response.status).arg(shortBody(response.body))));
}

void HubSession::logout()
{
    if (m_loginReply) {
        cancel(m_loginReply);
        m_loginReply.clear();
    }
    if (m_logoutReply)
        return; // already on its way; loggedOut() follows

    const QByteArray token = m_token;
    // Forget first so that nothing started from now on can use the token.
    forgetSession();
    if (token.isEmpty() || checkNetworkUrl().isError()) {
        emitLater([this] { Q_EMIT loggedOut(); });
        return;
    }
    m_logoutReply = send(Method::Post, QStringLiteral("/auth/logout"), {}, {}, token,
                         qMin(m_transferTimeout, kLogoutTimeoutMs), this,
                         [this](const HubResponse &) {
                             m_logoutReply.clear();
                             Q_EMIT loggedOut();
                         });
}

void HubSession::suspend()
{
    if (m_token.isEmpty())
        return;
    revokeQuietly(m_token);
    m_token.clear();
}

void HubSession::revokeQuietly(const QByteArray &token)
{
    if (checkNetworkUrl().isError())
        return;
    send(Method::Post, QStringLiteral("/auth/logout"), {}, {}, token,
         qMin(m_transferTimeout, kLogoutTimeoutMs), this, [](const HubResponse &) {});
}

void HubSession::fetchNotice()
{
    if (m_noticeReply) {
        cancel(m_noticeReply);
        m_noticeReply.clear();
    }
    const HubError urlError = checkNetworkUrl();
    if (urlError.isError()) {
        emitLater([this, urlError] { Q_EMIT noticeFailed(urlError); });
        return;
    }
    m_noticeReply = send(Method::Get, QStringLiteral("/auth/notice"), {}, {}, {},
                         m_transferTimeout, this,
                         [this](const HubResponse &response) { finishNotice(response); });
}

void HubSession::finishNotice(const HubResponse &response)
{
    m_noticeReply.clear();
    if (response.transportError.isError()) {
        Q_EMIT noticeFailed(response.transportError);
        return;
    }
    const std::optional<QJsonObject> object = jsonObject(response.body);
    const QJsonValue notice = object ? object->value(QLatin1String("notice")) : QJsonValue();
    if (response.status != 200 || !notice.isString()) {
        Q_EMIT noticeFailed(HubErrors::protocolError(
            QStringLiteral("notice: HTTP %1 %2").arg(response.status).arg(shortBody(response.body))));
        return;
    }
    Q_EMIT noticeReceived(notice.toString());
}

QNetworkReply *HubSession::getAuthorized(const QString &path, const QUrlQuery &query,
                                         QObject *context, ResponseHandler handler)
{
    return send(Method::Get, path, query, {}, m_token, m_transferTimeout, context,
                std::move(handler));
}

QNetworkReply *HubSession::postAuthorized(const QString &path, const QByteArray &body,
                                          QObject *context, ResponseHandler handler)
{
    return send(Method::Post, path, {}, body, m_token, m_transferTimeout, context, std::move(handler));
}

void HubSession::cancel(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->setProperty(kCancelledProperty, true);
    reply->abort();
}

void HubSession::reportSessionExpired()
{
    if (m_token.isEmpty())
        return;
    forgetSession();
    Q_EMIT sessionExpired();
}

QNetworkReply *HubSession::send(Method method, const QString &path, const QUrlQuery &query,
                                const QByteArray &body, const QByteArray &token, int timeout,
                                QObject *context, ResponseHandler handler)
{
    QNetworkRequest request = makeRequest(endpoint(path, query), token, timeout);
    QNetworkReply *reply = nullptr;
    if (method == Method::Post) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        reply = m_manager->post(request, body);
    } else {
        reply = m_manager->get(request);
    }

    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [reply, sslErrors](const QList<QSslError> &errors) {
                // Never ignoreSslErrors(): a clinic PC must not talk to a hub it cannot verify.
                *sslErrors = errors;
                reply->abort();
            });
    connect(reply, &QNetworkReply::finished, context,
            [reply, sslErrors, handler = std::move(handler)] {
                if (reply->property(kCancelledProperty).toBool())
                    return;
                handler(HubErrors::readReply(reply, *sslErrors));
            });
    // Also when the context is gone before the reply finishes.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return reply;
}

QNetworkRequest HubSession::makeRequest(const QUrl &url, const QByteArray &token, int timeout) const
{
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_extraCaCertificates.isEmpty()) {
        // addCaCertificates() would switch off on-demand loading of the system store, so the
        // system CAs are listed explicitly next to the network's own CA.
        ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_extraCaCertificates);
    }
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(timeout);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Renkei"));
    request.setRawHeader("Accept", "application/fhir+json, application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

QUrl HubSession::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_networkUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

HubError HubSession::checkNetworkUrl() const
{
    if (!m_networkUrl.isValid() || m_networkUrl.host().isEmpty())
        return HubErrors::invalidUrl(m_networkUrl.toString());
    if (m_networkUrl.scheme() != QLatin1String("https"))
        return HubErrors::invalidUrl(QStringLiteral("not https: %1").arg(m_networkUrl.toString()));
    return {};
}

void HubSession::forgetSession()
{
    m_token.clear();
    m_userId.clear();
    m_facilityId.clear();
    m_facilityName.clear();
    m_tokenLifetime = -1;
}

void HubSession::emitLater(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}
