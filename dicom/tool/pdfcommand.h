#pragma once

#include <QStringList>

/// `renkei-dicom pdf FILE -o OUT.pdf`: writes the encapsulated PDF (or other encapsulated
/// document) of FILE, byte for byte as it was encapsulated. Returns the exit code.
int runPdf(const QStringList &args);
