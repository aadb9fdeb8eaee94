#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

/// What one import run did (SS-MIX2 or FHIR), with the inputs that need the operator's
/// attention: each with its path and a reason.
struct ImportReport
{
    struct Problem
    {
        enum class Level { Warning, Skipped, Failed };
        Level level;
        QString path;
        QString reason;
    };

    int files = 0;     ///< files seen (placed well or not)
    int imported = 0;  ///< new source records
    int replaced = 0;  ///< a newer version replaced what an earlier import stored
    int deleted = 0;   ///< a deletion removed what an earlier import stored
    int unchanged = 0; ///< this exact version is already in the store
    int skipped = 0;   ///< nothing to do (superseded version, a type the hub does not keep, ...)
    int failed = 0;    ///< unusable (malformed, wrong place, no patient, ...)
    int resources = 0; ///< FHIR resources written by this run
    QList<Problem> problems;

    void addProblem(Problem::Level level, const QString &path, const QString &reason)
    {
        problems.append(Problem{level, path, reason});
    }
    QString summaryLine() const;
    QJsonObject toJson() const;
    /// "failed", "skipped" or "warning": what the command prints before each problem.
    static QString levelName(Problem::Level level);
};
