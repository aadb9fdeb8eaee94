#pragma once

#include "huberror.h"

#include <QDialog>
#include <QPointer>

class HubSession;
class MessageLabel;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

/// Asks for the hub address, user ID and password and logs the HubSession in. Accepts on
/// success; every failure is shown inline in "loginMessage". Remembers the last address and
/// ID (never the password).
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(HubSession *session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    /// Prefills the user ID (e.g. from --user), overriding the remembered one.
    void setUserId(const QString &id);
    QString userId() const;
    bool isBusy() const { return m_busy; }

    /// The nurse-facing text for a login failure.
    static QString messageFor(const HubError &error);

public Q_SLOTS:
    void submit();
    void reject() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onLoginSucceeded();
    void onLoginFailed(const HubError &error);
    void onNoticeReceived(const QString &notice);
    void refreshNotice();
    void setBusy(bool busy);
    void showError(const QString &text, const QString &detail = {});
    void loadSettings();
    void saveSettings() const;
    void focusFirstEmptyField();
    void fitHeight();

    QPointer<HubSession> m_session;
    QLineEdit *m_networkEdit = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_loginButton = nullptr;
    QPushButton *m_quitButton = nullptr;
    MessageLabel *m_message = nullptr;
    QFrame *m_noticeFrame = nullptr;
    QLabel *m_notice = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QTimer *m_noticeTimer = nullptr;
    bool m_busy = false;
    bool m_noticeRequested = false;
};
