// Key images marked before the patient's record is open (a CD read from the search page) are
// not lost when the record opens: those whose DICOM Patient ID is the patient's join the
// record (and its referral packet); another patient's wait, unfiled, for their own record;
// leaving a record does not drop them; logout drops everything. A real renkei-hub with the
// demo network; the images are the files the demo wrote, read from disk, plus the shared
// fixture CT_small.dcm of another patient. Patient IDs come from pydicom.

#include "endtoendtest.h"
#include "everythingfetch.h"
#include "hubprocess.h"
#include "hubsession.h"
#include "imageviewerwindow.h"
#include "imageviewport.h"
#include "keyimages.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearch.h"
#include "patientsearchpanel.h"
#include "referralpacketdialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

namespace {

const QString kDemoPassword = QStringLiteral("renkei-demo-2026");
const QString kCtSmall = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/CT_small.dcm");

} // namespace

class TestKeyImagesBeforeRecord : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void markedBeforeTheRecordJoinItOthersWait();

private:
    std::unique_ptr<HubSession> loggedInSession();
    PatientRecordView *openRecord(MainWindow &window, const QString &patientId);
    bool markSeriesOf(ImageViewerWindow *viewer, const QString &patientId);

    HubProcess m_hub;
    QStringList m_ctFiles;
    QString m_ctPatientId;    ///< pydicom: (0010,0020) of p00001's CT at the hospital
    QString m_otherPatientId; ///< pydicom: (0010,0020) of CT_small.dcm
};

void TestKeyImagesBeforeRecord::initTestCase()
{
    if (!QFile::exists(kCtSmall))
        QSKIP("../shared/fixtures/dicom is not available");
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ctFiles = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CT*.dcm"));
    QVERIFY(!m_ctFiles.isEmpty());
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QStringLiteral("import json, sys, pydicom\n"
                                                       "print(json.dumps({'ct': pydicom.dcmread(sys.argv[1]).PatientID,\n"
                                                       "  'other': pydicom.dcmread(sys.argv[2]).PatientID}))\n"),
                  m_ctFiles.first(), kCtSmall});
    QVERIFY(python.waitForFinished(60'000));
    QCOMPARE(python.exitCode(), 0);
    const QJsonObject ids = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    m_ctPatientId = ids.value(QStringLiteral("ct")).toString();
    m_otherPatientId = ids.value(QStringLiteral("other")).toString();
    QVERIFY(!m_ctPatientId.isEmpty() && !m_otherPatientId.isEmpty() && m_ctPatientId != m_otherPatientId);
    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestKeyImagesBeforeRecord::cleanupTestCase()
{
    m_hub.stop();
}

std::unique_ptr<HubSession> TestKeyImagesBeforeRecord::loggedInSession()
{
    return logInThroughDialog(m_hub.caFile(), m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
}

PatientRecordView *TestKeyImagesBeforeRecord::openRecord(MainWindow &window, const QString &patientId)
{
    return openRecordById(window, patientId);
}

bool TestKeyImagesBeforeRecord::markSeriesOf(ImageViewerWindow *viewer, const QString &patientId)
{
    for (int i = 0; i < viewer->series().size(); ++i) {
        const Dicom::Series &s = viewer->series().at(i);
        if (s.images.isEmpty() || s.images.first().attributes.patientId != patientId)
            continue;
        viewer->showSeries(i);
        ImageViewport *viewport = viewer->activeViewport();
        if (!QTest::qWaitFor([&] { return viewport->isCurrentSliceReady(); }, 30'000))
            return false;
        return viewport->toggleKeyImage();
    }
    return false;
}

void TestKeyImagesBeforeRecord::markedBeforeTheRecordJoinItOthersWait()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // From the search page, no record open: the patient's CD (the demo CT) and another
    // patient's image, both marked.
    window.openImagePaths(m_ctFiles + QStringList{kCtSmall});
    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);
    QSignalSpy loaded(viewer, &ImageViewerWindow::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60'000);
    QVERIFY(markSeriesOf(viewer, m_ctPatientId));
    QVERIFY(markSeriesOf(viewer, m_otherPatientId));
    QCOMPARE(viewer->keyImages(), window.unfiledKeyImages());
    QCOMPARE(window.unfiledKeyImages()->rowCount(), 2);
    QTest::mouseClick(viewer->findChild<QWidget *>(QStringLiteral("imageBackButton")), Qt::LeftButton);

    // The record opens: the CT's key image is now the record's; the other one still waits.
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");
    QCOMPARE(record->keyImages()->rowCount(), 1);
    QCOMPARE(record->keyImages()->keyImage(0).patientId, m_ctPatientId);
    QCOMPARE(window.unfiledKeyImages()->rowCount(), 1);
    QCOMPARE(window.unfiledKeyImages()->keyImage(0).patientId, m_otherPatientId);
    QCOMPARE(viewer->keyImages(), record->keyImages()); // marking now goes to the record
    record->openReferralDialog();
    auto *packetDialog = record->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog"));
    QVERIFY(packetDialog);
    const ReferralPacket packet = packetDialog->packet();
    QCOMPARE(packet.keyImages.size(), 1);
    QCOMPARE(packet.keyImagesOfOtherPatients, 0);
    packetDialog->close();

    // Leaving the record drops its key images with it; the other patient's stays unfiled.
    QVERIFY(QMetaObject::invokeMethod(record, "backRequested"));
    QCOMPARE(record->keyImages()->rowCount(), 0);
    QCOMPARE(window.unfiledKeyImages()->rowCount(), 1);
    QCOMPARE(viewer->keyImages(), window.unfiledKeyImages());

    // Logout: nothing is kept.
    window.logout();
    QCOMPARE(window.unfiledKeyImages()->rowCount(), 0);
}

QTEST_MAIN(TestKeyImagesBeforeRecord)
#include "tst_keyimagesbeforerecord.moc"
