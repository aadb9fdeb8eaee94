#include "imageviewport.h"
#include "seriesloader.h"

#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>

using namespace Dicom;

namespace {

void sendDrag(QWidget *w, Qt::MouseButton button, QPointF from, QPointF to,
              Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent press(QEvent::MouseButtonPress, from, w->mapToGlobal(from), button, button,
                      modifiers);
    QApplication::sendEvent(w, &press);
    for (int i = 1; i <= 4; ++i) {
        const QPointF p = from + (to - from) * (i / 4.0);
        QMouseEvent move(QEvent::MouseMove, p, w->mapToGlobal(p), Qt::NoButton, button,
                         modifiers);
        QApplication::sendEvent(w, &move);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, to, w->mapToGlobal(to), button,
                        Qt::NoButton, modifiers);
    QApplication::sendEvent(w, &release);
}

} // namespace

class TstImageViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scrollChangesInstance();
    void windowLevelDrag();
    void presetsAndInvert();
    void zoomKeys();
    void lengthMeasurement();
    void truncatedImageShowsMessage();
    void japaneseNameInOverlay();
    void cineOnMultiFrame();

private:
    QString fixture(const QString &name) const { return m_dir.filePath(name); }
    Series load(const QStringList &names) const;
    void show(const Series &series);
    QString overlay() const { return m_view->overlayLines().join(u'\n'); }

    QDir m_dir;
    ImageViewport *m_view = nullptr;
};

void TstImageViewport::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstImageViewport::init()
{
    m_view = new ImageViewport;
    m_view->resize(600, 600);
}

void TstImageViewport::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

Series TstImageViewport::load(const QStringList &names) const
{
    QList<SeriesImage> images;
    for (const QString &name : names)
        images << SeriesLoader::readImage(fixture(name));
    const QList<Series> series = SeriesLoader::group(images);
    return series.value(0);
}

void TstImageViewport::show(const Series &series)
{
    m_view->setSeries(series);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QTRY_VERIFY(m_view->isCurrentSliceReady());
}

void TstImageViewport::scrollChangesInstance()
{
    // A three-slice stack from the CT: same pixels, three positions and instance numbers.
    Series ct = load({QStringLiteral("CT_small.dcm")});
    QVERIFY(!ct.images.isEmpty());
    const SeriesImage base = ct.images.first();
    QList<SeriesImage> slices;
    for (int i = 0; i < 3; ++i) {
        SeriesImage s = base;
        s.attributes.instanceNumber = i + 1;
        s.attributes.imagePosition = QVector3D(0, 0, 5.0f * i);
        slices << s;
    }
    show(SeriesLoader::group(slices).first());
    QCOMPARE(m_view->sliceCount(), 3);
    QCOMPARE(m_view->currentSlice(), 1); // opens in the middle
    QVERIFY(overlay().contains(QStringLiteral("Im: 2")));

    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->currentSlice(), 2);
    QVERIFY(overlay().contains(QStringLiteral("Im: 3")));

    QWheelEvent wheel(QPointF(300, 300), m_view->mapToGlobal(QPointF(300, 300)), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view, &wheel);
    QCOMPARE(m_view->currentSlice(), 0);
    QVERIFY(overlay().contains(QStringLiteral("Im: 1")));

    auto *bar = m_view->findChild<QScrollBar *>(QStringLiteral("sliceScrollBar"));
    QVERIFY(bar);
    bar->setValue(2);
    QCOMPARE(m_view->currentSlice(), 2);
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_view->currentSlice(), 1);
}

void TstImageViewport::windowLevelDrag()
{
    show(load({QStringLiteral("MR_small.dcm")}));
    // dcmdump MR_small.dcm: WindowCenter 600, WindowWidth 1600.
    QCOMPARE(m_view->window().center, 600.0);
    QCOMPARE(m_view->window().width, 1600.0);
    QVERIFY(overlay().contains(QStringLiteral("C: 600  W: 1600")));
    sendDrag(m_view, Qt::RightButton, QPointF(300, 300), QPointF(380, 340));
    QVERIFY(m_view->window().width > 1600);
    QVERIFY(m_view->window().center > 600);
    const QString shown = QStringLiteral("C: %1  W: %2")
                              .arg(qRound(m_view->window().center))
                              .arg(qRound(m_view->window().width));
    QVERIFY2(overlay().contains(shown), qPrintable(overlay()));
    QVERIFY(!overlay().contains(QStringLiteral("C: 600  W: 1600")));
    QTest::keyClick(m_view, Qt::Key_Escape);
    QCOMPARE(m_view->window().width, 1600.0);
}

void TstImageViewport::presetsAndInvert()
{
    show(load({QStringLiteral("CT_small.dcm")}));
    QTest::keyClick(m_view, Qt::Key_5); // lung
    QCOMPARE(m_view->window().center, -600.0);
    QCOMPARE(m_view->window().width, 1500.0);
    QTest::keyClick(m_view, Qt::Key_2); // brain
    QCOMPARE(m_view->window().width, 80.0);
    QTest::keyClick(m_view, Qt::Key_I);
    QVERIFY(m_view->isInverted());
    QTest::keyClick(m_view, Qt::Key_R);
    QCOMPARE(m_view->viewState().rotation, 90);
    QTest::keyClick(m_view, Qt::Key_H);
    QVERIFY(m_view->viewState().flipHorizontal);
    QTest::keyClick(m_view, Qt::Key_0);
    QVERIFY(!m_view->isInverted());
    QCOMPARE(m_view->viewState().rotation, 0);
}

void TstImageViewport::zoomKeys()
{
    show(load({QStringLiteral("CT_small.dcm")}));
    const double fit = m_view->zoom();
    QVERIFY(fit > 2); // 128 pixels in a 600-pixel viewport
    QTest::keyClick(m_view, Qt::Key_1);
    QCOMPARE(m_view->zoom(), 1.0);
    QVERIFY(overlay().contains(QStringLiteral("Zoom: 100%")));
    QTest::keyClick(m_view, Qt::Key_Plus);
    QCOMPARE(m_view->zoom(), 1.25);
    QTest::keyClick(m_view, Qt::Key_F);
    QCOMPARE(m_view->zoom(), fit);
    QWheelEvent wheel(QPointF(300, 300), m_view->mapToGlobal(QPointF(300, 300)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(m_view, &wheel);
    QVERIFY(m_view->zoom() > fit);
}

void TstImageViewport::lengthMeasurement()
{
    // Pixel Spacing read independently of the library, with DCMTK's own dcmdump. Fallback
    // when dcmdump is not installed: `dcmdump +P 0028,0030 CT_small.dcm` prints
    // (0028,0030) DS [0.661468\0.661468].
    double rowSpacing = 0.661468;
    double columnSpacing = 0.661468;
    const QString dcmdump = QStandardPaths::findExecutable(QStringLiteral("dcmdump"));
    if (!dcmdump.isEmpty()) {
        QProcess p;
        p.start(dcmdump, {QStringLiteral("+P"), QStringLiteral("0028,0030"),
                          fixture(QStringLiteral("CT_small.dcm"))});
        QVERIFY(p.waitForFinished(10000));
        const QString out = QString::fromLatin1(p.readAllStandardOutput());
        const QRegularExpression re(QStringLiteral(R"(\[([0-9.]+)\\([0-9.]+)\])"));
        const auto m = re.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        rowSpacing = m.captured(1).toDouble();
        columnSpacing = m.captured(2).toDouble();
    }

    Series ct = load({QStringLiteral("CT_small.dcm")});
    SeriesImage second = ct.images.first();
    second.attributes.instanceNumber = 2;
    second.attributes.imagePosition = QVector3D(0, 0, 500);
    ct.images << second;
    show(ct);
    m_view->setCurrentSlice(0);
    QTRY_VERIFY(m_view->isCurrentSliceReady());
    m_view->setZoom(3); // image pixels land on whole widget pixels: exact endpoints
    QTest::keyClick(m_view, Qt::Key_L);
    QCOMPARE(m_view->tool(), ImageViewport::Tool::Length);

    const QPointF a(20, 30), b(100, 90);
    sendDrag(m_view, Qt::LeftButton, m_view->imageToWidget(a), m_view->imageToWidget(b));
    QCOMPARE(m_view->measurements(0).size(), 1);
    const QLineF line = m_view->measurements(0).first().line();
    QVERIFY(std::abs(line.p1().x() - a.x()) < 1e-6 && std::abs(line.p2().y() - b.y()) < 1e-6);
    const double expected = std::hypot((b.x() - a.x()) * columnSpacing,
                                       (b.y() - a.y()) * rowSpacing);
    const auto mm = m_view->lengthInMillimetres(0, line);
    QVERIFY(mm);
    QVERIFY2(std::abs(*mm - expected) < 0.1, qPrintable(QString::number(*mm)));
    QCOMPARE(m_view->lengthText(0, line), QStringLiteral("%1 mm").arg(expected, 0, 'f', 1));

    // The measurement stays with its image while scrolling away and back.
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->currentSlice(), 1);
    QVERIFY(m_view->measurements(1).isEmpty());
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->measurements(0).size(), 1);
    m_view->grab(); // paints the measurement without trouble
}

void TstImageViewport::truncatedImageShowsMessage()
{
    QList<SeriesImage> images{SeriesLoader::readImage(fixture(QStringLiteral("MR_truncated.dcm")))};
    show(SeriesLoader::group(images).first());
    QVERIFY(!m_view->errorMessage().isEmpty());
    QVERIFY(m_view->errorMessage().contains(QStringLiteral("cannot be")));
    QVERIFY(!m_view->grab().isNull());
    // The viewport keeps working afterwards.
    show(load({QStringLiteral("MR_small.dcm")}));
    QVERIFY(m_view->errorMessage().isEmpty());
}

void TstImageViewport::japaneseNameInOverlay()
{
    show(load({QStringLiteral("chrH31.dcm")}));
    // fixtures/README.md: Yamada^Tarou=山田^太郎=やまだ^たろう
    QVERIFY2(overlay().contains(QStringLiteral("山田 太郎")), qPrintable(overlay()));
}

void TstImageViewport::cineOnMultiFrame()
{
    show(load({QStringLiteral("rtdose.dcm")}));
    QCOMPARE(m_view->sliceCount(), 15);
    QCOMPARE(m_view->currentSlice(), 0);
    QVERIFY(overlay().contains(QStringLiteral("Frame 1 / 15")));
    m_view->setCineRate(50);
    QTest::keyClick(m_view, Qt::Key_Space);
    QVERIFY(m_view->isCinePlaying());
    QTRY_VERIFY(m_view->currentSlice() >= 3);
    QTest::keyClick(m_view, Qt::Key_Space);
    QVERIFY(!m_view->isCinePlaying());
}

QTEST_MAIN(TstImageViewport)
#include "tst_imageviewport.moc"
