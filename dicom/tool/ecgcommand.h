#pragma once

#include <QStringList>

/// `renkei-dicom ecg FILE [--csv] [--group N]`: the calibrated waveform samples of every lead,
/// as UTF-8 JSON (all groups) or as CSV (one group, a column per lead). Returns the exit code.
int runEcg(const QStringList &args);
