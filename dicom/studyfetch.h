#pragma once

#include "seriesloader.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Dicom {

class DicomWebClient;
class DicomWebReply;
struct DicomWebPart;

/// Loads one study from a DICOMweb service into memory (never to disk: these are patient
/// images on a clinic PC): QIDO-RS lists the series, WADO-RS retrieves each series' instances,
/// and every Part 10 file is parsed on the global thread pool into a SeriesImage as soon as it
/// arrives. The client retries dropped connections itself; when it gives up, failed() is
/// emitted and everything that arrived is kept, so retry() asks only for the instances still
/// missing (QIDO lists the study's instances, then one WADO-RS request per missing one).
/// A server that refuses the token (HTTP 401: expired or revoked) is a failure of its own
/// kind, Failure::Unauthorized: the caller logs in again, gives the client the new token and
/// calls retry(), which still keeps what arrived.
/// Lives in the client's thread; the client must outlive it.
class StudyFetch : public QObject
{
    Q_OBJECT

public:
    /// Why the last fetch failed, for the caller to choose what to offer (errorString() says
    /// it in words).
    enum class Failure {
        None,
        NotConfigured, ///< no client
        Network,       ///< connection lost or timed out after the client's own retries
        Tls,           ///< certificate or handshake failure
        Unauthorized,  ///< HTTP 401: the token is no longer accepted; log in again, then retry()
        Server,        ///< any other error status (403 consent, 404, 5xx after retries)
        BadResponse,   ///< not the JSON or multipart asked for
    };
    Q_ENUM(Failure)

    /// Series retrieved at the same time (the first one first, so the first image is early).
    static constexpr int kParallelSeries = 2;
    /// Single-instance requests in flight during a retry.
    static constexpr int kParallelInstances = 4;

    explicit StudyFetch(DicomWebClient *client, QObject *parent = nullptr);
    ~StudyFetch() override;

    /// Starts loading @p studyInstanceUid, dropping whatever an earlier fetch held.
    void start(const QString &studyInstanceUid);
    /// After failed(): fetches only the instances that have not arrived. Does nothing while
    /// a fetch is running or when nothing was started.
    void retry();
    /// Stops every request; what arrived is kept (retry() continues from there). No signal.
    void cancel();

    bool isRunning() const { return m_running; }
    QString studyInstanceUid() const { return m_studyUid; }
    /// Instances parsed so far (unreadable ones included: they are shown as failures).
    int instancesDone() const { return int(m_images.size()); }
    /// Instances the study holds as far as the server said (QIDO counts); -1 if unknown.
    int instancesExpected() const { return m_expected; }
    /// Single-instance retrievals issued by the last retry().
    int instancesRequested() const { return m_instancesRequested; }
    /// What has arrived, grouped and sorted as SeriesLoader does (the series in the server's
    /// order): what a viewer shows after failed().
    QList<Series> received() const;
    /// Why the last fetch failed; empty after success.
    QString errorString() const { return m_error; }
    /// The kind of the last failure; Failure::None after success and once start()/retry() began.
    Failure failure() const { return m_failure; }

Q_SIGNALS:
    /// The first readable image, as a one-image series, before the rest arrive.
    void firstImageRead(const Dicom::Series &preview);
    /// @p total is the server's count when known, else what is known to be coming.
    void progress(int done, int total);
    void finished(const QList<Dicom::Series> &series);
    /// The connection was lost (after the client's own retries) or the server refused;
    /// what arrived stays in received(), failure() says which.
    void failed(const QString &message);

private:
    struct Request
    {
        QString seriesUid;
        QString sopInstanceUid; ///< empty: the whole series
    };

    void onSeriesListed(DicomWebReply *reply);
    void onInstancesListed(DicomWebReply *reply);
    void pump();
    void onPart(const DicomWebPart &part, const QString &seriesUid);
    void onReplyFinished(DicomWebReply *reply);
    void onParsed(const SeriesImage &image, const QString &sopInstanceUid);
    void noteFailure(DicomWebReply *reply);
    static Failure failureOf(const DicomWebReply &reply);
    void finishIfDone();
    void dropReply(DicomWebReply *reply);
    void emitProgress();

    QPointer<DicomWebClient> m_client;
    QString m_studyUid;
    bool m_running = false;
    bool m_listing = false;   ///< a QIDO request is in flight
    bool m_stopped = false;   ///< a failure: start no more requests this round
    int m_generation = 0;     ///< bumped by start()/cancel(): late parse results are dropped
    int m_expected = -1;
    int m_instancesRequested = 0;
    bool m_previewSent = false;
    QString m_error;
    Failure m_failure = Failure::None;
    QList<Request> m_queue;
    QList<DicomWebReply *> m_active;
    QHash<QString, int> m_seriesOrder;  ///< series UID → position in the server's list
    QSet<QString> m_parsing;            ///< SOP Instance UIDs being parsed
    QHash<QString, SeriesImage> m_images; ///< by SOP Instance UID
};

} // namespace Dicom
