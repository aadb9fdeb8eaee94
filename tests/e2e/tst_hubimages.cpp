// Issue 6 item 7: a study the hub holds opened from the image mark of the record's timeline.
// A real renkei-hub with the demo network (whose images are generated and imported by
// `renkei-hub demo`), the viewer's own login, search, record view and image viewer. Expected
// values come from pydicom reading the files the demo wrote, not from the viewer.

#include "clinicalrecord.h"
#include "endtoendtest.h"
#include "everythingfetch.h"
#include "hubprocess.h"
#include "hubsession.h"
#include "hubstudyopener.h"
#include "imageviewerwindow.h"
#include "imageviewport.h"
#include "keyimages.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearch.h"
#include "patientsearchpanel.h"
#include "referralpacketdialog.h"
#include "studyfetch.h"
#include "tagbrowser.h"
#include "tagtreemodel.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kDemoPassword = QStringLiteral("renkei-demo-2026");

} // namespace

class TestHubImages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showImagesOpensTheCtFromTheHub();
    void lostHubShowsRetry();

private:
    std::unique_ptr<HubSession> loggedInSession();
    PatientRecordView *openRecord(MainWindow &window, const QString &patientId);
    int imagingRow(PatientRecordView *record, const QString &studyUid) const;

    HubProcess m_hub;
    QJsonObject m_ct; ///< pydicom: one slice of p00001's CT (all slices share these values)
    int m_ctSlices = 0;
    QString m_crStudy;
};

void TestHubImages::initTestCase()
{
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList ct = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CT*.dcm"));
    const QStringList crs = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CR*.dcm"));
    m_ctSlices = int(ct.size());
    QVERIFY(m_ctSlices > 1 && !crs.isEmpty());
    const QString cr = crs.first();
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(
        "import json, sys, pydicom\n"
        "d = pydicom.dcmread(sys.argv[1]); c = pydicom.dcmread(sys.argv[2])\n"
        "print(json.dumps({'PatientName': str(d.PatientName), 'PatientID': d.PatientID,\n"
        "  'StudyInstanceUID': d.StudyInstanceUID, 'Modality': d.Modality,\n"
        "  'ideographic': d.PatientName.ideographic, 'crStudy': c.StudyInstanceUID}))\n"), ct.first(), cr});
    QVERIFY(python.waitForFinished(60'000));
    QCOMPARE(python.exitCode(), 0);
    m_ct = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    m_crStudy = m_ct.value(QStringLiteral("crStudy")).toString();
    QVERIFY(!m_ct.value(QStringLiteral("StudyInstanceUID")).toString().isEmpty());
    // The demo's patient, as the hub's own command line names him.
    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString name;
    for (const QJsonValue &p : patients)
        if (p.toObject().value(QStringLiteral("id")).toString() == QLatin1String("p00001"))
            name = p.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(name, QStringLiteral("山田 太郎"));
    QCOMPARE(m_ct.value(QStringLiteral("ideographic")).toString(), QStringLiteral("山田^太郎"));

    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestHubImages::cleanupTestCase()
{
    m_hub.stop();
}

std::unique_ptr<HubSession> TestHubImages::loggedInSession()
{
    return logInThroughDialog(m_hub.caFile(), m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
}

PatientRecordView *TestHubImages::openRecord(MainWindow &window, const QString &patientId)
{
    return openRecordById(window, patientId);
}

int TestHubImages::imagingRow(PatientRecordView *record, const QString &studyUid) const
{
    const TimelineModel *model = record->timelineModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const ClinicalRecord &r = model->record(row);
        if (r.kind == ClinicalRecord::Kind::Imaging && HubStudyOpener::studyInstanceUid(r) == studyUid)
            return row;
    }
    return -1;
}

void TestHubImages::showImagesOpensTheCtFromTheHub()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");

    // The image mark of the CT on the timeline, selected as a click would.
    const int row = imagingRow(record, m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    QVERIFY2(row >= 0, "no ImagingStudy for the demo CT on the timeline");
    auto *button = record->findChild<QPushButton *>(QStringLiteral("showImagesButton"));
    QVERIFY(button);
    const int other = row == 0 ? 1 : 0; // first another record: no button for it
    record->timeline()->selectRow(other);
    if (record->timelineModel()->record(other).kind != ClinicalRecord::Kind::Imaging)
        QVERIFY(!button->isVisible());
    record->timeline()->selectRow(row);
    QTRY_VERIFY(button->isVisible());
    QCOMPARE(button->text(), QCoreApplication::translate("RecordDetailView", "Show images"));
    QTest::mouseClick(button, Qt::LeftButton);

    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);
    auto *pages = qobject_cast<QStackedWidget *>(window.centralWidget());
    QVERIFY(pages);
    QCOMPARE(pages->currentWidget(), viewer);
    QSignalSpy loaded(viewer, &ImageViewerWindow::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 120'000);

    QCOMPARE(viewer->series().size(), 1);
    const Dicom::Series &series = viewer->series().first();
    QCOMPARE(series.studyInstanceUid, m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    QCOMPARE(int(series.images.size()), m_ctSlices);
    for (const Dicom::SeriesImage &image : series.images) {
        QVERIFY(image.file);
        QCOMPARE(image.attributes.patientName, m_ct.value(QStringLiteral("PatientName")).toString());
        QCOMPARE(image.attributes.patientId, m_ct.value(QStringLiteral("PatientID")).toString());
        QCOMPARE(image.attributes.modality, QStringLiteral("CT"));
    }
    QCOMPARE(series.images.first().attributes.displayName(), QStringLiteral("山田 太郎"));
    auto *progress = viewer->findChild<QProgressBar *>(QStringLiteral("loadProgress"));
    QVERIFY(progress && !progress->isVisible());
    QVERIFY(!viewer->findChild<QPushButton *>(QStringLiteral("retryLoadButton"))->isVisible());

    // Mark the slice on screen as a key image (K) for the referral packet.
    ImageViewport *viewport = viewer->activeViewport();
    QTRY_VERIFY_WITH_TIMEOUT(viewport->isCurrentSliceReady(), 30'000);
    QVERIFY(viewport->toggleKeyImage());
    QCOMPARE(record->keyImages()->rowCount(), 1);

    // Its tags (Ctrl+T) come from the retrieved dataset: the image has no file to read, and
    // the browser once answered "No such file or directory" here.
    QTest::keyClick(viewport, Qt::Key_T, Qt::ControlModifier);
    TagBrowser *tags = viewer->tagBrowser();
    QVERIFY(tags);
    QTRY_VERIFY(tags->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(tags->model()->rowCount() > 0, 10'000);
    const auto tagValue = [tags](quint16 group, quint16 element) {
        return tags->model()->findTag(group, element).siblingAtColumn(TagTreeModel::ValueColumn)
            .data().toString();
    };
    QCOMPARE(tagValue(0x0010, 0x0010), m_ct.value(QStringLiteral("PatientName")).toString());
    QCOMPARE(tagValue(0x0010, 0x0020), m_ct.value(QStringLiteral("PatientID")).toString());
    QCOMPARE(tagValue(0x0020, 0x000D), m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    tags->close();

    // Back to the record: the viewer lets go of the images.
    QTest::mouseClick(viewer->findChild<QWidget *>(QStringLiteral("imageBackButton")), Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), record);
    QVERIFY(viewer->series().isEmpty());

    // The key image is this patient's (its DICOM Patient ID is his local ID at the hospital),
    // so the packet offers and prints it.
    record->openReferralDialog();
    auto *packetDialog = record->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog"));
    QVERIFY(packetDialog);
    auto *keySection = packetDialog->findChild<QCheckBox *>(QStringLiteral("sectionKeyImages"));
    QVERIFY(keySection && keySection->isEnabled() && keySection->isChecked());
    const ReferralPacket packet = packetDialog->packet();
    QCOMPARE(packet.keyImages.size(), 1);
    QCOMPARE(packet.keyImagesOfOtherPatients, 0);
    QVERIFY(!packet.keyImages.first().image.isNull());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("packet.pdf"));
    QVERIFY(packetDialog->exportPdf(pdf).ok());
    if (const QString keep = qEnvironmentVariable("RENKEI_KEEP_PDF"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(pdf, keep); // for looking at the pages with pdftoppm
    }
    QProcess images;
    images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    QVERIFY(images.waitForFinished(60'000));
    // Header, rule, then one row per embedded image: the key image.
    QCOMPARE(QString::fromUtf8(images.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).size(), 3);

    // The packet's text from the demo network (no translator loaded: English headings). The
    // demo history documents every patient's diagnoses (2型糖尿病, 本態性高血圧症, 脂質異常症),
    // an admission with a discharge summary, and the hospitals the records come from.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60'000));
    const QString packetText = QString::fromUtf8(text.readAllStandardOutput());
    for (const QString &expected : {QStringLiteral("Referral Letter"), QStringLiteral("山田 太郎"),
                                    QStringLiteral("Discharge summary"), QStringLiteral("Current medication"),
                                    QStringLiteral("Diagnoses"), QStringLiteral("Allergies"), QStringLiteral("Key images"),
                                    QStringLiteral("2型糖尿病"), QStringLiteral("本態性高血圧症"), QStringLiteral("脂質異常症"),
                                    QStringLiteral("demo-doctor")})
        QVERIFY2(packetText.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, packetText)));
    // Every page carries the footer with the patient and its page number of the total.
    const int pageCount = packetText.count(QLatin1Char('\f')) + (packetText.endsWith(QLatin1Char('\f')) ? 0 : 1);
    QVERIFY(pageCount >= 2);
    QCOMPARE(packetText.count(QStringLiteral("Patient: 山田 太郎 (ID p00001)")), pageCount);
    QVERIFY(packetText.contains(QStringLiteral("Page %1 / %1").arg(pageCount)));
    packetDialog->close();

    if (qEnvironmentVariableIsSet("RENKEI_HUBSTUDIES_SCREENSHOT")) {
        // For the screenshot under Xvfb: the CT again, left on screen for a moment.
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() == 2, 120'000);
        viewer->showSeries(0);
        QTest::qWait(1500);
        window.grab().save(qEnvironmentVariable("RENKEI_HUBSTUDIES_SCREENSHOT"));
    }
}

void TestHubImages::lostHubShowsRetry()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");
    const int row = imagingRow(record, m_crStudy);
    QVERIFY2(row >= 0, "no ImagingStudy for the demo radiograph on the timeline");
    record->timeline()->selectRow(row);
    auto *button = record->findChild<QPushButton *>(QStringLiteral("showImagesButton"));
    QTRY_VERIFY(button && button->isVisible());

    m_hub.stop(); // the hub goes away before the images are asked for
    QTest::mouseClick(button, Qt::LeftButton);
    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);
    auto *retry = viewer->findChild<QPushButton *>(QStringLiteral("retryLoadButton"));
    QVERIFY(retry);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 60'000);
    auto *status = viewer->findChild<QLabel *>(QStringLiteral("imageStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QLatin1String("Retry")) || status->text().contains(QStringLiteral("再試行")),
             qPrintable(status->text()));
    QVERIFY(viewer->series().isEmpty()); // nothing arrived, nothing invented

    // Retry with the hub still gone fails again, cleanly, with the button back.
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(!retry->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 60'000);
}

QTEST_MAIN(TestHubImages)
#include "tst_hubimages.moc"
