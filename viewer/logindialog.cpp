#include "logindialog.h"

#include "brand.h"
#include "hubaddress.h"
#include "hubsession.h"
#include "messagelabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace {
const QString kUrlKey = QStringLiteral("login/networkUrl");
const QString kUserKey = QStringLiteral("login/userId");
// Wait until the user paused typing before asking a half-typed address for its notice.
constexpr int kNoticeDelayMs = 700;
} // namespace

LoginDialog::LoginDialog(HubSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in — %1").arg(Brand::productName()));
    setWindowIcon(Brand::appIcon());

    // The notice sits in its own frame: a word-wrapped label styled with padding would
    // under-report its height and clip the last line.
    m_noticeFrame = new QFrame(this);
    m_noticeFrame->setObjectName(QStringLiteral("noticeFrame"));
    m_noticeFrame->setStyleSheet(QStringLiteral(
        "#noticeFrame { background: #eef4fa; border: 1px solid #c9dcef; border-radius: 4px; }"));
    m_notice = new QLabel(m_noticeFrame);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText); // operator text is shown, never interpreted
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral("color: #1f3b57;"));
    auto *noticeLayout = new QVBoxLayout(m_noticeFrame);
    noticeLayout->setContentsMargins(12, 8, 12, 8);
    noticeLayout->addWidget(m_notice);
    m_noticeFrame->hide();

    m_networkEdit = new QLineEdit(this);
    m_networkEdit->setObjectName(QStringLiteral("networkEdit"));
    m_networkEdit->setPlaceholderText(QStringLiteral("https://hub.example.jp"));
    m_networkEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);

    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("idEdit"));
    m_idEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);

    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(10);
    form->addRow(tr("&Network:"), m_networkEdit);
    form->addRow(tr("&User ID:"), m_idEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setRange(0, 0); // indeterminate
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedHeight(6);
    m_busyBar->hide();

    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));

    auto *buttons = new QDialogButtonBox(this);
    m_loginButton = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_loginButton->setMinimumWidth(110);
    m_quitButton = buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    m_quitButton->setObjectName(QStringLiteral("quitButton"));
    // The button box would call accept(); logging in decides that instead.
    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_quitButton, &QPushButton::clicked, this, &LoginDialog::reject);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(Brand::createHeader(this));
    layout->addWidget(separator);
    layout->addWidget(m_noticeFrame);
    layout->addLayout(form);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    setMinimumWidth(520);

    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(kNoticeDelayMs);
    connect(m_noticeTimer, &QTimer::timeout, this, &LoginDialog::refreshNotice);
    connect(m_networkEdit, &QLineEdit::textEdited, m_noticeTimer, qOverload<>(&QTimer::start));
    connect(m_networkEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_noticeTimer->isActive()) {
            m_noticeTimer->stop();
            refreshNotice();
        }
    });

    if (m_session) {
        connect(m_session, &HubSession::loginSucceeded, this, &LoginDialog::onLoginSucceeded);
        connect(m_session, &HubSession::loginFailed, this, &LoginDialog::onLoginFailed);
        connect(m_session, &HubSession::noticeReceived, this, &LoginDialog::onNoticeReceived);
        connect(m_session, &HubSession::noticeFailed, m_noticeFrame, &QWidget::hide);
    }

    loadSettings();
}

LoginDialog::~LoginDialog()
{
    // Destroying the children takes the focus from the address field, which then emits
    // editingFinished() into a LoginDialog that is already half destroyed.
    m_networkEdit->disconnect(this);
}

void LoginDialog::setUserId(const QString &id)
{
    m_idEdit->setText(id);
}

QString LoginDialog::userId() const
{
    return m_idEdit->text().trimmed();
}

QString LoginDialog::messageFor(const HubError &error)
{
    if (!error.message.isEmpty())
        return error.message;
    switch (error.kind) {
    case HubError::Kind::WrongCredentials:
        return tr("The user ID or password is incorrect.");
    case HubError::Kind::AccountLocked:
        return tr("This account is locked. Please contact your network administrator.");
    case HubError::Kind::Unreachable:
        return tr("Cannot connect to the hub. Please check the network connection and the hub "
                  "address.");
    case HubError::Kind::UntrustedCertificate:
        return tr("The hub's certificate is not trusted. The connection was stopped for your "
                  "safety. Please contact your network administrator.");
    default:
        return tr("Login failed. Please contact your network administrator.");
    }
}

void LoginDialog::submit()
{
    if (m_busy || !m_session)
        return;
    QString addressError;
    const std::optional<QUrl> url = parseHubAddress(m_networkEdit->text(), &addressError);
    if (!url) {
        showError(addressError);
        m_networkEdit->setFocus();
        return;
    }
    if (m_idEdit->text().trimmed().isEmpty() || m_passwordEdit->text().isEmpty()) {
        showError(tr("Enter your user ID and password."));
        focusFirstEmptyField();
        return;
    }
    m_session->setNetworkUrl(*url);
    setBusy(true);
    m_message->showMessage(tr("Logging in…"), MessageLabel::Tone::Busy);
    m_session->login(m_idEdit->text().trimmed(), m_passwordEdit->text());
}

void LoginDialog::reject()
{
    if (m_busy && m_session)
        m_session->logout(); // drops the login in flight; nothing may stay logged in
    setBusy(false);
    QDialog::reject();
}

void LoginDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_noticeRequested) {
        m_noticeRequested = true;
        refreshNotice();
        focusFirstEmptyField();
    }
}

void LoginDialog::onLoginSucceeded()
{
    if (!m_busy)
        return; // someone else's login
    setBusy(false);
    m_passwordEdit->clear();
    m_message->clearMessage();
    saveSettings();
    accept();
}

void LoginDialog::onLoginFailed(const HubError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    showError(messageFor(error), error.detail);
    switch (error.kind) {
    case HubError::Kind::WrongCredentials:
        m_passwordEdit->clear();
        m_passwordEdit->setFocus();
        break;
    case HubError::Kind::Unreachable:
    case HubError::Kind::UntrustedCertificate:
        m_networkEdit->setFocus();
        break;
    default:
        m_passwordEdit->setFocus();
        break;
    }
}

void LoginDialog::onNoticeReceived(const QString &notice)
{
    const QString text = notice.trimmed();
    m_notice->setText(text);
    m_noticeFrame->setVisible(!text.isEmpty());
    fitHeight();
}

void LoginDialog::refreshNotice()
{
    if (!m_session || m_busy)
        return;
    const std::optional<QUrl> url = parseHubAddress(m_networkEdit->text(), nullptr);
    if (!url) {
        m_noticeFrame->hide();
        return;
    }
    if (m_session->networkUrl() != *url)
        m_noticeFrame->hide(); // the old hub's notice does not belong to the new address
    m_session->setNetworkUrl(*url);
    m_session->fetchNotice();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_networkEdit->setEnabled(!busy);
    m_idEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    m_loginButton->setEnabled(!busy);
    m_busyBar->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginDialog::showError(const QString &text, const QString &detail)
{
    m_message->showMessage(text, MessageLabel::Tone::Error, detail);
    fitHeight();
}

void LoginDialog::fitHeight()
{
    // Wrapped labels need a height that depends on the width; the layout's minimum size
    // does not know that, so grow the dialog ourselves once the new text is laid out.
    QTimer::singleShot(0, this, [this] {
        if (!isVisible() || !layout())
            return;
        layout()->activate();
        const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                         : sizeHint().height();
        if (height() < needed)
            resize(width(), needed);
    });
}

void LoginDialog::loadSettings()
{
    const QSettings settings;
    QString url = m_session && m_session->networkUrl().isValid()
        ? m_session->networkUrl().toString()
        : settings.value(kUrlKey).toString();
    m_networkEdit->setText(url);
    m_idEdit->setText(settings.value(kUserKey).toString());
}

void LoginDialog::saveSettings() const
{
    QSettings settings;
    settings.setValue(kUrlKey, m_session->networkUrl().toString());
    settings.setValue(kUserKey, userId());
}

void LoginDialog::focusFirstEmptyField()
{
    if (m_networkEdit->text().trimmed().isEmpty())
        m_networkEdit->setFocus();
    else if (m_idEdit->text().trimmed().isEmpty())
        m_idEdit->setFocus();
    else
        m_passwordEdit->setFocus();
}
