#include "storagewalker.h"

#include <QDir>
#include <QTest>

using namespace Ssmix2;

namespace {
QString sampleRoot()
{
    return QStringLiteral(RENKEI_FIXTURES_DIR "/ssmix2/nho-sample");
}
} // namespace

/// The storage layout and file names, on the NHO sample (see fixtures/README.md).
class tst_Ssmix2Walker : public QObject
{
    Q_OBJECT

private slots:
    void fileNames_data();
    void fileNames();
    void sampleLayout();
    void relativeRootWalksTheSame();
    void misplacedFileRefusedWithReason();
};

void tst_Ssmix2Walker::fileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<int>("flag");
    QTest::newRow("current") << QStringLiteral("9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1")
                             << true << QStringLiteral("9999013_20110701_OMP-01_000000011000185") << 1;
    QTest::newRow("no care date") << QStringLiteral("9999013_-_ADT-00_999999999999999_20111220224447339_-_1")
                                  << true << QStringLiteral("9999013_-_ADT-00_999999999999999") << 1;
    QTest::newRow("superseded") << QStringLiteral("1_20000101_OMD_1_20000101000000000_01_2") << true
                                << QStringLiteral("1_20000101_OMD_1") << 2;
    QTest::newRow("deleted") << QStringLiteral("0000001_20000401_OMP-11_123456789012346_20110701113813226_01_0")
                             << true << QStringLiteral("0000001_20000401_OMP-11_123456789012346") << 0;
    QTest::newRow("unknown flag") << QStringLiteral("1_20000101_OMD_1_20000101000000000_01_9") << false << QString() << 0;
    QTest::newRow("six parts") << QStringLiteral("1_20000101_OMD_1_20000101000000000_01") << false << QString() << 0;
    QTest::newRow("bad date") << QStringLiteral("1_2000_OMD_1_20000101000000000_01_1") << false << QString() << 0;
    QTest::newRow("bad timestamp") << QStringLiteral("1_20000101_OMD_1_aaa_01_1") << false << QString() << 0;
}

void tst_Ssmix2Walker::fileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, identity);
    QFETCH(int, flag);
    const auto parsed = StorageFileName::parse(name);
    QCOMPARE(parsed.ok(), valid);
    if (valid) {
        QCOMPARE(parsed->identity(), identity);
        QCOMPARE(int(parsed->flag), flag);
    }
}

void tst_Ssmix2Walker::sampleLayout()
{
    if (!QDir(sampleRoot()).exists())
        QSKIP("fixtures/ssmix2/nho-sample not present");
    const StorageWalk walk = walkStorage(sampleRoot());
    // 22 files under the patient folders (LICENSE at the root is not part of the layout):
    // 19 for 9999013, 3 under 0000001 of which one is misplaced.
    QCOMPARE(walk.files.size(), 21);
    QCOMPARE(walk.refused.size(), 1);
    int current = 0, deleted = 0;
    for (const StorageFile &file : walk.files) {
        QVERIFY(file.relativePath.startsWith(expectedFolder(file.name) + QLatin1Char('/')));
        current += file.name.flag == ConditionFlag::Current;
        deleted += file.name.flag == ConditionFlag::Deleted;
    }
    QCOMPARE(current, 20);
    QCOMPARE(deleted, 1);
}

void tst_Ssmix2Walker::relativeRootWalksTheSame()
{
    if (!QDir(sampleRoot()).exists())
        QSKIP("fixtures/ssmix2/nho-sample not present");
    // An operator types a relative path ("../storage"); the layout check must not depend on it.
    const QString relativeRoot = QDir::current().relativeFilePath(sampleRoot());
    QVERIFY(relativeRoot.startsWith(QLatin1String("..")) || QDir::isRelativePath(relativeRoot));
    const StorageWalk absolute = walkStorage(sampleRoot());
    const StorageWalk relative = walkStorage(relativeRoot);
    QCOMPARE(relative.files.size(), absolute.files.size());
    QCOMPARE(relative.refused.size(), absolute.refused.size());
    for (int i = 0; i < absolute.files.size(); ++i)
        QCOMPARE(relative.files.at(i).relativePath, absolute.files.at(i).relativePath);
}

void tst_Ssmix2Walker::misplacedFileRefusedWithReason()
{
    if (!QDir(sampleRoot()).exists())
        QSKIP("fixtures/ssmix2/nho-sample not present");
    const StorageWalk walk = walkStorage(sampleRoot());
    QCOMPARE(walk.refused.size(), 1);
    const RefusedFile &refused = walk.refused.first();
    QVERIFY(refused.path.endsWith(QStringLiteral(
        "000/000/0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1")));
    QVERIFY2(refused.reason.contains(QStringLiteral("wrong folder")), qPrintable(refused.reason));
    QVERIFY(refused.reason.contains(QStringLiteral("999/901/9999013/20110630/OMP-11")));
    QVERIFY(refused.reason.contains(QStringLiteral("'OMP-11' in the file name, 'ADT-31' in the folder")));
}

QTEST_GUILESS_MAIN(tst_Ssmix2Walker)
#include "tst_ssmix2walker.moc"
