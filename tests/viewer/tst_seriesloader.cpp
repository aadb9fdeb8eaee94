#include "seriesloader.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Dicom;

class TstSeriesLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupsBySeries();
    void sortsAlongNormalThenInstance();
    void failuresAreKeptAsValues();
    void loadsOnThreadPool();

private:
    QString fixture(const QString &name) const { return m_dir.filePath(name); }
    QDir m_dir;
};

void TstSeriesLoader::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstSeriesLoader::groupsBySeries()
{
    QList<SeriesImage> images;
    for (const char *name : {"CT_small.dcm", "MR_small.dcm", "MR_small_RLE.dcm"})
        images << SeriesLoader::readImage(fixture(QString::fromLatin1(name)));
    const QList<Series> series = SeriesLoader::group(images);
    // The MR variants are the same image re-encoded: same series UID, one series.
    QCOMPARE(series.size(), 2);
    int mr = series[0].images.size() == 2 ? 0 : 1;
    QCOMPARE(series[mr].images.size(), 2);
    QCOMPARE(series[1 - mr].images.size(), 1);
    QCOMPARE(series[1 - mr].seriesInstanceUid,
             QStringLiteral("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322"));
}

void TstSeriesLoader::sortsAlongNormalThenInstance()
{
    const SeriesImage ct = SeriesLoader::readImage(fixture(QStringLiteral("CT_small.dcm")));
    QVERIFY(ct.file);
    QVERIFY(ct.attributes.slicePosition());
    // dcmdump CT_small.dcm: ImagePositionPatient z = -75.699997, orientation axial.
    QCOMPARE(qRound(*ct.attributes.slicePosition() * 10), -757);
    // Three slices of the same series in scrambled order: positions decide.
    QList<SeriesImage> images{ct, ct, ct};
    images[0].attributes.imagePosition = QVector3D(0, 0, 10);
    images[0].attributes.instanceNumber = 1;
    images[1].attributes.imagePosition = QVector3D(0, 0, -5);
    images[1].attributes.instanceNumber = 3;
    images[2].attributes.imagePosition = QVector3D(0, 0, 2);
    images[2].attributes.instanceNumber = 2;
    QList<Series> series = SeriesLoader::group(images);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0].images[0].attributes.instanceNumber, 3);
    QCOMPARE(series[0].images[2].attributes.instanceNumber, 1);
    // Without positions, Instance Number decides.
    for (SeriesImage &image : images)
        image.attributes.imagePosition.reset();
    series = SeriesLoader::group(images);
    QCOMPARE(series[0].images[0].attributes.instanceNumber, 1);
    QCOMPARE(series[0].images[2].attributes.instanceNumber, 3);
}

void TstSeriesLoader::failuresAreKeptAsValues()
{
    QList<SeriesImage> images{SeriesLoader::readImage(fixture(QStringLiteral("MR_truncated.dcm"))),
                              SeriesLoader::readImage(fixture(QStringLiteral("MR_small.dcm")))};
    const QList<Series> series = SeriesLoader::group(images);
    QCOMPARE(series.size(), 2);
    QVERIFY(series[0].images[0].file); // readable series first
    QVERIFY(!series[1].images[0].file);
    QVERIFY(!series[1].images[0].error.isEmpty());
}

void TstSeriesLoader::loadsOnThreadPool()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder like a patient's CD: images, a DICOMDIR to skip, something not DICOM.
    for (const char *name : {"CT_small.dcm", "MR_small.dcm", "rtdose.dcm"})
        QVERIFY(QFile::copy(fixture(QString::fromLatin1(name)), dir.filePath(QString::fromLatin1(name))));
    QFile dicomdir(dir.filePath(QStringLiteral("DICOMDIR")));
    QVERIFY(dicomdir.open(QIODevice::WriteOnly));
    dicomdir.close();
    QFile notes(dir.filePath(QStringLiteral("readme.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
    notes.close();

    SeriesLoader loader;
    QSignalSpy finished(&loader, &SeriesLoader::finished);
    QSignalSpy progress(&loader, &SeriesLoader::progress);
    QSignalSpy preview(&loader, &SeriesLoader::firstImageRead);
    loader.load({dir.path()});
    QVERIFY(finished.wait(20000));
    QCOMPARE(preview.size(), 1); // the first image came before the whole set
    QCOMPARE(preview.first().first().value<Series>().images.size(), 1);
    const auto series = finished.first().first().value<QList<Series>>();
    QCOMPARE(series.size(), 4); // CT, MR, RT dose, and the unreadable text file
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 4);
    const auto dose = std::find_if(series.begin(), series.end(), [](const Series &s) {
        return s.images.first().frameCount == 15;
    });
    QVERIFY(dose != series.end());
}

QTEST_GUILESS_MAIN(TstSeriesLoader)
#include "tst_seriesloader.moc"
