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
    void absoluteLimit();
    void revoke();
    void adminLockEndsSessions();
    void garbageRejected_data();
    void garbageRejected();

private:
    bool valid(const QString &token);

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
