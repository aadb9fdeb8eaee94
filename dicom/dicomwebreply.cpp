#include "dicomwebreply.h"

#include "dicomfile.h"
#include "dicomwebjson.h"
#include "dicomwebclient.h"
#include "multipartparser.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Dicom {

DicomWebReply::DicomWebReply(QNetworkAccessManager *manager,
                             std::shared_ptr<const DicomWebSettings> settings, Kind kind, QUrl url,
                             QObject *parent)
    : QObject(parent), m_manager(manager), m_settings(std::move(settings)), m_kind(kind)
{
    m_steps.append(Step{std::move(url), kind, false, {}});
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DicomWebReply::issue);
    // The client (and its network replies) deleted first: end as cancelled, never dangle.
    connect(manager, &QObject::destroyed, this, [this] { cancel(); });
}

DicomWebReply::~DicomWebReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void DicomWebReply::setFrames(QUrl instanceUrl, QList<int> frames)
{
    m_instanceUrl = std::move(instanceUrl);
    m_framesLeft = std::move(frames);
    m_steps.first().url = framesUrl();
}

QUrl DicomWebReply::framesUrl() const
{
    QStringList numbers;
    for (int f : m_framesLeft)
        numbers << QString::number(f);
    QUrl url = m_instanceUrl;
    url.setPath(url.path(QUrl::FullyEncoded) + QStringLiteral("/frames/")
                    + numbers.join(u','),
                QUrl::StrictMode);
    return url;
}

void DicomWebReply::start()
{
    // Queued: the caller connects its slots before anything can be emitted.
    QMetaObject::invokeMethod(this, &DicomWebReply::issue, Qt::QueuedConnection);
}

void DicomWebReply::issue()
{
    if (m_finished || m_steps.isEmpty())
        return;
    if (!m_manager) {
        cancel();
        return;
    }
    const Step &step = m_steps.first();
    if (step.kind == Kind::Frames && m_framesLeft.isEmpty()) {
        stepSucceeded();
        return;
    }
    QNetworkRequest request(step.url);
    // transfer-syntax=*: the files as stored, so nothing is transcoded (or lost) on the way.
    switch (step.kind) {
    case Kind::Instances:
        request.setRawHeader(
            "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        break;
    case Kind::Frames:
        request.setRawHeader(
            "Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
        break;
    case Kind::Json:
        request.setRawHeader("Accept", "application/dicom+json, application/json");
        break;
    }
    if (!m_settings->bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings->bearerToken);
    if (m_settings->ssl)
        request.setSslConfiguration(*m_settings->ssl);
    request.setTransferTimeout(m_settings->transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_parser.reset();
    m_singlePart = false;
    m_body.clear();
    m_partsAtStepStart = m_partsReceived;
    m_bytesAtStepStart = m_bytesReceived;
    ++m_requestCount;
    m_reply = m_manager->get(request);
    m_reply->setReadBufferSize(m_settings->readBufferSize);
    connect(m_reply, &QNetworkReply::readyRead, this, &DicomWebReply::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DicomWebReply::onFinished);
}

bool DicomWebReply::startParser(const QByteArray &contentType)
{
    const QByteArray type = mediaType(contentType);
    if (type == "multipart/related") {
        const auto boundary = contentTypeParameter(contentType, "boundary");
        if (!boundary || boundary->isEmpty())
            return false;
        m_parser = std::make_unique<MultipartParser>(
            *boundary, [this](MultipartPart &&part) { handlePart(std::move(part)); });
        return true;
    }
    // Some servers answer a one-instance request with the bare object.
    if (type == "application/dicom" || type == "application/octet-stream") {
        m_singlePart = true;
        return true;
    }
    return false;
}

void DicomWebReply::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    consume(m_reply->readAll());
}

void DicomWebReply::consume(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    m_bytesReceived += chunk.size();
    const Step &step = m_steps.first();
    const int status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                               : 0;
    if (step.kind == Kind::Json || status >= 300 || m_singlePart) {
        m_body.append(chunk);
    } else {
        if (!m_parser) {
            const QByteArray contentType = m_reply->header(QNetworkRequest::ContentTypeHeader)
                                               .toByteArray();
            if (!startParser(contentType)) {
                stepFailed(ErrorKind::BadResponse,
                           tr("The image server sent \"%1\" instead of DICOM data.")
                               .arg(QString::fromLatin1(contentType)),
                           false);
                return;
            }
            if (m_singlePart) {
                m_body.append(chunk);
                return;
            }
        }
        if (!m_parser->feed(chunk) && !m_finished) {
            stepFailed(ErrorKind::BadResponse,
                       tr("The image server's response could not be read: %1")
                           .arg(m_parser->error()),
                       false);
            return;
        }
    }
    if (m_finished)
        return; // a slot cancelled us while parts were handed out
    const qint64 total = m_reply ? m_reply->header(QNetworkRequest::ContentLengthHeader)
                                       .toLongLong()
                                 : 0;
    emit progress(m_bytesReceived, total > 0 ? m_bytesAtStepStart + total : -1, m_partsReceived);
}

void DicomWebReply::handlePart(MultipartPart &&part)
{
    if (m_finished)
        return;
    DicomWebPart out;
    out.contentType = part.header("content-type");
    out.body = std::move(part.body);
    if (m_steps.first().kind == Kind::Frames) {
        out.frameNumber = m_framesLeft.isEmpty() ? 0 : m_framesLeft.takeFirst();
    } else {
        out.sopInstanceUid = DicomFile::sopInstanceUidOf(out.body);
        if (!out.sopInstanceUid.isEmpty()) {
            // A retried request may resend what we already have: hand each instance out once.
            if (m_received.contains(out.sopInstanceUid))
                return;
            m_received.insert(out.sopInstanceUid);
        }
    }
    ++m_partsReceived;
    emit partReceived(out);
}

void DicomWebReply::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    consume(reply->readAll());
    if (m_finished)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status)
        m_httpStatus = status;
    const QNetworkReply::NetworkError error = reply->error();
    if (status >= 400) {
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        // Gateways and overloaded servers recover; other statuses are answers.
        const bool retryable = status == 502 || status == 503 || status == 504;
        stepFailed(ErrorKind::Http,
                   tr("The image server answered %1 %2.").arg(status).arg(reason).trimmed(),
                   retryable);
        return;
    }
    if (error != QNetworkReply::NoError) {
        if (error == QNetworkReply::SslHandshakeFailedError) {
            stepFailed(ErrorKind::Tls,
                       tr("The secure connection to the image server failed: %1")
                           .arg(reply->errorString()),
                       false);
            return;
        }
        stepFailed(ErrorKind::Network,
                   tr("The connection to the image server failed: %1").arg(reply->errorString()),
                   true);
        return;
    }
    const Step &step = m_steps.first();
    if (step.kind == Kind::Json) {
        QJsonParseError parseError{};
        const QByteArray body = m_body.trimmed();
        // 204 No Content: a search without matches.
        const QJsonDocument doc = body.isEmpty() ? QJsonDocument(QJsonArray())
                                                 : QJsonDocument::fromJson(body, &parseError);
        if (!doc.isArray()) {
            stepFailed(ErrorKind::BadResponse,
                       tr("The image server's answer is not DICOM JSON: %1")
                           .arg(parseError.errorString()),
                       false);
            return;
        }
        if (step.listsMissingInstances) {
            m_body = body; // read by stepSucceeded()
        } else {
            for (const QJsonValue &v : doc.array())
                m_json.append(v);
        }
    } else if (m_singlePart) {
        handlePart(MultipartPart{{{"content-type",
                                   reply->header(QNetworkRequest::ContentTypeHeader)
                                       .toByteArray()}},
                                 std::move(m_body)});
        if (m_finished)
            return;
    } else if (!m_parser || !m_parser->isComplete()) {
        // No close delimiter: the connection ended early even though no error was reported.
        stepFailed(ErrorKind::Network, tr("The image server's response ended early."), true);
        return;
    }
    stepSucceeded();
}

void DicomWebReply::stepSucceeded()
{
    m_failuresWithoutProgress = 0;
    const Step done = m_steps.takeFirst();
    if (done.listsMissingInstances) {
        const auto listed = DicomWebJson::instances(QJsonDocument::fromJson(m_body).array());
        for (const InstanceSummary &instance : listed) {
            if (instance.sopInstanceUid.isEmpty() || m_received.contains(instance.sopInstanceUid))
                continue;
            const QString study = instance.studyInstanceUid.isEmpty() ? m_studyUid
                                                                      : instance.studyInstanceUid;
            Step step;
            step.kind = Kind::Instances;
            step.sopInstanceUid = instance.sopInstanceUid;
            step.url = dicomWebUrl(m_settings->baseUrl,
                                   {QStringLiteral("studies"), study, QStringLiteral("series"),
                                    instance.seriesInstanceUid, QStringLiteral("instances"),
                                    instance.sopInstanceUid});
            m_steps.append(step);
        }
        m_body.clear();
    }
    if (m_steps.isEmpty()) {
        finish();
        return;
    }
    issue();
}

void DicomWebReply::stepFailed(ErrorKind kind, const QString &message, bool retryable)
{
    if (m_finished)
        return;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_partsReceived > m_partsAtStepStart)
        m_failuresWithoutProgress = 0; // it got somewhere: the budget starts again
    if (!retryable || m_failuresWithoutProgress >= m_settings->maxRetries) {
        finish(kind, message);
        return;
    }
    ++m_failuresWithoutProgress;
    planRetry();
    if (m_steps.isEmpty()) {
        finish();
        return;
    }
    const int shift = qMin(m_failuresWithoutProgress - 1, 16);
    const int delay = int(qMin<qint64>(qint64(m_settings->initialBackoffMs) << shift,
                                       m_settings->maxBackoffMs));
    emit retrying(m_requestCount, delay, message);
    if (!m_finished)
        m_retryTimer.start(delay);
}

void DicomWebReply::planRetry()
{
    Step &step = m_steps.first();
    switch (step.kind) {
    case Kind::Frames:
        // Frames come in the order asked for: ask again for the ones that did not arrive.
        if (m_framesLeft.isEmpty())
            m_steps.removeFirst();
        else
            step.url = framesUrl();
        break;
    case Kind::Instances:
        if (!step.sopInstanceUid.isEmpty() && m_received.contains(step.sopInstanceUid)) {
            m_steps.removeFirst();
        } else if (step.sopInstanceUid.isEmpty() && !m_received.isEmpty()
                   && m_instanceListUrl.isValid()) {
            // Part of a study/series arrived: list it and fetch only what is missing.
            step = Step{m_instanceListUrl, Kind::Json, true, {}};
        }
        break;
    case Kind::Json:
        break;
    }
}

void DicomWebReply::finish(ErrorKind kind, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_errorKind = kind;
    m_errorString = message;
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    emit finished();
}

void DicomWebReply::cancel()
{
    finish(ErrorKind::Cancelled, tr("Cancelled."));
}

} // namespace Dicom
