#include "infocommand.h"

#include "dicomfile.h"

#include <QJsonDocument>

#include <cstdio>

void printError(const QString &message)
{
    QString line = message.simplified();
    const QByteArray bytes = QStringLiteral("renkei-dicom: %1\n").arg(line).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int runInfo(const QStringList &args)
{
    if (args.size() != 1) {
        printError(QStringLiteral("info takes exactly one FILE"));
        return 2;
    }
    const auto file = Dicom::DicomFile::open(args.first());
    if (!file) {
        printError(file.error());
        return 1;
    }
    const QByteArray json = QJsonDocument(file->summary()).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return 0;
}
