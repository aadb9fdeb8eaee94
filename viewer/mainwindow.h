#pragma once

#include <QMainWindow>
#include <QPointer>

#include <chrono>
#include <memory>

class EncryptedCache;
class HubSession;
class HubStudyOpener;
class IdleWatcher;
class ImageViewerWindow;
class KeyImages;
class LockScreen;
class PatientRecordView;
class PatientSearchPanel;
class QAction;
class QLabel;
class QStackedWidget;
struct HubError;
struct PatientSummary;

/// The viewer's main window after login: the patient search and one patient's record; menus for lock, logout,
/// quit and about; the logged-in user and facility in the status bar. Locks itself after a
/// period without input (default 15 minutes): patient data is hidden, the hub token revoked,
/// and only the same user's password continues the session.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(HubSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    PatientSearchPanel *searchPanel() const { return m_searchPanel; }
    PatientRecordView *recordView() const { return m_recordView; }
    /// The session's encrypted document cache; wiped at logout and when the window goes.
    EncryptedCache *cache() const { return m_cache.get(); }

    static constexpr std::chrono::minutes kDefaultIdleLock{15};
    /// Idle time before the window locks itself; zero or less never locks.
    void setIdleLockTimeout(std::chrono::milliseconds timeout);
    bool isLocked() const;
    /// Opens local files and/or folders (a patient's CD) in the image viewer, as File ▸ Open
    /// Images does after its dialog.
    void openImagePaths(const QStringList &paths);
    /// Key images marked while no record showed their patient (e.g. a CD read before the
    /// record was opened): kept in memory until that patient's record opens, then moved
    /// there; dropped at logout.
    KeyImages *unfiledKeyImages() const { return m_unfiledKeyImages; }

public Q_SLOTS:
    /// Revokes the session; the application then returns to the login dialog.
    void logout();
    /// Hides patient data behind the lock screen and revokes the hub token.
    void lock();
    void showAbout();

Q_SIGNALS:
    /// The user chose Quit or closed the window.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateSessionLabels();
    void lockScreen(int reason);
    /// The hub no longer accepts the token: the same user logs in again on the lock screen and
    /// continues where they were (the record is fetched again, the selection restored).
    void onSessionExpired();
    void onLoginSucceeded();
    void onLoginFailed(const HubError &error);
    void openRecord(const PatientSummary &patient);
    void backToSearch();
    void openImages(bool files);
    void closeImages();
    /// Opens a study the hub holds (from an imaging record) in the image viewer.
    void openHubImages(const QString &studyInstanceUid);
    void ensureImageViewer();
    /// The viewer marks into the open record's key images, or the unfiled ones without a record.
    void useKeyImagesOfOpenRecord();

    QPointer<HubSession> m_session;
    std::unique_ptr<EncryptedCache> m_cache;
    QStackedWidget *m_pages = nullptr;
    PatientSearchPanel *m_searchPanel = nullptr;
    PatientRecordView *m_recordView = nullptr;
    ImageViewerWindow *m_imageViewer = nullptr; ///< created on first use
    HubStudyOpener *m_hubStudies = nullptr;     ///< with the image viewer
    KeyImages *m_unfiledKeyImages = nullptr;
    QWidget *m_pageBeforeImages = nullptr;
    QWidget *m_pageBeforeLock = nullptr;
    LockScreen *m_lockScreen = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
    QString m_lockedUserId;
    QString m_userId; ///< who is logged in, remembered past an expired token
    QLabel *m_userLabel = nullptr;
    QLabel *m_facilityLabel = nullptr;
    QAction *m_logoutAction = nullptr;
    QAction *m_lockAction = nullptr;
};
