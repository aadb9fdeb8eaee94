#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

/// A real Orthanc (Debian's orthanc + orthanc-dicomweb) for tests: configuration, storage
/// and index in a temporary folder, HTTP and DICOM on free loopback ports, DICOMweb at
/// /dicom-web/. It can be killed and started again on the same ports and storage, to test
/// clients against a server that goes away mid-transfer.
class OrthancProcess
{
public:
    OrthancProcess();
    ~OrthancProcess();

    /// True when the Orthanc executable and the DICOMweb plugin are installed.
    static bool isAvailable();

    /// Writes the configuration (first call: picks the ports), starts Orthanc and waits until
    /// GET /system answers. Returns an error text, empty on success.
    QString start();
    /// SIGTERM, then SIGKILL if it does not end.
    void stop();
    /// SIGKILL at once: a server that dies mid-transfer.
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    /// POST /instances with the file's bytes. Returns an error text, empty on success.
    QString upload(const QString &path);

    QUrl httpUrl() const;
    QUrl dicomWebUrl() const;
    quint16 httpPort() const { return m_httpPort; }
    /// Orthanc's log so far (written to a file in the temporary folder).
    QByteArray log() const;

    /// A blocking HTTP/1.0 request on loopback (no event loop needed); returns the status and
    /// the body, or status 0 when nothing answered.
    struct Response
    {
        int status = 0;
        QByteArray body;
    };
    Response request(const QByteArray &method, const QString &path,
                     const QByteArray &body = {}) const;

private:
    QString writeConfiguration();

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_httpPort = 0;
    quint16 m_dicomPort = 0;
};
