#include "lockscreen.h"

#include "brand.h"
#include "huberror.h"
#include "hubsession.h"
#include "logindialog.h"
#include "messagelabel.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

LockScreen::LockScreen(HubSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("lockScreen"));

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("lockCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(480);

    m_reasonLabel = new QLabel(card);
    m_reasonLabel->setObjectName(QStringLiteral("lockReason"));
    m_reasonLabel->setWordWrap(true);
    QFont reasonFont = m_reasonLabel->font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.2);
    reasonFont.setBold(true);
    m_reasonLabel->setFont(reasonFont);

    auto *explanation = new QLabel(
        tr("Patient information is hidden. Enter your password to continue where you left off."),
        card);
    explanation->setWordWrap(true);

    m_userLabel = new QLabel(card);
    m_userLabel->setObjectName(QStringLiteral("lockUser"));
    m_passwordEdit = new QLineEdit(card);
    m_passwordEdit->setObjectName(QStringLiteral("lockPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setMinimumWidth(240);

    auto *form = new QFormLayout;
    form->addRow(tr("User ID:"), m_userLabel);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_message = new MessageLabel(card);
    m_message->setObjectName(QStringLiteral("lockMessage"));

    m_unlockButton = new QPushButton(tr("&Unlock"), card);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    m_unlockButton->setDefault(true);
    m_logoutButton = new QPushButton(tr("Log &out"), card);
    m_logoutButton->setObjectName(QStringLiteral("lockLogoutButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_logoutButton);
    buttons->addWidget(m_unlockButton);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(Brand::createHeader(card));
    cardLayout->addWidget(m_reasonLabel);
    cardLayout->addWidget(explanation);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_message);
    cardLayout->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_unlockButton, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_logoutButton, &QPushButton::clicked, this, &LockScreen::logoutRequested);
}

void LockScreen::prepare(const QString &userId, Reason reason)
{
    m_userId = userId;
    m_userLabel->setText(userId);
    switch (reason) {
    case Reason::Idle: m_reasonLabel->setText(tr("Locked after a period of inactivity")); break;
    case Reason::Manual: m_reasonLabel->setText(tr("Screen locked")); break;
    case Reason::SessionExpired:
        // The explanation below already asks for the password; the title only says why.
        m_reasonLabel->setText(tr("Your session has expired"));
        break;
    }
    m_passwordEdit->clear();
    m_message->clearMessage();
    setBusy(false);
    m_passwordEdit->setFocus();
}

void LockScreen::showError(const HubError &error)
{
    setBusy(false);
    m_passwordEdit->clear();
    m_passwordEdit->setFocus();
    m_message->showMessage(LoginDialog::messageFor(error), MessageLabel::Tone::Error, error.detail);
}

void LockScreen::submit()
{
    if (!m_session || m_session->isLoginInProgress())
        return;
    if (m_passwordEdit->text().isEmpty()) {
        m_message->showMessage(tr("Enter your password."), MessageLabel::Tone::Error);
        return;
    }
    setBusy(true);
    m_message->showMessage(tr("Checking…"), MessageLabel::Tone::Busy);
    m_session->login(m_userId, m_passwordEdit->text());
}

void LockScreen::setBusy(bool busy)
{
    m_passwordEdit->setEnabled(!busy);
    m_unlockButton->setEnabled(!busy);
}
