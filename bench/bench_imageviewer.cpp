// The image viewer on a 500-slice 512×512 16-bit CT series written by pydicom into a
// temporary folder: (a) memory of the series loaded through Dicom::SeriesLoader and then
// scrolled through in an ImageViewport, against the raw pixel bytes; (b) render + paint of
// each frame while scrolling (ImageViewport::paintEvent through QWidget::render into an
// offscreen image at a 1×1-layout size), and while dragging window/level on one slice.
//   bench_imageviewer [--slices N] [--size WxH] [--python PATH]

#include "imageviewport.h"
#include "seriesloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

// A body of soft tissue with lungs, a spine and a contrast-filled aorta that move a little
// from slice to slice, plus noise: a CT that exercises the whole value range. Fixed seed.
const char *kGenerator = R"PY(
import sys, numpy as np, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid, CTImageStorage
out, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(6)
yy, xx = np.mgrid[0:512, 0:512].astype(np.float32)
study, series, frame = generate_uid(), generate_uid(), generate_uid()
for i in range(n):
    t = i / max(1, n - 1)
    hu = np.full((512, 512), -1000.0, np.float32)
    hu[((xx - 256) / 220) ** 2 + ((yy - 260) / 170) ** 2 <= 1] = 40
    for cx in (170, 342):
        hu[((xx - cx) / (70 + 20 * t)) ** 2 + ((yy - 240) / 100) ** 2 <= 1] = -850
    hu[(xx - 256) ** 2 + (yy - 370) ** 2 <= 30 ** 2] = 700
    hu[(xx - 256 + 30 * t) ** 2 + (yy - 300) ** 2 <= 14 ** 2] = 250
    hu += rng.normal(0, 12, hu.shape).astype(np.float32)
    px = np.clip(hu + 1024, 0, 4095).astype(np.int16)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset(); ds.file_meta = meta
    ds.SOPClassUID = CTImageStorage; ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
    ds.Modality = 'CT'; ds.PatientName = 'Bench^CT'; ds.PatientID = 'BENCH'
    ds.StudyDate = '20260101'; ds.SeriesNumber = 2; ds.InstanceNumber = i + 1
    ds.ImagePositionPatient = [-179.2, -179.2, -i * 1.0]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [0.7, 0.7]; ds.SliceThickness = 1.0
    ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.Rows = ds.Columns = 512; ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15
    ds.PixelRepresentation = 1; ds.RescaleIntercept = -1024; ds.RescaleSlope = 1
    ds.WindowCenter = 40; ds.WindowWidth = 400
    ds.PixelData = px.tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(f'{out}/ct{i:04d}.dcm', write_like_original=False)
)PY";

/// VmRSS or VmHWM of this process in KiB.
qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so a peak can be measured per phase.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

/// CPU time of this thread in ms: what a frame costs, whatever else the machine is doing.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Stats
{
    double median = 0, p95 = 0, max = 0, mean = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats s;
    if (ms.isEmpty())
        return s;
    s.median = ms[ms.size() / 2];
    s.p95 = ms[qMin(ms.size() - 1, qsizetype(ms.size() * 0.95))];
    s.max = ms.last();
    for (double v : ms)
        s.mean += v;
    s.mean /= ms.size();
    return s;
}

void print(const char *what, const Stats &s)
{
    std::printf("%-44s median %6.2f  mean %6.2f  p95 %6.2f  max %6.2f ms\n", what, s.median,
                s.mean, s.p95, s.max);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption slicesOption(QStringLiteral("slices"), QStringLiteral("slices"), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("viewport size"), QStringLiteral("WxH"), QStringLiteral("1024x1024"));
    const QCommandLineOption pythonOption(QStringLiteral("python"), QStringLiteral("python3 with pydicom and numpy"), QStringLiteral("path"), QStringLiteral("/usr/bin/python3"));
    parser.addOptions({slicesOption, sizeOption, pythonOption});
    parser.process(app);
    const int slices = parser.value(slicesOption).toInt();
    const QStringList size = parser.value(sizeOption).split(u'x');
    const QSize viewSize(size.value(0).toInt(), size.value(1).toInt());

    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedChannels);
    python.start(parser.value(pythonOption), {QStringLiteral("-c"), QString::fromUtf8(kGenerator), dir.path(), QString::number(slices)});
    if (!python.waitForFinished(-1) || python.exitCode() != 0)
        qFatal("generating the series with pydicom failed");
    std::printf("series: %d slices 512x512 int16 written by pydicom in %.1f s to %s\n", slices,
                timer.elapsed() / 1000.0, qPrintable(dir.path()));
    const double rawMiB = slices * 512.0 * 512.0 * 2 / (1024 * 1024);

    // (a) loading through the series loader.
    const qint64 rssBefore = statusKiB("VmRSS:");
    resetPeak();
    Dicom::SeriesLoader loader;
    QList<Dicom::Series> loaded;
    QEventLoop loop;
    QObject::connect(&loader, &Dicom::SeriesLoader::finished, &loop, [&](const QList<Dicom::Series> &s) {
        loaded = s;
        loop.quit();
    });
    timer.restart();
    loader.load({dir.path()});
    loop.exec();
    const double loadSeconds = timer.elapsed() / 1000.0;
    const qint64 loadPeak = statusKiB("VmHWM:") - rssBefore;
    const qint64 loadRss = statusKiB("VmRSS:") - rssBefore;
    if (loaded.size() != 1 || loaded.first().images.size() != slices)
        qFatal("expected one series of %d images", slices);

    // (b) scrolling: every slice decoded (off the GUI thread, as in the viewer) then painted.
    ImageViewport view;
    view.resize(viewSize);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    view.setSeries(loaded.first());
    QImage target(viewSize, QImage::Format_ARGB32_Premultiplied);
    auto waitReady = [&] {
        while (!view.isCurrentSliceReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    QList<double> cpu;
    auto paint = [&] {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        view.render(&target);
        const double wall = t.nsecsElapsed() / 1e6;
        cpu << threadCpuMs() - c0;
        return wall;
    };
    QList<double> forward, backward, decodeWait, windowing, repaint;
    for (int i = 0; i < slices; ++i) {
        QElapsedTimer t;
        t.start();
        view.setCurrentSlice(i);
        waitReady();
        decodeWait << t.nsecsElapsed() / 1e6;
        forward << paint();
    }
    // Back again: the last 96 slices come from the viewport's cache, the rest decode again.
    for (int i = slices - 1; i >= 0; --i) {
        view.setCurrentSlice(i);
        waitReady();
        backward << paint();
    }
    // Window/level drag on one slice: every frame is a new window, so a new LUT and image.
    view.setCurrentSlice(slices / 2);
    waitReady();
    const qsizetype scrollFrames = cpu.size();
    for (int i = 0; i < 200; ++i) {
        view.setWindow({40.0 + i, 400.0 + 2 * i});
        windowing << paint();
    }
    // The same frame again (an expose, a cine of one slice): painting only.
    for (int i = 0; i < 200; ++i)
        repaint << paint();
    const qint64 totalPeak = statusKiB("VmHWM:") - rssBefore;
    const qint64 totalRss = statusKiB("VmRSS:") - rssBefore;
    target.save(QStringLiteral("/tmp/imageview-bench-frame.png"));

    std::printf("viewport %dx%d, offscreen, QWidget::render into ARGB32 QImage\n", viewSize.width(), viewSize.height());
    print("(b) render+paint, scrolling forward", stats(forward));
    print("(b) render+paint, scrolling back", stats(backward));
    print("(b) render+paint, window/level drag", stats(windowing));
    print("(b) repaint of the same frame", stats(repaint));
    print("(b) thread CPU per frame while scrolling", stats(cpu.mid(0, scrollFrames)));
    print("    decode wait per slice (thread pool)", stats(decodeWait));
    std::printf("(a) load %d files: %.2f s\n", slices, loadSeconds);
    std::printf("(a) raw pixel bytes                 %8.1f MiB\n", rawMiB);
    std::printf("(a) after loading: RSS +%7.1f MiB, peak +%7.1f MiB  (%.3f x raw peak)\n",
                loadRss / 1024.0, loadPeak / 1024.0, loadPeak / 1024.0 / rawMiB);
    std::printf("(a) after scrolling: RSS +%7.1f MiB, peak +%7.1f MiB  (%.3f x raw peak)\n",
                totalRss / 1024.0, totalPeak / 1024.0, totalPeak / 1024.0 / rawMiB);
    return 0;
}
