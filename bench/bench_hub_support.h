#pragma once
// Shared by the hub benchmarks: where the real renkei-hub and the cached data live, running
// the CLI with a wall-clock timer, and latency percentiles.

#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace HubBench {

inline QString hubExecutable() { return QStringLiteral(RENKEI_HUB_EXECUTABLE); }

/// Generated stores and storages are kept here between runs (build/bench-data/ by default).
inline QString defaultDataDir() { return QStringLiteral(RENKEI_BENCH_DATA_DIR); }

struct Run
{
    int exitCode = -1;
    double ms = 0;
    QByteArray output;
};

/// Runs `renkei-hub ARGS` to completion; the time covers process start to exit.
inline Run runHub(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(hubExecutable(), arguments);
    process.waitForFinished(-1);
    Run run;
    run.ms = timer.nsecsElapsed() / 1e6;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

/// Nearest-rank percentile of \a sorted (ascending), p in (0, 100].
inline double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

struct Latency
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

inline Latency summarize(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Latency l;
    if (samples.isEmpty())
        return l;
    l.p50 = percentile(samples, 50);
    l.p95 = percentile(samples, 95);
    l.p99 = percentile(samples, 99);
    l.max = samples.last();
    double sum = 0;
    for (double s : samples)
        sum += s;
    l.mean = sum / double(samples.size());
    return l;
}

} // namespace HubBench
