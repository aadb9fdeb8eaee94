#include "dicomwebendpoints.h"

#include "audit.h"
#include "dicomfile.h"
#include "dicomjson.h"
#include "dicomwebstream.h"
#include "httpsupport.h"
#include "patientsearch.h"
#include "qidoattributes.h"
#include "render.h"
#include "store.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QtDebug>

#include <algorithm>
#include <deque>

namespace {

using HttpStatus = Http::Status;
const QByteArray kDicomJson = QByteArrayLiteral("application/dicom+json");
// Read size for stored files: each read becomes one HTTP chunk and one write to the socket.
constexpr qint64 kChunk = 256 * 1024;

bool isUid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
    return text.size() <= 64 && pattern.match(text).hasMatch();
}

QString hubBase(const QHttpServerRequest &request)
{
    QString base = Http::fhirBaseUrl(request);
    if (base.isEmpty())
        return QStringLiteral("/dicomweb");
    base.chop(int(qstrlen("/fhir")));
    return base + QStringLiteral("/dicomweb");
}

QHttpServerResponse dicomJson(const QJsonArray &array)
{
    QHttpServerResponse response(kDicomJson, QJsonDocument(array).toJson(QJsonDocument::Compact), HttpStatus::Ok);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    return response;
}

const QMap<QString, QString> &matchingKeys()
{
    static const QMap<QString, QString> keys{
        {QStringLiteral("PatientID"), QStringLiteral("00100020")}, {QStringLiteral("PatientName"), QStringLiteral("00100010")},
        {QStringLiteral("StudyInstanceUID"), QStringLiteral("0020000D")}, {QStringLiteral("AccessionNumber"), QStringLiteral("00080050")},
        {QStringLiteral("StudyDate"), QStringLiteral("00080020")}, {QStringLiteral("ModalitiesInStudy"), QStringLiteral("00080061")},
        {QStringLiteral("StudyID"), QStringLiteral("00200010")}, {QStringLiteral("SeriesInstanceUID"), QStringLiteral("0020000E")},
        {QStringLiteral("Modality"), QStringLiteral("00080060")}, {QStringLiteral("SeriesNumber"), QStringLiteral("00200011")},
        {QStringLiteral("SOPInstanceUID"), QStringLiteral("00080018")}, {QStringLiteral("SOPClassUID"), QStringLiteral("00080016")},
        {QStringLiteral("InstanceNumber"), QStringLiteral("00200013")}};
    return keys;
}

/// QIDO-RS query parameters (PS3.18 8.3.4): matching keys by keyword or tag, limit, offset;
/// includefield and fuzzymatching are accepted (every required attribute is always returned).
struct QidoQuery
{
    QList<QPair<QString, QString>> filters; ///< tag, value
    int limit = 1000;
    int offset = 0;
    QString error;
};

QidoQuery parseQido(const QHttpServerRequest &request)
{
    QidoQuery q;
    const auto parameters = decodeQueryString(request.url().query(QUrl::FullyEncoded).toLatin1());
    if (!parameters) {
        q.error = QStringLiteral("The query string is not valid UTF-8");
        return q;
    }
    static const QRegularExpression hexTag(QStringLiteral("^[0-9A-Fa-f]{8}$"));
    for (const auto &[name, value] : *parameters) {
        if (name == QLatin1String("includefield") || name == QLatin1String("fuzzymatching"))
            continue;
        if (name == QLatin1String("limit") || name == QLatin1String("offset")) {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!ok || number < 0 || (name == QLatin1String("limit") && number == 0)) {
                q.error = QStringLiteral("'%1' must be a %2 integer").arg(name, name == QLatin1String("limit") ? QStringLiteral("positive") : QStringLiteral("non-negative"));
                return q;
            }
            (name == QLatin1String("limit") ? q.limit : q.offset) = std::min(number, name == QLatin1String("limit") ? 1000 : number);
            continue;
        }
        QString tag = matchingKeys().value(name);
        if (tag.isEmpty() && hexTag.match(name).hasMatch())
            tag = name.toUpper();
        if (tag.isEmpty()) {
            q.error = QStringLiteral("Unknown QIDO-RS parameter '%1'").arg(name);
            return q;
        }
        if (!value.isEmpty())
            q.filters << qMakePair(tag, value);
    }
    return q;
}

QJsonArray select(const QList<QJsonObject> &candidates, const QidoQuery &q)
{
    QJsonArray result;
    int skipped = 0;
    for (const QJsonObject &attributes : candidates) {
        const bool all = std::all_of(q.filters.begin(), q.filters.end(), [&](const auto &filter) {
            return !attributes.contains(filter.first) || Qido::matches(attributes, filter.first, filter.second);
        });
        if (!all)
            continue;
        if (skipped++ < q.offset)
            continue;
        if (result.size() >= q.limit)
            break;
        result.append(attributes);
    }
    return result;
}

QByteArray boundary()
{
    return QByteArrayLiteral("renkei-") + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

/// Streams files (or bytes) as the parts of a multipart/related body, a chunk at a time.
class MultipartPump : public QObject
{
public:
    struct Part
    {
        QString file;     ///< read from here when not empty
        QByteArray bytes; ///< otherwise these
    };

    MultipartPump(DicomWebStream *stream, QByteArray boundary, QByteArray partType, std::deque<Part> parts)
        : m_stream(stream), m_boundary(std::move(boundary)), m_partType(std::move(partType)), m_parts(std::move(parts))
    {
        connect(m_stream, &DicomWebStream::drained, this, &MultipartPump::pump);
        connect(m_stream, &QObject::destroyed, this, [this] { m_stream = nullptr; deleteLater(); });
    }

    void pump()
    {
        while (m_stream && !m_stream->congested()) {
            if (m_file.isOpen()) {
                const qint64 read = m_stream->writeFrom(m_file, kChunk);
                if (read > 0) {
                    if (!m_flushed) {
                        // The client can start on the first part while the rest is read:
                        // hand it to the kernel now rather than after a high-water mark's worth.
                        m_flushed = true;
                        m_stream->flush();
                    }
                    continue;
                }
                if (read < 0) {
                    // A part cut short must not pass for a whole file: end the body unfinished.
                    if (m_file.error() != QFileDevice::NoError)
                        qWarning().noquote() << "renkei-hub: cannot read" << m_file.fileName() << m_file.errorString();
                    if (m_stream)
                        m_stream->abort();
                    m_stream = nullptr;
                    deleteLater();
                    return;
                }
                m_file.close();
                m_stream->write(QByteArrayLiteral("\r\n"));
            }
            if (m_parts.empty()) {
                m_stream->write(QByteArrayLiteral("--") + m_boundary + QByteArrayLiteral("--\r\n"));
                m_stream->finish();
                m_stream = nullptr;
                deleteLater();
                return;
            }
            Part part = std::move(m_parts.front());
            m_parts.pop_front();
            m_stream->write(QByteArrayLiteral("--") + m_boundary + QByteArrayLiteral("\r\nContent-Type: ") + m_partType
                            + QByteArrayLiteral("\r\n\r\n"));
            if (part.file.isEmpty()) {
                m_stream->write(part.bytes + QByteArrayLiteral("\r\n"));
                continue;
            }
            m_file.setFileName(part.file);
            if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
                qWarning().noquote() << "renkei-hub: cannot read" << part.file << m_file.errorString();
                m_stream->abort();
                m_stream = nullptr;
                deleteLater();
                return;
            }
        }
    }

private:
    DicomWebStream *m_stream;
    QByteArray m_boundary;
    QByteArray m_partType;
    std::deque<Part> m_parts;
    QFile m_file;
    bool m_flushed = false;
};

void sendMultipart(QHttpServerResponder &&responder, const QByteArray &partType, std::deque<MultipartPump::Part> parts,
                   QObject *owner)
{
    const QByteArray b = boundary();
    auto *stream = new DicomWebStream(std::move(responder), owner);
    stream->begin(HttpStatus::Ok, {{QByteArrayLiteral("Content-Type"),
                                QByteArrayLiteral("multipart/related; type=\"") + partType.split(';').first()
                                    + QByteArrayLiteral("\"; boundary=") + b}});
    auto *pump = new MultipartPump(stream, b, partType, std::move(parts));
    pump->setParent(owner);
    pump->pump();
}

bool accepts(const QHttpServerRequest &request, std::initializer_list<const char *> types)
{
    const QByteArray accept = Http::header(request, QByteArrayLiteral("Accept"));
    if (accept.isEmpty() || accept.contains("*/*"))
        return true;
    return std::any_of(types.begin(), types.end(), [&](const char *type) { return accept.contains(type); });
}

} // namespace

DicomWebEndpoints::DicomWebEndpoints(Store &store, TokenStore &tokens, AuditLog &audit, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tokens(tokens)
    , m_audit(audit)
    , m_dataDir(QFileInfo(store.path()).absolutePath())
{
}

void DicomWebEndpoints::audit(const TokenStore::Session &session, const QString &action, const QString &patient,
                              const QString &detail, bool ok)
{
    const ::Status written = m_audit.append({session.user, session.facility, action, patient, detail,
                                             ok ? QStringLiteral("success") : QStringLiteral("failure")});
    if (!written)
        qWarning().noquote() << "renkei-hub: audit write failed:" << written.error();
}

void DicomWebEndpoints::handle(const QStringList &segments, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    TokenStore::Session session;
    if (auto refused = Http::admitGet(m_tokens, request, session)) {
        refused->write(std::move(responder));
        return;
    }
    const QString path = QStringLiteral("/dicomweb/") + segments.join(QLatin1Char('/'));
    if (segments.isEmpty() || segments.first() != QLatin1String("studies")) {
        Http::notFound(request).write(std::move(responder));
        return;
    }
    if (segments.size() == 1) {
        searchStudies(request, session).write(std::move(responder));
        return;
    }
    const QString studyUid = segments.at(1);
    auto notFound = [&] {
        audit(session, QStringLiteral("read"), {}, path + QStringLiteral(": not found or not visible"), false);
        Http::outcome(HttpStatus::NotFound, QStringLiteral("not-found"), QStringLiteral("Study %1 not found").arg(studyUid))
            .write(std::move(responder));
    };
    if (!isUid(studyUid))
        return notFound();
    const auto study = DicomRepository(m_store).visibleStudy(session.facility, studyUid);
    if (!study) {
        qWarning().noquote() << "renkei-hub: study lookup failed:" << study.error();
        Http::internalError().write(std::move(responder));
        return;
    }
    if (!study->has_value())
        return notFound();
    const DicomStudyRow &row = **study;

    if (row.origin == QLatin1String("remote")) {
        const auto endpoint = DicomRepository(m_store).endpoint(row.facility);
        if (!endpoint || !endpoint->has_value()) {
            audit(session, QStringLiteral("retrieve"), row.patient, path + QStringLiteral(": the facility has no DICOMweb server configured"), false);
            Http::outcome(HttpStatus::BadGateway, QStringLiteral("transient"),
                          QStringLiteral("The images of this study are held by %1, whose DICOMweb server is not configured").arg(row.facility))
                .write(std::move(responder));
            return;
        }
        QString remote = **endpoint;
        while (remote.endsWith(QLatin1Char('/')))
            remote.chop(1);
        const QString action = segments.last() == QLatin1String("series") || segments.last() == QLatin1String("instances")
            ? QStringLiteral("search")
            : segments.last() == QLatin1String("metadata") ? QStringLiteral("read") : QStringLiteral("retrieve");
        const QString query = request.url().query(QUrl::FullyEncoded);
        const QString detail = path + (query.isEmpty() ? QString() : QLatin1Char('?') + query) + QStringLiteral(" via ") + row.facility;
        const QString patient = row.patient;
        m_proxy.forward(remote, QLatin1Char('/') + segments.join(QLatin1Char('/')), query,
                        Http::header(request, QByteArrayLiteral("Accept")), hubBase(request), std::move(responder),
                        [this, session, action, patient, detail](int status) {
                            audit(session, action, patient, detail + QStringLiteral(" → HTTP %1").arg(status),
                                  status >= 200 && status < 300);
                        });
        return;
    }
    stored(segments, row, request, std::move(responder), session);
}

QHttpServerResponse DicomWebEndpoints::searchStudies(const QHttpServerRequest &request, const TokenStore::Session &session)
{
    const QidoQuery q = parseQido(request);
    const QString described = QStringLiteral("dicomweb studies?") + request.url().query(QUrl::FullyDecoded);
    if (!q.error.isEmpty()) {
        audit(session, QStringLiteral("search"), {}, described + QStringLiteral(" (") + q.error + QLatin1Char(')'), false);
        return Http::outcome(HttpStatus::BadRequest, QStringLiteral("invalid"), q.error);
    }
    const auto studies = DicomRepository(m_store).visibleStudies(session.facility);
    if (!studies) {
        qWarning().noquote() << "renkei-hub: study search failed:" << studies.error();
        return Http::internalError();
    }
    const QString base = hubBase(request);
    QList<QJsonObject> candidates;
    QMap<QString, QString> patientOf;
    for (const DicomStudyRow &row : *studies) {
        candidates << Qido::withRetrieveUrl(row.attributes, base + QStringLiteral("/studies/") + row.studyUid);
        patientOf.insert(row.studyUid, row.patient);
    }
    const QJsonArray found = select(candidates, q);
    QStringList patients;
    for (const QJsonValue &v : found) {
        const QString patient = patientOf.value(DicomJson::string(v.toObject(), "0020000D"));
        if (!patients.contains(patient))
            patients << patient;
    }
    audit(session, QStringLiteral("search"), patients.size() == 1 ? patients.first() : QString(),
          described + QStringLiteral(" → %1 found").arg(found.size()), true);
    return dicomJson(found);
}

void DicomWebEndpoints::retrieve(const QString &path, const DicomStudyRow &study, const QString &seriesUid,
                                 const QString &instanceUid, const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder, const TokenStore::Session &session)
{
    // WADO-RS retrieve of stored instances. The study's visibility (consent, disclosure) was
    // decided once in handle(); here only the file names are read, so the first part can go
    // out as soon as the first file is open.
    auto reply = [&](const QHttpServerResponse &response) { response.write(std::move(responder)); };
    const auto files = DicomRepository(m_store).filesOf(study.facility, study.studyUid, seriesUid, instanceUid);
    if (!files) {
        qWarning().noquote() << "renkei-hub: instance lookup failed:" << files.error();
        return reply(Http::internalError());
    }
    if (files->isEmpty()) {
        audit(session, QStringLiteral("read"), study.patient, path + QStringLiteral(": not found"), false);
        const QString what = instanceUid.isEmpty() ? (seriesUid.isEmpty() ? QStringLiteral("Study") : QStringLiteral("Series"))
                                                   : QStringLiteral("Instance");
        return reply(Http::outcome(HttpStatus::NotFound, QStringLiteral("not-found"), what + QStringLiteral(" not found")));
    }
    if (!accepts(request, {"multipart/related", "application/dicom"}))
        return reply(Http::outcome(HttpStatus::NotAcceptable, QStringLiteral("not-supported"),
                                   QStringLiteral("Instances are sent as multipart/related; type=\"application/dicom\"")));
    std::deque<MultipartPump::Part> parts;
    const QDir dataDir(m_dataDir);
    for (const DicomFileRow &row : *files)
        parts.push_back({dataDir.filePath(row.file), {}});
    audit(session, QStringLiteral("retrieve"), study.patient, path + QStringLiteral(" (%1 instances)").arg(files->size()), true);
    sendMultipart(std::move(responder), QByteArrayLiteral("application/dicom"), std::move(parts), this);
}

void DicomWebEndpoints::stored(const QStringList &segments, const DicomStudyRow &study, const QHttpServerRequest &request,
                               QHttpServerResponder &&responder, const TokenStore::Session &session)
{
    const QString path = QStringLiteral("/dicomweb/") + segments.join(QLatin1Char('/'));
    auto reply = [&](const QHttpServerResponse &response) { response.write(std::move(responder)); };
    auto notFound = [&](const QString &what) {
        audit(session, QStringLiteral("read"), study.patient, path + QStringLiteral(": not found"), false);
        reply(Http::outcome(HttpStatus::NotFound, QStringLiteral("not-found"), what + QStringLiteral(" not found")));
    };
    // studies/{s}[/series/{se}[/instances/{i}]] then an optional resource name.
    const QString seriesUid = segments.size() >= 4 && segments.at(2) == QLatin1String("series") ? segments.at(3) : QString();
    const QString instanceUid = segments.size() >= 6 && segments.at(4) == QLatin1String("instances") ? segments.at(5) : QString();
    const int depth = instanceUid.isEmpty() ? (seriesUid.isEmpty() ? 2 : 4) : 6;
    const QStringList rest = segments.mid(depth);
    if (rest.isEmpty())
        return retrieve(path, study, seriesUid, instanceUid, request, std::move(responder), session);

    const auto instances = DicomRepository(m_store).instancesOf(study.facility, study.studyUid);
    if (!instances) {
        qWarning().noquote() << "renkei-hub: instance lookup failed:" << instances.error();
        return reply(Http::internalError());
    }
    QList<DicomInstanceRow> selected;
    for (const DicomInstanceRow &row : *instances) {
        if ((seriesUid.isEmpty() || row.seriesUid == seriesUid) && (instanceUid.isEmpty() || row.sopUid == instanceUid))
            selected << row;
    }
    std::stable_sort(selected.begin(), selected.end(), [](const DicomInstanceRow &a, const DicomInstanceRow &b) {
        return std::make_pair(a.seriesUid, DicomJson::string(a.metadata, "00200013").toInt())
            < std::make_pair(b.seriesUid, DicomJson::string(b.metadata, "00200013").toInt());
    });
    if (selected.isEmpty())
        return notFound(instanceUid.isEmpty() ? (seriesUid.isEmpty() ? QStringLiteral("Study") : QStringLiteral("Series"))
                                              : QStringLiteral("Instance"));
    const QString base = hubBase(request) + QStringLiteral("/studies/") + study.studyUid;
    const QString what = rest.isEmpty() ? QString() : rest.first();

    // QIDO-RS within the study.
    if ((depth == 2 && (what == QLatin1String("series") || what == QLatin1String("instances")) && rest.size() == 1)
        || (depth == 4 && what == QLatin1String("instances") && rest.size() == 1)) {
        const QidoQuery q = parseQido(request);
        if (!q.error.isEmpty()) {
            audit(session, QStringLiteral("search"), study.patient, path + QStringLiteral(" (") + q.error + QLatin1Char(')'), false);
            return reply(Http::outcome(HttpStatus::BadRequest, QStringLiteral("invalid"), q.error));
        }
        QList<QJsonObject> candidates;
        if (what == QLatin1String("series")) {
            QMap<QString, QList<QJsonObject>> bySeries;
            QStringList order;
            for (const DicomInstanceRow &row : selected) {
                if (!bySeries.contains(row.seriesUid))
                    order << row.seriesUid;
                bySeries[row.seriesUid] << row.metadata;
            }
            for (const QString &uid : order)
                candidates << Qido::withRetrieveUrl(Qido::seriesAttributes(bySeries.value(uid)), base + QStringLiteral("/series/") + uid);
        } else {
            for (const DicomInstanceRow &row : selected)
                candidates << Qido::withRetrieveUrl(Qido::instanceAttributes(row.metadata),
                                                    base + QStringLiteral("/series/") + row.seriesUid + QStringLiteral("/instances/") + row.sopUid);
        }
        const QJsonArray found = select(candidates, q);
        audit(session, QStringLiteral("search"), study.patient, path + QStringLiteral(" → %1 found").arg(found.size()), true);
        return reply(dicomJson(found));
    }

    if (what == QLatin1String("metadata") && rest.size() == 1) {
        QJsonArray array;
        for (const DicomInstanceRow &row : selected)
            array.append(row.metadata);
        audit(session, QStringLiteral("read"), study.patient, path + QStringLiteral(" (%1 instances)").arg(array.size()), true);
        return reply(dicomJson(array));
    }

    if (depth != 6 || (what != QLatin1String("frames") && what != QLatin1String("rendered"))
        || (what == QLatin1String("frames") && rest.size() != 2) || (what == QLatin1String("rendered") && rest.size() != 1)) {
        audit(session, QStringLiteral("read"), study.patient, path + QStringLiteral(": no such resource"), false);
        return reply(Http::notFound(request));
    }

    const DicomInstanceRow &instance = selected.first();
    const auto file = Dicom::DicomFile::open(QDir(m_dataDir).filePath(instance.file));
    if (!file) {
        qWarning().noquote() << "renkei-hub: stored instance unreadable:" << instance.file << file.error();
        audit(session, QStringLiteral("retrieve"), study.patient, path + QStringLiteral(": stored file unreadable"), false);
        return reply(Http::internalError());
    }
    const auto info = file->imageInfo();
    auto unprocessable = [&](const QString &why) {
        audit(session, QStringLiteral("retrieve"), study.patient, path + QStringLiteral(": ") + why, false);
        reply(Http::outcome(HttpStatus::BadRequest, QStringLiteral("invalid"), why));
    };
    if (!info)
        return unprocessable(QStringLiteral("the instance has no image: %1").arg(info.error()));

    if (what == QLatin1String("frames")) {
        QList<int> frames;
        for (const QString &n : rest.at(1).split(QLatin1Char(','))) {
            bool ok = false;
            const int number = n.toInt(&ok);
            if (!ok || number < 1 || number > info->numberOfFrames)
                return unprocessable(QStringLiteral("frame '%1' is not between 1 and %2").arg(n).arg(info->numberOfFrames));
            frames << number;
        }
        if (!accepts(request, {"multipart/related", "application/octet-stream"}))
            return reply(Http::outcome(HttpStatus::NotAcceptable, QStringLiteral("not-supported"),
                                       QStringLiteral("Frames are sent as multipart/related; type=\"application/octet-stream\"")));
        std::deque<MultipartPump::Part> parts;
        for (int number : frames) {
            const auto frame = file->frame(number - 1);
            if (!frame)
                return unprocessable(QStringLiteral("frame %1 cannot be decoded: %2").arg(number).arg(frame.error()));
            parts.push_back({{}, frame->samples});
        }
        audit(session, QStringLiteral("retrieve"), study.patient, path, true);
        sendMultipart(std::move(responder), QByteArrayLiteral("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"),
                      std::move(parts), this);
        return;
    }

    // rendered: the first frame with the file's own window, as PNG (or JPEG when asked).
    const QByteArray accept = Http::header(request, QByteArrayLiteral("Accept"));
    const bool jpeg = accept.contains("image/jpeg") && !accept.contains("image/png");
    if (!accepts(request, {"image/png", "image/jpeg", "image/*"}))
        return reply(Http::outcome(HttpStatus::NotAcceptable, QStringLiteral("not-supported"),
                                   QStringLiteral("Rendered images are image/png or image/jpeg")));
    const auto frame = file->frame(0);
    if (!frame)
        return unprocessable(QStringLiteral("the image cannot be decoded: %1").arg(frame.error()));
    const QImage image = Dicom::render(*frame, *info);
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, jpeg ? "JPEG" : "PNG", jpeg ? 90 : -1))
        return unprocessable(QStringLiteral("the image cannot be rendered"));
    audit(session, QStringLiteral("retrieve"), study.patient, path, true);
    QHttpServerResponse response(jpeg ? QByteArrayLiteral("image/jpeg") : QByteArrayLiteral("image/png"), encoded, HttpStatus::Ok);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    reply(response);
}
