#pragma once

#include <QMainWindow>
#include <QPointer>

class HubSession;
class PatientSearchPanel;
class QAction;
class QLabel;

/// The viewer's main window after login: the patient search for now; menus for logout, quit
/// and about; the logged-in user and facility in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(HubSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    PatientSearchPanel *searchPanel() const { return m_searchPanel; }

public Q_SLOTS:
    /// Revokes the session; the application then returns to the login dialog.
    void logout();
    void showAbout();

Q_SIGNALS:
    /// The user chose Quit or closed the window.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateSessionLabels();

    QPointer<HubSession> m_session;
    PatientSearchPanel *m_searchPanel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_facilityLabel = nullptr;
    QAction *m_logoutAction = nullptr;
};
