// Dicom::StudyFetch when the real renkei-hub stops accepting the token: the failure is
// StudyFetch::Failure::Unauthorized (HTTP 401), not a network error, whatever arrived is kept,
// and retry() with a new token from a fresh login fetches only the missing instances. The
// reference is pydicom (Debian's python3-pydicom) reading the demo's CT files that the hub
// imported; a token is revoked the way the viewer's lock does it (POST /auth/logout).
#include "dicomwebclient.h"
#include "hubprocess.h"
#include "studyfetch.h"
#include "studyfetchsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace StudyFetchTest;

namespace {

const QString kUser = QStringLiteral("demo-doctor");
const QString kPassword = QStringLiteral("renkei-demo-2026");

} // namespace

class tst_StudyFetchAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void revokedTokenMidTransferIsUnauthorizedAndANewTokenResumes();
    void revokedTokenBeforeTheStartLoadsEverythingAfterLogin();
    void lostConnectionStaysANetworkFailure();

private:
    Dicom::DicomWebSettings settings(quint16 port, const QByteArray &token) const;
    QByteArray login() const { return StudyFetchTest::login(m_hub.baseUrl(), m_hub.caFile(), kUser, kPassword); }
    bool revoke(const QByteArray &token) const;
    void compareWithReference(const QList<Dicom::Series> &series);
    QString study() const { return m_demoCt.first().toObject().value(QStringLiteral("StudyInstanceUID")).toString(); }

    HubProcess m_hub;
    QJsonArray m_demoCt; ///< pydicom: the demo's CT of p00001, one object per slice
};

void tst_StudyFetchAuth::initTestCase()
{
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    const QStringList ctFiles = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CT*.dcm"));
    QCOMPARE(ctFiles.size(), 24);
    m_demoCt = pydicom(ctFiles);
    QVERIFY2(m_demoCt.size() == 24, "pydicom (python3-pydicom) must read the files");
    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
}

void tst_StudyFetchAuth::cleanupTestCase()
{
    m_hub.stop();
}

Dicom::DicomWebSettings tst_StudyFetchAuth::settings(quint16 port, const QByteArray &token) const
{
    Dicom::DicomWebSettings s;
    s.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/dicomweb/").arg(port));
    s.bearerToken = token;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    s.ssl = tls;
    s.maxRetries = 2;
    s.initialBackoffMs = 50;
    s.transferTimeoutMs = 15'000;
    return s;
}

bool tst_StudyFetchAuth::revoke(const QByteArray &token) const
{
    // 204 (PROTOCOL.md: POST /auth/logout revokes the token).
    return postAuth(m_hub.baseUrl(), m_hub.caFile(), QStringLiteral("auth/logout"), {}, token).first == 204;
}

void tst_StudyFetchAuth::compareWithReference(const QList<Dicom::Series> &series)
{
    // Every slice exactly once, each the file pydicom read (SOP UID, position in the series,
    // size, pixel bytes).
    QHash<QString, const Dicom::SeriesImage *> bySop;
    int images = 0;
    for (const Dicom::Series &s : series)
        for (const Dicom::SeriesImage &image : s.images) {
            QVERIFY2(image.file.has_value(), qPrintable(image.error));
            bySop.insert(image.file->text(0x0008, 0x0018), &image);
            ++images;
        }
    QCOMPARE(images, int(m_demoCt.size()));
    QCOMPARE(bySop.size(), m_demoCt.size());
    for (const QJsonValue &value : std::as_const(m_demoCt)) {
        const QJsonObject ref = value.toObject();
        const Dicom::SeriesImage *image = bySop.value(ref.value(QStringLiteral("SOPInstanceUID")).toString());
        QVERIFY2(image, qPrintable(ref.value(QStringLiteral("SOPInstanceUID")).toString()));
        QCOMPARE(image->attributes.seriesInstanceUid, ref.value(QStringLiteral("SeriesInstanceUID")).toString());
        QCOMPARE(image->attributes.instanceNumber.value_or(-1), ref.value(QStringLiteral("InstanceNumber")).toInt());
        const auto info = image->file->imageInfo();
        QVERIFY(info);
        QCOMPARE(info->rows, ref.value(QStringLiteral("Rows")).toInt());
        QCOMPARE(info->columns, ref.value(QStringLiteral("Columns")).toInt());
        QCOMPARE(pixelSha(*image), ref.value(QStringLiteral("pixelSha256")).toString());
    }
}

void tst_StudyFetchAuth::revokedTokenMidTransferIsUnauthorizedAndANewTokenResumes()
{
    const QByteArray first = login();
    QVERIFY(!first.isEmpty());
    TcpRelay relay(m_hub.port());
    relay.setBytesPerTick(16 * 1024); // ~1.6 MB/s: the 3 MB CT takes about two seconds
    Dicom::DicomWebClient client(settings(relay.port(), first));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    bool paused = false;
    int maxDone = 0;
    connect(&fetch, &Dicom::StudyFetch::progress, this, [&](int done, int) {
        maxDone = qMax(maxDone, done);
        if (!paused && done >= 3) {
            paused = true;
            relay.setBytesPerTick(0); // hold the rest of the study while the token goes
        }
    });
    fetch.start(study());
    QTRY_VERIFY_WITH_TIMEOUT(paused, 60'000);
    // The hub stops accepting the token mid-transfer (the lock screen's revocation, an
    // expired idle limit); then the connection drops, and the client's own reconnect meets 401.
    QVERIFY(revoke(first));
    relay.setBytesPerTick(1 << 30);
    relay.cut();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 60'000);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::Unauthorized);
    QCOMPARE(fetch.errorString(), failed.first().first().toString());
    QVERIFY(!fetch.errorString().isEmpty());
    QVERIFY(!fetch.isRunning());

    const int kept = fetch.instancesDone();
    QVERIFY2(kept >= 3 && kept < 24, qPrintable(QString::number(kept)));
    QSet<QString> keptSops;
    for (const Dicom::Series &s : fetch.received())
        for (const Dicom::SeriesImage &image : s.images) {
            QVERIFY(image.file);
            keptSops.insert(image.file->text(0x0008, 0x0018));
        }
    QCOMPARE(keptSops.size(), kept);

    // Retrying with the refused token fails the same way and loses nothing.
    fetch.retry();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 2, 30'000);
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::Unauthorized);
    QCOMPARE(fetch.instancesDone(), kept);

    // A new login; the same fetch continues with the new token and asks only for the rest.
    const QByteArray second = login();
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    client.setBearerToken(second);
    fetch.retry();
    QVERIFY(fetch.isRunning());
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::None);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 2, 60'000);
    QVERIFY2(failed.size() == 2, qPrintable(failed.last().first().toString()));
    QCOMPARE(fetch.instancesRequested(), 24 - kept);
    QCOMPARE(maxDone, 24); // never more than the study holds: nothing counted twice
    const auto series = finished.first().first().value<QList<Dicom::Series>>();
    QCOMPARE(series.size(), 1);
    compareWithReference(series);
    for (const Dicom::SeriesImage &image : series.first().images)
        keptSops.remove(image.file->text(0x0008, 0x0018));
    QVERIFY(keptSops.isEmpty()); // what arrived before the expiry is part of the result
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::None);
    QVERIFY(fetch.errorString().isEmpty());
    QVERIFY(revoke(second));
}

void tst_StudyFetchAuth::revokedTokenBeforeTheStartLoadsEverythingAfterLogin()
{
    // The study is opened after the token has gone (the hub's first answer is 401).
    const QByteArray stale = login();
    QVERIFY(!stale.isEmpty());
    QVERIFY(revoke(stale));
    Dicom::DicomWebClient client(settings(m_hub.port(), stale));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    fetch.start(study());
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 30'000);
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::Unauthorized);
    QCOMPARE(fetch.instancesDone(), 0);

    const QByteArray fresh = login();
    QVERIFY(!fresh.isEmpty());
    client.setBearerToken(fresh);
    fetch.retry();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 1, 60'000);
    QVERIFY2(failed.size() == 1, qPrintable(failed.last().first().toString()));
    QCOMPARE(fetch.instancesRequested(), 24);
    compareWithReference(finished.first().first().value<QList<Dicom::Series>>());
    QVERIFY(revoke(fresh));
}

void tst_StudyFetchAuth::lostConnectionStaysANetworkFailure()
{
    // Nothing listens on the port: a network failure, which Retry (not a login) addresses.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    Dicom::DicomWebClient client(settings(port, QByteArrayLiteral("whatever")));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    fetch.start(study());
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 30'000);
    QCOMPARE(fetch.failure(), Dicom::StudyFetch::Failure::Network);
}

QTEST_GUILESS_MAIN(tst_StudyFetchAuth)
#include "tst_studyfetchauth.moc"
