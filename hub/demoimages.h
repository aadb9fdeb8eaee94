#pragma once

#include "result.h"

#include <QString>

class Store;

/// Synthetic but plausible images for the demo network, written as DICOM Part 10 files with
/// DCMTK and imported by the real `import-dicom` path (DicomImporter), so the demo's image
/// marks open real studies over DICOMweb.
///
/// Who gets what (the first patients with an admission in their generated history, p00001
/// 山田 太郎 first): on the admission day at the admitting hospital, for p00001 a chest CT (24 axial slices,
/// 256×256, 16-bit, 5 mm, a body phantom in Hounsfield units: air −1000, fat −100, soft tissue 40,
/// lungs −850, bone 700, with a consolidation in the right lower lobe for the pneumonia) and a
/// two-view chest radiograph (CR, PA and lateral) for each of them. Patient ID is the patient's local ID at that
/// hospital; names are `ISO 2022 IR 87` (romaji = kanji = katakana); UIDs are derived from
/// the patient and study so every demo network has the same ones.
namespace DemoImages {

constexpr int kCtSlices = 24;
constexpr int kCtSize = 256;
constexpr int kCrImages = 2;
/// Patients given images (CT + CR for the first, CR only for the others).
constexpr int kImagedPatients = 3;

struct Summary
{
    int patients = 0;
    int files = 0;   ///< DICOM files written and imported
    int studies = 0; ///< ImagingStudy resources the import wrote
};

/// Writes the images to ROOT/<facility>/<patient>/… (\a root is emptied first) and imports
/// them into \a store with DicomImporter, whose file store lives in \a dataDir. Needs the
/// histories already imported (it reads their admission encounters).
Result<Summary> addImages(Store &store, const QString &dataDir, const QString &root);

/// A Study/Series/SOP Instance UID under the 2.25 root (PS3.5 B.2): the decimal value of a
/// 128-bit hash of \a seed, so the same seed always gives the same UID.
QString uidFor(const QString &seed);

/// Katakana reading → upper-case Hepburn romaji ("ヤマダ" → "YAMADA"), for the alphabetic
/// group of a Japanese person name; characters without a reading are dropped.
QString romaji(const QString &katakana);

} // namespace DemoImages
