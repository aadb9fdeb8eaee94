#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class Store;

/// One instance in the hub's own image store.
struct DicomInstanceRow
{
    QString facility;
    QString sopUid;
    QString studyUid;
    QString seriesUid;
    QString sha256;
    qint64 size = 0;
    QString file;           ///< relative to the data folder
    QString transferSyntax;
    QJsonObject metadata;   ///< DICOM JSON (dicomJsonOf)
};

/// What a WADO-RS retrieve needs of one instance: where its bytes are, not its metadata.
struct DicomFileRow
{
    QString seriesUid;
    QString sopUid;
    QString file; ///< relative to the data folder
    qint64 size = 0;
};

/// A study the hub answers for: stored here ("stored") or on the facility's own DICOMweb
/// server ("remote"), with the network patient it belongs to.
struct DicomStudyRow
{
    QString facility;
    QString studyUid;
    QString patient;
    QString origin;       ///< stored, remote
    QString resource;     ///< the ImagingStudy's id
    QJsonObject attributes; ///< study-level QIDO attributes (DICOM JSON)
};

/// The image tables (dicomschema.cpp). The *visible* queries join the consent of the viewing
/// facility and the disclosure of kind `images` in SQL, exactly like VisibleRecords does for
/// FHIR records, so nothing withheld is ever read into a response.
class DicomRepository
{
public:
    explicit DicomRepository(Store &store) : m_store(store) {}

    Result<std::optional<QString>> instanceHash(const QString &facility, const QString &sopUid) const;
    Status putInstance(const DicomInstanceRow &row);
    Result<QList<DicomInstanceRow>> instancesOf(const QString &facility, const QString &studyUid) const;
    /// The files of a study, or of one series or instance of it (empty UID: any), in series
    /// then Instance Number order, without parsing any instance's metadata.
    Result<QList<DicomFileRow>> filesOf(const QString &facility, const QString &studyUid, const QString &seriesUid,
                                        const QString &sopUid) const;
    Status putStudy(const DicomStudyRow &row);

    Result<QList<DicomStudyRow>> visibleStudies(const QString &viewer) const;
    Result<std::optional<DicomStudyRow>> visibleStudy(const QString &viewer, const QString &studyUid) const;

    Result<std::optional<QString>> endpoint(const QString &facility) const;
    Status setEndpoint(const QString &facility, const QString &url);
    Status clearEndpoint(const QString &facility);

private:
    Store &m_store;
};
