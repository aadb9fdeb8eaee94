#pragma once

#include <QWidget>

class HubSession;
class MessageLabel;
class QLabel;
class QLineEdit;
class QPushButton;
struct HubError;

/// What the main window shows instead of patient data while the viewer is locked: who is
/// logged in, a password field to continue, and a way out (log out). Unlocking logs the same
/// user in again through the session; the window listens for the session's answer.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(HubSession *session, QWidget *parent = nullptr);

    enum class Reason { Manual, Idle, SessionExpired };
    /// Prepares the screen for \a userId (cleared password, no message, focus in the field).
    void prepare(const QString &userId, Reason reason);
    void showError(const HubError &error);

Q_SIGNALS:
    void logoutRequested();

private:
    void submit();
    void setBusy(bool busy);

    HubSession *m_session = nullptr;
    QString m_userId;
    QLabel *m_reasonLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QPushButton *m_logoutButton = nullptr;
    MessageLabel *m_message = nullptr;
};
