#pragma once

#include "dicomfile.h"

#include <QString>
#include <QVector3D>

#include <optional>

namespace Dicom {

/// The attributes a viewer needs to place, sort and annotate one image object, read once
/// from the dataset (all text already Unicode).
struct ImageAttributes
{
    QString patientName; ///< all PN groups, e.g. "Yamada^Tarou=山田^太郎=やまだ^たろう"
    QString patientId;
    QString studyDate;   ///< DA as stored (YYYYMMDD)
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString studyDescription;
    QString seriesDescription;
    QString modality;
    QString seriesNumber;
    QString institutionName; ///< (0008,0080): where the images were made
    std::optional<int> instanceNumber;
    std::optional<QVector3D> imagePosition;  ///< (0020,0032), mm
    std::optional<QVector3D> rowDirection;   ///< first three of (0020,0037)
    std::optional<QVector3D> columnDirection;///< last three of (0020,0037)
    /// (0028,0030): distance between rows (dy) and between columns (dx), mm.
    std::optional<double> rowSpacing;
    std::optional<double> columnSpacing;
    std::optional<double> sliceThickness;
    /// Lossy Image Compression (0028,2110) = 01 or a lossy transfer syntax.
    bool lossy = false;

    /// The slice normal (row × column), when the orientation is known.
    std::optional<QVector3D> normal() const;
    /// Position along the normal, for sorting a stack; absent without position/orientation.
    std::optional<double> slicePosition() const;
    /// The preferred display name: the ideographic group of a Japanese PN when present,
    /// else the alphabetic one, with '^' shown as a space.
    QString displayName() const;
};

/// Reads the attributes of @p file. Missing or malformed values stay empty, never fail.
ImageAttributes readImageAttributes(const DicomFile &file);

/// True for transfer syntaxes whose encoding discards information (JPEG baseline/extended,
/// JPEG-LS near-lossless, JPEG 2000 irreversible, MPEG/HEVC).
bool isLossyTransferSyntax(const QString &uid);

} // namespace Dicom
