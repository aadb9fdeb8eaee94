#include "passwordhash.h"

#include <QTest>

class tst_PasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void rfc7914Vectors_data();
    void rfc7914Vectors();
    void roundTrip();
    void wrongPasswordFails();
    void saltMakesHashesDiffer();
    void storedFormat();
    void malformedStoredHashFails_data();
    void malformedStoredHashFails();
};

void tst_PasswordHash::rfc7914Vectors_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expectedHex");

    // RFC 7914 section 11 (PBKDF2-HMAC-SHA256), confirmed independently with
    // `openssl kdf -keylen 64 -kdfopt digest:SHA256 ... PBKDF2` and Python's hashlib.pbkdf2_hmac.
    QTest::newRow("passwd/salt/c=1")
        << QByteArray("passwd") << QByteArray("salt") << 1
        << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    QTest::newRow("Password/NaCl/c=80000")
        << QByteArray("Password") << QByteArray("NaCl") << 80000
        << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                      "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

void tst_PasswordHash::rfc7914Vectors()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(PasswordHash::pbkdf2Sha256(password, salt, iterations, 64).toHex(), expectedHex);
}

void tst_PasswordHash::roundTrip()
{
    const QString stored = PasswordHash::hash(QStringLiteral("correct horse 電池"), 1000);
    QVERIFY(!stored.isEmpty());
    QVERIFY(PasswordHash::verify(QStringLiteral("correct horse 電池"), stored));
}

void tst_PasswordHash::wrongPasswordFails()
{
    const QString stored = PasswordHash::hash(QStringLiteral("renkei-demo-2026"), 1000);
    QVERIFY(!PasswordHash::verify(QStringLiteral("renkei-demo-2027"), stored));
    QVERIFY(!PasswordHash::verify(QString(), stored));
    QVERIFY(!PasswordHash::verify(QStringLiteral("renkei-demo-2026 "), stored));
}

void tst_PasswordHash::saltMakesHashesDiffer()
{
    const QString first = PasswordHash::hash(QStringLiteral("same password!"), 1000);
    const QString second = PasswordHash::hash(QStringLiteral("same password!"), 1000);
    QVERIFY(first != second);
    QVERIFY(PasswordHash::verify(QStringLiteral("same password!"), first));
    QVERIFY(PasswordHash::verify(QStringLiteral("same password!"), second));
}

void tst_PasswordHash::storedFormat()
{
    // The default cost; one real 600k hash is affordable once.
    const QString stored = PasswordHash::hash(QStringLiteral("renkei-demo-2026"));
    const QStringList parts = stored.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts[0], QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts[1], QStringLiteral("600000"));
    QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), 32);

    // The stored hash is PBKDF2 of the password with the stored salt, checked with the raw
    // function (itself checked against the RFC vectors above).
    QCOMPARE(PasswordHash::pbkdf2Sha256("renkei-demo-2026", QByteArray::fromBase64(parts[2].toLatin1()),
                                        600000, 32),
             QByteArray::fromBase64(parts[3].toLatin1()));
}

void tst_PasswordHash::malformedStoredHashFails_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << QStringLiteral("md5$1$c2FsdA==$AAAA");
    QTest::newRow("zero iterations") << QStringLiteral("pbkdf2-sha256$0$c2FsdA==$AAAA");
    QTest::newRow("absurd iterations") << QStringLiteral("pbkdf2-sha256$2000000000$c2FsdA==$AAAA");
    QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sha256$1$!!$AAAA");
    QTest::newRow("missing part") << QStringLiteral("pbkdf2-sha256$1$c2FsdA==");
    QTest::newRow("dummy") << PasswordHash::dummyHash(10);
}

void tst_PasswordHash::malformedStoredHashFails()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHash::verify(QStringLiteral("anything at all"), stored));
}

QTEST_GUILESS_MAIN(tst_PasswordHash)
#include "tst_passwordhash.moc"
