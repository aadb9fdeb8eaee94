// Drives the viewer's login dialog and patient search against a real renkei-hub (demo network,
// TLS with its own CA, free loopback port). Which patients are consented comes from the hub's
// own administration commands, so every expectation is independent of the viewer's output.

#include "hubprocess.h"
#include "hubsession.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientsearch.h"
#include "patientsearchmodel.h"
#include "patientsearchpanel.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QtTest>

namespace {

const QString kClinic = QStringLiteral("clinic-azumino");
const QString kDemoPassword = QStringLiteral("renkei-demo-2026");

struct DemoPatient
{
    QString id;
    QString name;
    QString kana;
};

QString familyName(const QString &fullName)
{
    return fullName.section(QLatin1Char(' '), 0, 0);
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void untrustedCertificateIsRefused();
    void unreachableHubIsReported();
    void wrongPasswordIsReported();
    void repeatedFailuresLockTheAccount();
    void rightPasswordLogsIn();
    void searchFindsExactlyTheConsentedPatients_data();
    void searchFindsExactlyTheConsentedPatients();
    void nonConsentedPatientIsNeverVisible();
    void withdrawnConsentDisappearsOnNextSearch();

private:
    std::unique_ptr<HubSession> loggedInSession();
    QStringList search(MainWindow &window, const QString &name, const QString &identifier = {});

    HubProcess m_hub;
    QList<DemoPatient> m_patients;
    QSet<QString> m_consented; // active consent for the clinic
};

void TestEndToEnd::initTestCase()
{
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : patients) {
        const QJsonObject p = value.toObject();
        m_patients.append({p.value(QLatin1String("id")).toString(), p.value(QLatin1String("name")).toString(),
                           p.value(QLatin1String("kana")).toString()});
    }
    QVERIFY2(m_patients.size() >= 200, "the demo network must hold at least 200 patients");

    const QJsonArray consents = m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : consents) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("facility")).toString() == kClinic
            && c.value(QLatin1String("status")).toString() == QLatin1String("active"))
            m_consented.insert(c.value(QLatin1String("patient")).toString());
    }
    QVERIFY(!m_consented.isEmpty());
    QVERIFY2(m_consented.size() < m_patients.size(), "only part of the patients may consent");
}

void TestEndToEnd::cleanupTestCase()
{
    m_hub.stop();
}

static void fillAndSubmit(LoginDialog &dialog, const QUrl &url, const QString &id, const QString &password)
{
    auto *networkEdit = dialog.findChild<QLineEdit *>(QStringLiteral("networkEdit"));
    auto *idEdit = dialog.findChild<QLineEdit *>(QStringLiteral("idEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *loginButton = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    QVERIFY(networkEdit && idEdit && passwordEdit && loginButton);
    networkEdit->setText(url.toString());
    idEdit->setText(id);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTRY_VERIFY(loginButton->isEnabled());
    QTest::mouseClick(loginButton, Qt::LeftButton);
}

void TestEndToEnd::untrustedCertificateIsRefused()
{
    HubSession session; // trusts only the system CAs, not the demo network's own CA
    LoginDialog dialog(&session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy failed(&session, &HubSession::loginFailed);
    fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
    QCOMPARE(failed.at(0).at(0).value<HubError>().kind, HubError::Kind::UntrustedCertificate);
    QVERIFY(!session.isLoggedIn());
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
    QVERIFY(message && message->isVisible() && !message->text().isEmpty());
    QVERIFY(dialog.result() != QDialog::Accepted);
}

void TestEndToEnd::unreachableHubIsReported()
{
    QTcpServer closed; // bind then close: a loopback port nobody listens on
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();

    HubSession session;
    LoginDialog dialog(&session);
    dialog.show();
    QSignalSpy failed(&session, &HubSession::loginFailed);
    fillAndSubmit(dialog, QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port)),
                  QStringLiteral("demo-doctor"), kDemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
    QCOMPARE(failed.at(0).at(0).value<HubError>().kind, HubError::Kind::Unreachable);
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
    QVERIFY(message && !message->text().isEmpty());
}

void TestEndToEnd::wrongPasswordIsReported()
{
    HubSession session;
    QString error;
    QVERIFY2(session.setCaCertificatesFile(m_hub.caFile(), &error), qPrintable(error));
    LoginDialog dialog(&session);
    dialog.show();
    QSignalSpy failed(&session, &HubSession::loginFailed);
    fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-doctor"), QStringLiteral("not-the-password-123"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
    QCOMPARE(failed.at(0).at(0).value<HubError>().kind, HubError::Kind::WrongCredentials);
    QVERIFY(!session.isLoggedIn());
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
    QVERIFY(message && !message->text().isEmpty());
}

void TestEndToEnd::repeatedFailuresLockTheAccount()
{
    // demo-nurse is used only here, so its lock does not disturb the other cases.
    HubSession session;
    QString error;
    QVERIFY2(session.setCaCertificatesFile(m_hub.caFile(), &error), qPrintable(error));
    LoginDialog dialog(&session);
    dialog.show();
    QSignalSpy failed(&session, &HubSession::loginFailed);
    // PROTOCOL.md: the 5th consecutive failure locks the ID, and that answer already says so.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-nurse"), QStringLiteral("wrong-password-%1x").arg(attempt));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), attempt, 20'000);
        QCOMPARE(failed.last().at(0).value<HubError>().kind,
                 attempt < 5 ? HubError::Kind::WrongCredentials : HubError::Kind::AccountLocked);
    }
    // Locked now: even the right password is refused, and the user is told why.
    fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-nurse"), kDemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 6, 20'000);
    const HubError locked = failed.last().at(0).value<HubError>();
    QCOMPARE(locked.kind, HubError::Kind::AccountLocked);
    QVERIFY(locked.retryAfterSeconds > 0);
    QVERIFY(!session.isLoggedIn());
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
    QVERIFY(message && !message->text().isEmpty());
}

std::unique_ptr<HubSession> TestEndToEnd::loggedInSession()
{
    auto session = std::make_unique<HubSession>();
    QString error;
    if (!session->setCaCertificatesFile(m_hub.caFile(), &error))
        return nullptr;
    LoginDialog dialog(session.get());
    dialog.show();
    fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    if (!QTest::qWaitFor([&] { return session->isLoggedIn(); }, 20'000))
        return nullptr;
    return session;
}

void TestEndToEnd::rightPasswordLogsIn()
{
    HubSession session;
    QString error;
    QVERIFY2(session.setCaCertificatesFile(m_hub.caFile(), &error), qPrintable(error));
    LoginDialog dialog(&session);
    dialog.show();
    QSignalSpy succeeded(&session, &HubSession::loginSucceeded);
    fillAndSubmit(dialog, m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 20'000);
    QVERIFY(session.isLoggedIn());
    QCOMPARE(session.userId(), QStringLiteral("demo-doctor"));
    QCOMPARE(session.facilityId(), kClinic);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
}

// Returns the patient IDs the result view shows after searching, or "<error: …>" when the
// search failed.
QStringList TestEndToEnd::search(MainWindow &window, const QString &name, const QString &identifier)
{
    auto *panel = window.findChild<PatientSearchPanel *>(QStringLiteral("patientSearchPanel"));
    auto *nameEdit = window.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *identifierEdit = window.findChild<QLineEdit *>(QStringLiteral("identifierEdit"));
    auto *view = window.findChild<QTableView *>(QStringLiteral("resultView"));
    if (!panel || !nameEdit || !identifierEdit || !view)
        return {QStringLiteral("<missing widget>")};

    QSignalSpy finished(panel->patientSearch(), &PatientSearch::finished);
    QSignalSpy failed(panel->patientSearch(), &PatientSearch::failed);
    nameEdit->setText(name);
    identifierEdit->setText(identifier);
    QTest::keyClick(nameEdit, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 20'000))
        return {QStringLiteral("<error: no answer>")};
    if (!failed.isEmpty())
        return {QStringLiteral("<error: %1>").arg(failed.at(0).at(0).value<HubError>().message)};

    QStringList ids;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(PatientSearchModel::PatientIdRole).toString();
    return ids;
}

void TestEndToEnd::searchFindsExactlyTheConsentedPatients_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("form"); // which name form the expectation is computed from

    // The family names of the demo's first patient, in each written form the hub folds.
    QTest::newRow("kanji family name") << QStringLiteral("kanji") << QString();
    QTest::newRow("katakana family name") << QStringLiteral("kana") << QString();
    QTest::newRow("hiragana family name") << QStringLiteral("hiragana") << QString();
}

void TestEndToEnd::searchFindsExactlyTheConsentedPatients()
{
    QFETCH(QString, query);

    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Take a consented patient, search by its family name; the hub must return exactly the
    // consented patients whose name (or kana) contains it — computed here from the CLI lists.
    DemoPatient target;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (m_consented.contains(p.id)) {
            target = p;
            break;
        }
    }
    QVERIFY(!target.id.isEmpty());

    QString text;
    bool byKana = true;
    if (query == QLatin1String("kanji")) {
        text = familyName(target.name);
        byKana = false;
    } else if (query == QLatin1String("kana")) {
        text = familyName(target.kana);
    } else {
        // Katakana → hiragana by the fixed Unicode offset (U+30A1..U+30F6 ↔ U+3041..U+3096).
        for (QChar c : familyName(target.kana))
            text += (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6) ? QChar(c.unicode() - 0x60) : c;
    }
    const QString needle = byKana ? familyName(target.kana) : text;

    QSet<QString> expected;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        const QString haystack = QString(byKana ? p.kana : p.name).remove(QLatin1Char(' '));
        if (m_consented.contains(p.id) && haystack.contains(needle))
            expected.insert(p.id);
    }
    // A kanji query may also match a kana reading and vice versa only if scripts overlap; they don't.
    const QStringList shown = search(window, text);
    QVERIFY2(!shown.isEmpty(), qPrintable(QStringLiteral("no result for %1").arg(text)));
    QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()), expected);
}

void TestEndToEnd::nonConsentedPatientIsNeverVisible()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();

    DemoPatient hidden;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (!m_consented.contains(p.id)) {
            hidden = p;
            break;
        }
    }
    QVERIFY(!hidden.id.isEmpty());

    // Searched for directly, by ID and by name, it is simply not found (not an error).
    QCOMPARE(search(window, QString(), hidden.id), QStringList());
    // Searches that do return others never include it: every row shown is a consented patient.
    for (const QString &name : {hidden.name, familyName(hidden.kana), familyName(hidden.name)}) {
        const QStringList shown = search(window, name);
        QVERIFY(!shown.contains(hidden.id));
        for (const QString &id : shown)
            QVERIFY2(m_consented.contains(id), qPrintable(id + QStringLiteral(" is shown without consent")));
    }
}

void TestEndToEnd::withdrawnConsentDisappearsOnNextSearch()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();

    DemoPatient target;
    for (auto it = m_patients.crbegin(); it != m_patients.crend(); ++it) {
        if (m_consented.contains(it->id)) {
            target = *it;
            break;
        }
    }
    QVERIFY(!target.id.isEmpty());
    QVERIFY(search(window, QString(), target.id).contains(target.id));

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), target.id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_consented.remove(target.id);

    QCOMPARE(search(window, QString(), target.id), QStringList());
    const QStringList byName = search(window, target.name);
    QVERIFY2(!byName.join(QString()).startsWith(QLatin1Char('<')), qPrintable(byName.join(QLatin1Char(' '))));
    QVERIFY(!byName.contains(target.id));
}

QTEST_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
