#pragma once

#include <QStringList>

/// `renkei-dicom sr FILE`: the Structured Report's content tree as indented UTF-8 text on
/// stdout. Returns the exit code.
int runSr(const QStringList &args);
