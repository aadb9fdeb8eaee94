#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

/// A tiny HTTPS/1.1 server for tests: answers each path with a canned response and records
/// the requests that got through the TLS handshake. Certificates come from the openssl
/// command line, so nothing secret is checked in.
class CannedHttpsServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    struct Request
    {
        QByteArray method;
        QByteArray path; ///< with the query
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
    };

    explicit CannedHttpsServer(QObject *parent = nullptr);
    ~CannedHttpsServer() override;

    /// Creates a self-signed certificate for 127.0.0.1/localhost with openssl. Returns an
    /// error text, empty on success; "openssl not found" when it is missing.
    QString createCertificate();
    bool listen();

    QUrl baseUrl() const;
    quint16 port() const;
    /// The self-signed certificate as a PEM file, usable as the CA file.
    QString certificateFile() const;

    void setResponse(const QByteArray &path, const Response &response);
    QList<Request> requests() const { return m_requests; }
    /// Connections that reached the encrypted state (handshakes that succeeded).
    int encryptedConnections() const { return m_encryptedConnections; }

    /// A loopback port nothing listens on (bound, then released).
    static quint16 closedPort();

private:
    void onNewConnection();
    void onReadyRead(QSslSocket *socket);

    QTemporaryDir m_dir;
    QSslServer m_server;
    QHash<QByteArray, Response> m_responses;
    QHash<QSslSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_encryptedConnections = 0;
};
