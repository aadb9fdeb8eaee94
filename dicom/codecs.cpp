#include "codecs.h"

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <mutex>

namespace Dicom {

void ensureCodecsRegistered()
{
    // DCMTK's codec lists are global and not guarded; registering twice or concurrently would
    // corrupt them, so one std::call_once covers every thread.
    static std::once_flag once;
    std::call_once(once, [] {
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

} // namespace Dicom
