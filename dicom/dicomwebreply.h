#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Dicom {

class MultipartParser;
struct DicomWebSettings;

/// One instance or frame of a WADO-RS response, handed out as soon as it has arrived.
struct DicomWebPart
{
    QByteArray contentType;
    QByteArray body;          ///< the whole Part 10 file, or one frame's bytes
    QString sopInstanceUid;   ///< instances: read from the file's header
    int frameNumber = 0;      ///< frames: 1-based number in the instance
};

/// One DICOMweb operation in flight (a search, a metadata fetch, an instance or frame
/// retrieval), possibly several HTTP requests: dropped connections are retried with
/// exponential back-off, and a retrieval that broke off part-way asks only for what is still
/// missing (the remaining frames; the remaining instances, one by one, after listing them with
/// QIDO), so what already arrived is kept. Owned by the caller (deleteLater() after
/// finished()). Lives in the thread of its DicomWebClient.
class DicomWebReply : public QObject
{
    Q_OBJECT

public:
    enum class ErrorKind {
        None,
        Network,     ///< connection refused/dropped/timed out, after the last retry
        Tls,         ///< certificate or handshake failure (never retried, never ignored)
        Http,        ///< the server answered with an error status
        BadResponse, ///< not the JSON or multipart the request asked for
        Cancelled,
    };
    Q_ENUM(ErrorKind)

    ~DicomWebReply() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && m_errorKind == ErrorKind::None; }
    ErrorKind errorKind() const { return m_errorKind; }
    /// One human-readable line (translated) saying what failed; empty on success.
    QString errorString() const { return m_errorString; }
    /// The last HTTP status seen (0 if no response came).
    int httpStatus() const { return m_httpStatus; }

    /// Searches and metadata: the DICOM JSON array, once finished.
    QJsonArray json() const { return m_json; }
    int partsReceived() const { return m_partsReceived; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    /// HTTP requests made so far, retries included.
    int requestCount() const { return m_requestCount; }

    /// Stops at once: the request is aborted, pending retries dropped, and finished() is
    /// emitted with ErrorKind::Cancelled (unless it had already finished).
    void cancel();

signals:
    /// Bytes of this operation so far; @p bytesTotal is the current response's size when
    /// the server sent one, else -1.
    void progress(qint64 bytesReceived, qint64 bytesTotal, int partsReceived);
    void partReceived(const Dicom::DicomWebPart &part);
    /// A connection dropped; the next attempt starts in @p delayMs.
    void retrying(int attempt, int delayMs, const QString &reason);
    void finished();

private:
    friend class DicomWebClient;
    enum class Kind { Json, Instances, Frames };
    struct Step
    {
        QUrl url;
        Kind kind = Kind::Json;
        bool listsMissingInstances = false; ///< the QIDO step of an instance retry
        QString sopInstanceUid;             ///< a single instance asked for after a retry
    };

    DicomWebReply(QNetworkAccessManager *manager, std::shared_ptr<const DicomWebSettings> settings,
                  Kind kind, QUrl url, QObject *parent);
    void setFrames(QUrl instanceUrl, QList<int> frames);
    void setInstanceList(QUrl qidoInstancesUrl, QString studyUid)
    {
        m_instanceListUrl = std::move(qidoInstancesUrl);
        m_studyUid = std::move(studyUid);
    }
    void start();

    void issue();
    void onReadyRead();
    void consume(const QByteArray &chunk);
    void onFinished();
    bool startParser(const QByteArray &contentType);
    void handlePart(struct MultipartPart &&part);
    void stepSucceeded();
    void stepFailed(ErrorKind kind, const QString &message, bool retryable);
    void planRetry();
    void finish(ErrorKind kind = ErrorKind::None, const QString &message = {});
    QUrl framesUrl() const;

    QPointer<QNetworkAccessManager> m_manager; // the client's; may go before this reply
    std::shared_ptr<const DicomWebSettings> m_settings;
    Kind m_kind;
    QList<Step> m_steps;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<MultipartParser> m_parser;
    bool m_singlePart = false; // a multipart request answered with one bare body
    QByteArray m_body;
    QTimer m_retryTimer;

    QUrl m_instanceUrl;      // frames: .../instances/{uid}
    QList<int> m_framesLeft; // frames still to come, in the order asked for
    QUrl m_instanceListUrl;  // instances: QIDO url listing what the retrieval should return
    QString m_studyUid;
    QSet<QString> m_received;

    QJsonArray m_json;
    int m_partsReceived = 0;
    int m_partsAtStepStart = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_bytesAtStepStart = 0;
    int m_requestCount = 0;
    int m_failuresWithoutProgress = 0;
    int m_httpStatus = 0;
    bool m_finished = false;
    ErrorKind m_errorKind = ErrorKind::None;
    QString m_errorString;
};

} // namespace Dicom
