// LoginDialog, headless: its widgets, inline messages for every way a login can fail, and
// what it remembers. Failures are driven through a real HubSession against a closed port or
// a canned HTTPS server.

#include "cannedhttpsserver.h"
#include "hubsession.h"
#include "logindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using Response = CannedHttpsServer::Response;

class tst_LoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hasNamedWidgets();
    void emptyFieldsAreRefusedLocally_data();
    void emptyFieldsAreRefusedLocally();
    void unreachableHubIsExplained();
    void enterSubmits();
    void hubErrorsAreExplained_data();
    void hubErrorsAreExplained();
    void fallbackMessagesForEveryKind_data();
    void fallbackMessagesForEveryKind();
    void successAcceptsAndRemembersAddressAndId();
    void noticeIsShown();

private:
    template<typename T> T *child(const char *name)
    {
        T *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void fill(const QString &url, const QString &id, const QString &password);
    QUrl closedPortUrl() const;

    std::unique_ptr<HubSession> m_session;
    std::unique_ptr<LoginDialog> m_dialog;
};

void tst_LoginDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RenkeiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logindialog"));
}

void tst_LoginDialog::init()
{
    QSettings().clear();
    m_session = std::make_unique<HubSession>();
    m_session->setTransferTimeout(5000);
    m_dialog = std::make_unique<LoginDialog>(m_session.get());
}

void tst_LoginDialog::cleanup()
{
    m_dialog.reset();
    m_session.reset();
    QSettings().clear();
}

void tst_LoginDialog::fill(const QString &url, const QString &id, const QString &password)
{
    child<QLineEdit>("networkEdit")->setText(url);
    child<QLineEdit>("idEdit")->setText(id);
    child<QLineEdit>("passwordEdit")->setText(password);
}

QUrl tst_LoginDialog::closedPortUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(CannedHttpsServer::closedPort()));
}

void tst_LoginDialog::hasNamedWidgets()
{
    QCOMPARE(m_dialog->objectName(), QStringLiteral("loginDialog"));
    QVERIFY(child<QLineEdit>("networkEdit"));
    QVERIFY(child<QLineEdit>("idEdit"));
    QCOMPARE(child<QLineEdit>("passwordEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(child<QPushButton>("loginButton")->isDefault());
    QVERIFY(child<QLabel>("loginMessage"));
    QVERIFY(child<QLabel>("noticeLabel"));
}

void tst_LoginDialog::emptyFieldsAreRefusedLocally_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("everything empty") << "" << "" << "" << "hub address";
    QTest::newRow("no ID") << "https://127.0.0.1:9" << "" << "pw" << "user ID and password";
    QTest::newRow("no password") << "https://127.0.0.1:9" << "demo" << "" << "user ID and password";
    QTest::newRow("blank ID") << "https://127.0.0.1:9" << "   " << "pw" << "user ID and password";
    QTest::newRow("plain http") << "http://127.0.0.1:9" << "demo" << "pw" << "https://";
}

void tst_LoginDialog::emptyFieldsAreRefusedLocally()
{
    QFETCH(QString, url);
    QFETCH(QString, id);
    QFETCH(QString, password);
    QFETCH(QString, messageContains);

    QSignalSpy failed(m_session.get(), &HubSession::loginFailed);
    fill(url, id, password);
    QTest::mouseClick(child<QPushButton>("loginButton"), Qt::LeftButton);

    auto *message = child<QLabel>("loginMessage");
    QVERIFY2(message->text().contains(messageContains), qPrintable(message->text()));
    QVERIFY(!m_dialog->isBusy());
    QVERIFY(!m_session->isLoginInProgress()); // no request was made
    QTest::qWait(50);
    QCOMPARE(failed.size(), 0);
    QVERIFY(child<QLineEdit>("idEdit")->isEnabled());
}

void tst_LoginDialog::unreachableHubIsExplained()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fill(closedPortUrl().toString(), QStringLiteral("demo-nurse"), QStringLiteral("secret"));
    QTest::mouseClick(child<QPushButton>("loginButton"), Qt::LeftButton);

    // Busy while the attempt runs: inputs locked.
    QVERIFY(m_dialog->isBusy());
    QVERIFY(!child<QLineEdit>("passwordEdit")->isEnabled());
    QVERIFY(!child<QPushButton>("loginButton")->isEnabled());

    auto *message = child<QLabel>("loginMessage");
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("Cannot connect")), 15000);
    QVERIFY(message->isVisible());
    QVERIFY(!m_dialog->isBusy());
    QVERIFY(child<QLineEdit>("passwordEdit")->isEnabled());
    QVERIFY(m_dialog->isVisible()); // no accept, no modal box
    QVERIFY(!m_session->isLoggedIn());
}

void tst_LoginDialog::enterSubmits()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fill(closedPortUrl().toString(), QStringLiteral("demo-nurse"), QString());
    auto *password = child<QLineEdit>("passwordEdit");
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("secret"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(m_dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), 15000);
}

void tst_LoginDialog::hubErrorsAreExplained_data()
{
    QTest::addColumn<bool>("trustServer");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("wrong credentials")
        << true << 400 << QByteArray(R"({"error":"invalid_grant","error_code":"invalid_credentials"})")
        << "user ID or password is incorrect";
    QTest::newRow("locked for a while")
        << true << 429
        << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked","retry_after":240})")
        << "try again in 4 minute";
    QTest::newRow("locked by an administrator")
        << true << 429 << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked"})")
        << "contact your network administrator";
    QTest::newRow("protocol error") << true << 200 << QByteArray("not json")
                                    << "unexpected answer";
    QTest::newRow("untrusted certificate")
        << false << 200 << QByteArray(R"({"access_token":"x","token_type":"Bearer"})")
        << "certificate is not trusted";
}

void tst_LoginDialog::hubErrorsAreExplained()
{
    QFETCH(bool, trustServer);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, messageContains);

    CannedHttpsServer server;
    const QString certificateError = server.createCertificate();
    if (certificateError == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY2(certificateError.isEmpty(), qPrintable(certificateError));
    QVERIFY(server.listen());
    server.setResponse("/auth/login", Response{status, body, "application/json", {}});
    if (trustServer)
        QVERIFY(m_session->setCaCertificatesFile(server.certificateFile(), nullptr));

    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fill(server.baseUrl().toString(), QStringLiteral("demo-doctor"), QStringLiteral("secret"));
    QTest::mouseClick(child<QPushButton>("loginButton"), Qt::LeftButton);

    auto *message = child<QLabel>("loginMessage");
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), 15000);
    QVERIFY2(message->text().contains(messageContains, Qt::CaseInsensitive),
             qPrintable(message->text()));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->result() != QDialog::Accepted);
}

void tst_LoginDialog::fallbackMessagesForEveryKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("WrongCredentials") << int(HubError::Kind::WrongCredentials);
    QTest::newRow("AccountLocked") << int(HubError::Kind::AccountLocked);
    QTest::newRow("Unreachable") << int(HubError::Kind::Unreachable);
    QTest::newRow("UntrustedCertificate") << int(HubError::Kind::UntrustedCertificate);
    QTest::newRow("ProtocolError") << int(HubError::Kind::ProtocolError);
    QTest::newRow("ServerError") << int(HubError::Kind::ServerError);
}

void tst_LoginDialog::fallbackMessagesForEveryKind()
{
    QFETCH(int, kind);
    HubError error;
    error.kind = HubError::Kind(kind);
    QVERIFY(!LoginDialog::messageFor(error).isEmpty());
    error.message = QStringLiteral("specific");
    QCOMPARE(LoginDialog::messageFor(error), QStringLiteral("specific"));
}

void tst_LoginDialog::successAcceptsAndRemembersAddressAndId()
{
    CannedHttpsServer server;
    const QString certificateError = server.createCertificate();
    if (certificateError == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY(certificateError.isEmpty());
    QVERIFY(server.listen());
    server.setResponse("/auth/login", Response{200, R"({"access_token":"tok","token_type":"Bearer","expires_in":900,"facility":"clinic-azumino","facility_name":"あずみの内科クリニック","user":"demo-doctor"})", "application/json", {}});
    QVERIFY(m_session->setCaCertificatesFile(server.certificateFile(), nullptr));

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fill(server.baseUrl().toString(), QStringLiteral("demo-doctor"), QStringLiteral("pass-word-1234"));
    QTest::mouseClick(child<QPushButton>("loginButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
    QVERIFY(m_session->isLoggedIn());
    QVERIFY(child<QLineEdit>("passwordEdit")->text().isEmpty());

    const QSettings settings;
    QStringList values;
    for (const QString &key : settings.allKeys())
        values << settings.value(key).toString();
    QVERIFY(values.contains(server.baseUrl().toString()));
    QVERIFY(values.contains(QStringLiteral("demo-doctor")));
    for (const QString &value : values)
        QVERIFY2(!value.contains(QLatin1String("pass-word")), "the password must never be stored");

    // A new dialog offers the remembered address and ID, never the password.
    HubSession fresh;
    LoginDialog again(&fresh);
    QCOMPARE(again.findChild<QLineEdit *>("networkEdit")->text(), server.baseUrl().toString());
    QCOMPARE(again.findChild<QLineEdit *>("idEdit")->text(), QStringLiteral("demo-doctor"));
    QVERIFY(again.findChild<QLineEdit *>("passwordEdit")->text().isEmpty());
}

void tst_LoginDialog::noticeIsShown()
{
    CannedHttpsServer server;
    const QString certificateError = server.createCertificate();
    if (certificateError == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY(certificateError.isEmpty());
    QVERIFY(server.listen());
    server.setResponse("/auth/notice", Response{200, R"({"notice":"デモ用ID: demo-doctor"})", "application/json", {}});
    QVERIFY(m_session->setCaCertificatesFile(server.certificateFile(), nullptr));
    m_session->setNetworkUrl(server.baseUrl());

    LoginDialog dialog(m_session.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *notice = dialog.findChild<QLabel *>("noticeLabel");
    QTRY_COMPARE_WITH_TIMEOUT(notice->text(), QStringLiteral("デモ用ID: demo-doctor"), 15000);
    QVERIFY(notice->isVisible());
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
