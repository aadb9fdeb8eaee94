// A session that the hub stops accepting while the demo CT is being fetched into the image
// viewer: the viewer shows the same lock screen the record view uses, hides the images behind
// it, and after the password continues the fetch with the new token, asking only for the
// slices that had not arrived. Logging out from that lock screen stops the fetch and drops
// the images. A real renkei-hub with the demo network, reached through a slow TCP relay so
// that the test can act while the study is half transferred; the hub's administrator lock
// (`renkei-hub user lock`, which revokes every token of the user) makes the token invalid.
// The expected slices come from pydicom reading the files the demo imported.

#include "clinicalrecord.h"
#include "endtoendtest.h"
#include "everythingfetch.h"
#include "hubprocess.h"
#include "hubsession.h"
#include "hubstudyopener.h"
#include "imageviewerwindow.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearch.h"
#include "patientsearchpanel.h"
#include "studyfetch.h"
#include "tcprelay.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

namespace {

const QString kDemoPassword = QStringLiteral("renkei-demo-2026");
const QString kUser = QStringLiteral("demo-doctor");

} // namespace

class TestImageSessionExpiry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void expiryWhileLoadingLocksAndResumesAfterThePassword();
    void logoutFromTheLockScreenDropsTheImages();
    void manualLockMidwayResumesAfterThePassword();

private:
    std::unique_ptr<HubSession> loggedInSession(const QUrl &network);
    PatientRecordView *openRecord(MainWindow &window, const QString &patientId);
    /// Opens the demo CT from the record's timeline and, once @p keptAtLeast slices are in,
    /// has the hub refuse the token while the rest is on its way (@p expire; by default the
    /// administrator's lock). Returns the fetch.
    Dicom::StudyFetch *openCtAndExpireMidway(MainWindow &window, PatientRecordView *record, TcpRelay &relay,
                                             int keptAtLeast, const std::function<bool()> &expire = {});
    bool runHub(const QStringList &arguments);
    /// The HTTP status the hub itself (not through the relay) answers @p token with.
    int hubStatusFor(const QByteArray &token) const;

    HubProcess m_hub;
    QSet<QString> m_ctSops; ///< pydicom: SOP Instance UIDs of p00001's CT
    QString m_ctStudy;
};

void TestImageSessionExpiry::initTestCase()
{
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList ct = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CT*.dcm"));
    QVERIFY(ct.size() > 8);
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), QStringLiteral(
                     "import json, sys, pydicom\n"
                     "ds = [pydicom.dcmread(f) for f in sys.argv[1:]]\n"
                     "print(json.dumps({'study': ds[0].StudyInstanceUID, 'sops': [d.SOPInstanceUID for d in ds]}))\n")}
                     + ct);
    QVERIFY(python.waitForFinished(60'000));
    QCOMPARE(python.exitCode(), 0);
    const QJsonObject ref = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    m_ctStudy = ref.value(QStringLiteral("study")).toString();
    for (const QJsonValue &sop : ref.value(QStringLiteral("sops")).toArray())
        m_ctSops.insert(sop.toString());
    QCOMPARE(m_ctSops.size(), ct.size());
    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestImageSessionExpiry::cleanupTestCase()
{
    m_hub.stop();
}

void TestImageSessionExpiry::cleanup()
{
    runHub({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), kUser});
}

bool TestImageSessionExpiry::runHub(const QStringList &arguments)
{
    QString error;
    m_hub.run(arguments, &error);
    if (!error.isEmpty())
        qWarning().noquote() << error;
    return error.isEmpty();
}

int TestImageSessionExpiry::hubStatusFor(const QByteArray &token) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(QStringLiteral("dicomweb/studies?limit=1"))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10'000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

std::unique_ptr<HubSession> TestImageSessionExpiry::loggedInSession(const QUrl &network)
{
    return logInThroughDialog(m_hub.caFile(), network, kUser, kDemoPassword);
}

PatientRecordView *TestImageSessionExpiry::openRecord(MainWindow &window, const QString &patientId)
{
    return openRecordById(window, patientId);
}

Dicom::StudyFetch *TestImageSessionExpiry::openCtAndExpireMidway(MainWindow &window, PatientRecordView *record,
                                                                 TcpRelay &relay, int keptAtLeast,
                                                                 const std::function<bool()> &expire)
{
    int row = -1;
    for (int r = 0; r < record->timelineModel()->rowCount() && row < 0; ++r) {
        const ClinicalRecord &c = record->timelineModel()->record(r);
        if (c.kind == ClinicalRecord::Kind::Imaging && HubStudyOpener::studyInstanceUid(c) == m_ctStudy)
            row = r;
    }
    if (row < 0)
        return nullptr;
    record->timeline()->selectRow(row);
    auto *button = record->findChild<QPushButton *>(QStringLiteral("showImagesButton"));
    if (!button || !QTest::qWaitFor([&] { return button->isVisible(); }, 5'000))
        return nullptr;
    relay.setBytesPerTick(16 * 1024); // ~1.6 MB/s: the 3 MB CT takes about two seconds
    QTest::mouseClick(button, Qt::LeftButton);
    auto *opener = window.findChild<HubStudyOpener *>();
    Dicom::StudyFetch *fetch = opener ? opener->fetch() : nullptr;
    if (!fetch)
        return nullptr;
    bool paused = false;
    const auto connection = connect(fetch, &Dicom::StudyFetch::progress, this, [&](int done, int) {
        if (!paused && done >= keptAtLeast) {
            paused = true;
            relay.setBytesPerTick(0); // the rest waits in the relay while the token goes
        }
    });
    const bool reached = QTest::qWaitFor([&] { return paused; }, 60'000);
    disconnect(connection);
    if (!reached)
        return nullptr;
    // The administrator locks the account (every token revoked); the connection then drops
    // and the client's reconnect meets 401.
    if (expire ? !expire() : !runHub({QStringLiteral("user"), QStringLiteral("lock"), QStringLiteral("--id"), kUser}))
        return nullptr;
    relay.setBytesPerTick(1 << 30);
    relay.cut();
    return fetch;
}

void TestImageSessionExpiry::expiryWhileLoadingLocksAndResumesAfterThePassword()
{
    TcpRelay relay(m_hub.port());
    QUrl network = m_hub.baseUrl();
    network.setPort(relay.port());
    auto session = loggedInSession(network);
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");
    QSignalSpy expired(session.get(), &HubSession::sessionExpired);

    Dicom::StudyFetch *fetch = openCtAndExpireMidway(window, record, relay, 3);
    QVERIFY2(fetch, "the CT did not start loading");
    QSignalSpy failed(fetch, &Dicom::StudyFetch::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60'000);
    QCOMPARE(fetch->failure(), Dicom::StudyFetch::Failure::Unauthorized);
    const int kept = fetch->instancesDone();
    QVERIFY2(kept >= 3 && kept < m_ctSops.size(), qPrintable(QString::number(kept)));

    // The record view's re-login: the lock screen, the images hidden behind it.
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 10'000);
    QCOMPARE(expired.size(), 1);
    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);
    QVERIFY(!viewer->isVisible());
    auto *reason = window.findChild<QLabel *>(QStringLiteral("lockReason"));
    QVERIFY(reason && reason->isVisible());
    QCOMPARE(reason->text(), QCoreApplication::translate("LockScreen", "Your session has expired"));
    auto *opener = window.findChild<HubStudyOpener *>();
    QVERIFY(opener && opener->isWaitingForLogin());
    // What arrived is still held (in memory) for when the user is back; no Retry is offered.
    QCOMPARE(int(viewer->series().isEmpty() ? 0 : viewer->series().first().images.size()), kept);
    QVERIFY(!viewer->findChild<QPushButton *>(QStringLiteral("retryLoadButton"))->isVisibleTo(viewer));
    if (const QString shot = qEnvironmentVariable("RENKEI_IMAGEEXPIRY_SCREENSHOT"); !shot.isEmpty()) {
        QTest::qWait(500);
        window.grab().save(shot);
    }

    // The account usable again, the same user's password on the lock screen.
    QVERIFY(runHub({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), kUser}));
    QSignalSpy loaded(viewer, &ImageViewerWindow::loaded);
    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    QVERIFY(passwordEdit);
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    auto *pages = qobject_cast<QStackedWidget *>(window.centralWidget());
    QVERIFY(pages);
    QCOMPARE(pages->currentWidget(), viewer); // back where the user was
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60'000);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(fetch->failure(), Dicom::StudyFetch::Failure::None);
    QCOMPARE(fetch->instancesRequested(), int(m_ctSops.size()) - kept); // only the missing slices
    QVERIFY(!opener->isWaitingForLogin());
    QCOMPARE(viewer->series().size(), 1);
    QSet<QString> shown;
    for (const Dicom::SeriesImage &image : viewer->series().first().images) {
        QVERIFY(image.file);
        shown.insert(image.file->text(0x0008, 0x0018));
    }
    QCOMPARE(int(viewer->series().first().images.size()), int(m_ctSops.size())); // each slice once
    QCOMPARE(shown, m_ctSops);
    QVERIFY(!viewer->findChild<QPushButton *>(QStringLiteral("retryLoadButton"))->isVisible());
    QCOMPARE(expired.size(), 1);
    if (QString shot = qEnvironmentVariable("RENKEI_IMAGEEXPIRY_SCREENSHOT"); !shot.isEmpty()) {
        QTest::qWait(1000);
        window.grab().save(shot.replace(QLatin1String(".png"), QLatin1String("-resumed.png")));
    }
}

void TestImageSessionExpiry::logoutFromTheLockScreenDropsTheImages()
{
    TcpRelay relay(m_hub.port());
    QUrl network = m_hub.baseUrl();
    network.setPort(relay.port());
    auto session = loggedInSession(network);
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");

    Dicom::StudyFetch *fetch = openCtAndExpireMidway(window, record, relay, 2);
    QVERIFY2(fetch, "the CT did not start loading");
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 60'000);
    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);

    QSignalSpy loggedOut(session.get(), &HubSession::loggedOut);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("lockLogoutButton")), Qt::LeftButton);
    QVERIFY(viewer->series().isEmpty()); // at once, before the hub has answered
    QVERIFY(!fetch->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!loggedOut.isEmpty(), 20'000);
    QVERIFY(!session->isLoggedIn());
    auto *opener = window.findChild<HubStudyOpener *>();
    QVERIFY(opener && !opener->isWaitingForLogin());
    QTest::qWait(500); // nothing starts loading again
    QVERIFY(!fetch->isRunning());
    QVERIFY(viewer->series().isEmpty());
}

void TestImageSessionExpiry::manualLockMidwayResumesAfterThePassword()
{
    // The user locks the screen (Ctrl+L) while the CT loads: the lock revokes the token, the
    // requests still to come are refused, and the fetch waits for the password without
    // reporting an expiry of its own.
    TcpRelay relay(m_hub.port());
    QUrl network = m_hub.baseUrl();
    network.setPort(relay.port());
    auto session = loggedInSession(network);
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientRecordView *record = openRecord(window, QStringLiteral("p00001"));
    QVERIFY2(record, "p00001's record did not open");
    QSignalSpy expired(session.get(), &HubSession::sessionExpired);

    const QByteArray token = session->accessToken();
    QCOMPARE(hubStatusFor(token), 200);
    Dicom::StudyFetch *fetch = openCtAndExpireMidway(window, record, relay, 3, [&] {
        window.lock();
        // The lock's revocation goes through the relay (only the hub's answers are held back);
        // the hub has it once it refuses the token itself.
        return window.isLocked() && !session->isLoggedIn()
            && QTest::qWaitFor([&] { return hubStatusFor(token) == 401; }, 10'000);
    });
    QVERIFY2(fetch, "the CT did not start loading");
    QSignalSpy failed(fetch, &Dicom::StudyFetch::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60'000);
    QCOMPARE(fetch->failure(), Dicom::StudyFetch::Failure::Unauthorized);
    const int kept = fetch->instancesDone();
    QVERIFY2(kept >= 3 && kept < m_ctSops.size(), qPrintable(QString::number(kept)));
    auto *opener = window.findChild<HubStudyOpener *>();
    QVERIFY(opener && opener->isWaitingForLogin());
    QVERIFY(window.isLocked());
    QCOMPARE(expired.size(), 0);

    auto *viewer = window.findChild<ImageViewerWindow *>(QStringLiteral("imageViewerWindow"));
    QVERIFY(viewer);
    QSignalSpy loaded(viewer, &ImageViewerWindow::loaded);
    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    QVERIFY(passwordEdit);
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60'000);
    QCOMPARE(fetch->instancesRequested(), int(m_ctSops.size()) - kept);
    QSet<QString> shown;
    for (const Dicom::SeriesImage &image : viewer->series().first().images)
        shown.insert(image.file->text(0x0008, 0x0018));
    QCOMPARE(int(viewer->series().first().images.size()), int(m_ctSops.size()));
    QCOMPARE(shown, m_ctSops);
}

QTEST_MAIN(TestImageSessionExpiry)
#include "tst_imagesessionexpiry.moc"
