#include "hubprocess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
constexpr int kCommandTimeoutMs = 120'000;
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
    run({QStringLiteral("demo")}, &error);
    return error;
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
