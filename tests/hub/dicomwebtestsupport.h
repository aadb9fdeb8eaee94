#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

class QNetworkAccessManager;
class QNetworkRequest;

/// Shared by the DICOMweb tests against the real renkei-hub (tst_dicomweb, tst_orthancproxy).

/// An HTTP answer with its content type (multipart answers name their boundary there).
struct DicomWebReply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

/// Sends the GET and waits for its whole answer.
DicomWebReply dicomWebGet(QNetworkAccessManager &network, const QNetworkRequest &request);

/// The bodies of a multipart/related answer (RFC 2387), split at the boundary of its type.
QList<QByteArray> multipartBodies(const DicomWebReply &reply);

/// The first Value of \a tag (8 hex digits) in a DICOM JSON dataset (PS3.18 F.2), as text.
QString value(const QJsonObject &dataset, const char *tag);

/// Attributes of a DICOM file as pydicom (python3-pydicom) reads them, the independent
/// reference: PatientID, Study/Series/SOP Instance UIDs, SOPClassUID, Modality, StudyDate, Rows,
/// Columns and pixelSha256 (SHA-256 of PixelData). Empty if python or pydicom failed.
QJsonObject pydicom(const QString &file);
