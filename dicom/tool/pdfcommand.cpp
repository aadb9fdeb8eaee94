#include "pdfcommand.h"

#include "infocommand.h"

#include "dicomfile.h"
#include "encapsulatedpdf.h"

#include <QSaveFile>

int runPdf(const QStringList &args)
{
    QString path;
    QString output;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-o" || a == u"--output") {
            if (i + 1 >= args.size()) {
                printError(QStringLiteral("%1 needs a value").arg(a));
                return 2;
            }
            output = args[++i];
        } else if (a.startsWith(u'-') && a.size() > 1) {
            printError(QStringLiteral("pdf: unknown option %1").arg(a));
            return 2;
        } else if (path.isEmpty()) {
            path = a;
        } else {
            printError(QStringLiteral("pdf takes exactly one FILE"));
            return 2;
        }
    }
    if (path.isEmpty() || output.isEmpty()) {
        printError(QStringLiteral("usage: renkei-dicom pdf FILE -o OUT.pdf"));
        return 2;
    }
    const auto file = Dicom::DicomFile::open(path);
    if (!file) {
        printError(file.error());
        return 1;
    }
    const auto document = Dicom::readEncapsulatedDocument(*file);
    if (!document) {
        printError(QStringLiteral("%1: %2").arg(path, document.error()));
        return 1;
    }
    // QSaveFile: a failed write never leaves half a PDF behind under the final name.
    QSaveFile out(output);
    if (!out.open(QIODevice::WriteOnly) || out.write(document->bytes) != document->bytes.size()
        || !out.commit()) {
        printError(QStringLiteral("%1: %2").arg(output, out.errorString()));
        return 1;
    }
    return 0;
}
