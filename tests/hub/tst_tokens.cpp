#include "facilities.h"
#include "store.h"
#include "tokens.h"
#include "users.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QRegularExpression>
#include <QTest>

#include <memory>

class tst_Tokens : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tokenFormat();
    void onlyTheHashIsStored();
    void idleExpiryExtendedByUse();
    void extensionWrittenInSteps();
    void frequentUseKeepsSessionThenIdleExpires();
    void absoluteLimit();
    void revoke();
    void adminLockEndsSessions();
    void garbageRejected_data();
    void garbageRejected();

private:
    bool valid(const QString &token);
    qint64 storedIdleExpiry();
    qint64 rowsChanged();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TokenStore> m_tokens;
    QDateTime m_now;
};

void tst_Tokens::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QVERIFY(FacilityRepository(*m_store).add({QStringLiteral("c"), QStringLiteral("C"), QStringLiteral("clinic")}));
    QVERIFY(UserRepository(*m_store).add(QStringLiteral("alice"), QStringLiteral("c"),
                                         QStringLiteral("a long enough password"), 1000));
    m_now = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    m_tokens = std::make_unique<TokenStore>(*m_store, [this] { return m_now; });
}

void tst_Tokens::cleanup()
{
    m_tokens.reset();
    m_store.reset();
    m_dir.reset();
}

bool tst_Tokens::valid(const QString &token)
{
    const auto session = m_tokens->validate(token);
    return session && session->has_value();
}

void tst_Tokens::tokenFormat()
{
    const auto token = m_tokens->issue(QStringLiteral("alice"));
    QVERIFY(token);
    // 32 random bytes in base64url without padding: ceil(32 * 4 / 3) = 43 characters.
    QCOMPARE(token->size(), 43);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(*token).hasMatch());
    QCOMPARE(QByteArray::fromBase64(token->toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    const auto other = m_tokens->issue(QStringLiteral("alice"));
    QVERIFY(*other != *token);
}

void tst_Tokens::onlyTheHashIsStored()
{
    const auto token = m_tokens->issue(QStringLiteral("alice"));
    QVERIFY(token);
    auto rows = m_store->exec(QStringLiteral("SELECT token_hash FROM tokens"));
    QVERIFY(rows);
    QVERIFY(rows->next());
    const QString stored = rows->value(0).toString();
    QCOMPARE(stored, QString::fromLatin1(QCryptographicHash::hash(token->toLatin1(),
                                                                  QCryptographicHash::Sha256).toHex()));
    QVERIFY(!stored.contains(*token));
}

void tst_Tokens::idleExpiryExtendedByUse()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    m_now = m_now.addSecs(899);
    QVERIFY(valid(token)); // and extended to 899 + 900
    m_now = m_now.addSecs(899);
    QVERIFY(valid(token));
    m_now = m_now.addSecs(900);
    QVERIFY(!valid(token));
}

qint64 tst_Tokens::storedIdleExpiry()
{
    auto rows = m_store->exec(QStringLiteral("SELECT idle_expires FROM tokens"));
    return rows && rows->next() ? rows->value(0).toLongLong() : -1;
}

// SQLite's own count of rows this connection has inserted, updated or deleted.
qint64 tst_Tokens::rowsChanged()
{
    auto rows = m_store->exec(QStringLiteral("SELECT total_changes()"));
    return rows && rows->next() ? rows->value(0).toLongLong() : -1;
}

void tst_Tokens::extensionWrittenInSteps()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    const QDateTime issuedAt = m_now;
    const qint64 issued = m_now.toSecsSinceEpoch();
    QCOMPARE(storedIdleExpiry(), issued + 900);

    // A use less than a step (60 s) after the stored extension writes nothing at all.
    const qint64 before = rowsChanged();
    m_now = m_now.addSecs(59);
    QVERIFY(valid(token));
    QCOMPARE(rowsChanged(), before);
    QCOMPARE(storedIdleExpiry(), issued + 900);

    // A use a full step later stores now + 900 s.
    m_now = m_now.addSecs(1);
    QVERIFY(valid(token));
    QCOMPARE(rowsChanged(), before + 1);
    QCOMPARE(storedIdleExpiry(), issued + 60 + 900);

    // The unwritten use at 59 s does not keep the session: it ends 900 s after the last
    // stored extension, i.e. never later than 900 s after the last use.
    m_now = issuedAt.addSecs(60 + 899);
    QVERIFY(valid(token)); // writes issued + 959 + 900
    m_now = issuedAt.addSecs(959 + 30);
    QVERIFY(valid(token)); // within the step: nothing written
    m_now = issuedAt.addSecs(959 + 900);
    QVERIFY(!valid(token));
}

void tst_Tokens::frequentUseKeepsSessionThenIdleExpires()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    const qint64 before = rowsChanged();
    // A request every 10 s for an hour: always valid, and the expiry is written about once a
    // minute rather than 360 times.
    for (int i = 1; i <= 360; ++i) {
        m_now = m_now.addSecs(10);
        QVERIFY2(valid(token), qPrintable(QString::number(i * 10)));
    }
    const qint64 writes = rowsChanged() - before;
    QVERIFY2(writes >= 59 && writes <= 61, qPrintable(QString::number(writes)));
    // The session still ends once idle: never more than 900 s after the last use, and at
    // most a step sooner.
    const qint64 lastUse = m_now.toSecsSinceEpoch();
    QVERIFY(storedIdleExpiry() > lastUse + 900 - 60);
    QVERIFY(storedIdleExpiry() <= lastUse + 900);
    m_now = m_now.addSecs(900);
    QVERIFY(!valid(token));
}

void tst_Tokens::absoluteLimit()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    for (int minutes = 10; minutes < 12 * 60; minutes += 10) {
        m_now = m_now.addSecs(600);
        QVERIFY2(valid(token), qPrintable(QString::number(minutes)));
    }
    m_now = m_now.addSecs(600); // 12 h after issue
    QVERIFY(!valid(token));
}

void tst_Tokens::revoke()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    QCOMPARE(*m_tokens->revoke(token), true);
    QVERIFY(!valid(token));
    QCOMPARE(*m_tokens->revoke(token), false);
}

void tst_Tokens::adminLockEndsSessions()
{
    const QString token = *m_tokens->issue(QStringLiteral("alice"));
    QVERIFY(UserRepository(*m_store).setLocked(QStringLiteral("alice"), true));
    QVERIFY(!valid(token));
}

void tst_Tokens::garbageRejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("abc");
    QTest::newRow("right length, never issued") << QString(43, QLatin1Char('A'));
    QTest::newRow("SQL") << QStringLiteral("' OR '1'='1");
}

void tst_Tokens::garbageRejected()
{
    QFETCH(QString, token);
    m_tokens->issue(QStringLiteral("alice"));
    QVERIFY(!valid(token));
}

QTEST_GUILESS_MAIN(tst_Tokens)
#include "tst_tokens.moc"
