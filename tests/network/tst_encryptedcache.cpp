// The session's encrypted disk cache. The primitive is checked against the AES-256 test cases
// of the GCM specification (McGrew & Viega, "The Galois/Counter Mode of Operation", appendix B,
// test cases 14 and 16); the cache against what must never be on disk.

#include "encryptedcache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_EncryptedCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void gcmSpecVectors_data();
    void gcmSpecVectors();
    void roundTrip();
    void tamperedEntryIsAnError_data();
    void tamperedEntryIsAnError();
    void swappedEntriesFailTheirTag();
    void noPlaintextOnDisk();
    void wipeRemovesEverything();
    void closedCacheRefuses();

private:
    QByteArray fileBytes(const QString &key) const;

    std::unique_ptr<QTemporaryDir> m_parent;
    std::unique_ptr<EncryptedCache> m_cache;
};

void tst_EncryptedCache::init()
{
    m_parent = std::make_unique<QTemporaryDir>();
    QVERIFY(m_parent->isValid());
    m_cache = std::make_unique<EncryptedCache>();
    QString error;
    QVERIFY2(m_cache->open(&error, m_parent->path()), qPrintable(error));
}

void tst_EncryptedCache::cleanup()
{
    m_cache.reset();
    m_parent.reset();
}

QByteArray tst_EncryptedCache::fileBytes(const QString &key) const
{
    QFile file(m_cache->directory() + QLatin1Char('/') + m_cache->fileNameOf(key));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_EncryptedCache::gcmSpecVectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("tag");
    QTest::newRow("test case 14")
        << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray(16, '\0') << QByteArray()
        << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
        << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("test case 16")
        << QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        << QByteArray::fromHex("cafebabefacedbaddecaf888")
        << QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                               "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        << QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                               "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
        << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void tst_EncryptedCache::gcmSpecVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, tag);
    QString error;
    const auto sealed = EncryptedCache::seal(key, iv, plaintext, aad, &error);
    QVERIFY2(sealed, qPrintable(error));
    QCOMPARE(sealed->ciphertext.toHex(), ciphertext.toHex());
    QCOMPARE(sealed->tag.toHex(), tag.toHex());
    const auto opened = EncryptedCache::unseal(key, iv, ciphertext, aad, tag, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(*opened, plaintext);
    // One flipped bit anywhere (ciphertext, tag, AAD) and nothing comes back.
    QByteArray badTag = tag;
    badTag[0] = char(badTag[0] ^ 1);
    QVERIFY(!EncryptedCache::unseal(key, iv, ciphertext, aad, badTag, &error));
    QByteArray badAad = aad + QByteArray(1, 'x');
    QVERIFY(!EncryptedCache::unseal(key, iv, ciphertext, badAad, tag, &error));
}

void tst_EncryptedCache::roundTrip()
{
    const QByteArray document = QStringLiteral("<ClinicalDocument>退院時サマリー 山田 太郎</ClinicalDocument>").toUtf8();
    QString error;
    QVERIFY2(m_cache->put(QStringLiteral("Binary/doc-1"), document, &error), qPrintable(error));
    QVERIFY(m_cache->contains(QStringLiteral("Binary/doc-1")));
    const auto back = m_cache->get(QStringLiteral("Binary/doc-1"), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, document);
    // Empty entries and a replaced entry.
    QVERIFY(m_cache->put(QStringLiteral("empty"), QByteArray(), &error));
    QCOMPARE(m_cache->get(QStringLiteral("empty"), &error).value_or("x"), QByteArray());
    QVERIFY(m_cache->put(QStringLiteral("Binary/doc-1"), "second", &error));
    QCOMPARE(m_cache->get(QStringLiteral("Binary/doc-1"), &error).value_or(QByteArray()), QByteArray("second"));
    // Absent: an error value, not an empty document.
    QVERIFY(!m_cache->get(QStringLiteral("Binary/absent"), &error));
    QCOMPARE(error, QStringLiteral("not cached"));
}

void tst_EncryptedCache::tamperedEntryIsAnError_data()
{
    QTest::addColumn<int>("offset"); // from the file's start; -1 = truncate
    QTest::newRow("nonce") << 4;
    QTest::newRow("tag") << 4 + 12;
    QTest::newRow("ciphertext") << 4 + 12 + 16 + 5;
    QTest::newRow("truncated") << -1;
}

void tst_EncryptedCache::tamperedEntryIsAnError()
{
    QFETCH(int, offset);
    const QString key = QStringLiteral("Binary/doc-2");
    QString error;
    QVERIFY(m_cache->put(key, QByteArray("discharge summary text, long enough to flip a byte"), &error));
    QByteArray bytes = fileBytes(key);
    QVERIFY(bytes.size() > 4 + 12 + 16 + 5);
    if (offset < 0)
        bytes.chop(3);
    else
        bytes[offset] = char(bytes.at(offset) ^ 0x20);
    QFile file(m_cache->directory() + QLatin1Char('/') + m_cache->fileNameOf(key));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    error.clear();
    QVERIFY(!m_cache->get(key, &error));
    QVERIFY(error.contains(QLatin1String("authentication")));
}

void tst_EncryptedCache::swappedEntriesFailTheirTag()
{
    // The entry key is the AAD: one patient's document copied over another's name is refused.
    QString error;
    QVERIFY(m_cache->put(QStringLiteral("Binary/a"), "document A", &error));
    QVERIFY(m_cache->put(QStringLiteral("Binary/b"), "document B", &error));
    const QString dir = m_cache->directory() + QLatin1Char('/');
    QVERIFY(QFile::remove(dir + m_cache->fileNameOf(QStringLiteral("Binary/b"))));
    QVERIFY(QFile::copy(dir + m_cache->fileNameOf(QStringLiteral("Binary/a")),
                        dir + m_cache->fileNameOf(QStringLiteral("Binary/b"))));
    QVERIFY(!m_cache->get(QStringLiteral("Binary/b"), &error));
}

void tst_EncryptedCache::noPlaintextOnDisk()
{
    const QString name = QStringLiteral("山田 太郎");
    const QByteArray document = (QStringLiteral("<patient><name>") + name + QStringLiteral("</name></patient>")).toUtf8()
        + QByteArray(4096, 'A');
    QString error;
    QVERIFY(m_cache->put(QStringLiteral("Binary/p00001-summary"), document, &error));
    QVERIFY(m_cache->put(QStringLiteral("Patient/p00001/$everything?page=1"), name.toUtf8(), &error));
    int files = 0;
    for (QDirIterator it(m_cache->directory(), QDir::Files | QDir::Hidden); it.hasNext();) {
        const QString path = it.next();
        ++files;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(name.toUtf8()), "the patient's name is on disk in clear");
        QVERIFY(!bytes.contains(QByteArray(64, 'A')));
        QVERIFY(!bytes.contains("<patient>"));
        // File names say nothing either: 64 hex digits.
        const QString fileName = it.fileName();
        QCOMPARE(fileName.size(), 64);
        QVERIFY(!fileName.contains(QLatin1String("p00001")));
        QVERIFY(!fileName.contains(QLatin1String("Binary")));
        // Only the user may read them.
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    }
    QCOMPARE(files, 2);
    QCOMPARE(QFileInfo(m_cache->directory()).permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
}

void tst_EncryptedCache::wipeRemovesEverything()
{
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_cache->put(QStringLiteral("Binary/%1").arg(i), QByteArray(1000, char('a' + i)), &error));
    const QString dir = m_cache->directory();
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 5);
    m_cache->wipe();
    QVERIFY(!m_cache->isOpen());
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(QDir(m_parent->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QVERIFY(!m_cache->get(QStringLiteral("Binary/0"), &error));

    // Opened again: a new key, so nothing of the old session could be read anyway.
    QVERIFY(m_cache->open(&error, m_parent->path()));
    QVERIFY(m_cache->directory() != dir);
    QVERIFY(!m_cache->contains(QStringLiteral("Binary/0")));
}

void tst_EncryptedCache::closedCacheRefuses()
{
    EncryptedCache closed;
    QString error;
    QVERIFY(!closed.put(QStringLiteral("k"), "v", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!closed.get(QStringLiteral("k"), &error));
    QVERIFY(closed.fileNameOf(QStringLiteral("k")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_EncryptedCache)
#include "tst_encryptedcache.moc"
