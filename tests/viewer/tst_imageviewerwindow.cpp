#include "imageviewerwindow.h"
#include "imageviewport.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

class TstImageViewerWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensFilesAndListsSeries();
    void layoutAndCine();

private:
    QStringList fixtures(const QStringList &names) const
    {
        QStringList paths;
        for (const QString &n : names)
            paths << m_dir.filePath(n);
        return paths;
    }
    QDir m_dir;
};

void TstImageViewerWindow::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstImageViewerWindow::opensFilesAndListsSeries()
{
    ImageViewerWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths(fixtures({QStringLiteral("CT_small.dcm"), QStringLiteral("MR_truncated.dcm"),
                               QStringLiteral("rtdose.dcm")}));
    QVERIFY(loaded.wait(20000));
    auto *list = window.findChild<QListWidget *>(QStringLiteral("seriesList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 3); // CT, RT dose, and the unreadable file last
    QCOMPARE(list->currentRow(), 0);
    ImageViewport *v = window.viewport(0);
    QTRY_VERIFY(v->isCurrentSliceReady());
    QVERIFY(v->errorMessage().isEmpty());

    // The unreadable file shows its message in the viewport; the others still work.
    list->setCurrentRow(2);
    QTRY_VERIFY(!v->errorMessage().isEmpty());
    list->setCurrentRow(1);
    QCOMPARE(v->sliceCount(), 15);
    QTRY_VERIFY(v->isCurrentSliceReady());
    QVERIFY(v->errorMessage().isEmpty());
    // Thumbnails arrive from the thread pool.
    QTRY_VERIFY(!list->item(0)->icon().isNull());
}

void TstImageViewerWindow::layoutAndCine()
{
    ImageViewerWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths(fixtures({QStringLiteral("rtdose.dcm"), QStringLiteral("CT_small.dcm")}));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.viewportCount(), 1);
    auto *layout = window.findChild<QToolButton *>(QStringLiteral("layoutButton"));
    QVERIFY(layout);
    layout->click();
    QCOMPARE(window.viewportCount(), 2);
    QVERIFY(window.viewport(1)->sliceCount() > 0);

    ImageViewport *dose = window.viewport(0)->sliceCount() == 15 ? window.viewport(0)
                                                                   : window.viewport(1);
    dose->setFocus();
    QTRY_COMPARE(window.activeViewport(), dose);
    auto *rate = window.findChild<QSpinBox *>(QStringLiteral("cineRate"));
    QVERIFY(rate);
    rate->setValue(40);
    auto *play = window.findChild<QToolButton *>(QStringLiteral("cineButton"));
    QVERIFY(play && play->isEnabled());
    play->click();
    QVERIFY(dose->isCinePlaying());
    const int start = dose->currentSlice();
    QTRY_VERIFY(dose->currentSlice() != start);
    play->click();
    QVERIFY(!dose->isCinePlaying());
}

QTEST_MAIN(TstImageViewerWindow)
#include "tst_imageviewerwindow.moc"
