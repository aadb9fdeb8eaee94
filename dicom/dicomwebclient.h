#pragma once

#include "dicomwebjson.h"
#include "dicomwebreply.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Dicom {

/// Where and how to reach a DICOMweb service (the hub's /dicomweb/, or Orthanc's).
struct DicomWebSettings
{
    QUrl baseUrl;                 ///< e.g. https://hub.example:8443/dicomweb/
    QByteArray bearerToken;       ///< sent as "Authorization: Bearer ..." when not empty
    /// TLS settings for https (e.g. the network's CA); certificate errors always fail.
    std::optional<QSslConfiguration> ssl;
    int maxRetries = 4;           ///< consecutive failed attempts without progress, per request
    int initialBackoffMs = 250;   ///< doubled after every failure, up to maxBackoffMs
    int maxBackoffMs = 8000;
    int transferTimeoutMs = 30000; ///< a response that stalls this long counts as dropped
    /// Bytes QtNetwork may buffer ahead of us: keeps a large study from piling up in memory
    /// faster than parts are handed out. 1 MiB (was 4): two 512 KiB CT slices' worth keeps
    /// loopback busy, and a 300-slice series from the hub peaked at 1.09x its pixel bytes
    /// instead of 1.19x (bench/README.md, bench_dicom_decode).
    qint64 readBufferSize = 1024 * 1024;
};

/// @p base with path segments appended (each percent-encoded) and @p query.
QUrl dicomWebUrl(const QUrl &base, const QStringList &segments, const QUrlQuery &query = {});

/// QIDO-RS and WADO-RS client (PS3.18) on QtNetwork, no widgets. Every call returns a
/// DicomWebReply that streams what arrives and reports failure as a value; the caller owns
/// it. Use from one thread (the client's).
class DicomWebClient : public QObject
{
    Q_OBJECT

public:
    explicit DicomWebClient(DicomWebSettings settings, QObject *parent = nullptr);
    ~DicomWebClient() override;

    /// New token for later requests (after a refresh); replies in flight keep theirs.
    void setBearerToken(const QByteArray &token);
    const DicomWebSettings &settings() const { return *m_settings; }

    // QIDO-RS: reply->json() holds the matches; DicomWebJson::studies()/series()/instances()
    // turn them into summaries. @p query: matching keys and includefield/limit/offset.
    DicomWebReply *searchStudies(const QUrlQuery &query = {});
    DicomWebReply *searchSeries(const QString &studyUid, const QUrlQuery &query = {});
    DicomWebReply *searchInstances(const QString &studyUid, const QString &seriesUid = {},
                                   const QUrlQuery &query = {});

    /// WADO-RS metadata (DICOM JSON, bulk data by URI) of a study or one series.
    DicomWebReply *retrieveMetadata(const QString &studyUid, const QString &seriesUid = {});
    /// Every instance of a study or series as it was stored (transfer-syntax=*), one
    /// partReceived() per Part 10 file.
    DicomWebReply *retrieveInstances(const QString &studyUid, const QString &seriesUid = {});
    DicomWebReply *retrieveInstance(const QString &studyUid, const QString &seriesUid,
                                    const QString &sopInstanceUid);
    /// Frames (1-based numbers) of one instance, one partReceived() per frame, in order.
    DicomWebReply *retrieveFrames(const QString &studyUid, const QString &seriesUid,
                                  const QString &sopInstanceUid, const QList<int> &frames);

    /// The URL of a resource below the base: url({"studies", uid, "series"}).
    QUrl url(const QStringList &segments, const QUrlQuery &query = {}) const;

private:
    DicomWebReply *make(DicomWebReply::Kind kind, const QUrl &url);

    QNetworkAccessManager *m_manager;
    std::shared_ptr<const DicomWebSettings> m_settings;
};

} // namespace Dicom
