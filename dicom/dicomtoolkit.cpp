#include "dicomtoolkit.h"

#include <dcmtk/dcmdata/dcuid.h>

namespace Dicom {

QString toolkitVersion()
{
    return QStringLiteral("DCMTK %1").arg(QString::fromLatin1(OFFIS_DCMTK_VERSION_STRING));
}

} // namespace Dicom

#include <dcmtk/oflog/oflog.h>

namespace Dicom {

void silenceToolkitLog()
{
    OFLog::configure(OFLogger::OFF_LOG_LEVEL);
}

} // namespace Dicom
