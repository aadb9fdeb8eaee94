#include "dicomwebproxy.h"

#include "dicomwebstream.h"
#include "fhiroutcome.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace {

constexpr qint64 kReplyBuffer = 1024 * 1024;
constexpr qint64 kMaxJsonBytes = 32LL * 1024 * 1024;
constexpr qint64 kChunk = 64 * 1024;

/// One forwarded request; deletes itself when the client has its answer or has gone.
class ProxiedRequest : public QObject
{
public:
    ProxiedRequest(QNetworkReply *reply, DicomWebStream *stream, QString remoteBase, QString hubBase,
                   std::function<void(int)> done)
        : m_reply(reply), m_stream(stream), m_remoteBase(std::move(remoteBase)), m_hubBase(std::move(hubBase)),
          m_done(std::move(done))
    {
        m_reply->setReadBufferSize(kReplyBuffer);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &ProxiedRequest::headersArrived);
        connect(m_reply, &QIODevice::readyRead, this, &ProxiedRequest::pump);
        connect(m_reply, &QNetworkReply::finished, this, &ProxiedRequest::replyFinished);
        connect(m_stream, &DicomWebStream::drained, this, &ProxiedRequest::pump);
        connect(m_stream, &DicomWebStream::disconnected, this, [this] {
            m_stream = nullptr;
            m_reply->abort();
        });
    }
    ~ProxiedRequest() override { m_reply->deleteLater(); }

private:
    void headersArrived()
    {
        if (m_started || !m_stream)
            return;
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        m_started = true;
        m_status = status.toInt();
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        m_json = type.contains("json");
        if (!m_json)
            m_stream->begin(QHttpServerResponder::StatusCode(m_status), {{QByteArrayLiteral("Content-Type"), type}});
        else
            m_type = type;
    }

    void pump()
    {
        headersArrived();
        if (!m_started || !m_stream)
            return;
        if (m_json) {
            m_buffer += m_reply->readAll();
            if (m_buffer.size() > kMaxJsonBytes) {
                m_reply->abort();
                fail(502, QStringLiteral("The facility's DICOMweb answer is larger than %1 MiB").arg(kMaxJsonBytes >> 20));
            }
            return;
        }
        while (m_stream && !m_stream->congested() && m_reply->bytesAvailable() > 0)
            m_stream->write(m_reply->read(kChunk));
    }

    void replyFinished()
    {
        if (!m_stream) {
            finishWith(m_status ? m_status : 499);
            return;
        }
        headersArrived();
        if (!m_started) {
            fail(502, QStringLiteral("The facility's DICOMweb server did not answer: %1").arg(m_reply->errorString()));
            return;
        }
        if (m_json) {
            m_buffer += m_reply->readAll();
            // Links must lead back through the hub, never to the facility's server.
            m_buffer.replace(m_remoteBase.toUtf8(), m_hubBase.toUtf8());
            m_stream->begin(QHttpServerResponder::StatusCode(m_status), {{QByteArrayLiteral("Content-Type"), m_type}});
            m_stream->write(m_buffer);
            m_stream->finish();
            finishWith(m_status);
            return;
        }
        drainAndFinish();
    }

    void drainAndFinish()
    {
        if (!m_stream) {
            finishWith(m_status);
            return;
        }
        while (!m_stream->congested() && m_reply->bytesAvailable() > 0)
            m_stream->write(m_reply->read(kChunk));
        if (m_reply->bytesAvailable() > 0) {
            disconnect(m_stream, &DicomWebStream::drained, this, nullptr);
            connect(m_stream, &DicomWebStream::drained, this, &ProxiedRequest::drainAndFinish, Qt::UniqueConnection);
            return;
        }
        if (m_reply->error() != QNetworkReply::NoError && m_reply->error() < QNetworkReply::ContentAccessDenied)
            m_stream->abort(); // cut off midway: the client must not take it as complete
        else
            m_stream->finish();
        m_stream = nullptr;
        finishWith(m_status);
    }

    void fail(int status, const QString &diagnostics)
    {
        if (m_stream) {
            m_stream->begin(QHttpServerResponder::StatusCode(status), {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/fhir+json")}});
            m_stream->write(QJsonDocument(operationOutcome(QStringLiteral("transient"), diagnostics)).toJson(QJsonDocument::Compact));
            m_stream->finish();
            m_stream = nullptr;
        }
        finishWith(status);
    }

    void finishWith(int status)
    {
        if (m_done) {
            m_done(status);
            m_done = nullptr;
        }
        deleteLater();
    }

    QNetworkReply *m_reply;
    DicomWebStream *m_stream;
    QString m_remoteBase;
    QString m_hubBase;
    std::function<void(int)> m_done;
    bool m_started = false;
    bool m_json = false;
    int m_status = 0;
    QByteArray m_type;
    QByteArray m_buffer;
};

} // namespace

DicomWebProxy::DicomWebProxy(QObject *parent)
    : QObject(parent)
{
    // The facility's server is on its own LAN; a proxy from the environment would be wrong.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void DicomWebProxy::forward(const QString &remoteBase, const QString &path, const QString &query, const QByteArray &accept,
                            const QString &hubBase, QHttpServerResponder &&responder, std::function<void(int)> done)
{
    QUrl url(remoteBase + path);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest request(url);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    request.setTransferTimeout(60'000);
    QNetworkReply *reply = m_network.get(request);
    auto *stream = new DicomWebStream(std::move(responder), this);
    auto *proxied = new ProxiedRequest(reply, stream, remoteBase, hubBase, std::move(done));
    proxied->setParent(this);
}

QByteArray DicomWebProxy::fetchJson(QNetworkAccessManager &network, const QString &url, QString *error)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Accept", "application/dicom+json");
    request.setTransferTimeout(60'000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && status == 0)
        *error = QStringLiteral("%1: %2").arg(url, reply->errorString());
    else if (status == 204)
        body = "[]";
    else if (status != 200)
        *error = QStringLiteral("%1: HTTP %2").arg(url).arg(status);
    reply->deleteLater();
    return body;
}
