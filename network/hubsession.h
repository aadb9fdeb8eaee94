#pragma once

#include "huberror.h"
#include "hubresponse.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

/// The viewer's connection to one hub: TLS settings, login, the bearer token and logout.
/// Everything is asynchronous (QNetworkAccessManager); results arrive as signals, always after
/// the call returned. Certificate errors are never ignored.
class HubSession : public QObject
{
    Q_OBJECT

public:
    explicit HubSession(QObject *parent = nullptr);
    ~HubSession() override;

    /// The hub's base address, e.g. https://hub.example.jp:8443 (a path prefix is kept).
    void setNetworkUrl(const QUrl &url);
    QUrl networkUrl() const;

    /// Trusts the PEM certificates in \a path in addition to the system CAs.
    bool setCaCertificatesFile(const QString &path, QString *error);
    QList<QSslCertificate> extraCaCertificates() const { return m_extraCaCertificates; }

    /// Milliseconds without progress after which a request is given up (default 15 s).
    void setTransferTimeout(int milliseconds);
    int transferTimeout() const { return m_transferTimeout; }

    void login(const QString &id, const QString &password);
    /// Revokes the token on the hub, forgets it, then emits loggedOut() (also when the hub
    /// could not be reached: the token is forgotten either way).
    void logout();
    /// For the idle lock: revokes the token on the hub but remembers who was logged in, so
    /// that only that user can continue by logging in again. Emits nothing.
    void suspend();
    bool isLoggedIn() const { return !m_token.isEmpty(); }
    /// The bearer token, for clients that make their own requests (the DICOMweb client).
    QByteArray accessToken() const { return m_token; }
    bool isLoginInProgress() const { return !m_loginReply.isNull(); }

    QString userId() const { return m_userId; }
    QString facilityId() const { return m_facilityId; }
    QString facilityName() const { return m_facilityName; }
    /// Idle lifetime of the token as the hub announced it (expires_in), or -1.
    int tokenLifetimeSeconds() const { return m_tokenLifetime; }

    /// GET /auth/notice; answers with noticeReceived() or noticeFailed().
    void fetchNotice();

    using ResponseHandler = std::function<void(const HubResponse &)>;

    /// For RenkeiNetwork's FHIR clients: an authenticated GET of \a path (relative to the
    /// network URL, e.g. "/fhir/Patient"). \a handler runs once, in \a context's thread, unless
    /// the reply is dropped with cancel() or \a context is destroyed first.
    QNetworkReply *getAuthorized(const QString &path, const QUrlQuery &query, QObject *context,
                                 ResponseHandler handler);
    /// The same for an authenticated POST of the JSON document \a body.
    QNetworkReply *postAuthorized(const QString &path, const QByteArray &body, QObject *context,
                                  ResponseHandler handler);
    /// Stops a request from getAuthorized() without calling its handler.
    static void cancel(QNetworkReply *reply);

    /// Called by clients that saw a 401: the token is no longer valid on the hub.
    void reportSessionExpired();

Q_SIGNALS:
    void loginSucceeded();
    void loginFailed(const HubError &error);
    void loggedOut();
    void noticeReceived(const QString &notice);
    void noticeFailed(const HubError &error);
    /// The hub no longer accepts the token (emitted once per token).
    void sessionExpired();

private:
    enum class Method { Get, Post };

    QNetworkReply *send(Method method, const QString &path, const QUrlQuery &query,
                        const QByteArray &body, const QByteArray &token, int timeout,
                        QObject *context, ResponseHandler handler);
    QNetworkRequest makeRequest(const QUrl &url, const QByteArray &token, int timeout) const;
    QUrl endpoint(const QString &path, const QUrlQuery &query) const;
    /// Why the network URL cannot be used, or an empty error.
    HubError checkNetworkUrl() const;
    void finishLogin(const QString &id, const HubResponse &response);
    /// Asks the hub to revoke \a token, ignoring the answer (it is forgotten here already).
    void revokeQuietly(const QByteArray &token);
    void finishNotice(const HubResponse &response);
    void forgetSession();
    void emitLater(std::function<void()> emitter);

    QNetworkAccessManager *m_manager = nullptr;
    QUrl m_networkUrl;
    QList<QSslCertificate> m_extraCaCertificates;
    int m_transferTimeout = 15000;

    QByteArray m_token;
    QString m_userId;
    QString m_facilityId;
    QString m_facilityName;
    int m_tokenLifetime = -1;

    QPointer<QNetworkReply> m_loginReply;
    QPointer<QNetworkReply> m_logoutReply;
    QPointer<QNetworkReply> m_noticeReply;
};
