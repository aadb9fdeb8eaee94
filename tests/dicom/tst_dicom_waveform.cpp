// Waveform decoding on pydicom's 12-lead ECG (fixtures/dicom/waveform_ecg.dcm). Expected
// values come from pydicom, which applies sensitivity and correction factor itself:
//   python3 -c "import pydicom; ds=pydicom.dcmread('waveform_ecg.dcm'); a=ds.waveform_array(0);
//               print(a.shape, ds.WaveformSequence[0].SamplingFrequency, a[0], a[500], a[9999])"
// (baseline is 0 in this file, so pydicom's (x + baseline) × s × c and PS3.3's x × s × c +
// baseline agree), and from dcmdump for the labels and code meanings.

#include "waveform.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/") + name;
}

const QStringList kLeads = {
    QStringLiteral("I"),  QStringLiteral("II"), QStringLiteral("III"), QStringLiteral("aVR"),
    QStringLiteral("aVL"), QStringLiteral("aVF"), QStringLiteral("V1"), QStringLiteral("V2"),
    QStringLiteral("V3"), QStringLiteral("V4"), QStringLiteral("V5"), QStringLiteral("V6")};

using Row = QList<double>;

} // namespace

class TestDicomWaveform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groups();
    void leads();
    void samples_data();
    void samples();
    void leadNames_data();
    void leadNames();
    void imageIsNotAWaveform();
    void damagedFiles_data();
    void damagedFiles();

private:
    Dicom::Waveform m_waveform;
};

void TestDicomWaveform::initTestCase()
{
    if (!QFile::exists(fixture(QStringLiteral("waveform_ecg.dcm"))))
        QSKIP("../shared/fixtures/dicom is absent");
    const auto file = Dicom::DicomFile::open(fixture(QStringLiteral("waveform_ecg.dcm")));
    QVERIFY2(file.ok(), qPrintable(file.error()));
    const auto waveform = Dicom::readWaveform(*file);
    QVERIFY2(waveform.ok(), qPrintable(waveform.error()));
    m_waveform = *waveform;
}

void TestDicomWaveform::groups()
{
    QCOMPARE(m_waveform.modality, QStringLiteral("ECG"));
    QCOMPARE(m_waveform.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.9.1.1"));
    QCOMPARE(m_waveform.groups.size(), 2);
    const Dicom::WaveformGroup &rhythm = m_waveform.groups[0];
    QCOMPARE(rhythm.label, QStringLiteral("RHYTHM"));
    QCOMPARE(rhythm.samplingFrequency, 1000.0);
    QCOMPARE(rhythm.sampleCount, 10000);
    QCOMPARE(rhythm.bitsAllocated, 16);
    QCOMPARE(rhythm.sampleInterpretation, QStringLiteral("SS"));
    QCOMPARE(rhythm.durationSeconds(), 10.0);
    const Dicom::WaveformGroup &median = m_waveform.groups[1];
    QCOMPARE(median.label, QStringLiteral("MEDIAN BEAT"));
    QCOMPARE(median.sampleCount, 1200);
    QCOMPARE(median.samplingFrequency, 1000.0);
    // The 10 s rhythm is the recording to draw, not the 1.2 s median beat.
    QCOMPARE(m_waveform.rhythmGroupIndex(), 0);
}

void TestDicomWaveform::leads()
{
    for (const Dicom::WaveformGroup &group : std::as_const(m_waveform.groups)) {
        QCOMPARE(group.channels.size(), 12);
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(group.channels[i].label, kLeads[i]);
            QCOMPARE(group.channels[i].unit, QStringLiteral("uV"));
            QCOMPARE(group.channels[i].samples.size(), qsizetype(group.sampleCount));
            QCOMPARE(group.channels[i].sourceScheme, QStringLiteral("SCPECG"));
        }
        QCOMPARE(group.channels[0].sourceCode, QStringLiteral("5.6.3-9-1"));
        QCOMPARE(group.channels[0].sourceMeaning, QStringLiteral("Lead I (Einthoven)"));
        // dcmdump: the rhythm's channels have (003a,0220) DS [0.050], (003a,0221) DS [300],
        // (003a,0222) DS [0]; the median beat's name no filters.
        const bool rhythm = group.label == u"RHYTHM";
        QCOMPARE(group.channels[0].filterLowHz, rhythm ? 0.05 : 0.0);
        QCOMPARE(group.channels[0].filterHighHz, rhythm ? 300.0 : 0.0);
        QCOMPARE(group.channels[0].notchHz, 0.0);
        QCOMPARE(group.channelIndex(QStringLiteral("aVF")), 5);
        QCOMPARE(group.channelIndex(QStringLiteral("V7")), -1);
    }
}

void TestDicomWaveform::samples_data()
{
    QTest::addColumn<int>("group");
    QTest::addColumn<int>("sample");
    QTest::addColumn<Row>("expected");
    QTest::newRow("rhythm first") << 0 << 0
        << Row{100.0, 112.5, 12.5, -106.25, 43.75, 62.5, 50.0, 18.75, -12.5, -25.0, -68.75, -50.0};
    QTest::newRow("rhythm 1") << 0 << 1
        << Row{81.25, 106.25, 25.0, -93.75, 27.5, 65.0, 50.0, 25.0, -12.5, -25.0, -75.0, -50.0};
    QTest::newRow("rhythm 500") << 0 << 500
        << Row{8.75, 118.75, 110.0, -63.75, -51.25, 113.75, 156.25, 112.5, 162.5, 6.25, -112.5, -93.75};
    QTest::newRow("rhythm 4321") << 0 << 4321
        << Row{31.25, 100.0, 68.75, -65.0, -18.75, 83.75, 62.5, 25.0, -12.5, -25.0, -37.5, 12.5};
    QTest::newRow("rhythm last") << 0 << 9999
        << Row{25.0, 137.5, 112.5, -81.25, -43.75, 125.0, 25.0, -12.5, -112.5, -137.5, -150.0, -112.5};
    QTest::newRow("median 500") << 1 << 500
        << Row{662.5, 1100.0, 437.5, -881.25, 112.5, 768.75, -1175.0, -825.0, -925.0, 1150.0, 1962.5, 1487.5};
}

void TestDicomWaveform::samples()
{
    QFETCH(int, group);
    QFETCH(int, sample);
    QFETCH(Row, expected);
    const Dicom::WaveformGroup &g = m_waveform.groups[group];
    for (int lead = 0; lead < 12; ++lead)
        QCOMPARE(double(g.channels[lead].samples[sample]), expected[lead]);
}

void TestDicomWaveform::leadNames_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("meaning");
    QTest::addColumn<QString>("expected");
    // PS3.16 CID 3001: SCPECG and MDC share the lead numbers.
    QTest::newRow("SCPECG III") << "SCPECG" << "5.6.3-9-61" << "" << "III";
    QTest::newRow("SCPECG V6") << "SCPECG" << "5.6.3-9-8" << "" << "V6";
    QTest::newRow("MDC aVL") << "MDC" << "2:63" << "" << "aVL";
    QTest::newRow("MDC II") << "MDC" << "2:2" << "" << "II";
    QTest::newRow("meaning only") << "99LOCAL" << "X" << "Lead aVF" << "aVF";
    QTest::newRow("meaning lower case") << "" << "" << "lead v3" << "V3";
    QTest::newRow("not a lead") << "SCPECG" << "5.6.3-9-999" << "Respiration" << "";
}

void TestDicomWaveform::leadNames()
{
    QFETCH(QString, scheme);
    QFETCH(QString, code);
    QFETCH(QString, meaning);
    QFETCH(QString, expected);
    QCOMPARE(Dicom::ecgLeadName(scheme, code, meaning), expected);
}

void TestDicomWaveform::imageIsNotAWaveform()
{
    const auto file = Dicom::DicomFile::open(fixture(QStringLiteral("CT_small.dcm")));
    QVERIFY2(file.ok(), qPrintable(file.error()));
    const auto waveform = Dicom::readWaveform(*file);
    QVERIFY(!waveform.ok());
    QVERIFY(waveform.error().contains(QStringLiteral("Waveform Sequence")));
}

void TestDicomWaveform::damagedFiles_data()
{
    // dcmodify edits of the fixture; groupsLeft -1 = the whole object fails.
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<int>("groupsLeft");
    QTest::newRow("median beat longer than its data")
        << QStringList{"-m", "(5400,0100)[1].(003a,0010)=20000"} << 1;
    QTest::newRow("rhythm without data") << QStringList{"-e", "(5400,0100)[0].(5400,1010)"} << 1;
    QTest::newRow("absurd sample count in both")
        << QStringList{"-m", "(5400,0100)[0].(003a,0010)=4000000000", "-m",
                       "(5400,0100)[1].(003a,0010)=4000000000"} << -1;
    QTest::newRow("channel count disagrees") << QStringList{"-m", "(5400,0100)[*].(003a,0005)=3"} << -1;
    QTest::newRow("8 bits declared for SS") << QStringList{"-m", "(5400,0100)[*].(5400,1004)=8"} << -1;
    QTest::newRow("mu-law") << QStringList{"-m", "(5400,0100)[*].(5400,1006)=MB"} << -1;
    QTest::newRow("no sampling frequency") << QStringList{"-m", "(5400,0100)[*].(003a,001a)=0"} << -1;
}

void TestDicomWaveform::damagedFiles()
{
    QFETCH(QStringList, edit);
    QFETCH(int, groupsLeft);
    const QString dcmodify = QStandardPaths::findExecutable(QStringLiteral("dcmodify"));
    if (dcmodify.isEmpty())
        QSKIP("DCMTK's dcmodify is not installed (Debian package dcmtk)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ecg.dcm"));
    QVERIFY(QFile::copy(fixture(QStringLiteral("waveform_ecg.dcm")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QProcess::execute(dcmodify, QStringList{QStringLiteral("-nb"), QStringLiteral("-q")}
                                             + edit + QStringList{path}),
             0);
    const auto file = Dicom::DicomFile::open(path);
    QVERIFY2(file.ok(), qPrintable(file.error()));
    const auto waveform = Dicom::readWaveform(*file);
    if (groupsLeft < 0) {
        QVERIFY(!waveform.ok());
        QVERIFY(!waveform.error().isEmpty());
        return;
    }
    QVERIFY2(waveform.ok(), qPrintable(waveform.error()));
    QCOMPARE(waveform->groups.size(), qsizetype(groupsLeft));
    QVERIFY(!waveform->skippedGroupsError.isEmpty());
    QCOMPARE(waveform->rhythmGroupIndex(), 0);
}

QTEST_GUILESS_MAIN(TestDicomWaveform)
#include "tst_dicom_waveform.moc"
