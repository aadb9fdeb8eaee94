// End to end: the viewer's idle lock and expired sessions against a real renkei-hub.
// The hub and its demo network are set up by EndToEndTest (endtoendtest.h).

#include "endtoendtest.h"
#include "hubsession.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearchpanel.h"
#include "clinicalrecord.h"
#include "everythingfetch.h"
#include "timelinewidget.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>
#include <chrono>

/// The viewer locks its data away: after idle time, and when the hub stops accepting the token.
class TestE2eLock : public EndToEndTest
{
    Q_OBJECT

private slots:
    void idleLockHidesDataUntilThePasswordIsGiven();
    void expiredSessionResumesWhereTheUserWas();

private:
    int auditCount(const QString &action, const QString &outcome) const;
};

int TestE2eLock::auditCount(const QString &action, const QString &outcome) const
{
    int count = 0;
    const QJsonArray rows = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")});
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row.value(QLatin1String("action")).toString() == action
            && row.value(QLatin1String("outcome")).toString() == outcome
            && row.value(QLatin1String("user")).toString() == QLatin1String("demo-doctor"))
            ++count;
    }
    return count;
}

void TestE2eLock::idleLockHidesDataUntilThePasswordIsGiven()
{
    using namespace std::chrono_literals;
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<PatientSearchPanel *>(QStringLiteral("patientSearchPanel"));
    auto *lockScreen = window.findChild<QWidget *>(QStringLiteral("lockScreen"));
    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    auto *unlockButton = window.findChild<QPushButton *>(QStringLiteral("unlockButton"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("lockMessage"));
    QVERIFY(panel && lockScreen && passwordEdit && unlockButton && message);
    QString consentedName;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (m_consented.contains(p.id)) {
            consentedName = p.name;
            break;
        }
    }
    QVERIFY(!search(window, consentedName).isEmpty());

    const int logoutsBefore = auditCount(QStringLiteral("logout"), QStringLiteral("success"));
    window.setIdleLockTimeout(300ms);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5'000);
    QVERIFY(lockScreen->isVisible());
    QVERIFY(!panel->isVisible());
    QVERIFY(!session->isLoggedIn());
    // Locking revokes the token on the hub, not only in the viewer.
    QTRY_COMPARE_WITH_TIMEOUT(auditCount(QStringLiteral("logout"), QStringLiteral("success")),
                              logoutsBefore + 1, 10'000);

    // A wrong password keeps it locked and says why.
    QTest::keyClicks(passwordEdit, QStringLiteral("not-the-password-123"));
    QTest::mouseClick(unlockButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty() && unlockButton->isEnabled(), 20'000);
    QVERIFY(window.isLocked());
    QVERIFY(!panel->isVisible());

    // The right one continues where the user left off.
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    QVERIFY(session->isLoggedIn());
    QVERIFY(panel->isVisible());
    window.setIdleLockTimeout(MainWindow::kDefaultIdleLock);
    QVERIFY(!search(window, consentedName).isEmpty());
}

void TestE2eLock::expiredSessionResumesWhereTheUserWas()
{
    // The hub stops accepting the token mid-session (an administrator's lock does that to
    // every token of the user); the viewer asks for the password on its lock screen and,
    // once the account is usable again, continues on the same record.
    const QString patientId = QStringLiteral("p00001");
    QVERIFY(addClinicUser(QStringLiteral("e2e-expiry")));
    auto session = loggedInSession(QStringLiteral("e2e-expiry"));
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    int labRow = -1;
    for (int row = 0; row < record->timelineModel()->rowCount() && labRow < 0; ++row) {
        if (record->timelineModel()->record(row).kind == ClinicalRecord::Kind::Labs)
            labRow = row;
    }
    QVERIFY(labRow >= 0);
    const QString labId = record->timelineModel()->record(labRow).id;
    record->timeline()->selectRow(labRow);

    QString error;
    m_hub.run({QStringLiteral("user"), QStringLiteral("lock"), QStringLiteral("--id"), QStringLiteral("e2e-expiry")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSignalSpy expired(session.get(), &HubSession::sessionExpired);
    record->reload(); // the next request meets the refused token
    QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5'000);
    QVERIFY(!record->isVisible()); // no patient data behind the prompt
    m_hub.run({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), QStringLiteral("e2e-expiry")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    QVERIFY(passwordEdit);
    QSignalSpy finished(record->fetch(), &EverythingFetch::finished);
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    QVERIFY(session->isLoggedIn());
    QCOMPARE(session->userId(), QStringLiteral("e2e-expiry"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 30'000);
    QVERIFY(record->isVisible());
    QCOMPARE(record->patient().id, patientId);
    QVERIFY(record->timelineModel()->rowCount() > 0);
    const int selected = record->timeline()->selectedRow();
    QVERIFY(selected >= 0);
    QCOMPARE(record->timelineModel()->record(selected).id, labId);
    QCOMPARE(record->currentDetailPage(), QStringLiteral("labTable"));
}

QTEST_MAIN(TestE2eLock)
#include "tst_e2elock.moc"
