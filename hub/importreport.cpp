#include "importreport.h"

#include <QJsonArray>

#include <algorithm>

QString ImportReport::levelName(Problem::Level level)
{
    switch (level) {
    case Problem::Level::Warning: return QStringLiteral("warning");
    case Problem::Level::Skipped: return QStringLiteral("skipped");
    case Problem::Level::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString ImportReport::summaryLine() const
{
    return QStringLiteral("imported %1, replaced %2, deleted %3, unchanged %4, skipped %5, failed %6 "
                          "(%7 files, %8 resources written, %9 warnings)")
        .arg(imported).arg(replaced).arg(deleted).arg(unchanged).arg(skipped).arg(failed)
        .arg(files).arg(resources)
        .arg(std::count_if(problems.begin(), problems.end(),
                           [](const Problem &p) { return p.level == Problem::Level::Warning; }));
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray list;
    for (const Problem &p : problems)
        list.append(QJsonObject{{QStringLiteral("level"), levelName(p.level)},
                                {QStringLiteral("path"), p.path},
                                {QStringLiteral("reason"), p.reason}});
    return QJsonObject{{QStringLiteral("files"), files},
                       {QStringLiteral("imported"), imported},
                       {QStringLiteral("replaced"), replaced},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("unchanged"), unchanged},
                       {QStringLiteral("skipped"), skipped},
                       {QStringLiteral("failed"), failed},
                       {QStringLiteral("resources"), resources},
                       {QStringLiteral("problems"), list}};
}
