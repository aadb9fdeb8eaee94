#include "orthancprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {

const char *const kExecutable = "/usr/sbin/Orthanc";
const char *const kDicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

OrthancProcess::OrthancProcess() = default;

OrthancProcess::~OrthancProcess()
{
    stop();
}

bool OrthancProcess::isAvailable()
{
    return QFileInfo(QString::fromLatin1(kExecutable)).isExecutable()
        && QFileInfo::exists(QString::fromLatin1(kDicomWebPlugin));
}

QString OrthancProcess::writeConfiguration()
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder");
    if (m_httpPort == 0) {
        m_httpPort = freePort();
        m_dicomPort = freePort();
        if (m_httpPort == 0 || m_dicomPort == 0 || m_httpPort == m_dicomPort)
            return QStringLiteral("no free loopback port");
    }
    const QString storage = m_dir.filePath(QStringLiteral("storage"));
    QJsonObject config{
        {QStringLiteral("Name"), QStringLiteral("RenkeiTest")},
        {QStringLiteral("StorageDirectory"), storage},
        {QStringLiteral("IndexDirectory"), storage},
        {QStringLiteral("HttpPort"), m_httpPort},
        {QStringLiteral("DicomPort"), m_dicomPort},
        {QStringLiteral("RemoteAccessAllowed"), false},
        {QStringLiteral("AuthenticationEnabled"), false},
        {QStringLiteral("StorageCompression"), false},
        {QStringLiteral("SaveJobs"), false},
        {QStringLiteral("Plugins"), QJsonArray{QString::fromLatin1(kDicomWebPlugin)}},
        {QStringLiteral("DicomWeb"),
         QJsonObject{{QStringLiteral("Enable"), true},
                     {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}},
    };
    QFile file(m_dir.filePath(QStringLiteral("orthanc.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    file.write(QJsonDocument(config).toJson());
    return {};
}

QString OrthancProcess::start()
{
    if (isRunning())
        return {};
    if (const QString error = writeConfiguration(); !error.isEmpty())
        return error;
    // Orthanc logs a lot; a file keeps a full pipe from ever blocking it.
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("orthanc.log")),
                                    QIODevice::Append);
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("orthanc.log")),
                                   QIODevice::Append);
    m_process.start(QString::fromLatin1(kExecutable),
                    {m_dir.filePath(QStringLiteral("orthanc.json"))});
    if (!m_process.waitForStarted(10'000))
        return QStringLiteral("Orthanc did not start: %1").arg(m_process.errorString());
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return QStringLiteral("Orthanc exited:\n%1").arg(QString::fromUtf8(log()));
        if (request("GET", QStringLiteral("/system")).status == 200)
            return {};
        QThread::msleep(100);
    }
    return QStringLiteral("Orthanc did not answer GET /system:\n%1").arg(QString::fromUtf8(log()));
}

void OrthancProcess::stop()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

void OrthancProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(5'000);
}

QString OrthancProcess::upload(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    const Response response = request("POST", QStringLiteral("/instances"), file.readAll());
    if (response.status != 200)
        return QStringLiteral("POST /instances %1 answered %2: %3")
            .arg(path)
            .arg(response.status)
            .arg(QString::fromUtf8(response.body));
    return {};
}

QUrl OrthancProcess::httpUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_httpPort));
}

QUrl OrthancProcess::dicomWebUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web/").arg(m_httpPort));
}

QByteArray OrthancProcess::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("orthanc.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

OrthancProcess::Response OrthancProcess::request(const QByteArray &method, const QString &path,
                                                 const QByteArray &body) const
{
    Response response;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_httpPort);
    if (!socket.waitForConnected(2'000))
        return response;
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.0\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST")
        head += "Content-Type: application/dicom\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";
    socket.write(head + body);
    QByteArray raw;
    QDeadlineTimer deadline(60'000);
    // HTTP/1.0: the server closes the connection after the response.
    while (!deadline.hasExpired()) {
        if (!socket.waitForReadyRead(1'000)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        raw += socket.readAll();
        // Done when the announced body is complete (should the server keep the connection).
        const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const qsizetype at = raw.toLower().indexOf("\r\ncontent-length:");
            if (at >= 0 && at < headerEnd) {
                const qsizetype lineEnd = raw.indexOf("\r\n", at + 2);
                const qint64 length = raw.mid(at + 17, lineEnd - at - 17).trimmed().toLongLong();
                if (raw.size() - headerEnd - 4 >= length)
                    break;
            }
        }
    }
    raw += socket.readAll();
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = raw.left(raw.indexOf("\r\n")).split(' ');
    if (end < 0 || statusLine.size() < 2)
        return response;
    response.status = statusLine[1].toInt();
    response.body = raw.mid(end + 4);
    return response;
}
