#include "imageviewport.h"
#include "measurement.h"
#include "seriesloader.h"

#include <QtTest>

#include <cmath>

using namespace Dicom;

namespace {

void sendClick(QWidget *w, QPointF at)
{
    QMouseEvent press(QEvent::MouseButtonPress, at, w->mapToGlobal(at), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, w->mapToGlobal(at), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(w, &release);
}

void sendMove(QWidget *w, QPointF to, Qt::MouseButtons buttons = Qt::NoButton)
{
    QMouseEvent move(QEvent::MouseMove, to, w->mapToGlobal(to), Qt::NoButton, buttons,
                     Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

void sendDrag(QWidget *w, QPointF from, QPointF to)
{
    QMouseEvent press(QEvent::MouseButtonPress, from, w->mapToGlobal(from), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w, &press);
    for (int i = 1; i <= 4; ++i)
        sendMove(w, from + (to - from) * (i / 4.0), Qt::LeftButton);
    QMouseEvent release(QEvent::MouseButtonRelease, to, w->mapToGlobal(to), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(w, &release);
}

} // namespace

class TstMeasurements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void angleGeometry_data();
    void angleGeometry();
    void roiStatisticsMatchNumpy_data();
    void roiStatisticsMatchNumpy();
    void angleByClicks();
    void roiByDragShowsHounsfield();
    void measurementsStayWithTheirSlice();
    void selectAndDelete();

private:
    Series ctStack(int slices) const;
    void show(const Series &series);

    QDir m_dir;
    ImageViewport *m_view = nullptr;
};

void TstMeasurements::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstMeasurements::init()
{
    m_view = new ImageViewport;
    m_view->resize(600, 600);
}

void TstMeasurements::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

Series TstMeasurements::ctStack(int slices) const
{
    // The same CT pixels at several positions: a stack to scroll through.
    const SeriesImage base = SeriesLoader::readImage(m_dir.filePath(QStringLiteral("CT_small.dcm")));
    QList<SeriesImage> images;
    for (int i = 0; i < slices; ++i) {
        SeriesImage s = base;
        s.attributes.instanceNumber = i + 1;
        s.attributes.imagePosition = QVector3D(0, 0, 5.0f * i);
        images << s;
    }
    return SeriesLoader::group(images).first();
}

void TstMeasurements::show(const Series &series)
{
    m_view->setSeries(series);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QTRY_VERIFY(m_view->isCurrentSliceReady());
    m_view->setZoom(4); // whole widget pixels per image pixel: exact endpoints
}

void TstMeasurements::angleGeometry_data()
{
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("vertex");
    QTest::addColumn<QPointF>("b");
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<double>("degrees");
    QTest::newRow("right angle") << QPointF(10, 0) << QPointF(0, 0) << QPointF(0, 10) << 1.0 << 1.0 << 90.0;
    QTest::newRow("straight") << QPointF(-5, 3) << QPointF(0, 3) << QPointF(7, 3) << 1.0 << 1.0 << 180.0;
    QTest::newRow("45 degrees") << QPointF(20, 20) << QPointF(10, 10) << QPointF(20, 10) << 1.0 << 1.0 << 45.0;
    // 1 px across, 1 px down on pixels twice as tall as wide: atan(2/1) from the x axis.
    QTest::newRow("non-square pixels") << QPointF(1, 0) << QPointF(0, 0) << QPointF(1, 1) << 0.5 << 1.0
                                       << qRadiansToDegrees(std::atan2(1.0, 0.5));
    QTest::newRow("equilateral") << QPointF(0, 0) << QPointF(10, 0) << QPointF(5, 10 * std::sqrt(3.0) / 2)
                                 << 1.0 << 1.0 << 60.0;
}

void TstMeasurements::angleGeometry()
{
    QFETCH(QPointF, a);
    QFETCH(QPointF, vertex);
    QFETCH(QPointF, b);
    QFETCH(double, columnSpacing);
    QFETCH(double, rowSpacing);
    QFETCH(double, degrees);
    const double got = MeasurementMath::angleDegrees(a, vertex, b, {columnSpacing, rowSpacing, true});
    QVERIFY2(std::abs(got - degrees) < 1e-9, qPrintable(QString::number(got, 'f', 12)));
}

void TstMeasurements::roiStatisticsMatchNumpy_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    // Reference values computed independently with pydicom 2.3.1 + numpy 1.24.2:
    //   ds = pydicom.dcmread("CT_small.dcm")
    //   hu = ds.pixel_array * float(ds.RescaleSlope) + float(ds.RescaleIntercept)  # 1, -1024
    //   rect: r = hu[50:70, 40:80]            (pixels whose centres lie in x 40..80, y 50..70)
    //   ellipse: yy, xx = np.mgrid[0:128, 0:128]
    //            e = hu[((xx+0.5-60)/30)**2 + ((yy+0.5-55)/25)**2 <= 1]
    //   r.size, r.mean(), r.std(ddof=1), r.min(), r.max()   (and the same for e)
    // No pixel in either region equals the Pixel Padding Value (-2000).
    QTest::newRow("rectangle") << int(Measurement::Kind::Rectangle) << QRectF(40, 50, 40, 20)
                               << qint64(800) << 359.515 << 304.5965751892514 << -97.0 << 1167.0;
    QTest::newRow("ellipse") << int(Measurement::Kind::Ellipse) << QRectF(30, 30, 60, 50)
                             << qint64(2360) << 253.48898305084745 << 250.0791072073376 << -98.0 << 1167.0;
}

void TstMeasurements::roiStatisticsMatchNumpy()
{
    QFETCH(int, kind);
    QFETCH(QRectF, rect);
    QFETCH(qint64, count);
    QFETCH(double, mean);
    QFETCH(double, sd);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    const auto file = DicomFile::open(m_dir.filePath(QStringLiteral("CT_small.dcm")));
    QVERIFY(file);
    const auto info = file->imageInfo();
    const auto frame = file->frame(0);
    QVERIFY(info && frame);
    const auto stats = MeasurementMath::roiStatistics(*frame, *info, Measurement::Kind(kind), rect);
    QVERIFY(stats);
    QCOMPARE(stats->pixelCount, count);
    QVERIFY2(std::abs(stats->mean - mean) < 1e-9, qPrintable(QString::number(stats->mean, 'f', 12)));
    QVERIFY2(std::abs(stats->standardDeviation - sd) < 1e-9,
             qPrintable(QString::number(stats->standardDeviation, 'f', 12)));
    QCOMPARE(stats->minimum, minimum);
    QCOMPARE(stats->maximum, maximum);
    // The same ROI drawn in the viewer: the same numbers, with the CT unit.
    show(ctStack(1));
    Measurement m{Measurement::Kind(kind), {rect.topLeft(), rect.bottomRight()}, {}};
    m_view->addMeasurement(0, m);
    const Measurement added = m_view->measurements(0).first();
    QVERIFY(added.statistics);
    QCOMPARE(added.statistics->pixelCount, count);
    const QString text = m_view->measurementText(0, added).join(u'\n');
    QVERIFY2(text.contains(QStringLiteral("%1 HU").arg(mean, 0, 'f', 1)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1").arg(sd, 0, 'f', 1)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Max: %1 HU").arg(qint64(maximum))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Min: %1 HU").arg(qint64(minimum))), qPrintable(text));
}

void TstMeasurements::angleByClicks()
{
    show(ctStack(1));
    QTest::keyClick(m_view, Qt::Key_A);
    QCOMPARE(m_view->tool(), ImageViewport::Tool::Angle);
    // Arm end, vertex, arm end: a right angle in image pixels (CT_small pixels are square).
    const QPointF a(90, 40), vertex(40, 40), b(40, 100);
    sendClick(m_view, m_view->imageToWidget(a));
    sendMove(m_view, m_view->imageToWidget(QPointF(60, 40)));
    sendClick(m_view, m_view->imageToWidget(vertex));
    QVERIFY(m_view->measurements(0).isEmpty()); // not done before the third point
    sendMove(m_view, m_view->imageToWidget(QPointF(40, 70)));
    sendClick(m_view, m_view->imageToWidget(b));
    QCOMPARE(m_view->measurements(0).size(), 1);
    const Measurement m = m_view->measurements(0).first();
    QCOMPARE(m.kind, Measurement::Kind::Angle);
    QCOMPARE(m.points.size(), 3);
    QCOMPARE(m_view->measurementText(0, m), QStringList{QStringLiteral("90.0°")});

    // A drag for the first arm, then a click: 45°.
    sendDrag(m_view, m_view->imageToWidget(QPointF(100, 100)), m_view->imageToWidget(QPointF(60, 60)));
    sendClick(m_view, m_view->imageToWidget(QPointF(100, 60)));
    QCOMPARE(m_view->measurements(0).size(), 2);
    QCOMPARE(m_view->measurementText(0, m_view->measurements(0).last()),
             QStringList{QStringLiteral("45.0°")});
    m_view->grab();
}

void TstMeasurements::roiByDragShowsHounsfield()
{
    show(ctStack(1));
    QTest::keyClick(m_view, Qt::Key_B);
    QCOMPARE(m_view->tool(), ImageViewport::Tool::Rectangle);
    sendDrag(m_view, m_view->imageToWidget(QPointF(40, 50)), m_view->imageToWidget(QPointF(80, 70)));
    QCOMPARE(m_view->measurements(0).size(), 1);
    Measurement m = m_view->measurements(0).first();
    QCOMPARE(m.rect(), QRectF(40, 50, 40, 20));
    QVERIFY(m.statistics);
    QCOMPARE(m.statistics->pixelCount, qint64(800)); // numpy hu[50:70, 40:80].size
    // Area from Pixel Spacing 0.661468 (dcmdump): 40 × 20 px → 350.0 mm² = 3.50 cm².
    const QString text = m_view->measurementText(0, m).join(u'\n');
    QVERIFY2(text.contains(QStringLiteral("Mean: 359.5 HU")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("3.50 cm²")), qPrintable(text));

    QTest::keyClick(m_view, Qt::Key_E);
    QCOMPARE(m_view->tool(), ImageViewport::Tool::Ellipse);
    sendDrag(m_view, m_view->imageToWidget(QPointF(30, 30)), m_view->imageToWidget(QPointF(90, 80)));
    QCOMPARE(m_view->measurements(0).size(), 2);
    m = m_view->measurements(0).last();
    QCOMPARE(m.kind, Measurement::Kind::Ellipse);
    QVERIFY(m.statistics);
    QCOMPARE(m.statistics->pixelCount, qint64(2360));
    QVERIFY(!m_view->grab().isNull());
}

void TstMeasurements::measurementsStayWithTheirSlice()
{
    show(ctStack(3));
    QCOMPARE(m_view->currentSlice(), 1);
    m_view->addMeasurement(1, Measurement{Measurement::Kind::Ellipse, {QPointF(30, 30), QPointF(90, 80)}, {}});
    m_view->addMeasurement(2, QLineF(10, 10, 50, 10));
    // Slice 2 is not decoded yet: its ROI statistics wait for the pixels.
    m_view->addMeasurement(2, Measurement{Measurement::Kind::Rectangle, {QPointF(40, 50), QPointF(80, 70)}, {}});
    QTest::keyClick(m_view, Qt::Key_Down);
    QTRY_VERIFY(m_view->isCurrentSliceReady());
    QCOMPARE(m_view->measurements(2).size(), 2);
    QTRY_VERIFY(m_view->measurements(2).last().statistics.has_value());
    QCOMPARE(m_view->measurements(2).last().statistics->pixelCount, qint64(800));
    QTest::keyClick(m_view, Qt::Key_Up);
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->currentSlice(), 0);
    QVERIFY(m_view->measurements(0).isEmpty());
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->measurements(1).size(), 1);
    QCOMPARE(m_view->measurements(1).first().kind, Measurement::Kind::Ellipse);
}

void TstMeasurements::selectAndDelete()
{
    show(ctStack(2));
    const int slice = m_view->currentSlice();
    m_view->addMeasurement(slice, QLineF(10, 10, 60, 10));
    m_view->addMeasurement(slice, QLineF(10, 100, 60, 100));
    m_view->addMeasurement(slice, Measurement{Measurement::Kind::Rectangle, {QPointF(70, 20), QPointF(110, 60)}, {}});
    QCOMPARE(m_view->selectedMeasurement(), 2); // the newest is selected
    // Keyboard: N cycles, Delete removes the selected one.
    QTest::keyClick(m_view, Qt::Key_N);
    QCOMPARE(m_view->selectedMeasurement(), 0);
    QTest::keyClick(m_view, Qt::Key_N);
    QCOMPARE(m_view->selectedMeasurement(), 1);
    QTest::keyClick(m_view, Qt::Key_Delete);
    QCOMPARE(m_view->measurements(slice).size(), 2);
    QCOMPARE(m_view->measurements(slice).first().line(), QLineF(10, 10, 60, 10));
    // Mouse: a click on a line selects it (window/level tool: a click is not a drag).
    QTest::keyClick(m_view, Qt::Key_W);
    sendClick(m_view, m_view->imageToWidget(QPointF(35, 10)));
    QCOMPARE(m_view->selectedMeasurement(), 0);
    sendClick(m_view, m_view->imageToWidget(QPointF(90, 40))); // inside the ROI
    QCOMPARE(m_view->selectedMeasurement(), 1);
    sendClick(m_view, m_view->imageToWidget(QPointF(20, 120))); // empty space
    QCOMPARE(m_view->selectedMeasurement(), -1);
    // Shift+Delete: everything on this image; others stay.
    m_view->addMeasurement(0, QLineF(1, 1, 9, 9));
    QTest::keyClick(m_view, Qt::Key_Delete, Qt::ShiftModifier);
    QVERIFY(m_view->measurements(slice).isEmpty());
    QCOMPARE(m_view->measurements(0).size(), 1);
    QTest::keyClick(m_view, Qt::Key_Delete, Qt::ShiftModifier | Qt::ControlModifier);
    QVERIFY(m_view->measurements(0).isEmpty());
}

QTEST_MAIN(TstMeasurements)
#include "tst_measurements.moc"
