#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

class HubProcess;

/// Logs in to \a hub as \a user over TLS, trusting the hub's own CA: the access token, or an
/// empty string when refused (then \a answer, if given, holds the hub's reply body).
QString hubLogin(QNetworkAccessManager &network, const HubProcess &hub, const QString &user,
                 const QString &password, QByteArray *answer = nullptr);

/// HTTPS client of a test's HubProcess: login, GETs and paged searches (following next links).
class HubClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json() const;
        QString issueCode() const;
    };

    explicit HubClient(const HubProcess &hub) : m_hub(hub) {}

    /// Logs in as \a user; empty string on success, else what went wrong.
    QString login(const QString &user, const QString &password);
    /// GET of a path (/fhir/...) or an absolute URL (a next link), with the login's token.
    Reply get(const QString &pathOrUrl);
    /// Every resource of a search or $everything, following next links; empty on an error.
    QList<QJsonObject> all(const QString &path, int *total = nullptr);

private:
    const HubProcess &m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
};
