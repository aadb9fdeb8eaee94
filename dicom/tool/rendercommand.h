#pragma once

#include <QStringList>

/// `renkei-dicom render ...`: one frame to a PNG, or every frame of every input to a folder
/// (in parallel on the global thread pool). Returns the exit code.
int runRender(const QStringList &args);
