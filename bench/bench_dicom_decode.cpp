// Decode + window of a whole CT series with RenkeiDicom, as the image viewer does it:
// SeriesLoader parses the files on the global thread pool and announces the first image
// early; that image is decoded and rendered with its window at once ("time to first image");
// then every slice is decoded and rendered on the thread pool, the decoded frames kept at
// native depth (the viewer's stack cache) ("full series"). Peak RSS is compared with the
// series' raw pixel bytes. With --dicomweb, the same over WADO-RS with DicomWebClient,
// decoding each instance as it arrives (at most a few undecoded instances in memory at a
// time: the network waits while the pool is busy). --token sends a bearer token (the hub's
// /dicomweb/ needs a login), --ca trusts that PEM CA for https (the hub's network CA).
//
// Usage: bench_dicom_decode DIR [--runs N]
//        bench_dicom_decode --dicomweb BASE_URL STUDY_UID SERIES_UID [--runs N]
//                           [--token TOKEN] [--ca CA.pem]
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
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslConfiguration>
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
    double endRssMiB = 0; ///< VmRSS with every frame still held: what is kept, not transient
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
    r.endRssMiB = procStatusMiB("VmRSS:");
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

RunResult runDicomWeb(const Dicom::DicomWebSettings &settings, const QString &study,
                      const QString &series)
{
    RunResult r;
    Dicom::DicomWebClient client(settings);
    // Instances received but not yet decoded: each holds its file's bytes. Two per pool
    // thread keep both threads fed; beyond that the receiving (GUI) thread waits, QtNetwork
    // stops reading at its readBufferSize, and TCP holds the rest on the server's side,
    // instead of the whole series queueing here as bytes.
    QSemaphore inFlight(2 * QThreadPool::globalInstance()->maxThreadCount());
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
                         inFlight.acquire();
                         pending.addFuture(QtConcurrent::run([&, f = std::optional(*file)]() mutable {
                             Decoded d = decodeAndRender(*f);
                             f.reset(); // the bytes go before the slot is given back
                             {
                                 QMutexLocker lock(&mutex);
                                 frames << std::move(d);
                             }
                             inFlight.release();
                         }));
                     });
    while (!reply->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    pending.waitForFinished();
    r.fullMs = timer.nsecsElapsed() / 1e6;
    r.endRssMiB = procStatusMiB("VmRSS:");
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
    auto option = [&args](const char *name) -> std::optional<QString> {
        const qsizetype i = args.indexOf(QLatin1String(name));
        if (i < 0 || i + 1 >= args.size())
            return std::nullopt;
        const QString value = args[i + 1];
        args.remove(i, 2);
        return value;
    };
    const std::optional<QString> token = option("--token");
    const std::optional<QString> ca = option("--ca");
    const bool web = args.value(0) == u"--dicomweb";
    if ((web && args.size() != 4) || (!web && args.size() != 1)) {
        std::fputs("usage: bench_dicom_decode DIR [--runs N]\n"
                   "       bench_dicom_decode --dicomweb BASE_URL STUDY SERIES [--runs N]\n"
                   "                          [--token TOKEN] [--ca CA.pem]\n",
                   stderr);
        return 2;
    }
    Dicom::DicomWebSettings settings;
    if (web) {
        settings.baseUrl = QUrl(args[1]);
        if (token)
            settings.bearerToken = token->toLatin1();
        if (ca) {
            const QList<QSslCertificate> certs = QSslCertificate::fromPath(*ca);
            if (certs.isEmpty()) {
                std::fprintf(stderr, "no certificate in %s\n", qPrintable(*ca));
                return 2;
            }
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(certs);
            settings.ssl = ssl;
        }
    }
    const double baseline = procStatusMiB("VmRSS:");
    std::printf("threads=%d baseline_rss_mib=%.1f\n", QThreadPool::globalInstance()->maxThreadCount(),
                baseline);
    for (int run = 1; run <= runs; ++run) {
        resetPeakRss();
        const double before = procStatusMiB("VmRSS:");
        const RunResult r = web ? runDicomWeb(settings, args[2], args[3]) : runLocal(args[0]);
        const double peak = procStatusMiB("VmHWM:");
        const double rawMiB = r.rawBytes / 1048576.0;
        std::printf("run=%d images=%d failures=%d first_image_ms=%.1f full_series_ms=%.1f "
                    "raw_pixels_mib=%.1f peak_rss_mib=%.1f peak_over_start_mib=%.1f "
                    "ratio_peak_over_start=%.2f ratio_peak_total=%.2f end_over_start_mib=%.1f%s%s\n",
                    run, r.images, r.failures, r.firstMs, r.fullMs, rawMiB, peak, peak - before,
                    rawMiB > 0 ? (peak - before) / rawMiB : 0.0, rawMiB > 0 ? peak / rawMiB : 0.0,
                    r.endRssMiB - before,
                    r.firstError.isEmpty() ? "" : " error=",
                    qPrintable(r.firstError.simplified()));
        std::fflush(stdout);
    }
    return 0;
}
