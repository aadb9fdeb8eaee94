#include "imageviewerwindow.h"
#include "imageviewport.h"
#include "keyimages.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

class TstKeyImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelBasics();
    void markFromViewer();

private:
    QDir m_dir;
};

void TstKeyImages::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstKeyImages::modelBasics()
{
    KeyImages model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    KeyImage a;
    a.sopInstanceUid = QStringLiteral("1.2.3");
    a.caption = QStringLiteral("first");
    a.image = QImage(20, 10, QImage::Format_Grayscale8);
    a.image.fill(128);
    QVERIFY(model.add(a));
    QVERIFY(!model.add(a)); // the same image and frame once only
    KeyImage b = a;
    b.frame = 3;
    QVERIFY(model.add(b)); // another frame of the same object is another key image
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.contains(QStringLiteral("1.2.3"), 3));
    QCOMPARE(model.index(1).data(KeyImages::FrameRole).toInt(), 3);
    QVERIFY(!model.index(0).data(Qt::DecorationRole).isNull());
    QVERIFY(model.keyImages().first().markedAt.isValid());
    QVERIFY(model.setData(model.index(0), QStringLiteral("liver lesion")));
    QCOMPARE(model.keyImages().first().caption, QStringLiteral("liver lesion"));
    QVERIFY(model.remove(QStringLiteral("1.2.3"), 0));
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstKeyImages::markFromViewer()
{
    ImageViewerWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &ImageViewerWindow::loaded);
    window.openPaths({m_dir.filePath(QStringLiteral("CT_small.dcm")),
                      m_dir.filePath(QStringLiteral("rtdose.dcm"))});
    QVERIFY(loaded.wait(20000));
    ImageViewport *v = window.activeViewport();
    QTRY_VERIFY(v->isCurrentSliceReady());
    QTest::keyClick(v, Qt::Key_3); // abdomen window, to see it in the caption
    QVERIFY(!v->isKeyImage());

    QTest::keyClick(v, Qt::Key_K);
    KeyImages *keys = window.keyImages();
    QCOMPARE(keys->rowCount(), 1);
    QVERIFY(v->isKeyImage());
    const KeyImage k = keys->keyImage(0);
    // pydicom CT_small.dcm: SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID.
    QCOMPARE(k.sopInstanceUid, QStringLiteral("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"));
    QCOMPARE(k.studyInstanceUid, QStringLiteral("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"));
    QCOMPARE(k.seriesInstanceUid, QStringLiteral("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322"));
    QCOMPARE(k.frame, 0);
    QCOMPARE(k.patientId, QStringLiteral("1CT1")); // pydicom: PatientID
    // A list that outlives the viewer (the packet's) takes over; the mark follows it.
    KeyImages session;
    window.setKeyImages(&session);
    QVERIFY(!v->isKeyImage());
    QTest::keyClick(v, Qt::Key_K);
    QCOMPARE(session.rowCount(), 1);
    QCOMPARE(keys->rowCount(), 1);
    window.setKeyImages(nullptr);
    QVERIFY(v->isKeyImage());
    QCOMPARE(k.image.size(), QSize(128, 128));
    QVERIFY2(k.caption.contains(QStringLiteral("C 40 / W 400")), qPrintable(k.caption));
    QVERIFY2(k.caption.contains(QStringLiteral("2004/01/19")), qPrintable(k.caption));
    // The rendered image is the abdomen window: -160 HU and below black, 240 HU up white.
    QVERIFY(k.image.pixelColor(0, 0).value() < 10);

    auto *button = window.findChild<QToolButton *>(QStringLiteral("keyImageButton"));
    QVERIFY(button && button->isChecked());
    button->click(); // unmark
    QCOMPARE(keys->rowCount(), 0);
    QVERIFY(!button->isChecked());

    // A frame of a multi-frame object is its own key image.
    window.showSeries(1);
    v = window.activeViewport();
    QTRY_VERIFY(v->isCurrentSliceReady());
    v->setCurrentSlice(4);
    QTRY_VERIFY(v->isCurrentSliceReady());
    QTest::keyClick(v, Qt::Key_K);
    QCOMPARE(keys->rowCount(), 1);
    QCOMPARE(keys->keyImage(0).frame, 4);
    QVERIFY(keys->keyImage(0).caption.contains(QStringLiteral("Frame 5")));
    QVERIFY(!v->grab().isNull()); // paints the key image mark
}

QTEST_MAIN(TstKeyImages)
#include "tst_keyimages.moc"
