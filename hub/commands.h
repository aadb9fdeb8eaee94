#pragma once

#include <QStringList>

/// Runs `renkei-hub` with \a arguments (without the program name) and returns the exit code:
/// 0 success, 1 failure (one line on stderr), 2 usage error (with the usage text).
/// `serve` runs the event loop of the existing QCoreApplication until SIGTERM/SIGINT.
int runCommandLine(const QStringList &arguments);
