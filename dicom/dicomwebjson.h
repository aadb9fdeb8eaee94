#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Dicom {

/// A study as a QIDO-RS search returns it (PS3.18 10.6.3.3.1 attributes).
struct StudySummary
{
    QString studyInstanceUid;
    QString patientName; ///< component groups joined with '=' as in DICOM: "Yamada^Tarou=山田^太郎"
    QString patientId;
    QString studyDate;   ///< DA as sent, e.g. "20240115"
    QString studyTime;
    QString accessionNumber;
    QString studyDescription;
    QStringList modalitiesInStudy;
    int numberOfSeries = -1;    ///< -1 when the server did not send it
    int numberOfInstances = -1;
};

struct SeriesSummary
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString modality;
    QString seriesDescription;
    int seriesNumber = -1;
    int numberOfInstances = -1;
};

struct InstanceSummary
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;
    int instanceNumber = -1;
    int rows = -1;
    int columns = -1;
    int numberOfFrames = -1;
};

/// Reading the DICOM JSON Model (PS3.18 F.2): tags are "GGGGEEEE" keys.
namespace DicomWebJson {

/// The first value of @p tag as text; PN values join their Alphabetic, Ideographic and
/// Phonetic groups with '='; numbers become their decimal text. Empty if absent.
QString text(const QJsonObject &dataset, quint32 tag);
/// Every value of @p tag as text.
QStringList texts(const QJsonObject &dataset, quint32 tag);
/// The first value as an integer (IS may come as a number or a string); @p fallback if none.
int integer(const QJsonObject &dataset, quint32 tag, int fallback = -1);

QList<StudySummary> studies(const QJsonArray &response);
QList<SeriesSummary> series(const QJsonArray &response);
QList<InstanceSummary> instances(const QJsonArray &response);

} // namespace DicomWebJson
} // namespace Dicom
