#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <optional>

class HubSession;
class LoginDialog;
class MainWindow;

/// The viewer's screens in order: login dialog → main window → (logout) login dialog again.
/// Quitting revokes the session first. Owns the windows it shows.
class ViewerFlow : public QObject
{
    Q_OBJECT

public:
    explicit ViewerFlow(HubSession *session, QObject *parent = nullptr);
    ~ViewerFlow() override;

    /// Prefills the login dialog's user ID (e.g. from --user), once.
    void setInitialUserId(const QString &id);
    /// Idle time before the main window locks itself (MainWindow::kDefaultIdleLock unless set).
    void setIdleLockTimeout(std::chrono::milliseconds timeout);
    void start();

    LoginDialog *loginDialog() const;
    MainWindow *mainWindow() const;

Q_SIGNALS:
    /// The user quit (cancelled the login, or quit and the session was revoked).
    void finished();

private:
    void showLogin();
    void showMainWindow();
    void onLoggedOut();
    void quit();

    QPointer<HubSession> m_session;
    QPointer<LoginDialog> m_dialog;
    QPointer<MainWindow> m_window;
    QString m_initialUserId;
    std::optional<std::chrono::milliseconds> m_idleLockTimeout;
    bool m_quitting = false;
};
