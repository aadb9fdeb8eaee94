// PdfView on PDFs written by the test itself with QPdfWriter (known pages and text), and on
// bytes that are not a PDF.

#include "imageviewerwindow.h"
#include "pdfview.h"

#include <QBuffer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

namespace {

// A4 pages, each with a big black block and a line of text: a page that renders white is
// a failure to draw, not an empty page.
QByteArray makePdf(int pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setTitle(QStringLiteral("tst_pdfview"));
    QPainter painter(&writer);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.fillRect(QRect(50, 50, 200, 100), Qt::black);
        painter.setFont(QFont(QStringLiteral("Sans"), 24));
        painter.drawText(QPoint(50, 200), QStringLiteral("Page %1").arg(page + 1));
    }
    painter.end();
    return bytes;
}

int darkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    int dark = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qAlpha(line[x]) > 128 && qGray(line[x]) < 64)
                ++dark;
        }
    }
    return dark;
}

} // namespace

class TestPdfView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsPagesOfAGeneratedPdf();
    void zoomAndFitWidth();
    void pageNavigationByKeyboard();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void recoversAfterGarbage();
    void imageViewerShowsAnEncapsulatedPdf();
};

void TestPdfView::showsPagesOfAGeneratedPdf()
{
    PdfView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPdf(makePdf(3));
    QVERIFY2(view.errorMessage().isEmpty(), qPrintable(view.errorMessage()));
    QCOMPARE(view.pageCount(), 3);
    QCOMPARE(view.currentPage(), 0);

    const QImage page = view.renderPage(0);
    QVERIFY(!page.isNull());
    // A4 is 210 × 297 mm: the render keeps the aspect ratio.
    QVERIFY(qAbs(double(page.height()) / page.width() - 297.0 / 210.0) < 0.01);
    // The 200 × 100 pt black block covers 20000 / (595 × 842) ≈ 4 % of the page.
    const double blackShare = double(darkPixels(page)) / (page.width() * page.height());
    QVERIFY2(blackShare > 0.03 && blackShare < 0.08, qPrintable(QString::number(blackShare)));

    // And it reaches the screen: the scroll area shows dark pixels.
    auto *pages = view.findChild<QScrollArea *>(QStringLiteral("pdfPages"));
    QVERIFY(pages);
    QVERIFY(pages->isVisible());
    QVERIFY(darkPixels(pages->viewport()->grab().toImage()) > 100);
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("pdfPageLabel"))->text(),
             PdfView::tr("Page %1 / %2").arg(1).arg(3));
}

void TestPdfView::zoomAndFitWidth()
{
    PdfView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPdf(makePdf(2));
    QVERIFY(view.isFitWidth());
    const int fitted = view.renderPage(0).width();
    // Fit width: the page is nearly as wide as the view (margins and scroll bar aside).
    QVERIFY2(fitted > 700 * view.devicePixelRatioF() && fitted <= 800 * view.devicePixelRatioF(),
             qPrintable(QString::number(fitted)));

    QSignalSpy zoomSpy(&view, &PdfView::zoomChanged);
    const double before = view.zoom();
    QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(zoomSpy.count(), 1);
    QVERIFY(view.zoom() > before);
    QVERIFY(!view.isFitWidth());
    QVERIFY(view.renderPage(0).width() > fitted);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < before);

    view.setZoom(1.0);
    // Zoom 1 is the real size: A4 width 595.28 pt at the screen's logical DPI.
    const double expected = 595.28 / 72.0 * view.logicalDpiX() * view.devicePixelRatioF();
    QVERIFY(qAbs(view.renderPage(0).width() - expected) <= 2);

    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view.isFitWidth());
    QCOMPARE(view.renderPage(0).width(), fitted);
    // Fit width follows the view's width.
    view.resize(500, 600);
    QTRY_VERIFY(view.renderPage(0).width() < fitted);

    view.setZoom(100.0);
    QVERIFY(view.zoom() <= 8.0);
}

void TestPdfView::pageNavigationByKeyboard()
{
    PdfView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPdf(makePdf(4));
    QCOMPARE(view.pageCount(), 4);
    QSignalSpy pageSpy(&view, &PdfView::currentPageChanged);
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(view.currentPage(), 1);
    QVERIFY(!pageSpy.isEmpty());
    QCOMPARE(pageSpy.last().first().toInt(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentPage(), 3);
    QTest::keyClick(&view, Qt::Key_PageDown); // stays on the last page
    QCOMPARE(view.currentPage(), 3);
    QTest::keyClick(&view, Qt::Key_PageUp);
    QCOMPARE(view.currentPage(), 2);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentPage(), 0);
    view.setCurrentPage(2);
    QCOMPARE(view.currentPage(), 2);
    // A zoom keeps the reader on the same page.
    view.zoomIn();
    QCOMPARE(view.currentPage(), 2);
}

void TestPdfView::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("this is not a PDF at all\n").repeated(50);
    QTest::newRow("binary") << QByteArray(4096, '\xA5');
    QByteArray truncated = makePdf(2);
    truncated.truncate(truncated.size() / 3);
    QTest::newRow("truncated") << truncated;
    QTest::newRow("header only") << QByteArray("%PDF-1.4\n%%EOF\n");
}

void TestPdfView::rejectsGarbage()
{
    QFETCH(QByteArray, bytes);
    PdfView view;
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPdf(bytes);
    QVERIFY(!view.errorMessage().isEmpty());
    QCOMPARE(view.pageCount(), 0);
    QVERIFY(view.renderPage(0).isNull());
    auto *message = view.findChild<QLabel *>(QStringLiteral("pdfMessage"));
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), view.errorMessage());
    // Keys and zoom on a view without pages do nothing and do not crash.
    QTest::keyClick(&view, Qt::Key_PageDown);
    QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
    view.fitWidth();
    QCOMPARE(view.currentPage(), 0);
}

void TestPdfView::recoversAfterGarbage()
{
    PdfView view;
    view.show();
    view.setPdf(QByteArray("garbage"));
    QVERIFY(!view.errorMessage().isEmpty());
    view.setPdf(makePdf(1));
    QVERIFY(view.errorMessage().isEmpty());
    QCOMPARE(view.pageCount(), 1);
    QVERIFY(view.findChild<QScrollArea *>(QStringLiteral("pdfPages"))->isVisible());
}

void TestPdfView::imageViewerShowsAnEncapsulatedPdf()
{
    const QString pdf2dcm = QStandardPaths::findExecutable(QStringLiteral("pdf2dcm"));
    if (pdf2dcm.isEmpty())
        QSKIP("DCMTK's pdf2dcm is not installed (Debian package dcmtk)");
    QTemporaryDir dir;
    QFile pdf(dir.filePath(QStringLiteral("summary.pdf")));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write(makePdf(2));
    pdf.close();
    const QString dcm = dir.filePath(QStringLiteral("summary.dcm"));
    QCOMPARE(QProcess::execute(pdf2dcm, {QStringLiteral("-q"), pdf.fileName(), dcm}), 0);

    ImageViewerWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths({dcm});
    QVERIFY(loaded.wait(20000));
    QVERIFY(window.pdfView()->isVisible());
    QVERIFY2(window.pdfView()->errorMessage().isEmpty(), qPrintable(window.pdfView()->errorMessage()));
    QCOMPARE(window.pdfView()->pageCount(), 2);
}

QTEST_MAIN(TestPdfView)
#include "tst_pdfview.moc"
