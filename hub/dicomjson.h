#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>

/// A DICOM dataset as the DICOM JSON model of PS3.18 F.2 (the body of QIDO-RS and WADO-RS
/// metadata), text converted to UTF-8 with RenkeiDicom's character set decoder (which knows
/// the Japanese ISO 2022 sets Debian's DCMTK cannot convert). Bulk data (pixel data, large
/// OB/OW values) is left out: its attribute keeps its "vr" without a "Value"; small binary
/// values (up to 4 KiB) are given as "InlineBinary".
///
/// RenkeiDicom has no generic dataset walk, so this reads the bytes with DCMTK itself.
Result<QJsonObject> dicomJsonOf(const QByteArray &fileBytes);

/// Helpers over DICOM JSON objects (tag keys "GGGGEEEE", upper-case hex).
namespace DicomJson {
QString string(const QJsonObject &dataset, const char *tag);
/// A person name's Alphabetic, Ideographic and Phonetic groups joined by '='.
QString personName(const QJsonObject &dataset, const char *tag);
QJsonObject attribute(const QString &vr, const QJsonArray &values);
QJsonObject stringAttribute(const QString &vr, const QString &value);
QJsonObject numberAttribute(const QString &vr, double value);
} // namespace DicomJson
