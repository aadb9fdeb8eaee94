// Rendering to 8 bits: the window function of PS3.3 C.11.2.1.2, MONOCHROME1, padding, colour.

#include "dicomfile.h"
#include "render.h"

#include <QTest>

namespace {

Dicom::Frame monochrome(const QList<qint16> &values, int columns)
{
    Dicom::Frame frame;
    frame.rows = int(values.size()) / columns;
    frame.columns = columns;
    frame.bitsAllocated = 16;
    frame.bitsStored = 16;
    frame.isSigned = true;
    frame.photometricInterpretation = QStringLiteral("MONOCHROME2");
    for (qint16 v : values) {
        frame.samples.append(char(v & 0xFF));
        frame.samples.append(char((v >> 8) & 0xFF));
    }
    return frame;
}

Dicom::ImageInfo infoFor(const Dicom::Frame &frame)
{
    Dicom::ImageInfo info;
    info.rows = frame.rows;
    info.columns = frame.columns;
    info.numberOfFrames = 1;
    info.bitsAllocated = frame.bitsAllocated;
    info.bitsStored = frame.bitsStored;
    info.isSigned = frame.isSigned;
    info.photometricInterpretation = frame.photometricInterpretation;
    return info;
}

} // namespace

class TestDicomRender : public QObject
{
    Q_OBJECT

private slots:
    void windowFunction();
    void rescaleAndInvert();
    void minMaxFallbackAndPadding();
    void ybrToRgb();
    void fixtureWindowFromFile();
};

void TestDicomRender::windowFunction()
{
    // Center 40, width 400 (a CT soft-tissue window): <= -160.5 black, > 239.5 white.
    const auto frame = monochrome({-1000, -160, 39, 240}, 4);
    const QImage image = Dicom::render(frame, infoFor(frame), Dicom::Window{40, 400});
    QCOMPARE(image.size(), QSize(4, 1));
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(image.pixel(0, 0)), 0);
    QCOMPARE(qGray(image.pixel(3, 0)), 255);
    // ((x - (c - 0.5)) / (w - 1) + 0.5) * 255: x=39 -> 127.18 -> 127; x=-160 -> 0.
    QCOMPARE(qGray(image.pixel(2, 0)), 127);
    QCOMPARE(qGray(image.pixel(1, 0)), 0);
}

void TestDicomRender::rescaleAndInvert()
{
    auto frame = monochrome({0, 100}, 2);
    auto info = infoFor(frame);
    info.rescaleSlope = 2;
    info.rescaleIntercept = -100; // stored 100 -> 100 in modality units
    const QImage plain = Dicom::render(frame, info, Dicom::Window{50, 2});
    QCOMPARE(qGray(plain.pixel(1, 0)), 255);
    QCOMPARE(qGray(plain.pixel(0, 0)), 0);
    frame.photometricInterpretation = QStringLiteral("MONOCHROME1");
    const QImage inverted = Dicom::render(frame, info, Dicom::Window{50, 2});
    QCOMPARE(qGray(inverted.pixel(1, 0)), 0);
    QCOMPARE(qGray(inverted.pixel(0, 0)), 255);
}

void TestDicomRender::minMaxFallbackAndPadding()
{
    const auto frame = monochrome({-2000, 10, 20, 30}, 4);
    auto info = infoFor(frame);
    info.pixelPaddingValue = -2000;
    const Dicom::Window w = Dicom::defaultWindow(frame, info);
    // Padding excluded: the values span 10..30.
    QCOMPARE(w.width, 21.0);
    const QImage image = Dicom::render(frame, info);
    QCOMPARE(qGray(image.pixel(0, 0)), 0);
    QCOMPARE(qGray(image.pixel(1, 0)), 0);
    QCOMPARE(qGray(image.pixel(3, 0)), 255);
}

void TestDicomRender::ybrToRgb()
{
    Dicom::Frame frame;
    frame.rows = 1;
    frame.columns = 1;
    frame.samplesPerPixel = 3;
    frame.bitsAllocated = 8;
    frame.bitsStored = 8;
    frame.photometricInterpretation = QStringLiteral("YBR_FULL");
    // Pure red (255,0,0) in YBR_FULL per PS3.3 C.7.6.3.1.2: Y=76.245, Cb=84.97, Cr=255.5.
    frame.samples = QByteArray("\x4c\x55\xff", 3);
    const QImage image = Dicom::render(frame, infoFor(frame));
    const QColor c = image.pixelColor(0, 0);
    QVERIFY(c.red() >= 253);
    QVERIFY(c.green() <= 2);
    QVERIFY(c.blue() <= 2);
}

void TestDicomRender::fixtureWindowFromFile()
{
    const QString path = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/MR_small.dcm");
    if (!QFileInfo::exists(path))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
    const auto file = Dicom::DicomFile::open(path);
    QVERIFY(file);
    const auto info = file->imageInfo();
    QVERIFY(info);
    // dcmdump shows Window Center 600, Window Width 1600 in MR_small.dcm.
    QCOMPARE(info->windows.size(), 1);
    const auto frame = file->frame(0);
    QVERIFY(frame);
    const Dicom::Window w = Dicom::defaultWindow(*frame, *info);
    QCOMPARE(w.center, 600.0);
    QCOMPARE(w.width, 1600.0);
    QCOMPARE(Dicom::render(*frame, *info).size(), QSize(64, 64));
}

QTEST_GUILESS_MAIN(TestDicomRender)
#include "tst_dicom_render.moc"
