#include "mainwindow.h"

#include "brand.h"
#include "encryptedcache.h"
#include "huberror.h"
#include "hubsession.h"
#include "hubstudyopener.h"
#include "idlewatcher.h"
#include "imageviewerwindow.h"
#include "keyimages.h"
#include "lockscreen.h"
#include "patientrecordview.h"
#include "patientsearchpanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtDebug>

MainWindow::MainWindow(HubSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Brand::appIcon());

    m_pages = new QStackedWidget(this);
    m_searchPanel = new PatientSearchPanel(session, m_pages);
    m_recordView = new PatientRecordView(session, m_pages);
    m_lockScreen = new LockScreen(session, m_pages);
    m_pages->addWidget(m_searchPanel);
    m_pages->addWidget(m_recordView);
    m_pages->addWidget(m_lockScreen);
    setCentralWidget(m_pages);
    m_unfiledKeyImages = new KeyImages(this);

    // Documents fetched in this session are cached encrypted under a key that lives only in
    // this window; a cache that cannot be made only means fetching again.
    m_cache = std::make_unique<EncryptedCache>();
    QString cacheError;
    if (m_cache->open(&cacheError))
        m_recordView->setCache(m_cache.get());
    else
        qWarning().noquote() << "renkei: no document cache:" << cacheError;
    if (m_session) {
        connect(m_session, &HubSession::loggedOut, this, [this] {
            m_recordView->setCache(nullptr);
            m_cache->wipe();
        });
    }
    connect(m_lockScreen, &LockScreen::logoutRequested, this, &MainWindow::logout);

    m_idleWatcher = new IdleWatcher(this);
    connect(m_idleWatcher, &IdleWatcher::idle, this, [this] { lockScreen(int(LockScreen::Reason::Idle)); });
    m_idleWatcher->setTimeout(kDefaultIdleLock);
    connect(m_searchPanel, &PatientSearchPanel::reloginRequested, this, &MainWindow::onSessionExpired);
    connect(m_searchPanel, &PatientSearchPanel::patientActivated, this, &MainWindow::openRecord);
    connect(m_recordView, &PatientRecordView::backRequested, this, &MainWindow::backToSearch);
    connect(m_recordView, &PatientRecordView::reloginRequested, this, &MainWindow::onSessionExpired);
    connect(m_recordView, &PatientRecordView::imagingStudyRequested, this, &MainWindow::openHubImages);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_facilityLabel = new QLabel(this);
    m_facilityLabel->setObjectName(QStringLiteral("facilityLabel"));
    statusBar()->addPermanentWidget(m_facilityLabel);
    statusBar()->addPermanentWidget(m_userLabel);

    createMenus();
    updateSessionLabels();
    if (m_session) {
        connect(m_session, &HubSession::loginSucceeded, this, &MainWindow::onLoginSucceeded);
        connect(m_session, &HubSession::loginFailed, this, &MainWindow::onLoginFailed);
        connect(m_session, &HubSession::sessionExpired, this, &MainWindow::onSessionExpired);
    }

    // The record view wants room (timeline above, detail below): most of the screen, not a
    // fixed small window.
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableSize() : QSize(1280, 800);
    resize(QSize(1120, 680).expandedTo(available * 0.9).boundedTo(available));
    m_searchPanel->focusNameField();
}

MainWindow::~MainWindow()
{
    m_recordView->setCache(nullptr);
    m_cache->wipe();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openFolder = fileMenu->addAction(tr("Open &Images…"), this,
                                              [this] { openImages(false); });
    openFolder->setObjectName(QStringLiteral("openImagesAction"));
    openFolder->setShortcut(QKeySequence::Open);
    QAction *openFiles = fileMenu->addAction(tr("Open Image &Files…"), this,
                                             [this] { openImages(true); });
    openFiles->setObjectName(QStringLiteral("openImageFilesAction"));
    fileMenu->addSeparator();
    m_lockAction = fileMenu->addAction(tr("Loc&k screen"), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logoutAction = fileMenu->addAction(tr("&Log out"), this, &MainWindow::logout);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_logoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Renkei"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::updateSessionLabels()
{
    const QString user = m_session ? m_session->userId() : QString();
    if (!user.isEmpty())
        m_userId = user;
    const QString facility = m_session ? m_session->facilityName() : QString();
    m_userLabel->setText(tr("User: %1").arg(user));
    m_facilityLabel->setText(tr("Facility: %1").arg(facility));
    setWindowTitle(facility.isEmpty() ? Brand::productName()
                                      : tr("%1 — %2").arg(Brand::productName(), facility));
}

void MainWindow::logout()
{
    if (!m_session)
        return;
    m_logoutAction->setEnabled(false);
    m_searchPanel->setEnabled(false);
    m_recordView->closePatient();
    m_unfiledKeyImages->clear();
    if (m_hubStudies)
        m_hubStudies->stop(); // no images keep arriving or stay shown past the session
    statusBar()->showMessage(tr("Logging out…"));
    m_session->logout();
}

void MainWindow::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleWatcher->setTimeout(timeout);
    if (isLocked())
        m_idleWatcher->stop();
}

bool MainWindow::isLocked() const
{
    return m_pages->currentWidget() == m_lockScreen;
}

void MainWindow::lock()
{
    lockScreen(int(LockScreen::Reason::Manual));
}

void MainWindow::onSessionExpired()
{
    lockScreen(int(LockScreen::Reason::SessionExpired));
}

void MainWindow::lockScreen(int reason)
{
    if (isLocked() || !m_session)
        return;
    // An expired session has already forgotten who it was; the window has not.
    m_lockedUserId = m_session->userId().isEmpty() ? m_userId : m_session->userId();
    if (m_lockedUserId.isEmpty())
        return;
    m_idleWatcher->stop();
    m_session->suspend();
    m_pageBeforeLock = m_pages->currentWidget();
    m_pages->setCurrentWidget(m_lockScreen);
    m_lockScreen->prepare(m_lockedUserId, LockScreen::Reason(reason));
    m_lockAction->setEnabled(false);
    statusBar()->clearMessage();
}

void MainWindow::onLoginSucceeded()
{
    updateSessionLabels();
    if (!isLocked())
        return;
    m_lockAction->setEnabled(true);
    m_idleWatcher->restart();
    if (m_imageViewer && m_pageBeforeLock == m_imageViewer) {
        m_pages->setCurrentWidget(m_imageViewer);
    } else if (m_pageBeforeLock == m_recordView) {
        m_pages->setCurrentWidget(m_recordView);
        // The record may have been cut short by the lock (the token was revoked): fetch again,
        // back on the record that was selected.
        m_recordView->reload();
    } else {
        m_pages->setCurrentWidget(m_searchPanel);
        m_searchPanel->focusNameField();
    }
}

void MainWindow::openRecord(const PatientSummary &patient)
{
    m_pages->setCurrentWidget(m_recordView);
    m_recordView->openPatient(patient);
    // Key images marked before the record was opened (a CD read first) join it if they show
    // this patient; others keep waiting for their own record.
    const int adopted = m_unfiledKeyImages->moveTo(m_recordView->keyImages(), [&patient](const KeyImage &k) {
        return keyImageBelongsTo(k, patient);
    });
    if (adopted > 0)
        statusBar()->showMessage(tr("%n key image(s) marked earlier added to this record", nullptr, adopted), 10'000);
    useKeyImagesOfOpenRecord();
}

void MainWindow::backToSearch()
{
    // Nothing of the patient stays in memory once the clinician leaves the record; key images
    // of other patients marked meanwhile (a CD) wait for their own record.
    const PatientSummary patient = m_recordView->patient();
    m_recordView->keyImages()->moveTo(m_unfiledKeyImages, [&patient](const KeyImage &k) {
        return !keyImageBelongsTo(k, patient);
    });
    m_recordView->closePatient();
    useKeyImagesOfOpenRecord();
    m_pages->setCurrentWidget(m_searchPanel);
    m_searchPanel->focusResults();
}

void MainWindow::openImages(bool files)
{
    // A folder (a patient's CD) is the common case; single files are the exception.
    const QStringList paths = files
        ? QFileDialog::getOpenFileNames(this, tr("Open Image Files"))
        : QStringList{QFileDialog::getExistingDirectory(this, tr("Open Image Folder"))};
    if (paths.isEmpty() || paths.first().isEmpty())
        return;
    openImagePaths(paths);
}

void MainWindow::openImagePaths(const QStringList &paths)
{
    ensureImageViewer();
    if (m_pages->currentWidget() != m_imageViewer)
        m_pageBeforeImages = m_pages->currentWidget();
    m_pages->setCurrentWidget(m_imageViewer);
    m_imageViewer->openPaths(paths);
}

void MainWindow::openHubImages(const QString &studyInstanceUid)
{
    ensureImageViewer();
    if (!m_hubStudies)
        m_hubStudies = new HubStudyOpener(m_session, m_imageViewer, this);
    if (m_pages->currentWidget() != m_imageViewer)
        m_pageBeforeImages = m_pages->currentWidget();
    m_pages->setCurrentWidget(m_imageViewer);
    m_hubStudies->open(studyInstanceUid);
}

void MainWindow::ensureImageViewer()
{
    if (m_imageViewer)
        return;
    m_imageViewer = new ImageViewerWindow(m_pages);
    m_pages->addWidget(m_imageViewer);
    // Key images belong to the open patient's record, where the referral packet finds them.
    useKeyImagesOfOpenRecord();
    connect(m_imageViewer, &ImageViewerWindow::closeRequested, this, &MainWindow::closeImages);
}

void MainWindow::useKeyImagesOfOpenRecord()
{
    if (m_imageViewer)
        m_imageViewer->setKeyImages(m_recordView->patient().id.isEmpty() ? m_unfiledKeyImages
                                                                          : m_recordView->keyImages());
}

void MainWindow::closeImages()
{
    m_imageViewer->setSeries({}); // no patient pixels kept once the viewer is left
    m_pages->setCurrentWidget(m_pageBeforeImages ? m_pageBeforeImages : m_searchPanel);
}

void MainWindow::onLoginFailed(const HubError &error)
{
    if (isLocked())
        m_lockScreen->showError(error);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Renkei"),
        tr("<h3>%1</h3><p>Version %2</p><p>An open viewer for regional health information "
           "networks.</p><p>Qt %3 (built with %4)</p>")
            .arg(Brand::productName().toHtmlEscaped(), QStringLiteral(RENKEI_VERSION),
                 QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The flow revokes the token before the application ends.
    event->accept();
    Q_EMIT quitRequested();
}
