#include "studyfetch.h"

#include "dicomwebclient.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Dicom {

namespace {

/// Parses one retrieved file, as SeriesLoader::readImage() does for a file on disk.
/// @p name stands in for the path (the instance's URL): nothing is written anywhere.
SeriesImage parsePart(const QByteArray &bytes, const QString &name)
{
    SeriesImage image;
    image.path = name;
    auto file = DicomFile::fromBytes(bytes);
    if (!file) {
        image.error = file.error();
        return image;
    }
    image.attributes = readImageAttributes(*file);
    if (const auto info = file->imageInfo(); info && info->numberOfFrames > 1)
        image.frameCount = info->numberOfFrames;
    image.file = *file;
    return image;
}

} // namespace

StudyFetch::StudyFetch(DicomWebClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

StudyFetch::~StudyFetch()
{
    cancel();
}

void StudyFetch::start(const QString &studyInstanceUid)
{
    cancel();
    m_studyUid = studyInstanceUid;
    m_images.clear();
    m_seriesOrder.clear();
    m_expected = -1;
    m_instancesRequested = 0;
    m_previewSent = false;
    m_error.clear();
    m_failure = Failure::None;
    m_stopped = false;
    if (!m_client) {
        m_error = tr("No image server is configured.");
        m_failure = Failure::NotConfigured;
        Q_EMIT failed(m_error);
        return;
    }
    m_running = true;
    m_listing = true;
    DicomWebReply *reply = m_client->searchSeries(m_studyUid);
    connect(reply, &DicomWebReply::finished, this, [this, reply] { onSeriesListed(reply); });
    m_active.append(reply);
}

void StudyFetch::retry()
{
    if (m_running || m_studyUid.isEmpty() || !m_client)
        return;
    m_error.clear();
    m_failure = Failure::None;
    m_stopped = false;
    m_running = true;
    m_listing = true;
    m_instancesRequested = 0;
    // The study's instances as the server lists them now: what is missing is asked for one
    // by one, so nothing that arrived is fetched twice.
    DicomWebReply *reply = m_client->searchInstances(m_studyUid);
    connect(reply, &DicomWebReply::finished, this, [this, reply] { onInstancesListed(reply); });
    m_active.append(reply);
}

void StudyFetch::cancel()
{
    ++m_generation;
    m_parsing.clear();
    const QList<DicomWebReply *> active = std::exchange(m_active, {});
    for (DicomWebReply *reply : active)
        dropReply(reply);
    m_queue.clear();
    m_listing = false;
    m_running = false;
}

void StudyFetch::dropReply(DicomWebReply *reply)
{
    disconnect(reply, nullptr, this, nullptr);
    reply->cancel();
    reply->deleteLater();
}

QList<Series> StudyFetch::received() const
{
    QList<SeriesImage> images = m_images.values();
    // The server's series order (QIDO), then a stable order within a series before
    // SeriesLoader sorts it by position.
    std::stable_sort(images.begin(), images.end(), [this](const SeriesImage &l, const SeriesImage &r) {
        const int lo = m_seriesOrder.value(l.attributes.seriesInstanceUid, INT_MAX);
        const int ro = m_seriesOrder.value(r.attributes.seriesInstanceUid, INT_MAX);
        if (lo != ro)
            return lo < ro;
        return l.path < r.path;
    });
    return SeriesLoader::group(images);
}

void StudyFetch::onSeriesListed(DicomWebReply *reply)
{
    m_active.removeOne(reply);
    reply->deleteLater();
    m_listing = false;
    if (!reply->ok()) {
        noteFailure(reply);
        finishIfDone();
        return;
    }
    const QList<SeriesSummary> series = DicomWebJson::series(reply->json());
    int expected = 0;
    for (const SeriesSummary &s : series) {
        if (s.seriesInstanceUid.isEmpty())
            continue;
        m_seriesOrder.insert(s.seriesInstanceUid, int(m_seriesOrder.size()));
        m_queue.append({s.seriesInstanceUid, {}});
        expected = (expected < 0 || s.numberOfInstances < 0) ? -1 : expected + s.numberOfInstances;
    }
    m_expected = expected;
    emitProgress();
    pump();
    finishIfDone();
}

void StudyFetch::onInstancesListed(DicomWebReply *reply)
{
    m_active.removeOne(reply);
    reply->deleteLater();
    m_listing = false;
    if (!reply->ok()) {
        noteFailure(reply);
        finishIfDone();
        return;
    }
    const QList<InstanceSummary> instances = DicomWebJson::instances(reply->json());
    m_expected = int(instances.size());
    for (const InstanceSummary &instance : instances) {
        if (!m_seriesOrder.contains(instance.seriesInstanceUid))
            m_seriesOrder.insert(instance.seriesInstanceUid, int(m_seriesOrder.size()));
        if (!m_images.contains(instance.sopInstanceUid) && !m_parsing.contains(instance.sopInstanceUid))
            m_queue.append({instance.seriesInstanceUid, instance.sopInstanceUid});
    }
    // Whatever arrived and is no longer listed (deleted meanwhile) still counts as done.
    m_expected = qMax(m_expected, int(m_images.size()));
    emitProgress();
    pump();
    finishIfDone();
}

void StudyFetch::pump()
{
    while (!m_stopped && !m_queue.isEmpty() && m_client) {
        const bool single = !m_queue.first().sopInstanceUid.isEmpty();
        if (m_active.size() >= (single ? kParallelInstances : kParallelSeries))
            return;
        const Request request = m_queue.takeFirst();
        DicomWebReply *reply = single
            ? m_client->retrieveInstance(m_studyUid, request.seriesUid, request.sopInstanceUid)
            : m_client->retrieveInstances(m_studyUid, request.seriesUid);
        m_instancesRequested += single ? 1 : 0;
        m_active.append(reply);
        const QString seriesUid = request.seriesUid;
        connect(reply, &DicomWebReply::partReceived, this,
                [this, seriesUid](const DicomWebPart &part) { onPart(part, seriesUid); });
        connect(reply, &DicomWebReply::finished, this, [this, reply] { onReplyFinished(reply); });
    }
}

void StudyFetch::onPart(const DicomWebPart &part, const QString &seriesUid)
{
    QString sop = part.sopInstanceUid;
    if (sop.isEmpty())
        sop = DicomFile::sopInstanceUidOf(part.body);
    if (sop.isEmpty()) // not even a header: still shown, as a failure, under a made-up name
        sop = QStringLiteral("unnamed-%1-%2").arg(seriesUid).arg(m_images.size() + m_parsing.size());
    if (m_images.contains(sop) || m_parsing.contains(sop))
        return; // a retried request repeated it
    m_parsing.insert(sop);
    const QString name = m_client
        ? m_client->url({QStringLiteral("studies"), m_studyUid, QStringLiteral("series"), seriesUid,
                         QStringLiteral("instances"), sop}).toString()
        : sop;
    const int generation = m_generation;
    QtConcurrent::run(parsePart, part.body, name).then(this, [this, generation, sop](const SeriesImage &image) {
        if (generation == m_generation)
            onParsed(image, sop);
    });
    emitProgress();
}

void StudyFetch::onParsed(const SeriesImage &image, const QString &sopInstanceUid)
{
    m_parsing.remove(sopInstanceUid);
    m_images.insert(sopInstanceUid, image);
    if (!m_previewSent && image.file) {
        m_previewSent = true;
        const QList<Series> preview = SeriesLoader::group({image});
        Q_EMIT firstImageRead(preview.first());
    }
    emitProgress();
    finishIfDone();
}

void StudyFetch::onReplyFinished(DicomWebReply *reply)
{
    m_active.removeOne(reply);
    reply->deleteLater();
    if (!reply->ok() && reply->errorKind() != DicomWebReply::ErrorKind::Cancelled)
        noteFailure(reply);
    pump();
    finishIfDone();
}

void StudyFetch::noteFailure(DicomWebReply *reply)
{
    // The first failure says what went wrong; no new requests start (a lost connection would
    // only fail them one by one after their own retries), the running ones end on their own.
    // A refused token outranks whatever else failed: nothing but a new login helps then.
    const Failure kind = failureOf(*reply);
    if (m_error.isEmpty() || (kind == Failure::Unauthorized && m_failure != Failure::Unauthorized)) {
        m_failure = kind;
        m_error = kind == Failure::Unauthorized
            ? tr("The hub no longer accepts this session; log in again to load the rest.")
            : reply->errorString().isEmpty() ? tr("The images could not be loaded.") : reply->errorString();
    }
    m_stopped = true;
}

StudyFetch::Failure StudyFetch::failureOf(const DicomWebReply &reply)
{
    switch (reply.errorKind()) {
    case DicomWebReply::ErrorKind::None:      // not a failure, and a cancelled reply is not
    case DicomWebReply::ErrorKind::Cancelled: // noted: neither reaches here
    case DicomWebReply::ErrorKind::Network: return Failure::Network;
    case DicomWebReply::ErrorKind::Tls: return Failure::Tls;
    case DicomWebReply::ErrorKind::BadResponse: return Failure::BadResponse;
    case DicomWebReply::ErrorKind::Http: break;
    }
    return reply.httpStatus() == 401 ? Failure::Unauthorized : Failure::Server;
}

void StudyFetch::finishIfDone()
{
    if (!m_running || m_listing || !m_active.isEmpty() || !m_parsing.isEmpty())
        return;
    if (m_stopped || !m_error.isEmpty()) {
        m_running = false;
        m_queue.clear(); // retry() lists what is missing afresh
        Q_EMIT failed(m_error);
        return;
    }
    if (!m_queue.isEmpty())
        return;
    m_running = false;
    if (m_expected < int(m_images.size()))
        m_expected = int(m_images.size());
    Q_EMIT finished(received());
}

void StudyFetch::emitProgress()
{
    const int done = int(m_images.size());
    const int known = done + int(m_parsing.size());
    Q_EMIT progress(done, qMax(m_expected, known));
}

} // namespace Dicom
