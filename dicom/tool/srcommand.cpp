#include "srcommand.h"

#include "infocommand.h"

#include "dicomfile.h"
#include "structuredreport.h"

#include <cstdio>

int runSr(const QStringList &args)
{
    if (args.size() != 1) {
        printError(QStringLiteral("sr takes exactly one FILE"));
        return 2;
    }
    const auto file = Dicom::DicomFile::open(args.first());
    if (!file) {
        printError(file.error());
        return 1;
    }
    const auto report = Dicom::readStructuredReport(*file);
    if (!report) {
        printError(QStringLiteral("%1: %2").arg(args.first(), report.error()));
        return 1;
    }
    const QByteArray text = Dicom::structuredReportText(*report).toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    return 0;
}
