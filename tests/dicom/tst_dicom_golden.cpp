// Every fixture decoded and compared with references computed by pydicom/DCMTK tools
// (golden/make_references.py). A case is a golden/<fixture>.json file.

#include "dicomfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

class TestDicomGolden : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fixture_data();
    void fixture();

private:
    QString m_fixtures;
};

void TestDicomGolden::initTestCase()
{
    m_fixtures = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom");
    if (!QFileInfo::exists(m_fixtures))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TestDicomGolden::fixture_data()
{
    QTest::addColumn<QJsonObject>("reference");
    const QDir golden(QStringLiteral(RENKEI_DICOM_GOLDEN_DIR));
    const QStringList files = golden.entryList({QStringLiteral("*.dcm.json")}, QDir::Files);
    QVERIFY2(files.size() >= 17, "golden references missing");
    for (const QString &name : files) {
        QFile f(golden.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject reference = QJsonDocument::fromJson(f.readAll()).object();
        QTest::newRow(qPrintable(name.chopped(5))) << reference;
    }
}

void TestDicomGolden::fixture()
{
    QFETCH(QJsonObject, reference);
    const QString path = m_fixtures + u'/' + reference[u"file"].toString();
    if (!QFileInfo::exists(path))
        QSKIP("fixture missing");
    const auto file = Dicom::DicomFile::open(path);
    if (reference[u"readFails"].toBool()) {
        QVERIFY(!file);
        return;
    }
    if (reference[u"decodeFails"].toBool()) {
        // Cut-short pixel data must be refused with a reason, on open or on decode.
        if (!file) {
            QVERIFY(!file.error().isEmpty());
            QVERIFY(!file.error().contains(u'\n'));
            return;
        }
        const auto frame = file->frame(0);
        QVERIFY(!frame);
        QVERIFY(!frame.error().isEmpty());
        return;
    }
    QVERIFY2(file, qPrintable(file.error()));

    const QJsonObject summary = file->summary();
    const QJsonObject info = reference[u"info"].toObject();
    for (auto it = info.begin(); it != info.end(); ++it)
        QCOMPARE(summary[it.key()].toVariant(), it.value().toVariant());
    QCOMPARE(file->hasPixelData(), reference[u"hasPixelData"].toBool());
    QCOMPARE(file->hasWaveform(), reference[u"hasWaveform"].toBool());

    const QJsonArray frames = reference[u"frames"].toArray();
    if (!reference[u"hasPixelData"].toBool()) {
        QVERIFY(!file->imageInfo());
        QVERIFY(!file->frame(0));
        return;
    }
    const auto imageInfo = file->imageInfo();
    QVERIFY2(imageInfo, qPrintable(imageInfo.error()));
    QCOMPARE(imageInfo->numberOfFrames, frames.size());
    for (int i = 0; i < frames.size(); ++i) {
        const QJsonObject expected = frames[i].toObject();
        const auto frame = file->frame(i);
        QVERIFY2(frame, qPrintable(frame.error()));
        QCOMPARE(frame->photometricInterpretation,
                 reference[u"decodedPhotometricInterpretation"].toString());
        const Dicom::FrameStatistics stats = Dicom::statistics(*frame);
        QCOMPARE(stats.minimum, qint64(expected[u"min"].toDouble()));
        QCOMPARE(stats.maximum, qint64(expected[u"max"].toDouble()));
        QVERIFY(std::abs(stats.mean - expected[u"mean"].toDouble()) < 1e-6);
        const QByteArray sha = QCryptographicHash::hash(frame->samples,
                                                        QCryptographicHash::Sha256).toHex();
        QCOMPARE(QString::fromLatin1(sha), expected[u"sha256"].toString());
        double lo = imageInfo->modalityValue(frame->sample(0));
        double hi = lo;
        for (qint64 s = 0; s < frame->sampleCount(); ++s) {
            lo = qMin(lo, imageInfo->modalityValue(frame->sample(s)));
            hi = qMax(hi, imageInfo->modalityValue(frame->sample(s)));
        }
        QVERIFY(std::abs(lo - expected[u"modalityMin"].toDouble()) < 1e-6);
        QVERIFY(std::abs(hi - expected[u"modalityMax"].toDouble()) < 1e-6);
    }
    // Decoding drops DCMTK's copy of the pixel bytes (they are reloaded from the file): a
    // second decode must give the same samples.
    const auto again = file->frame(0);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(again->samples,
                                                          QCryptographicHash::Sha256).toHex()),
             frames[0].toObject()[u"sha256"].toString());
    QVERIFY(!file->frame(frames.size()));
}

QTEST_GUILESS_MAIN(TestDicomGolden)
#include "tst_dicom_golden.moc"
