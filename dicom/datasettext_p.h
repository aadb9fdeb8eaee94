#pragma once

// Private to RenkeiDicom: text of DCMTK elements decoded with the Specific Character Set in
// effect where they sit. Never include from outside dicom/.

#include "characterset.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <QByteArray>
#include <QString>

namespace Dicom {

/// The Specific Character Set in effect inside @p item: its own (0008,0005) when it has one
/// (PS3.3 C.12.1.1.2 lets a sequence item override the dataset's for itself and its nested
/// items), else @p inherited, the set of the enclosing item or dataset.
QByteArray characterSetOf(DcmItem *item, const QByteArray &inherited);

/// How delimiters reset ISO 2022 code extensions for a value of this VR.
TextKind textKindForVr(DcmEVR vr);

/// The whole (possibly multi-valued, backslash-joined) value of @p key directly in @p item,
/// decoded with @p characterSet; the text kind follows the element's VR. Empty if absent.
QString itemText(DcmItem *item, const DcmTagKey &key, const QByteArray &characterSet);

} // namespace Dicom
