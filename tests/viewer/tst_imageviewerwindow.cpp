#include "imageviewerwindow.h"
#include "imageviewport.h"

#include "studybrowser.h"
#include "tagbrowser.h"
#include "tagtreemodel.h"
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
    void twoByTwoShowsFourSeries();
    void compareStudiesSideBySide();
    void synchronisedScrolling();
    void tagBrowserForCurrentImage();

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
    auto *browser = window.findChild<StudyBrowser *>(QStringLiteral("studyBrowser"));
    QVERIFY(browser);
    // Grouped by study: CT and RT dose are different studies; unreadable files last.
    QCOMPARE(browser->studies().size(), 3);
    QCOMPARE(browser->topLevelItemCount(), 3);
    QCOMPARE(browser->currentSeries(), 0);
    // pydicom CT_small.dcm: StudyDate 20040119
    QVERIFY(browser->topLevelItem(0)->text(0).contains(QStringLiteral("2004/01/19")));
    ImageViewport *v = window.viewport(0);
    QTRY_VERIFY(v->isCurrentSliceReady());
    QVERIFY(v->errorMessage().isEmpty());

    // The unreadable file shows its message in the viewport; the others still work.
    browser->setCurrentItem(browser->seriesItem(2));
    QTRY_VERIFY(!v->errorMessage().isEmpty());
    browser->setCurrentItem(browser->seriesItem(1));
    QCOMPARE(v->sliceCount(), 15);
    QTRY_VERIFY(v->isCurrentSliceReady());
    QVERIFY(v->errorMessage().isEmpty());
    // Thumbnails arrive from the thread pool.
    QTRY_VERIFY(!browser->seriesItem(0)->icon(0).isNull());
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
    auto *layout = window.findChild<QToolButton *>(QStringLiteral("layout1x2Button"));
    QVERIFY(layout);
    layout->click();
    QCOMPARE(window.viewportCount(), 2);
    QVERIFY(window.viewport(1)->isVisible());
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

void TstImageViewerWindow::twoByTwoShowsFourSeries()
{
    ImageViewerWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths(fixtures({QStringLiteral("CT_small.dcm"), QStringLiteral("MR_small.dcm"),
                               QStringLiteral("rtdose.dcm"), QStringLiteral("chrH31.dcm")}));
    QVERIFY(loaded.wait(20000));
    window.viewport(0)->setFocus();
    QTest::keyClick(window.viewport(0), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.viewportCount(), 4);
    QSet<QString> shown;
    for (int i = 0; i < 4; ++i) {
        ImageViewport *v = window.viewport(i);
        QVERIFY(v->isVisible());
        QVERIFY(v->sliceCount() > 0);
        shown.insert(v->series().seriesInstanceUid);
    }
    QCOMPARE(shown.size(), 4); // every series once
    auto *twoByTwo = window.findChild<QToolButton *>(QStringLiteral("layout2x2Button"));
    QVERIFY(twoByTwo && twoByTwo->isChecked());
    // The series browser acts on the active viewport.
    window.viewport(3)->setFocus();
    QTRY_COMPARE(window.activeViewport(), window.viewport(3));
    window.showSeries(0);
    QCOMPARE(window.viewport(3)->series().seriesInstanceUid, window.series().at(0).seriesInstanceUid);
    QTest::keyClick(window.viewport(3), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.viewportCount(), 1);
    QVERIFY(!window.viewport(3)->isVisible());
    QCOMPARE(window.activeViewport(), window.viewport(0));
}

void TstImageViewerWindow::compareStudiesSideBySide()
{
    ImageViewerWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths(fixtures({QStringLiteral("CT_small.dcm"), QStringLiteral("MR_small.dcm")}));
    QVERIFY(loaded.wait(20000));
    auto *browser = window.findChild<StudyBrowser *>(QStringLiteral("studyBrowser"));
    QCOMPARE(browser->studies().size(), 2);
    // pydicom: CT_small StudyDate 20040119, MR_small 20040826. From the MR (newer), C
    // compares it with its prior, the CT.
    const int mr = window.series().at(0).images.first().attributes.modality == u"MR" ? 0 : 1;
    window.showSeries(mr);
    QTest::keyClick(window.viewport(0), Qt::Key_C);
    QCOMPARE(window.viewportCount(), 2);
    QCOMPARE(window.viewport(0)->series().images.first().attributes.studyDate, QStringLiteral("20040826"));
    QCOMPARE(window.viewport(1)->series().images.first().attributes.studyDate, QStringLiteral("20040119"));
    // The other way round from the browser's request.
    window.compareStudies(browser->studyOfSeries(1 - mr), browser->studyOfSeries(mr));
    QCOMPARE(window.viewport(0)->series().images.first().attributes.modality, QStringLiteral("CT"));
    QCOMPARE(window.viewport(1)->series().images.first().attributes.modality, QStringLiteral("MR"));
}

void TstImageViewerWindow::synchronisedScrolling()
{
    // Two studies of the same region: A with 5 mm slices, B with 2.5 mm slices.
    const Dicom::SeriesImage base = Dicom::SeriesLoader::readImage(m_dir.filePath(QStringLiteral("CT_small.dcm")));
    QVERIFY(base.attributes.normal());
    auto stack = [&](const QString &study, int count, float step) {
        Dicom::Series s;
        s.studyInstanceUid = study;
        s.seriesInstanceUid = study + QStringLiteral(".1");
        s.description = study;
        const QVector3D normal = *base.attributes.normal();
        for (int i = 0; i < count; ++i) {
            Dicom::SeriesImage image = base;
            image.attributes.studyInstanceUid = study;
            image.attributes.seriesInstanceUid = s.seriesInstanceUid;
            image.attributes.instanceNumber = i + 1;
            image.attributes.imagePosition = normal * (step * i);
            s.images << image;
        }
        return s;
    };
    ImageViewerWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setSeries({stack(QStringLiteral("1.2.3.1"), 3, 5), stack(QStringLiteral("1.2.3.2"), 5, 2.5)});
    window.compareStudies(0, 1);
    ImageViewport *a = window.viewport(0);
    ImageViewport *b = window.viewport(1);
    QCOMPARE(a->currentSlice(), 1); // 5 mm
    QCOMPARE(b->currentSlice(), 2); // 5 mm
    auto *sync = window.findChild<QToolButton *>(QStringLiteral("syncButton"));
    QVERIFY(sync && !sync->isChecked());
    QTest::keyClick(a, Qt::Key_S);
    QVERIFY(sync->isChecked());
    QTest::keyClick(a, Qt::Key_Down); // 10 mm
    QCOMPARE(b->currentSlice(), 4);   // 10 mm
    QTest::keyClick(b, Qt::Key_Home); // 0 mm
    QCOMPARE(a->currentSlice(), 0);
    // Aligned by hand, then locked: the offset is kept.
    sync->click();
    QVERIFY(!window.viewportGrid()->isSynchronized());
    b->setCurrentSlice(2); // 5 mm while A shows 0 mm
    QCOMPARE(a->currentSlice(), 0);
    sync->click();
    QTest::keyClick(a, Qt::Key_Down); // A 5 mm → B 10 mm
    QCOMPARE(b->currentSlice(), 4);
}

void TstImageViewerWindow::tagBrowserForCurrentImage()
{
    ImageViewerWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths(fixtures({QStringLiteral("chrH31.dcm")}));
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(window.viewport(0)->isCurrentSliceReady());
    QTest::keyClick(window.viewport(0), Qt::Key_T, Qt::ControlModifier);
    TagBrowser *tags = window.tagBrowser();
    QVERIFY(tags);
    QTRY_VERIFY(tags->isVisible());
    QTRY_VERIFY(tags->model()->rowCount() > 0);
    const QModelIndex name = tags->model()->findTag(0x0010, 0x0010);
    QVERIFY(name.isValid());
    // fixtures/README.md: Yamada^Tarou=山田^太郎=やまだ^たろう
    QCOMPARE(name.siblingAtColumn(TagTreeModel::ValueColumn).data().toString(),
             QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
}

QTEST_MAIN(TstImageViewerWindow)
#include "tst_imageviewerwindow.moc"
