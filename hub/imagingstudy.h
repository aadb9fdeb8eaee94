#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class Store;

/// One series as the ImagingStudy lists it: its QIDO series attributes and the instance
/// attributes known (all of them for stored studies; none when only counts are known).
struct ImagingSeries
{
    QJsonObject attributes;
    QList<QJsonObject> instances;
};

/// What to write for one study.
struct ImagingStudyInput
{
    QString facility;
    QString patient;          ///< network patient ID found from the DICOM Patient ID
    QString studyUid;
    QJsonObject study;        ///< QIDO study attributes
    QList<ImagingSeries> series;
};

struct ImagingStudyWritten
{
    QString id;
    QString patient;          ///< the patient the resource is stored under
    bool linkedToOrder = false; ///< an SS-MIX2 ImagingStudy of this Study Instance UID was updated
    QStringList notes;
};

/// Writes the ImagingStudy FHIR resource of a study (kind `images`). When the facility's
/// SS-MIX2 import already made one for the same Study Instance UID (OMG-11/12, identifier
/// `urn:dicom:uid`), that resource is updated in place — its order data (procedure code,
/// accession, started) kept, series, counts and endpoint added — instead of a second one.
/// Otherwise a resource of its own is stored (source `dicom-study:<uid>`). Callers hold the
/// transaction.
Result<ImagingStudyWritten> writeImagingStudy(Store &store, const ImagingStudyInput &input);

/// FHIR `started` from DICOM StudyDate/StudyTime (local time; the zone from (0008,0201), else
/// Japan's +09:00 as for SS-MIX2); empty without a valid date.
QString imagingStarted(const QJsonObject &study);
