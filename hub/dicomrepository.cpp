#include "dicomrepository.h"

#include "store.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {

const QString kInstanceColumns = QStringLiteral(
    "facility, sop_uid, study_uid, series_uid, sha256, size, file, transfer_syntax, metadata");
const QString kStudyColumns = QStringLiteral("s.facility, s.study_uid, s.patient, s.origin, s.resource, s.attributes");

// The consent and disclosure rules of docs/PROTOCOL.md; the first bound value is the viewer.
const QString kVisibleStudies = QStringLiteral(
    " FROM dicom_studies s"
    " JOIN consents c ON c.patient = s.patient AND c.facility = ? AND c.status = 'active'"
    " JOIN disclosed_kinds d ON d.facility = s.facility AND d.kind = 'images'");

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString textOf(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

DicomStudyRow studyFrom(const QSqlQuery &q)
{
    return DicomStudyRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toString(), objectOf(q.value(5))};
}

} // namespace

Result<std::optional<QString>> DicomRepository::instanceHash(const QString &facility, const QString &sopUid) const
{
    auto q = m_store.exec(QStringLiteral("SELECT sha256 FROM dicom_instances WHERE facility = ? AND sop_uid = ?"),
                          {facility, sopUid});
    if (!q)
        return Failure{q.error()};
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Status DicomRepository::putInstance(const DicomInstanceRow &r)
{
    const auto q = m_store.exec(
        QStringLiteral("INSERT INTO dicom_instances (") + kInstanceColumns + QStringLiteral(", imported) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (facility, sop_uid) DO UPDATE SET "
        "study_uid = excluded.study_uid, series_uid = excluded.series_uid, sha256 = excluded.sha256, "
        "size = excluded.size, file = excluded.file, transfer_syntax = excluded.transfer_syntax, "
        "metadata = excluded.metadata, imported = excluded.imported"),
        {r.facility, r.sopUid, r.studyUid, r.seriesUid, r.sha256, r.size, r.file, r.transferSyntax,
         textOf(r.metadata), Store::timeText(QDateTime::currentDateTimeUtc())});
    if (!q)
        return Failure{q.error()};
    return success();
}

Result<QList<DicomInstanceRow>> DicomRepository::instancesOf(const QString &facility, const QString &studyUid) const
{
    auto q = m_store.exec(QStringLiteral("SELECT ") + kInstanceColumns
                              + QStringLiteral(" FROM dicom_instances WHERE facility = ? AND study_uid = ? ORDER BY series_uid, sop_uid"),
                          {facility, studyUid});
    if (!q)
        return Failure{q.error()};
    QList<DicomInstanceRow> rows;
    while (q->next())
        rows << DicomInstanceRow{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                 q->value(3).toString(), q->value(4).toString(), q->value(5).toLongLong(),
                                 q->value(6).toString(), q->value(7).toString(), objectOf(q->value(8))};
    return rows;
}

Result<QList<DicomFileRow>> DicomRepository::filesOf(const QString &facility, const QString &studyUid,
                                                    const QString &seriesUid, const QString &sopUid) const
{
    // A retrieve only needs the file names. Loading every row with its metadata JSON (~2 KB,
    // parsed into a QJsonObject) just to sort by Instance Number delayed the first byte of a
    // 300-instance series; SQLite reads the number in place. The order is the one the
    // metadata and QIDO answers use: series, Instance Number (0 when absent), SOP Instance UID.
    QString sql = QStringLiteral("SELECT series_uid, sop_uid, file, size FROM dicom_instances WHERE facility = ? AND study_uid = ?");
    QVariantList values{facility, studyUid};
    if (!seriesUid.isEmpty()) {
        sql += QStringLiteral(" AND series_uid = ?");
        values << seriesUid;
    }
    if (!sopUid.isEmpty()) {
        sql += QStringLiteral(" AND sop_uid = ?");
        values << sopUid;
    }
    sql += QStringLiteral(" ORDER BY series_uid, COALESCE(CAST(json_extract(metadata, '$.\"00200013\".Value[0]') AS INTEGER), 0), sop_uid");
    auto q = m_store.exec(sql, values);
    if (!q)
        return Failure{q.error()};
    QList<DicomFileRow> rows;
    while (q->next())
        rows << DicomFileRow{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toLongLong()};
    return rows;
}

Status DicomRepository::putStudy(const DicomStudyRow &r)
{
    const auto q = m_store.exec(
        QStringLiteral("INSERT INTO dicom_studies (facility, study_uid, patient, origin, resource, attributes, updated) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (facility, study_uid) DO UPDATE SET "
                       "patient = excluded.patient, origin = excluded.origin, resource = excluded.resource, "
                       "attributes = excluded.attributes, updated = excluded.updated"),
        {r.facility, r.studyUid, r.patient, r.origin, r.resource, textOf(r.attributes),
         Store::timeText(QDateTime::currentDateTimeUtc())});
    if (!q)
        return Failure{q.error()};
    return success();
}

Result<QList<DicomStudyRow>> DicomRepository::visibleStudies(const QString &viewer) const
{
    auto q = m_store.exec(QStringLiteral("SELECT ") + kStudyColumns + kVisibleStudies
                              + QStringLiteral(" ORDER BY s.study_uid, s.facility"),
                          {viewer});
    if (!q)
        return Failure{q.error()};
    QList<DicomStudyRow> rows;
    while (q->next())
        rows << studyFrom(*q);
    return rows;
}

Result<std::optional<DicomStudyRow>> DicomRepository::visibleStudy(const QString &viewer, const QString &studyUid) const
{
    auto q = m_store.exec(QStringLiteral("SELECT ") + kStudyColumns + kVisibleStudies
                              + QStringLiteral(" WHERE s.study_uid = ? ORDER BY s.facility LIMIT 1"),
                          {viewer, studyUid});
    if (!q)
        return Failure{q.error()};
    if (!q->next())
        return std::optional<DicomStudyRow>();
    return std::optional<DicomStudyRow>(studyFrom(*q));
}

Result<std::optional<QString>> DicomRepository::endpoint(const QString &facility) const
{
    auto q = m_store.exec(QStringLiteral("SELECT url FROM dicomweb_endpoints WHERE facility = ?"), {facility});
    if (!q)
        return Failure{q.error()};
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Status DicomRepository::setEndpoint(const QString &facility, const QString &url)
{
    const auto q = m_store.exec(QStringLiteral("INSERT INTO dicomweb_endpoints (facility, url) VALUES (?, ?) "
                                               "ON CONFLICT (facility) DO UPDATE SET url = excluded.url"),
                                {facility, url});
    if (!q)
        return Failure{q.error()};
    return success();
}

Status DicomRepository::clearEndpoint(const QString &facility)
{
    const auto q = m_store.exec(QStringLiteral("DELETE FROM dicomweb_endpoints WHERE facility = ?"), {facility});
    if (!q)
        return Failure{q.error()};
    return success();
}
