// DicomWebReply's retry rules against a scripted loopback HTTP server (no Orthanc needed):
// a frames response cut after the first frame is resumed by asking only for the frames still
// missing; refused connections are retried with back-off and then fail as a value.

#include "dicomwebclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Dicom::DicomWebClient;
using Dicom::DicomWebPart;
using Dicom::DicomWebReply;

namespace {

QByteArray part(const QByteArray &body)
{
    return "--XyZ\r\nContent-Type: application/octet-stream\r\n\r\n" + body + "\r\n";
}

// Answers each request with the next scripted response; a response with cutAt >= 0 is sent
// only up to that byte, then the connection is dropped.
class ScriptedServer : public QObject
{
public:
    struct Response
    {
        QByteArray body;
        qsizetype cutAt = -1;
    };

    explicit ScriptedServer(QList<Response> script) : m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QStringList paths;

private:
    void serve(QTcpSocket *socket)
    {
        m_pending[socket] += socket->readAll();
        if (!m_pending[socket].contains("\r\n\r\n"))
            return;
        const QByteArray request = m_pending.take(socket);
        paths << QString::fromLatin1(request.split(' ').value(1));
        const Response r = m_script.isEmpty() ? Response{} : m_script.takeFirst();
        QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: multipart/related; "
                            "type=\"application/octet-stream\"; boundary=XyZ\r\nContent-Length: "
            + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n\r\n";
        const qsizetype headerSize = answer.size();
        answer += r.body;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (r.cutAt >= 0) {
            socket->write(answer.left(headerSize + r.cutAt));
            while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(1000)) {
            }
            socket->abort(); // the server "dies" mid-transfer
        } else {
            socket->write(answer);
            socket->disconnectFromHost(); // closes once everything is written
        }
    }

    QTcpServer m_server;
    QList<Response> m_script;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace

class TestDicomWebRetry : public QObject
{
    Q_OBJECT

private slots:
    void framesResumeWhereTheyStopped();
    void refusedConnectionFailsAfterRetries();
    void clientDeletedFirst();
};

void TestDicomWebRetry::framesResumeWhereTheyStopped()
{
    const QByteArray f1(3000, 'a'), f2(3000, 'b'), f3(3000, 'c');
    const QByteArray all = part(f1) + part(f2) + part(f3) + "--XyZ--\r\n";
    const QByteArray rest = part(f2) + part(f3) + "--XyZ--\r\n";
    // First answer: frame 1 complete (and its delimiter), then half of frame 2.
    const qsizetype cut = part(f1).size() + part(f2).size() / 2;
    ScriptedServer server({{all, cut}, {rest, -1}});

    Dicom::DicomWebSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicomweb/").arg(server.port()));
    settings.initialBackoffMs = 50;
    DicomWebClient client(settings);
    DicomWebReply *reply = client.retrieveFrames(QStringLiteral("1.2"), QStringLiteral("1.3"),
                                                 QStringLiteral("1.4"), {1, 2, 3});
    QList<DicomWebPart> parts;
    connect(reply, &DicomWebReply::partReceived, this,
            [&parts](const DicomWebPart &p) { parts << p; });
    QSignalSpy retrying(reply, &DicomWebReply::retrying);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30'000));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QCOMPARE(server.paths,
             QStringList({QStringLiteral("/dicomweb/studies/1.2/series/1.3/instances/1.4/frames/1,2,3"),
                          QStringLiteral("/dicomweb/studies/1.2/series/1.3/instances/1.4/frames/2,3")}));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0].frameNumber, 1);
    QCOMPARE(parts[0].body, f1);
    QCOMPARE(parts[1].frameNumber, 2);
    QCOMPARE(parts[1].body, f2);
    QCOMPARE(parts[2].frameNumber, 3);
    QCOMPARE(parts[2].body, f3);
    QCOMPARE(reply->requestCount(), 2);
    delete reply;
}

void TestDicomWebRetry::refusedConnectionFailsAfterRetries()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port nobody listens on once the probe is gone
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    Dicom::DicomWebSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicomweb/").arg(port));
    settings.maxRetries = 2;
    settings.initialBackoffMs = 20;
    DicomWebClient client(settings);
    DicomWebReply *reply = client.searchStudies();
    QSignalSpy retrying(reply, &DicomWebReply::retrying);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30'000));
    QCOMPARE(reply->errorKind(), DicomWebReply::ErrorKind::Network);
    QVERIFY(!reply->errorString().isEmpty());
    QCOMPARE(reply->requestCount(), 3); // the first try + 2 retries
    QCOMPARE(retrying.size(), 2);
    // Back-off doubles: 20 ms, then 40 ms.
    QCOMPARE(retrying.at(0).at(1).toInt(), 20);
    QCOMPARE(retrying.at(1).at(1).toInt(), 40);
    delete reply;
}

void TestDicomWebRetry::clientDeletedFirst()
{
    // A reply waiting to retry outlives its client: it ends as cancelled instead of using
    // the deleted network manager.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    Dicom::DicomWebSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    settings.initialBackoffMs = 60'000;
    auto *client = new DicomWebClient(settings);
    DicomWebReply *reply = client->searchStudies();
    QSignalSpy retrying(reply, &DicomWebReply::retrying);
    QVERIFY(retrying.wait(10'000));
    delete client;
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->errorKind(), DicomWebReply::ErrorKind::Cancelled);
    delete reply;
}

QTEST_GUILESS_MAIN(TestDicomWebRetry)
#include "tst_dicomwebretry.moc"
