// The renkei-dicom executable on the fixtures: exit codes, JSON fields, PNG sizes, and one
// line on stderr for bad input. Expected values come from golden/*.json (pydicom).

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RENKEI_DICOM_EXECUTABLE), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject golden(const QString &fixture)
{
    QFile f(QStringLiteral(RENKEI_DICOM_GOLDEN_DIR "/%1.json").arg(fixture));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestDicomCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void info_data();
    void info();
    void badInput_data();
    void badInput();
    void renderOne();
    void renderFrameAndWindow();
    void renderWaveformHasNoImage();
    void renderDirectoryInParallel();

private:
    QString fixture(const QString &name) const { return m_dir + u'/' + name; }
    QString m_dir;
};

void TestDicomCli::initTestCase()
{
    m_dir = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom");
    if (!QFileInfo::exists(m_dir))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TestDicomCli::info_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"CT_small.dcm", "chrH31.dcm", "chrI2.dcm", "chrX1.dcm",
                             "rtdose.dcm", "waveform_ecg.dcm", "MR_small_jp2klossless.dcm",
                             "SC_rgb_dcmtk_+eb+cy+n1.dcm", "image_dfl.dcm"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestDicomCli::info()
{
    QFETCH(QString, name);
    const Run r = run({QStringLiteral("info"), fixture(name)});
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject expected = golden(name)[u"info"].toObject();
    QVERIFY(!expected.isEmpty());
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QCOMPARE(json[it.key()].toVariant(), it.value().toVariant());
}

void TestDicomCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    const QString truncated = fixture(QStringLiteral("MR_truncated.dcm"));
    const QString notDicom = fixture(QStringLiteral("LICENSE-pydicom.txt"));
    QTest::newRow("info truncated") << QStringList{QStringLiteral("info"), truncated};
    QTest::newRow("info not DICOM") << QStringList{QStringLiteral("info"), notDicom};
    QTest::newRow("info missing") << QStringList{QStringLiteral("info"), fixture(QStringLiteral("nope.dcm"))};
    QTest::newRow("render truncated")
        << QStringList{QStringLiteral("render"), truncated, QStringLiteral("-o"), QStringLiteral("/tmp/renkei-never.png")};
    QTest::newRow("render not DICOM")
        << QStringList{QStringLiteral("render"), notDicom, QStringLiteral("-o"), QStringLiteral("/tmp/renkei-never.png")};
    QTest::newRow("frame out of range")
        << QStringList{QStringLiteral("render"), fixture(QStringLiteral("CT_small.dcm")),
                       QStringLiteral("-o"), QStringLiteral("/tmp/renkei-never.png"),
                       QStringLiteral("--frame"), QStringLiteral("2")};
    QTest::newRow("bad window")
        << QStringList{QStringLiteral("render"), fixture(QStringLiteral("CT_small.dcm")),
                       QStringLiteral("-o"), QStringLiteral("/tmp/renkei-never.png"),
                       QStringLiteral("--window"), QStringLiteral("40")};
    QTest::newRow("no command") << QStringList{QStringLiteral("frobnicate")};
}

void TestDicomCli::badInput()
{
    QFETCH(QStringList, args);
    const Run r = run(args);
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.out.isEmpty());
    if (args.first() != u"frobnicate") {
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, r.err.constData());
        QVERIFY(r.err.startsWith("renkei-dicom: "));
    }
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/renkei-never.png")));
}

void TestDicomCli::renderOne()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("ct.png"));
    const Run r = run({QStringLiteral("render"), fixture(QStringLiteral("CT_small.dcm")),
                       QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(128, 128));
}

void TestDicomCli::renderFrameAndWindow()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("dose.png"));
    const Run r = run({QStringLiteral("render"), fixture(QStringLiteral("rtdose.dcm")),
                       QStringLiteral("-o"), out, QStringLiteral("--frame"), QStringLiteral("15"),
                       QStringLiteral("--window"), QStringLiteral("-600,1500")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject info = golden(QStringLiteral("rtdose.dcm"))[u"info"].toObject();
    const QImage image(out);
    QCOMPARE(image.width(), info[u"columns"].toInt());
    QCOMPARE(image.height(), info[u"rows"].toInt());
}

void TestDicomCli::renderWaveformHasNoImage()
{
    QTemporaryDir dir;
    const Run r = run({QStringLiteral("render"), fixture(QStringLiteral("waveform_ecg.dcm")),
                       QStringLiteral("-o"), dir.filePath(QStringLiteral("ecg.png"))});
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.contains("waveform"));
    QCOMPARE(r.err.count('\n'), 1);
}

void TestDicomCli::renderDirectoryInParallel()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("pngs"));
    const Run r = run({QStringLiteral("render"), m_dir, QStringLiteral("-o"), out});
    // The fixtures folder holds a truncated image, so the run reports failure, but renders
    // every other frame: one PNG per frame of every decodable image.
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.contains("MR_truncated.dcm"));
    int expectedPngs = 0;
    const QDir golden(QStringLiteral(RENKEI_DICOM_GOLDEN_DIR));
    for (const QString &name : golden.entryList({QStringLiteral("*.dcm.json")})) {
        QFile f(golden.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        expectedPngs += ref[u"frames"].toArray().size();
    }
    const QStringList pngs = QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files);
    QCOMPARE(pngs.size(), expectedPngs);
    QVERIFY(pngs.contains(QStringLiteral("rtdose-f0015.png")));
    QCOMPARE(QImage(QDir(out).filePath(QStringLiteral("rtdose-f0001.png"))).isNull(), false);

    const Run list = run({QStringLiteral("render"), fixture(QStringLiteral("MR_small.dcm")),
                          fixture(QStringLiteral("CT_small.dcm")), QStringLiteral("-o"),
                          dir.filePath(QStringLiteral("two"))});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QDir(dir.filePath(QStringLiteral("two"))).entryList({QStringLiteral("*.png")}).size(), 2);
}

QTEST_GUILESS_MAIN(TestDicomCli)
#include "tst_dicom_cli.moc"
