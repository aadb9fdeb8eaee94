#include "hubprocess.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
constexpr int kCommandTimeoutMs = 120'000;

/// Runs `renkei-hub demo --dir DIR`; returns an error text, empty on success.
QString runDemo(const QString &dir)
{
    QProcess process;
    process.start(HubProcess::executable(), {QStringLiteral("demo"), QStringLiteral("--dir"), dir});
    if (!process.waitForStarted(10'000))
        return QStringLiteral("cannot start renkei-hub: %1").arg(process.errorString());
    if (!process.waitForFinished(kCommandTimeoutMs)) {
        process.kill();
        return QStringLiteral("renkei-hub demo timed out");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("renkei-hub demo failed (exit %1): %2")
            .arg(process.exitCode())
            .arg(QString::fromUtf8(process.readAllStandardError()));
    return {};
}

/// Copies a folder tree; QFile::copy keeps each file's permissions (the keys stay 0600).
QString copyTree(const QString &from, const QString &to)
{
    const QDir source(from);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        const QString target = to + QLatin1Char('/') + source.relativeFilePath(entry.filePath());
        if (entry.isDir()) {
            if (!QDir().mkpath(target))
                return QStringLiteral("cannot create %1").arg(target);
        } else if (!QDir().mkpath(QFileInfo(target).path())
                   || !QFile::copy(entry.filePath(), target)) {
            return QStringLiteral("cannot copy %1 to %2").arg(entry.filePath(), target);
        }
    }
    return {};
}

/// The demo network made once per hub build and day, shared by the test executables of this
/// build (one `renkei-hub demo` is ~5 s of CPU, and about fifteen test executables need one).
/// Made in a private folder and renamed into place, so parallel tests never see half a demo;
/// when two make it at once, the first rename wins and the other copy is thrown away.
/// Returns the folder, or an empty string and *error.
QString cachedDemo(QString *error)
{
#ifdef RENKEI_TEST_CACHE_DIR
    const QString cacheRoot = QStringLiteral(RENKEI_TEST_CACHE_DIR);
#else
    const QString cacheRoot = QDir::tempPath() + QStringLiteral("/renkei-test-cache");
#endif
    const QFileInfo hub(HubProcess::executable());
    const QString name = QStringLiteral("demo-%1-%2-%3")
                             .arg(hub.lastModified().toMSecsSinceEpoch())
                             .arg(hub.size())
                             .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
    const QString demo = cacheRoot + QLatin1Char('/') + name;
    if (QFileInfo::exists(demo))
        return demo;

    if (!QDir().mkpath(cacheRoot)) {
        *error = QStringLiteral("cannot create %1").arg(cacheRoot);
        return {};
    }
    QTemporaryDir building(cacheRoot + QStringLiteral("/building-XXXXXX"));
    if (!building.isValid()) {
        *error = QStringLiteral("cannot create a folder in %1").arg(cacheRoot);
        return {};
    }
    const QString made = building.filePath(QStringLiteral("demo"));
    if (const QString demoError = runDemo(made); !demoError.isEmpty()) {
        *error = demoError;
        return {};
    }
    if (!QDir().rename(made, demo) && !QFileInfo::exists(demo)) {
        *error = QStringLiteral("cannot move the demo to %1").arg(demo);
        return {};
    }
    // Demos of older builds or days are dead weight (65 MB each). Those an hour old cannot
    // be in use by a run of this build.
    const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    const QFileInfoList old = QDir(cacheRoot).entryInfoList({QStringLiteral("demo-*")}, QDir::Dirs);
    for (const QFileInfo &entry : old) {
        if (entry.fileName() != name && entry.lastModified() < hourAgo)
            QDir(entry.filePath()).removeRecursively();
    }
    return demo;
}

} // namespace

HubProcess::HubProcess()
{
    m_serve.setProcessChannelMode(QProcess::MergedChannels);
}

HubProcess::~HubProcess()
{
    stop();
}

QString HubProcess::executable()
{
#ifdef RENKEI_HUB_EXECUTABLE
    return QStringLiteral(RENKEI_HUB_EXECUTABLE);
#else
    return QStringLiteral("renkei-hub");
#endif
}

QString HubProcess::createDemo()
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder");
    QString error;
    const QString demo = cachedDemo(&error);
    if (demo.isEmpty())
        return error;
    return copyTree(demo, m_dir.path());
}

QStringList HubProcess::demoDicomFiles(const QString &patientId, const QString &nameFilter) const
{
    QStringList files;
    QDirIterator it(m_dir.filePath(QStringLiteral("demo-dicom")), {nameFilter}, QDir::Files,
                    QDirIterator::Subdirectories);
    const QString folder = QLatin1Char('/') + patientId + QLatin1Char('/');
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(folder))
            files << file;
    }
    files.sort();
    return files;
}

QString HubProcess::start()
{
    m_serve.start(executable(), {QStringLiteral("serve"), QStringLiteral("--dir"), m_dir.path(),
                                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!m_serve.waitForStarted(10'000))
        return QStringLiteral("renkei-hub serve did not start: %1").arg(m_serve.errorString());

    static const QRegularExpression listening(QStringLiteral("listening on (https://\\S+)"));
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired()) {
        if (m_serve.state() != QProcess::Running)
            break;
        m_serve.waitForReadyRead(200);
        m_output += m_serve.readAll();
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return {};
        }
    }
    m_output += m_serve.readAll();
    return QStringLiteral("renkei-hub serve did not report a listening address:\n%1")
        .arg(QString::fromUtf8(m_output));
}

void HubProcess::stop()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.terminate();
    if (!m_serve.waitForFinished(5'000)) {
        m_serve.kill();
        m_serve.waitForFinished(5'000);
    }
    m_output += m_serve.readAll();
}

QByteArray HubProcess::run(const QStringList &arguments, QString *error,
                           const QByteArray &stdinData) const
{
    QProcess process;
    QStringList args = arguments;
    args << QStringLiteral("--dir") << m_dir.path();
    process.start(executable(), args);
    if (!process.waitForStarted(10'000)) {
        if (error)
            *error = QStringLiteral("cannot start renkei-hub: %1").arg(process.errorString());
        return {};
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(kCommandTimeoutMs)) {
        process.kill();
        if (error)
            *error = QStringLiteral("renkei-hub %1 timed out").arg(arguments.join(QLatin1Char(' ')));
        return {};
    }
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("renkei-hub %1 failed (exit %2): %3")
                         .arg(arguments.join(QLatin1Char(' ')))
                         .arg(process.exitCode())
                         .arg(QString::fromUtf8(process.readAllStandardError()));
        return out;
    }
    if (error)
        error->clear();
    return out;
}

QJsonArray HubProcess::runJson(const QStringList &arguments, QString *error) const
{
    QString runError;
    const QByteArray out = run(QStringList(arguments) << QStringLiteral("--json"), &runError);
    if (!runError.isEmpty()) {
        if (error)
            *error = runError;
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (!doc.isArray()) {
        if (error)
            *error = QStringLiteral("not a JSON array: %1").arg(parseError.errorString());
        return {};
    }
    return doc.array();
}
