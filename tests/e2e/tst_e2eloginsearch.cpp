// End to end: the viewer's login dialog and patient search against a real renkei-hub.
// The hub and its demo network are set up by EndToEndTest (endtoendtest.h).

#include "endtoendtest.h"
#include "hubsession.h"
#include "logindialog.h"
#include "mainwindow.h"

#include <QDialog>
#include <QHostAddress>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

// A shown login dialog on its own session, recording every failure the session reports.
struct LoginUnderTest
{
    /// \a caFile: the CA to trust besides the system's; empty trusts only the system CAs.
    explicit LoginUnderTest(const QString &caFile)
    {
        if (!caFile.isEmpty())
            caLoaded = session.setCaCertificatesFile(caFile, &caError);
        dialog.show();
    }

    /// Submits and waits for the session's answer; returns the failure, or Kind::None.
    HubError submit(const QUrl &url, const QString &id, const QString &password)
    {
        const int before = failed.count();
        fillAndSubmit(dialog, url, id, password);
        if (!QTest::qWaitFor([&] { return failed.count() > before || session.isLoggedIn(); }, 20'000)) {
            HubError timedOut;
            timedOut.kind = HubError::Kind::ProtocolError;
            timedOut.message = QStringLiteral("no answer within 20 s");
            return timedOut;
        }
        return failed.count() > before ? failed.last().at(0).value<HubError>() : HubError{};
    }

    QString message() const
    {
        const auto *label = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
        return label && label->isVisible() ? label->text() : QString();
    }

    HubSession session;
    LoginDialog dialog{&session};
    QSignalSpy failed{&session, &HubSession::loginFailed};
    bool caLoaded = true;
    QString caError;
};

/// The login dialog against the hub (certificates, unreachable hub, wrong password, lockout)
/// and the patient search panel (name forms, consent, withdrawal).
class TestE2eLoginSearch : public EndToEndTest
{
    Q_OBJECT

private slots:
    void untrustedCertificateIsRefused();
    void unreachableHubIsReported();
    void wrongPasswordIsReported();
    void repeatedFailuresLockTheAccount();
    void rightPasswordLogsIn();
    void searchFindsExactlyTheConsentedPatients_data();
    void searchFindsExactlyTheConsentedPatients();
    void nonConsentedPatientIsNeverVisible();
    void withdrawnConsentDisappearsOnNextSearch();
};

void TestE2eLoginSearch::untrustedCertificateIsRefused()
{
    LoginUnderTest login({}); // the demo network's own CA is not trusted here
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::UntrustedCertificate);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
    QVERIFY(login.dialog.result() != QDialog::Accepted);
}

void TestE2eLoginSearch::unreachableHubIsReported()
{
    QTcpServer closed; // bind then close: a loopback port nobody listens on
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();

    LoginUnderTest login(m_hub.caFile());
    const HubError error = login.submit(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port)),
                                        QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::Unreachable);
    QVERIFY(!login.message().isEmpty());
}

void TestE2eLoginSearch::wrongPasswordIsReported()
{
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"),
                                        QStringLiteral("not-the-password-123"));
    QCOMPARE(error.kind, HubError::Kind::WrongCredentials);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
}

void TestE2eLoginSearch::repeatedFailuresLockTheAccount()
{
    // demo-nurse is used only here, so its lock does not disturb the other cases.
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    // PROTOCOL.md: the 5th consecutive failure locks the ID, and that answer already says so.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-nurse"),
                                            QStringLiteral("wrong-password-%1x").arg(attempt));
        QCOMPARE(error.kind, attempt < 5 ? HubError::Kind::WrongCredentials : HubError::Kind::AccountLocked);
    }
    // Locked now: even the right password is refused, and the user is told why.
    const HubError locked = login.submit(m_hub.baseUrl(), QStringLiteral("demo-nurse"), kDemoPassword);
    QCOMPARE(locked.kind, HubError::Kind::AccountLocked);
    QVERIFY(locked.retryAfterSeconds > 0);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
}

void TestE2eLoginSearch::rightPasswordLogsIn()
{
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    QSignalSpy succeeded(&login.session, &HubSession::loginSucceeded);
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::None);
    QCOMPARE(succeeded.count(), 1);
    QCOMPARE(login.session.userId(), QStringLiteral("demo-doctor"));
    QCOMPARE(login.session.facilityId(), kClinic);
    QTRY_COMPARE(login.dialog.result(), int(QDialog::Accepted));
}

void TestE2eLoginSearch::searchFindsExactlyTheConsentedPatients_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("form"); // which name form the expectation is computed from

    // The family names of the demo's first patient, in each written form the hub folds.
    QTest::newRow("kanji family name") << QStringLiteral("kanji") << QString();
    QTest::newRow("katakana family name") << QStringLiteral("kana") << QString();
    QTest::newRow("hiragana family name") << QStringLiteral("hiragana") << QString();
}

void TestE2eLoginSearch::searchFindsExactlyTheConsentedPatients()
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

void TestE2eLoginSearch::nonConsentedPatientIsNeverVisible()
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

void TestE2eLoginSearch::withdrawnConsentDisappearsOnNextSearch()
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

QTEST_MAIN(TestE2eLoginSearch)
#include "tst_e2eloginsearch.moc"
