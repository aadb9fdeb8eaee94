#include "viewerflow.h"

#include "hubsession.h"
#include "logindialog.h"
#include "mainwindow.h"

#include <QGuiApplication>

ViewerFlow::ViewerFlow(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    if (m_session)
        connect(m_session, &HubSession::loggedOut, this, &ViewerFlow::onLoggedOut);
}

ViewerFlow::~ViewerFlow()
{
    delete m_dialog;
    delete m_window;
}

LoginDialog *ViewerFlow::loginDialog() const
{
    return m_dialog;
}

MainWindow *ViewerFlow::mainWindow() const
{
    return m_window;
}

void ViewerFlow::setInitialUserId(const QString &id)
{
    m_initialUserId = id;
}

void ViewerFlow::start()
{
    // Closing the main window must not end the process before the token is revoked.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    showLogin();
}

void ViewerFlow::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleLockTimeout = timeout;
    if (m_window)
        m_window->setIdleLockTimeout(timeout);
}

void ViewerFlow::showLogin()
{
    delete m_dialog;
    m_dialog = new LoginDialog(m_session);
    if (!m_initialUserId.isEmpty()) {
        m_dialog->setUserId(m_initialUserId);
        m_initialUserId.clear();
    }
    connect(m_dialog, &QDialog::accepted, this, &ViewerFlow::showMainWindow);
    connect(m_dialog, &QDialog::rejected, this, &ViewerFlow::quit);
    m_dialog->show();
}

void ViewerFlow::showMainWindow()
{
    if (m_dialog)
        m_dialog->deleteLater();
    delete m_window;
    m_window = new MainWindow(m_session);
    if (m_idleLockTimeout)
        m_window->setIdleLockTimeout(*m_idleLockTimeout);
    connect(m_window, &MainWindow::quitRequested, this, &ViewerFlow::quit);
    m_window->show();
}

void ViewerFlow::onLoggedOut()
{
    if (m_quitting) {
        Q_EMIT finished();
        return;
    }
    if (!m_window)
        return; // a login given up from the dialog, not a logout
    m_window->hide();
    m_window->deleteLater();
    showLogin();
}

void ViewerFlow::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (m_session && m_session->isLoggedIn()) {
        if (m_window)
            m_window->hide();
        m_session->logout(); // finished() follows loggedOut()
        return;
    }
    Q_EMIT finished();
}
