#include "hubclient.h"

#include "hubprocess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QtDebug>

QJsonObject HubClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HubClient::Reply::issueCode() const
{
    return json().value(QStringLiteral("issue")).toArray().first().toObject().value(QStringLiteral("code")).toString();
}

namespace {

QNetworkRequest requestFor(const HubProcess &hub, const QUrl &url)
{
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    return request;
}

void waitFor(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
}

} // namespace

QString hubLogin(QNetworkAccessManager &network, const HubProcess &hub, const QString &user,
                 const QString &password, QByteArray *answer)
{
    QNetworkRequest request = requestFor(hub, hub.baseUrl().resolved(QUrl(QStringLiteral("auth/login"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("id"), user}, {QStringLiteral("password"), password}})
                     .toJson(QJsonDocument::Compact));
    waitFor(reply);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (answer)
        *answer = body;
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("access_token")).toString();
}

QString HubClient::login(const QString &user, const QString &password)
{
    QByteArray body;
    m_token = hubLogin(m_network, m_hub, user, password, &body);
    return m_token.isEmpty() ? QStringLiteral("login failed: ") + QString::fromUtf8(body) : QString();
}

HubClient::Reply HubClient::get(const QString &pathOrUrl)
{
    const QUrl url = pathOrUrl.startsWith(QLatin1String("https://")) ? QUrl(pathOrUrl)
                                                                     : m_hub.baseUrl().resolved(QUrl(pathOrUrl.mid(1)));
    QNetworkRequest request = requestFor(m_hub, url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_network.get(request);
    waitFor(reply);
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QList<QJsonObject> HubClient::all(const QString &path, int *total)
{
    QList<QJsonObject> resources;
    QString next = path;
    int pages = 0;
    if (total)
        *total = -1;
    while (!next.isEmpty() && pages++ < 500) {
        const Reply reply = get(next);
        if (reply.status != 200) {
            qWarning() << "GET" << next << "→" << reply.status << reply.body;
            return {};
        }
        const QJsonObject bundle = reply.json();
        if (total && *total < 0)
            *total = bundle.value(QStringLiteral("total")).toInt(-1);
        for (const QJsonValue &entry : bundle.value(QStringLiteral("entry")).toArray())
            resources << entry.toObject().value(QStringLiteral("resource")).toObject();
        next.clear();
        for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
            if (link.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                next = link.toObject().value(QStringLiteral("url")).toString();
        }
    }
    return resources;
}
