#pragma once

#include "cdadocument.h"
#include "clinicalrecord.h"
#include "huberror.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class EncryptedCache;
class HubSession;
class QNetworkReply;
struct HubResponse;

/// A document's content, ready for a viewer: CDA read into sections, PDF bytes, or text.
struct DocumentContent
{
    enum class Format { Cda, Pdf, Text, Unsupported };

    Format format = Format::Unsupported;
    QString contentType; ///< as the attachment or Binary declared it
    QByteArray bytes;    ///< the original bytes (PDF pages are rendered from these)
    QString text;        ///< Text: the decoded text
    CdaDocument cda;     ///< Cda: the document (cda.error set when the XML is unreadable)
};

Q_DECLARE_METATYPE(DocumentContent)

/// Fetches the content of one DocumentReference (GET /fhir/Binary/{id}, see "Documents" in
/// docs/PROTOCOL.md). Decoding (base64, CDA parsing) runs on the thread pool; the answer
/// arrives as finished() or failed(), always after start() returned. One document at a time:
/// start() and cancel() drop the previous one.
class DocumentFetch : public QObject
{
    Q_OBJECT

public:
    explicit DocumentFetch(HubSession *session, QObject *parent = nullptr);
    ~DocumentFetch() override;

    /// Fetched Binary bytes are kept in \a cache (encrypted) and read from it next time.
    void setCache(EncryptedCache *cache) { m_cache = cache; }

    void start(const ClinicalRecord &documentReference);
    void cancel();
    bool isBusy() const { return !m_reply.isNull() || m_watcher.isRunning(); }

    /// The Binary path of a DocumentReference's first attachment ("/fhir/Binary/x"), or empty
    /// (with *error) when it has none the viewer can fetch from this hub.
    static QString binaryPath(const QJsonObject &documentReference, QString *contentType, QString *error);
    /// Bytes + content type → content. Pure; runs on any thread.
    static DocumentContent decode(const QByteArray &bytes, const QString &contentType);
    /// A FHIR Binary (JSON) → its bytes and content type; false with *error when unreadable.
    static bool readBinary(const QByteArray &json, QByteArray *bytes, QString *contentType, QString *error);

Q_SIGNALS:
    void finished(const DocumentContent &content);
    void failed(const HubError &error);

private:
    void onAnswer(const HubResponse &response, const QString &cacheKey, const QString &declaredType);
    void decodeLater(const QByteArray &bytes, const QString &contentType);
    void onDecoded();
    void failLater(const HubError &error);

    QPointer<HubSession> m_session;
    QPointer<QNetworkReply> m_reply;
    EncryptedCache *m_cache = nullptr;
    QFutureWatcher<DocumentContent> m_watcher;
    QString m_cacheKey; ///< where the bytes being decoded go in the cache, if anywhere
    quint64 m_generation = 0;
};
