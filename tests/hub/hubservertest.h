#pragma once

#include "hubprocess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

/// The real `renkei-hub` process on a demo network, driven over HTTPS like the viewer would.
/// Base of tst_hubauth, tst_hubpatientsearch and tst_hubrequesterrors: its initTestCase starts
/// one hub per executable, logs in once as demo-doctor, and reads which patients consented to
/// the clinic from the hub's own command line.
class HubServerTest : public QObject
{
    Q_OBJECT

protected:
    static inline const QString kPassword = QStringLiteral("renkei-demo-2026");
    static inline const QString kClinic = QStringLiteral("clinic-azumino");

    struct Reply
    {
        int status = 0;
        QByteArray contentType;
        QList<QNetworkReply::RawHeaderPair> headers;
        QByteArray body;
        QList<QSslError> sslErrors;
        QString networkError;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return {};
        }
        QString issueCode() const
        {
            return json().value(QStringLiteral("issue")).toArray().first().toObject()
                .value(QStringLiteral("code")).toString();
        }
    };

private slots:
    // Run by QTest for every derived test case.
    void initTestCase();
    void cleanupTestCase();

protected:
    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QString &token = {});
    Reply login(const QString &id, const QString &password);
    Reply search(const QUrlQuery &query, const QString &token = {});
    QStringList searchIds(const QUrlQuery &query);
    QJsonObject patient(const QString &id) const;
    QSslConfiguration trustDemoCaOnly() const;

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QJsonArray m_patients;
    QSet<QString> m_consented;    // active consent for the clinic
    QSet<QString> m_notConsented; // withdrawn or none
    QSet<QString> m_withdrawn;
};
