#pragma once

namespace Dicom {

/// Registers DCMTK's JPEG, JPEG-LS and RLE decoders exactly once per process. Safe to call
/// from any thread; every entry point that parses or decodes calls it first.
void ensureCodecsRegistered();

} // namespace Dicom
