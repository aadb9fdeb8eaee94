// Decode + window of a whole CT series with RenkeiDicom, as the image viewer does it:
// SeriesLoader parses the files on the global thread pool and announces the first image
// early; that image is decoded and rendered with its window at once ("time to first image");
// then every slice is decoded and rendered on the thread pool, the decoded frames kept at
// native depth (the viewer's stack cache) ("full series"). Peak RSS is compared with the
// series' raw pixel bytes. With --dicomweb, the same over WADO-RS with DicomWebClient,
// decoding each instance as it arrives.
//
// Usage: bench_dicom_decode DIR [--runs N]
//        bench_dicom_decode --dicomweb BASE_URL STUDY_UID SERIES_UID [--runs N]
// Prints one line per run: key=value pairs (milliseconds, MiB).

#include "dicomfile.h"
#include "dicomwebclient.h"
#include "render.h"
#include "seriesloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureSynchronizer>
#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <optional>

namespace {

// VmRSS / VmHWM of this process in MiB.
double procStatusMiB(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

void resetPeakRss()
{
    // Linux: writing 5 resets VmHWM to the current RSS.
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

struct Decoded
{
    std::optional<Dicom::Frame> frame;
    QString error;
};

// Decode one image and render it with the file's window, as the viewport would show it.
Decoded decodeAndRender(const Dicom::DicomFile &file)
{
    const auto info = file.imageInfo();
    if (!info)
        return {std::nullopt, info.error()};
    auto frame = file.frame(0);
    if (!frame)
        return {std::nullopt, frame.error()};
    const QImage image = Dicom::render(*frame, *info);
    if (image.isNull())
        return {std::nullopt, QStringLiteral("render failed")};
    return {std::move(*frame), {}};
}

struct RunResult
{
    double firstMs = 0;
    double fullMs = 0;
    int images = 0;
    int failures = 0;
    qint64 rawBytes = 0;
    QString firstError;
};

RunResult runLocal(const QString &dir)
{
    RunResult r;
    Dicom::SeriesLoader loader;
    QElapsedTimer timer;
    bool firstDone = false;
    QList<Dicom::Series> loaded;
    bool finished = false;
    QObject::connect(&loader, &Dicom::SeriesLoader::firstImageRead, &loader,
                     [&](const Dicom::Series &preview) {
                         const Decoded d = decodeAndRender(*preview.images.first().file);
                         r.firstMs = timer.nsecsElapsed() / 1e6;
                         firstDone = d.frame.has_value();
                     });
    QObject::connect(&loader, &Dicom::SeriesLoader::finished, &loader,
                     [&](const QList<Dicom::Series> &series) {
                         loaded = series;
                         finished = true;
                     });
    timer.start();
    loader.load({dir});
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QList<Dicom::DicomFile> files;
    for (const Dicom::Series &s : loaded) {
        for (const Dicom::SeriesImage &image : s.images) {
            if (image.file)
                files << *image.file;
            else
                ++r.failures;
        }
    }
    const QList<Decoded> frames = QtConcurrent::blockingMapped(files, &decodeAndRender);
    r.fullMs = timer.nsecsElapsed() / 1e6;
    for (const Decoded &d : frames) {
        if (d.frame) {
            ++r.images;
            r.rawBytes += d.frame->samples.size();
        } else {
            ++r.failures;
            if (r.firstError.isEmpty())
                r.firstError = d.error;
        }
    }
    if (!firstDone && r.firstError.isEmpty())
        r.firstError = QStringLiteral("first image not decoded");
    return r;
}

RunResult runDicomWeb(const QUrl &base, const QString &study, const QString &series)
{
    RunResult r;
    Dicom::DicomWebSettings settings;
    settings.baseUrl = base;
    Dicom::DicomWebClient client(settings);
    QElapsedTimer timer;
    timer.start();
    QMutex mutex;
    QList<Decoded> frames;
    QFutureSynchronizer<void> pending;
    bool first = true;
    Dicom::DicomWebReply *reply = client.retrieveInstances(study, series);
    QObject::connect(reply, &Dicom::DicomWebReply::partReceived, reply,
                     [&](const Dicom::DicomWebPart &part) {
                         auto file = Dicom::DicomFile::fromBytes(part.body);
                         if (!file) {
                             ++r.failures;
                             return;
                         }
                         if (first) { // the first image on this thread, at once
                             first = false;
                             Decoded d = decodeAndRender(*file);
                             r.firstMs = timer.nsecsElapsed() / 1e6;
                             QMutexLocker lock(&mutex);
                             frames << std::move(d);
                             return;
                         }
                         pending.addFuture(QtConcurrent::run([&, f = *file] {
                             Decoded d = decodeAndRender(f);
                             QMutexLocker lock(&mutex);
                             frames << std::move(d);
                         }));
                     });
    while (!reply->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    pending.waitForFinished();
    r.fullMs = timer.nsecsElapsed() / 1e6;
    if (!reply->ok())
        r.firstError = reply->errorString();
    for (const Decoded &d : frames) {
        if (d.frame) {
            ++r.images;
            r.rawBytes += d.frame->samples.size();
        } else {
            ++r.failures;
        }
    }
    delete reply;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 3;
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size()) {
        runs = args[i + 1].toInt();
        args.remove(i, 2);
    }
    const bool web = args.value(0) == u"--dicomweb";
    if ((web && args.size() != 4) || (!web && args.size() != 1)) {
        std::fputs("usage: bench_dicom_decode DIR [--runs N]\n"
                   "       bench_dicom_decode --dicomweb BASE_URL STUDY SERIES [--runs N]\n",
                   stderr);
        return 2;
    }
    const double baseline = procStatusMiB("VmRSS:");
    std::printf("threads=%d baseline_rss_mib=%.1f\n", QThreadPool::globalInstance()->maxThreadCount(),
                baseline);
    for (int run = 1; run <= runs; ++run) {
        resetPeakRss();
        const double before = procStatusMiB("VmRSS:");
        const RunResult r = web ? runDicomWeb(QUrl(args[1]), args[2], args[3]) : runLocal(args[0]);
        const double peak = procStatusMiB("VmHWM:");
        const double rawMiB = r.rawBytes / 1048576.0;
        std::printf("run=%d images=%d failures=%d first_image_ms=%.1f full_series_ms=%.1f "
                    "raw_pixels_mib=%.1f peak_rss_mib=%.1f peak_over_start_mib=%.1f "
                    "ratio_peak_over_start=%.2f ratio_peak_total=%.2f%s%s\n",
                    run, r.images, r.failures, r.firstMs, r.fullMs, rawMiB, peak, peak - before,
                    rawMiB > 0 ? (peak - before) / rawMiB : 0.0, rawMiB > 0 ? peak / rawMiB : 0.0,
                    r.firstError.isEmpty() ? "" : " error=",
                    qPrintable(r.firstError.simplified()));
        std::fflush(stdout);
    }
    return 0;
}
