#pragma once

#include <QStringList>

/// `renkei-dicom info FILE`: the file's summary as UTF-8 JSON on stdout. Returns the exit code.
int runInfo(const QStringList &args);

/// Prints "renkei-dicom: MESSAGE" as one line on stderr (newlines in MESSAGE flattened).
void printError(const QString &message);
