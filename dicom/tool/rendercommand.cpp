#include "rendercommand.h"

#include "infocommand.h"

#include "dicomfile.h"
#include "render.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <optional>

namespace {

struct Options
{
    QStringList inputs;
    QString output;
    int frame = 1;
    std::optional<Dicom::Window> window;
};

std::optional<Options> parse(const QStringList &args, QString &error)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                error = QStringLiteral("%1 needs a value").arg(a);
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == u"-o" || a == u"--output") {
            const auto v = value();
            if (!v)
                return std::nullopt;
            options.output = *v;
        } else if (a == u"--frame") {
            const auto v = value();
            if (!v)
                return std::nullopt;
            bool ok = false;
            options.frame = v->toInt(&ok);
            if (!ok || options.frame < 1) {
                error = QStringLiteral("--frame wants a number from 1, got \"%1\"").arg(*v);
                return std::nullopt;
            }
        } else if (a == u"--window") {
            const auto v = value();
            if (!v)
                return std::nullopt;
            const QStringList parts = v->split(u',');
            bool okCenter = false;
            bool okWidth = false;
            const double center = parts.value(0).toDouble(&okCenter);
            const double width = parts.value(1).toDouble(&okWidth);
            if (parts.size() != 2 || !okCenter || !okWidth || width < 1) {
                error = QStringLiteral("--window wants CENTER,WIDTH with WIDTH >= 1, got \"%1\"")
                            .arg(*v);
                return std::nullopt;
            }
            options.window = Dicom::Window{center, width};
        } else if (a.startsWith(u'-') && a.size() > 1) {
            error = QStringLiteral("unknown option %1").arg(a);
            return std::nullopt;
        } else {
            options.inputs.append(a);
        }
    }
    if (options.inputs.isEmpty() || options.output.isEmpty()) {
        error = QStringLiteral("render needs at least one input and -o OUT");
        return std::nullopt;
    }
    return options;
}

int renderOne(const Options &options)
{
    const auto file = Dicom::DicomFile::open(options.inputs.first());
    if (!file) {
        printError(file.error());
        return 1;
    }
    const auto info = file->imageInfo();
    if (!info) {
        printError(QStringLiteral("%1: %2").arg(options.inputs.first(), info.error()));
        return 1;
    }
    const auto frame = file->frame(options.frame - 1);
    if (!frame) {
        printError(QStringLiteral("%1: %2").arg(options.inputs.first(), frame.error()));
        return 1;
    }
    const QImage image = Dicom::render(*frame, *info, options.window);
    if (image.isNull() || !image.save(options.output, "PNG")) {
        printError(QStringLiteral("cannot write %1").arg(options.output));
        return 1;
    }
    return 0;
}

struct Job
{
    Dicom::DicomFile file;
    Dicom::ImageInfo info;
    QString source;
    int frame;
    QString output;
};

int renderMany(const Options &options)
{
    if (!QDir().mkpath(options.output)) {
        printError(QStringLiteral("cannot create folder %1").arg(options.output));
        return 1;
    }
    bool failed = false;
    QList<Job> jobs;
    auto addFile = [&](const QString &path, bool explicitlyNamed) {
        const auto file = Dicom::DicomFile::open(path);
        const auto info = file ? file->imageInfo() : Dicom::Result<Dicom::ImageInfo>(
                                     Dicom::Error{file.error()});
        if (!info) {
            // A folder may hold reports, waveforms or stray files next to the images; those
            // are skipped with a note. A file named on the command line must be an image.
            printError(file ? QStringLiteral("%1: %2").arg(path, info.error()) : info.error());
            const bool notAnImage = file ? !file->hasPixelData()
                                         : !Dicom::DicomFile::hasDicomSignature(path);
            if (explicitlyNamed || !notAnImage)
                failed = true;
            return;
        }
        const QString base = QFileInfo(path).completeBaseName();
        for (int f = 0; f < info->numberOfFrames; ++f) {
            const QString name = QStringLiteral("%1-f%2.png").arg(base).arg(f + 1, 4, 10, QChar(u'0'));
            jobs.append(Job{*file, *info, path, f, QDir(options.output).filePath(name)});
        }
    };
    for (const QString &input : options.inputs) {
        const QFileInfo fi(input);
        if (fi.isDir()) {
            QDirIterator it(input, QDir::Files, QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext())
                files.append(it.next());
            files.sort();
            for (const QString &f : files)
                addFile(f, false);
        } else {
            addFile(input, true);
        }
    }
    QMutex errorMutex;
    const QList<bool> results = QtConcurrent::blockingMapped(jobs, [&](const Job &job) {
        const auto frame = job.file.frame(job.frame);
        QString error;
        if (!frame) {
            error = QStringLiteral("%1: %2").arg(job.source, frame.error());
        } else {
            const QImage image = Dicom::render(*frame, job.info, options.window);
            if (image.isNull() || !image.save(job.output, "PNG"))
                error = QStringLiteral("cannot write %1").arg(job.output);
        }
        if (!error.isEmpty()) {
            QMutexLocker lock(&errorMutex);
            printError(error);
        }
        return error.isEmpty();
    });
    if (results.contains(false))
        failed = true;
    if (jobs.isEmpty()) {
        printError(QStringLiteral("no images found"));
        return 1;
    }
    return failed ? 1 : 0;
}

} // namespace

int runRender(const QStringList &args)
{
    QString error;
    const auto options = parse(args, error);
    if (!options) {
        printError(error);
        return 2;
    }
    const QFileInfo single(options->inputs.first());
    const bool oneFile = options->inputs.size() == 1 && !single.isDir()
        && !QFileInfo(options->output).isDir()
        && options->output.endsWith(u".png", Qt::CaseInsensitive);
    return oneFile ? renderOne(*options) : renderMany(*options);
}
