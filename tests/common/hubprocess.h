#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

/// A real `renkei-hub` for tests: a demo network in a temporary folder, served over TLS on a
/// free loopback port. Everything goes through the hub's own command line, as an operator's
/// scripts would.
class HubProcess
{
public:
    HubProcess();
    ~HubProcess();

    /// Puts a demo network (`renkei-hub demo`, made once per hub build and day, then copied)
    /// into a fresh temporary folder. Returns an error text, empty on success.
    QString createDemo();
    /// Starts `renkei-hub serve --listen 127.0.0.1:0` and waits for its "listening on" line.
    QString start();
    void stop();

    /// Runs an administration command (`--dir` is added); returns stdout, or sets *error.
    QByteArray run(const QStringList &arguments, QString *error = nullptr,
                   const QByteArray &stdinData = {}) const;
    /// Runs a list command with `--json` and parses the array.
    QJsonArray runJson(const QStringList &arguments, QString *error = nullptr) const;

    QString dataDir() const { return m_dir.path(); }
    /// The DICOM files the demo wrote and imported for @p patientId
    /// (`demo-dicom/<hospital>/<patient>/`), matching @p nameFilter (e.g. "CT*.dcm"), sorted.
    QStringList demoDicomFiles(const QString &patientId, const QString &nameFilter) const;
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QByteArray serverOutput() const { return m_output; }

    static QString executable();

private:
    QTemporaryDir m_dir;
    QProcess m_serve;
    QUrl m_baseUrl;
    mutable QByteArray m_output;
};
