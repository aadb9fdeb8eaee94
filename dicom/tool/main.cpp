// renkei-dicom: `info FILE` and `render INPUT... -o OUT`. Everything else lives in RenkeiDicom.

#include "ecgcommand.h"
#include "infocommand.h"
#include "pdfcommand.h"
#include "rendercommand.h"
#include "srcommand.h"

#include "dicomtoolkit.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

const char *const kUsage =
    "usage: renkei-dicom info FILE\n"
    "       renkei-dicom render FILE -o OUT.png [--frame N] [--window CENTER,WIDTH]\n"
    "       renkei-dicom render DIR|FILE... -o OUTDIR [--window CENTER,WIDTH]\n"
    "       renkei-dicom sr FILE\n"
    "       renkei-dicom ecg FILE [--csv] [--group N]\n"
    "       renkei-dicom pdf FILE -o OUT.pdf\n"
    "Frames are numbered from 1. With several inputs or a directory, every frame of every\n"
    "image is written to OUTDIR as NAME-fNNNN.png.\n";

} // namespace

int main(int argc, char *argv[])
{
    // QGuiApplication is not needed for QImage/PNG; QCoreApplication keeps this headless.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("renkei-dicom"));
    Dicom::silenceToolkitLog();

    const QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.value(0);
    if (command == u"info")
        return runInfo(args.mid(1));
    if (command == u"render")
        return runRender(args.mid(1));
    if (command == u"sr")
        return runSr(args.mid(1));
    if (command == u"ecg")
        return runEcg(args.mid(1));
    if (command == u"pdf")
        return runPdf(args.mid(1));
    if (command == u"-h" || command == u"--help" || command == u"help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    std::fputs(kUsage, stderr);
    return 2;
}
