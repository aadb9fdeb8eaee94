#include "documentfetch.h"

#include "encryptedcache.h"
#include "hubresponse.h"
#include "hubsession.h"
#include "networktr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using RenkeiNetworkPrivate::Tr;

namespace {

QString mediaType(const QString &contentType)
{
    return contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

QString charsetOf(const QString &contentType)
{
    for (const QString &part : contentType.split(QLatin1Char(';')).mid(1)) {
        const QString p = part.trimmed();
        if (p.startsWith(QLatin1String("charset="), Qt::CaseInsensitive))
            return p.mid(8).remove(QLatin1Char('"')).trimmed();
    }
    return {};
}

QString decodeText(const QByteArray &bytes, const QString &contentType)
{
    const QString charset = charsetOf(contentType);
    if (!charset.isEmpty()) {
        QStringDecoder decoder(charset.toLatin1().constData());
        if (decoder.isValid()) {
            const QString text = decoder(bytes);
            if (!decoder.hasError())
                return text;
        }
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    // SS-MIX2 storages of older systems hold Shift_JIS text; ICU decodes it when available.
    QStringDecoder sjis("Shift_JIS");
    if (sjis.isValid()) {
        const QString decoded = sjis(bytes);
        if (!sjis.hasError())
            return decoded;
    }
    return text; // with replacement characters: readable in part rather than not at all
}

} // namespace

DocumentFetch::DocumentFetch(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_watcher, &QFutureWatcher<DocumentContent>::finished, this, &DocumentFetch::onDecoded);
}

DocumentFetch::~DocumentFetch()
{
    cancel();
    m_watcher.waitForFinished();
}

QString DocumentFetch::binaryPath(const QJsonObject &documentReference, QString *contentType, QString *error)
{
    const QJsonObject attachment = documentReference.value(QLatin1String("content")).toArray()
                                       .at(0).toObject().value(QLatin1String("attachment")).toObject();
    if (contentType)
        *contentType = attachment.value(QLatin1String("contentType")).toString();
    const QString url = attachment.value(QLatin1String("url")).toString();
    // Relative "Binary/id" (what the hub writes) or "/fhir/Binary/id"; never another server:
    // the bearer token must not leave the hub.
    static const QRegularExpression pattern(QStringLiteral(R"(^(?:/fhir/)?Binary/([A-Za-z0-9\-.]{1,64})$)"));
    const QRegularExpressionMatch m = pattern.match(url);
    if (!m.hasMatch()) {
        if (error)
            *error = url.isEmpty() ? QStringLiteral("the document has no attachment URL")
                                   : QStringLiteral("attachment URL not on this hub: %1").arg(url);
        return {};
    }
    return QStringLiteral("/fhir/Binary/") + m.captured(1);
}

bool DocumentFetch::readBinary(const QByteArray &json, QByteArray *bytes, QString *contentType, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject binary = doc.object();
    if (parseError.error != QJsonParseError::NoError || binary.value(QLatin1String("resourceType")).toString() != u"Binary") {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not a FHIR Binary");
        return false;
    }
    const auto decoded = QByteArray::fromBase64Encoding(binary.value(QLatin1String("data")).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        *error = QStringLiteral("Binary.data is not base64");
        return false;
    }
    *bytes = *decoded;
    *contentType = binary.value(QLatin1String("contentType")).toString();
    return true;
}

DocumentContent DocumentFetch::decode(const QByteArray &bytes, const QString &contentType)
{
    DocumentContent content;
    content.contentType = contentType;
    content.bytes = bytes;
    const QString type = mediaType(contentType);
    const QByteArray head = bytes.left(64).trimmed();
    if (type == u"application/pdf" || head.startsWith("%PDF-")) {
        content.format = DocumentContent::Format::Pdf;
    } else if (type == u"text/xml" || type == u"application/xml" || type == u"application/hl7-v3+xml"
               || type == u"application/cda+xml" || head.startsWith("<?xml") || head.startsWith("<ClinicalDocument")) {
        content.format = DocumentContent::Format::Cda;
        content.cda = parseCdaDocument(bytes);
    } else if (type.startsWith(QLatin1String("text/"))) {
        content.format = DocumentContent::Format::Text;
        content.text = decodeText(bytes, contentType);
    }
    return content;
}

void DocumentFetch::start(const ClinicalRecord &documentReference)
{
    cancel();
    QString declaredType;
    QString error;
    const QString path = binaryPath(documentReference.raw, &declaredType, &error);
    if (path.isEmpty()) {
        // An inline attachment (data instead of url) needs no request.
        const QJsonObject attachment = documentReference.raw.value(QLatin1String("content")).toArray()
                                           .at(0).toObject().value(QLatin1String("attachment")).toObject();
        if (attachment.contains(QLatin1String("data"))) {
            decodeLater(QByteArray::fromBase64(attachment.value(QLatin1String("data")).toString().toLatin1()),
                        declaredType);
            return;
        }
        failLater(HubErrors::protocolError(error));
        return;
    }
    const QString cacheKey = path.mid(6); // "Binary/id"
    if (m_cache && m_cache->isOpen()) {
        QString cacheError;
        if (const std::optional<QByteArray> entry = m_cache->get(cacheKey, &cacheError)) {
            const qsizetype split = entry->indexOf('\n');
            if (split >= 0) {
                decodeLater(entry->mid(split + 1), QString::fromUtf8(entry->left(split)));
                return;
            }
        }
        // A missing or damaged entry is fetched again; a damaged one is never shown.
    }
    if (!m_session || !m_session->isLoggedIn()) {
        failLater(HubErrors::notLoggedIn());
        return;
    }
    m_reply = m_session->getAuthorized(path, {}, this, [this, cacheKey, declaredType](const HubResponse &response) {
        onAnswer(response, cacheKey, declaredType);
    });
}

void DocumentFetch::cancel()
{
    ++m_generation;
    if (m_reply) {
        HubSession::cancel(m_reply);
        m_reply.clear();
    }
}

void DocumentFetch::onAnswer(const HubResponse &response, const QString &cacheKey, const QString &declaredType)
{
    m_reply.clear();
    if (response.transportError.isError()) {
        Q_EMIT failed(response.transportError);
        return;
    }
    if (response.status != 200) {
        HubError error = HubErrors::fromFhirStatus(response.status, response.body);
        if (error.kind == HubError::Kind::SessionExpired && m_session)
            m_session->reportSessionExpired();
        if (error.kind == HubError::Kind::NotFound)
            error.message = Tr::tr("This document is no longer visible to your facility.");
        Q_EMIT failed(error);
        return;
    }
    // Base64 of a large PDF and the JSON around it: decoded off the GUI thread too.
    m_cacheKey = cacheKey;
    const QByteArray body = response.body;
    m_watcher.setProperty("generation", m_generation);
    m_watcher.setFuture(QtConcurrent::run([body, declaredType]() {
        QByteArray bytes;
        QString contentType;
        QString error;
        if (!readBinary(body, &bytes, &contentType, &error)) {
            DocumentContent unreadable;
            unreadable.text = error; // Unsupported + text: the reason (see onDecoded)
            unreadable.contentType = QString();
            return unreadable;
        }
        return decode(bytes, contentType.isEmpty() ? declaredType : contentType);
    }));
}

void DocumentFetch::decodeLater(const QByteArray &bytes, const QString &contentType)
{
    m_cacheKey.clear(); // from the cache or inline: nothing to store
    m_watcher.setProperty("generation", m_generation);
    m_watcher.setFuture(QtConcurrent::run([bytes, contentType]() { return decode(bytes, contentType); }));
}

void DocumentFetch::onDecoded()
{
    if (m_watcher.property("generation").toULongLong() != m_generation)
        return;
    const DocumentContent content = m_watcher.result();
    if (content.bytes.isEmpty() && content.format == DocumentContent::Format::Unsupported && !content.text.isEmpty()) {
        Q_EMIT failed(HubErrors::protocolError(content.text));
        return;
    }
    if (m_cache && m_cache->isOpen() && !m_cacheKey.isEmpty()) {
        QString error;
        // Not cached is only slower next time; the document is shown either way.
        m_cache->put(m_cacheKey, content.contentType.toUtf8() + '\n' + content.bytes, &error);
    }
    m_cacheKey.clear();
    Q_EMIT finished(content);
}

void DocumentFetch::failLater(const HubError &error)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, error, generation] {
        if (generation == m_generation)
            Q_EMIT failed(error);
    }, Qt::QueuedConnection);
}
