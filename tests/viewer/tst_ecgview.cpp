// EcgView / EcgPaper: the grid is in real millimetres (logical DPI / 25.4 px per mm), the
// trace follows 25 mm/s and 10 mm/mV, measured on the painted pixels of a synthetic ECG with
// a known 1 mV step; the fixture's 12-lead ECG shows in the 3×4 layout with its labels.

#include "ecgview.h"

#include "dicomfile.h"
#include "imageviewerwindow.h"
#include "imageviewport.h"
#include "studybrowser.h"
#include "waveform.h"

#include <QComboBox>
#include <QDir>
#include <QProcess>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>

#include <cmath>

namespace {

const QStringList kLeads = {
    QStringLiteral("I"),  QStringLiteral("II"), QStringLiteral("III"), QStringLiteral("aVR"),
    QStringLiteral("aVL"), QStringLiteral("aVF"), QStringLiteral("V1"), QStringLiteral("V2"),
    QStringLiteral("V3"), QStringLiteral("V4"), QStringLiteral("V5"), QStringLiteral("V6")};

constexpr double kFrequency = 500.0;

// 12 leads, 10 s at 500 Hz, flat at 0 except lead II: +1 mV from 1 s to 2 s.
Dicom::WaveformGroup stepEcg(const QStringList &leads = kLeads)
{
    Dicom::WaveformGroup group;
    group.label = QStringLiteral("RHYTHM");
    group.samplingFrequency = kFrequency;
    group.sampleCount = 5000;
    group.bitsAllocated = 16;
    group.sampleInterpretation = QStringLiteral("SS");
    for (const QString &lead : leads) {
        Dicom::WaveformChannel channel;
        channel.label = lead;
        channel.unit = QStringLiteral("uV");
        for (int s = 0; s < group.sampleCount; ++s) {
            const bool high = lead == u"II" && s >= 500 && s < 1000;
            channel.samples.append(high ? 1000.0f : 0.0f);
        }
        group.channels.append(channel);
    }
    return group;
}

bool isDark(QRgb pixel)
{
    return qGray(pixel) < 110;
}

// Rows (or columns) in a line of pixels whose colour is exactly @p colour.
QList<int> positionsOf(const QImage &image, QColor colour, bool vertical, int fixed, int from, int to)
{
    QList<int> found;
    for (int i = from; i <= to; ++i) {
        const QRgb pixel = vertical ? image.pixel(fixed, i) : image.pixel(i, fixed);
        if ((pixel & 0xFFFFFF) == (colour.rgb() & 0xFFFFFF))
            found.append(i);
    }
    return found;
}

// The dark pixels of one column between y0 and y1.
QList<int> darkRows(const QImage &image, int x, int y0, int y1)
{
    QList<int> rows;
    for (int y = std::max(0, y0); y <= std::min(image.height() - 1, y1); ++y) {
        if (isDark(image.pixel(x, y)))
            rows.append(y);
    }
    return rows;
}

double centre(const QList<int> &values)
{
    double sum = 0;
    for (int v : values)
        sum += v;
    return values.isEmpty() ? -1 : sum / values.size();
}

EcgPaper::Trace traceOf(const EcgPaper &paper, const QString &label, int nth = 0)
{
    for (const EcgPaper::Trace &trace : paper.traces()) {
        if (trace.label == label && nth-- == 0)
            return trace;
    }
    return {};
}

} // namespace

class TestEcgView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void millimetresFollowTheDpi();
    void gridLinesAreFiveMillimetresApart();
    void stepIsDrawnAtTenMillimetresPerMillivolt();
    void calibrationPulseIsOneMillivolt();
    void layoutsAndLabels();
    void missingLeadsFallBackToRows();
    void zoom();
    void fixtureEcg();
    void imageViewerShowsTheEcg();
    void imageViewerOpensADicomDir();
};

void TestEcgView::millimetresFollowTheDpi()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg());
    QCOMPARE(paper.pixelsPerMm(), paper.logicalDpiX() / 25.4);
    // 10 s at 25 mm/s plus the calibration margin: at least 260 mm wide.
    QVERIFY(paper.gridRect().width() >= 260 * paper.logicalDpiX() / 25.4 - 1);
}

void TestEcgView::gridLinesAreFiveMillimetresApart()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg());
    const QImage image = paper.grab().toImage();
    const double mm = paper.logicalDpiX() / 25.4;
    const QRect grid = paper.gridRect().toAlignedRect();

    // Along a line in the lower half of the rhythm strip: nothing there but the grid.
    const int y = int(grid.top() + (3 * 35 + 30.5) * mm);
    const QList<int> xs = positionsOf(image, EcgPaper::majorGridColor(), false, y, grid.left(),
                                      grid.right());
    QVERIFY2(xs.size() >= 50, qPrintable(QString::number(xs.size())));
    for (int i = 1; i < xs.size(); ++i)
        QVERIFY2(qAbs(xs[i] - xs[i - 1] - 5 * mm) <= 1.0, qPrintable(QString::number(i)));
    QVERIFY(qAbs(double(xs.last() - xs.first()) / (xs.size() - 1) - 5 * mm) < 0.05);
    // 1 mm minor lines between the major ones.
    const QList<int> minor = positionsOf(image, EcgPaper::minorGridColor(), false, y, xs[0], xs[1]);
    QCOMPARE(minor.size(), 4);
    QVERIFY(qAbs(minor[1] - minor[0] - mm) <= 1.0);

    // Down a column near the right edge: horizontal major lines, also 5 mm apart.
    const int x = int(grid.right() - 2.5 * mm);
    const QList<int> ys = positionsOf(image, EcgPaper::majorGridColor(), true, x, grid.top(),
                                      grid.bottom());
    QVERIFY(ys.size() >= 25);
    QVERIFY(qAbs(double(ys.last() - ys.first()) / (ys.size() - 1) - 5 * mm) < 0.05);
}

void TestEcgView::stepIsDrawnAtTenMillimetresPerMillivolt()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg());
    QCOMPARE(paper.speed(), 25.0);
    QCOMPARE(paper.gain(), 10.0);
    const QImage image = paper.grab().toImage();
    const double mm = paper.logicalDpiX() / 25.4;
    // The lead II rhythm strip: 10 s across the bottom row.
    const EcgPaper::Trace rhythm = traceOf(paper, QStringLiteral("II"), 1);
    QCOMPARE(rhythm.sampleCount, 5000);
    const int top = int(rhythm.cell.top());
    const int bottom = int(rhythm.cell.bottom());

    // At 0.5 s the trace is at 0 mV; at 1.5 s at 1 mV, 10 mm higher.
    const int x05 = int(std::lround(rhythm.originX + 0.5 * 25 * mm));
    const int x15 = int(std::lround(rhythm.originX + 1.5 * 25 * mm));
    const double zero = centre(darkRows(image, x05, top, bottom));
    const double oneMillivolt = centre(darkRows(image, x15, top, bottom));
    QVERIFY(zero > 0 && oneMillivolt > 0);
    QVERIFY2(qAbs((zero - oneMillivolt) - 10 * mm) <= 1.0,
             qPrintable(QStringLiteral("%1 px for 1 mV").arg(zero - oneMillivolt)));
    QVERIFY(qAbs(zero - rhythm.baselineY) <= 1.0);

    // The step's edges at 1 s and 2 s are 25 mm apart (25 mm/s).
    const int midY = int(std::lround(zero - 5 * mm));
    QList<int> edges;
    for (int x = int(rhythm.originX); x < int(rhythm.originX + 3 * 25 * mm); ++x) {
        if (isDark(image.pixel(x, midY)) && (edges.isEmpty() || x - edges.last() > 3))
            edges.append(x);
    }
    QCOMPARE(edges.size(), 2);
    QVERIFY2(qAbs(edges[1] - edges[0] - 25 * mm) <= 1.5,
             qPrintable(QStringLiteral("%1 px for 1 s").arg(edges[1] - edges[0])));
    QVERIFY(qAbs(edges[0] - (rhythm.originX + 25 * mm)) <= 1.5);

    // 50 mm/s and 20 mm/mV double both distances.
    paper.setSpeed(50);
    paper.setGain(20);
    const QImage faster = paper.grab().toImage();
    const EcgPaper::Trace fast = traceOf(paper, QStringLiteral("II"), 1);
    const int fx05 = int(std::lround(fast.originX + 0.5 * 50 * mm));
    const int fx15 = int(std::lround(fast.originX + 1.5 * 50 * mm));
    const double fastZero = centre(darkRows(faster, fx05, int(fast.cell.top()), int(fast.cell.bottom())));
    // 20 mm reaches above the strip's own cell; look only there, clear of the row above.
    const double fastOne = centre(darkRows(faster, fx15, int(fastZero - 25 * mm),
                                           int(fastZero - 15 * mm)));
    QVERIFY2(qAbs((fastZero - fastOne) - 20 * mm) <= 1.0,
             qPrintable(QStringLiteral("%1 px for 1 mV at 20 mm/mV").arg(fastZero - fastOne)));
}

void TestEcgView::calibrationPulseIsOneMillivolt()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg());
    const QImage image = paper.grab().toImage();
    const double mm = paper.logicalDpiX() / 25.4;
    const QRectF grid = paper.gridRect();
    const EcgPaper::Trace first = traceOf(paper, QStringLiteral("I"));
    // The middle of the pulse's top, 10 mm above the row's baseline.
    const int x = int(std::lround(grid.left() + 2 * mm + 2.5 * mm));
    const QList<int> rows = darkRows(image, x, int(first.cell.top()), int(first.baselineY + 2));
    QVERIFY(!rows.isEmpty());
    QVERIFY2(qAbs(first.baselineY - centre(rows) - 10 * mm) <= 1.0,
             qPrintable(QString::number(first.baselineY - centre(rows))));
}

void TestEcgView::layoutsAndLabels()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg());
    QCOMPARE(paper.effectiveLayout(), EcgPaper::Layout::ThreeByFour);
    QStringList labels;
    for (const EcgPaper::Trace &trace : paper.traces())
        labels << trace.label;
    // Columns I–III, aVR–aVF, V1–V3, V4–V6, then the lead II rhythm strip.
    QCOMPARE(labels, kLeads + QStringList{QStringLiteral("II")});
    const EcgPaper::Trace v4 = traceOf(paper, QStringLiteral("V4"));
    QCOMPARE(v4.firstSample, int(7.5 * kFrequency)); // the fourth column starts at 7.5 s
    QCOMPARE(v4.sampleCount, int(2.5 * kFrequency));
    QCOMPARE(traceOf(paper, QStringLiteral("aVL")).cell.top(),
             traceOf(paper, QStringLiteral("II")).cell.top());

    // Each label is drawn: dark pixels in the top left of its cell.
    const QImage image = paper.grab().toImage();
    const double mm = paper.pixelsPerMm();
    for (const EcgPaper::Trace &trace : paper.traces()) {
        const QRect label(int(trace.cell.left() + 1.5 * mm), int(trace.cell.top() + 1.5 * mm),
                          int(6 * mm), int(3.8 * mm));
        int dark = 0;
        for (int y = label.top(); y <= label.bottom(); ++y)
            for (int x = label.left(); x <= label.right(); ++x)
                dark += isDark(image.pixel(x, y)) ? 1 : 0;
        QVERIFY2(dark > 5, qPrintable(trace.label));
    }

    paper.setEcgLayout(EcgPaper::Layout::Rows);
    labels.clear();
    for (const EcgPaper::Trace &trace : paper.traces()) {
        labels << trace.label;
        QCOMPARE(trace.sampleCount, 5000);
    }
    QCOMPARE(labels, kLeads);
}

void TestEcgView::missingLeadsFallBackToRows()
{
    EcgPaper paper;
    paper.setWaveform(stepEcg({QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III")}));
    QCOMPARE(paper.ecgLayout(), EcgPaper::Layout::ThreeByFour);
    QCOMPARE(paper.effectiveLayout(), EcgPaper::Layout::Rows);
    QCOMPARE(paper.traces().size(), 3);
    QVERIFY(!paper.grab().isNull());
}

void TestEcgView::zoom()
{
    EcgView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Dicom::Waveform waveform;
    waveform.groups.append(stepEcg());
    view.setWaveform(waveform);
    const double base = view.paper()->pixelsPerMm();
    const QSize size = view.paper()->size();
    QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(qAbs(view.paper()->pixelsPerMm() - 1.25 * base) < 1e-9);
    QVERIFY(view.paper()->width() > size.width());
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view.paper()->pixelsPerMm(), base);
    QCOMPARE(view.paper()->size(), size);
    view.fitWidth();
    auto *scroll = view.findChild<QScrollArea *>(QStringLiteral("ecgScroll"));
    QVERIFY(scroll);
    QVERIFY(qAbs(view.paper()->width() - scroll->viewport()->width()) <= 3);
    view.actualSize();
    QTest::keyClick(&view, Qt::Key_L);
    QCOMPARE(view.paper()->ecgLayout(), EcgPaper::Layout::Rows);
    auto *speed = view.findChild<QComboBox *>(QStringLiteral("ecgSpeed"));
    QVERIFY(speed);
    speed->setCurrentIndex(1);
    QCOMPARE(view.paper()->speed(), 50.0);

    view.setWaveform(Dicom::Waveform{});
    QVERIFY(!view.errorMessage().isEmpty());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("ecgMessage"))->isVisible());
}

void TestEcgView::fixtureEcg()
{
    const QString path = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/waveform_ecg.dcm");
    if (!QFile::exists(path))
        QSKIP("../shared/fixtures/dicom is absent");
    const auto file = Dicom::DicomFile::open(path);
    QVERIFY(file.ok());
    const auto waveform = Dicom::readWaveform(*file);
    QVERIFY(waveform.ok());
    EcgView view;
    view.resize(1100, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setWaveform(*waveform, {QStringLiteral("Anonymous"), QStringLiteral("642341"),
                                 QStringLiteral("2013-01-25 10:59:19"), {}});
    QVERIFY(view.errorMessage().isEmpty());
    EcgPaper *paper = view.paper();
    QCOMPARE(paper->effectiveLayout(), EcgPaper::Layout::ThreeByFour);
    QCOMPARE(paper->traces().size(), 13);
    // The rhythm group (10 s at 1 kHz), not the median beat.
    QCOMPARE(traceOf(*paper, QStringLiteral("II"), 1).sampleCount, 10000);
    // pydicom: waveform_array(0)[0, 1] == 112.5 µV, so lead II starts 1.125 mm above its
    // baseline; look for the trace there on screen.
    const QImage image = paper->grab().toImage();
    const double mm = paper->pixelsPerMm();
    const EcgPaper::Trace rhythm = traceOf(*paper, QStringLiteral("II"), 1);
    const int x = int(std::ceil(rhythm.originX)) + 1;
    const double y = centre(darkRows(image, x, int(rhythm.cell.top()), int(rhythm.cell.bottom())));
    QVERIFY2(qAbs(y - (rhythm.baselineY - 1.125 * mm)) <= 1.5,
             qPrintable(QStringLiteral("%1 vs %2").arg(y).arg(rhythm.baselineY - 1.125 * mm)));
}

void TestEcgView::imageViewerShowsTheEcg()
{
    const QString path = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/waveform_ecg.dcm");
    if (!QFile::exists(path))
        QSKIP("../shared/fixtures/dicom is absent");
    ImageViewerWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths({path, QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/CT_small.dcm")});
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.series().size(), 2);
    // Whichever series comes first, choosing the ECG shows the ECG page, an image the viewports.
    int ecg = -1;
    int ct = -1;
    for (int i = 0; i < window.series().size(); ++i)
        (window.series()[i].images.first().attributes.modality == u"ECG" ? ecg : ct) = i;
    QVERIFY(ecg >= 0 && ct >= 0);
    // The list says what each series holds: a waveform, not "1 image" (no translator is
    // loaded, so the texts are the English sources, "(s)" included).
    auto *browser = window.findChild<StudyBrowser *>(QStringLiteral("studyBrowser"));
    QVERIFY(browser);
    const QString ecgText = browser->seriesItem(ecg)->text(0);
    QVERIFY2(ecgText.endsWith(QStringLiteral("1 waveform(s)")), qPrintable(ecgText));
    const QString ctText = browser->seriesItem(ct)->text(0);
    QVERIFY2(ctText.endsWith(QStringLiteral("1 image(s)")), qPrintable(ctText));
    window.showSeries(ecg);
    QVERIFY(window.ecgView()->isVisible());
    QVERIFY(window.ecgView()->errorMessage().isEmpty());
    QCOMPARE(window.ecgView()->paper()->traces().size(), 13);
    window.showSeries(ct);
    QVERIFY(!window.ecgView()->isVisible());
    QVERIFY(window.viewport(0)->isVisible());
}

void TestEcgView::imageViewerOpensADicomDir()
{
    const QString dcmmkdir = QStandardPaths::findExecutable(QStringLiteral("dcmmkdir"));
    const QString ecg = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/waveform_ecg.dcm");
    if (dcmmkdir.isEmpty() || !QFile::exists(ecg))
        QSKIP("dcmmkdir (dcmtk) or ../shared/fixtures/dicom is absent");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("DICOM")));
    QVERIFY(QFile::copy(ecg, dir.filePath(QStringLiteral("DICOM/ECG1"))));
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(dcmmkdir, {QStringLiteral("-q"), QStringLiteral("+r"), QStringLiteral("+I"),
                             QStringLiteral("DICOM")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);

    ImageViewerWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    // Opening the DICOMDIR file itself goes through the directory, not a folder scan.
    window.openPaths({dir.filePath(QStringLiteral("DICOMDIR"))});
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.series().size(), 1);
    QCOMPARE(window.series().first().images.first().path, dir.filePath(QStringLiteral("DICOM/ECG1")));
    QTRY_VERIFY(window.ecgView()->isVisible());

    // Not a DICOMDIR: a message, and what was shown stays.
    auto *status = window.findChild<QLabel *>(QStringLiteral("imageStatus"));
    QVERIFY(status);
    window.openDicomDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/CT_small.dcm"));
    QTRY_VERIFY(status->text().contains(QStringLiteral("Directory Record Sequence")));
    QCOMPARE(window.series().size(), 1);
}

QTEST_MAIN(TestEcgView)
#include "tst_ecgview.moc"
