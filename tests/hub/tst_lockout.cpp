#include "authenticator.h"
#include "facilities.h"
#include "loginthrottle.h"
#include "store.h"
#include "users.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <memory>

namespace {
constexpr int kCheapIterations = 1000; // the rules under test do not depend on the cost
const QString kPassword = QStringLiteral("correct horse battery");
const QString kWrong = QStringLiteral("wrong horse battery!");
} // namespace

using Outcome = Authenticator::Outcome;

class tst_Lockout : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void lockPeriods_data();
    void lockPeriods();
    void fourFailuresDoNotLock();
    void fifthFailureLocksForSixtySeconds();
    void attemptsWhileLockedAreNotCounted();
    void nextRoundLocksTwiceAsLong();
    void unknownIdLocksTheSameWay();
    void successResetsTheCount();
    void adminLock();
    void adminUnlockClearsThrottle();

private:
    Authenticator::Attempt login(const QString &id, const QString &password);
    void fail(const QString &id, int times);
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Authenticator> m_authenticator;
    QDateTime m_now;
};

void tst_Lockout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QVERIFY(FacilityRepository(*m_store).add({QStringLiteral("clinic"), QStringLiteral("診療所"),
                                              QStringLiteral("clinic")}));
    const Status added = UserRepository(*m_store).add(QStringLiteral("alice"), QStringLiteral("clinic"),
                                                      kPassword, kCheapIterations);
    QVERIFY2(added, qPrintable(added.error()));
    m_now = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    m_authenticator = std::make_unique<Authenticator>(*m_store, [this] { return m_now; },
                                                      kCheapIterations);
}

void tst_Lockout::cleanup()
{
    m_authenticator.reset();
    m_store.reset();
    m_dir.reset();
}

Authenticator::Attempt tst_Lockout::login(const QString &id, const QString &password)
{
    const auto attempt = m_authenticator->login(id, password);
    if (!attempt) {
        qWarning() << attempt.error();
        return {};
    }
    return *attempt;
}

void tst_Lockout::fail(const QString &id, int times)
{
    for (int i = 0; i < times; ++i)
        login(id, kWrong);
}

void tst_Lockout::lockPeriods_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("seconds");
    // docs/PROTOCOL.md: 60 s, doubling, capped at 24 h.
    QTest::newRow("first lock") << 1 << qint64(60);
    QTest::newRow("second lock") << 2 << qint64(120);
    QTest::newRow("third lock") << 3 << qint64(240);
    QTest::newRow("eleventh lock") << 11 << qint64(60 * 1024);
    QTest::newRow("twelfth lock hits the cap") << 12 << qint64(86400);
    QTest::newRow("far beyond the cap") << 100 << qint64(86400);
}

void tst_Lockout::lockPeriods()
{
    QFETCH(int, level);
    QFETCH(qint64, seconds);
    QCOMPARE(LoginThrottle::lockSeconds(level), seconds);
}

void tst_Lockout::fourFailuresDoNotLock()
{
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(QStringLiteral("alice"), kWrong).outcome, Outcome::InvalidCredentials);
    const auto attempt = login(QStringLiteral("alice"), kPassword);
    QCOMPARE(attempt.outcome, Outcome::Success);
    QCOMPARE(attempt.facility, QStringLiteral("clinic"));
}

void tst_Lockout::fifthFailureLocksForSixtySeconds()
{
    fail(QStringLiteral("alice"), 4);
    const auto fifth = login(QStringLiteral("alice"), kWrong);
    QCOMPARE(fifth.outcome, Outcome::Locked);
    QCOMPARE(fifth.retryAfterSeconds, qint64(60));

    // While locked even the right password is refused.
    const auto right = login(QStringLiteral("alice"), kPassword);
    QCOMPARE(right.outcome, Outcome::Locked);
    QCOMPARE(right.retryAfterSeconds, qint64(60));

    advance(59);
    const auto almost = login(QStringLiteral("alice"), kPassword);
    QCOMPARE(almost.outcome, Outcome::Locked);
    QCOMPARE(almost.retryAfterSeconds, qint64(1));

    advance(1);
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
}

void tst_Lockout::attemptsWhileLockedAreNotCounted()
{
    fail(QStringLiteral("alice"), 5);
    advance(30);
    fail(QStringLiteral("alice"), 20);
    const auto attempt = login(QStringLiteral("alice"), kWrong);
    QCOMPARE(attempt.outcome, Outcome::Locked);
    QCOMPARE(attempt.retryAfterSeconds, qint64(30)); // not extended by the attempts
    advance(30);
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
}

void tst_Lockout::nextRoundLocksTwiceAsLong()
{
    fail(QStringLiteral("alice"), 5);
    advance(60);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(QStringLiteral("alice"), kWrong).outcome, Outcome::InvalidCredentials);
    const auto second = login(QStringLiteral("alice"), kWrong);
    QCOMPARE(second.outcome, Outcome::Locked);
    QCOMPARE(second.retryAfterSeconds, qint64(120));

    advance(120);
    fail(QStringLiteral("alice"), 4);
    const auto third = login(QStringLiteral("alice"), kWrong);
    QCOMPARE(third.outcome, Outcome::Locked);
    QCOMPARE(third.retryAfterSeconds, qint64(240));
}

void tst_Lockout::unknownIdLocksTheSameWay()
{
    const QString nobody = QStringLiteral("no-such-user");
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(nobody, kWrong).outcome, Outcome::InvalidCredentials);
    const auto fifth = login(nobody, kWrong);
    QCOMPARE(fifth.outcome, Outcome::Locked);
    QCOMPARE(fifth.retryAfterSeconds, qint64(60));
    QCOMPARE(fifth.facility, QString());

    // Locks are per ID: alice is not affected.
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
    advance(60);
    fail(nobody, 4);
    QCOMPARE(login(nobody, kWrong).retryAfterSeconds, qint64(120));
}

void tst_Lockout::successResetsTheCount()
{
    fail(QStringLiteral("alice"), 4);
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(QStringLiteral("alice"), kWrong).outcome, Outcome::InvalidCredentials);
    QCOMPARE(login(QStringLiteral("alice"), kWrong).retryAfterSeconds, qint64(60));

    // A success after a lock also resets the doubling.
    advance(60);
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
    fail(QStringLiteral("alice"), 4);
    QCOMPARE(login(QStringLiteral("alice"), kWrong).retryAfterSeconds, qint64(60));
}

void tst_Lockout::adminLock()
{
    QVERIFY(UserRepository(*m_store).setLocked(QStringLiteral("alice"), true));
    const auto right = login(QStringLiteral("alice"), kPassword);
    QCOMPARE(right.outcome, Outcome::AdminLocked);
    QCOMPARE(right.retryAfterSeconds, qint64(0));
    // A wrong password does not learn about the administrator's lock.
    QCOMPARE(login(QStringLiteral("alice"), kWrong).outcome, Outcome::InvalidCredentials);

    QVERIFY(UserRepository(*m_store).setLocked(QStringLiteral("alice"), false));
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
}

void tst_Lockout::adminUnlockClearsThrottle()
{
    fail(QStringLiteral("alice"), 5);
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Locked);
    QVERIFY(LoginThrottle::clear(*m_store, QStringLiteral("alice")));
    QCOMPARE(login(QStringLiteral("alice"), kPassword).outcome, Outcome::Success);
}

QTEST_GUILESS_MAIN(tst_Lockout)
#include "tst_lockout.moc"
