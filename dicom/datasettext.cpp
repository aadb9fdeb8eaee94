#include "datasettext_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>

namespace Dicom {

QByteArray characterSetOf(DcmItem *item, const QByteArray &inherited)
{
    if (!item)
        return inherited;
    OFString value;
    // searchIntoSub = false: only this item's own attribute counts, not a nested item's.
    if (item->findAndGetOFStringArray(DCM_SpecificCharacterSet, value, false).good())
        return QByteArray(value.c_str(), qsizetype(value.size()));
    return inherited;
}

TextKind textKindForVr(DcmEVR vr)
{
    switch (vr) {
    case EVR_PN:
        return TextKind::PersonName;
    case EVR_ST:
    case EVR_LT:
    case EVR_UT:
        return TextKind::LongText;
    default:
        return TextKind::ShortText;
    }
}

QString itemText(DcmItem *item, const DcmTagKey &key, const QByteArray &characterSet)
{
    DcmElement *element = nullptr;
    if (!item || item->findAndGetElement(key, element, false).bad() || !element)
        return {};
    OFString value;
    if (element->getOFStringArray(value).bad())
        return {};
    return decodeText(QByteArray(value.c_str(), qsizetype(value.size())), characterSet,
                      textKindForVr(element->ident()));
}

} // namespace Dicom
