#include "cannedhttpsserver.h"

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>

CannedHttpsServer::CannedHttpsServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this,
            &CannedHttpsServer::onNewConnection);
}

CannedHttpsServer::~CannedHttpsServer()
{
    // Open sockets are children of m_server, which outlives m_buffers: their "disconnected"
    // handlers must not run into the already destroyed members.
    const QList<QSslSocket *> sockets = m_server.findChildren<QSslSocket *>();
    for (QSslSocket *socket : sockets)
        socket->disconnect(this);
}

QString CannedHttpsServer::createCertificate()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return QStringLiteral("openssl not found");
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"),
                            QStringLiteral("-newkey"), QStringLiteral("ec"),
                            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                            QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                            QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
                            QStringLiteral("-out"), certificateFile()});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("openssl failed: %1").arg(QString::fromLocal8Bit(process.readAll()));

    QFile keyFile(m_dir.filePath(QStringLiteral("key.pem")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read key");
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile());
    if (key.isNull() || certificates.isEmpty())
        return QStringLiteral("cannot load the generated certificate or key");

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificates.first());
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients have no certificate
    m_server.setSslConfiguration(configuration);
    return {};
}

bool CannedHttpsServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl CannedHttpsServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

quint16 CannedHttpsServer::port() const
{
    return m_server.serverPort();
}

QString CannedHttpsServer::certificateFile() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

void CannedHttpsServer::setResponse(const QByteArray &path, const Response &response)
{
    m_responses.insert(path, response);
}

quint16 CannedHttpsServer::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void CannedHttpsServer::onNewConnection()
{
    // QSslServer hands out a connection only after its handshake succeeded.
    while (m_server.hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection());
        if (!socket)
            continue;
        ++m_encryptedConnections;
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void CannedHttpsServer::onReadyRead(QSslSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return; // wait for the rest of the body
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests << request;

        const QByteArray pathOnly = request.path.left(request.path.indexOf('?') < 0
                                                          ? request.path.size()
                                                          : request.path.indexOf('?'));
        Response response;
        if (m_responses.contains(request.path))
            response = m_responses.value(request.path);
        else if (m_responses.contains(pathOnly))
            response = m_responses.value(pathOnly);
        else
            response = {404, R"({"error":"not_found"})", "application/json", {}};

        QByteArray answer = "HTTP/1.1 " + QByteArray::number(response.status) + " Canned\r\n";
        answer += "Content-Type: " + response.contentType + "\r\n";
        answer += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &header : response.headers)
            answer += header.first + ": " + header.second + "\r\n";
        answer += "Connection: close\r\n\r\n";
        answer += response.body;
        socket->write(answer);
        socket->disconnectFromHost();
        return;
    }
}
