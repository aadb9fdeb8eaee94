// Import commands: import-ssmix2.
#include "commandsupport.h"
#include "ssmix2importer.h"

#include <QJsonDocument>

namespace {

int importSsmix2(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString root = in.parser.positionalArguments().value(0);
    Ssmix2Importer importer(*store, in.parser.value(QStringLiteral("facility")));
    const auto report = importer.importStorage(root);
    if (!report)
        return in.fail(report.error());
    if (in.json) {
        in.out << QString::fromUtf8(QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented));
        in.out.flush();
        return 0;
    }
    // One line per file that needs attention, then the summary: the run itself succeeded
    // even when some files could not be used (exit code 0).
    for (const Ssmix2ImportReport::Problem &problem : report->problems) {
        const QString level = problem.level == Ssmix2ImportReport::Problem::Level::Failed ? QStringLiteral("failed")
            : problem.level == Ssmix2ImportReport::Problem::Level::Skipped               ? QStringLiteral("skipped")
                                                                                         : QStringLiteral("warning");
        in.out << QStringLiteral("%1: %2: %3\n").arg(level, problem.path, problem.reason);
    }
    in.out << report->summaryLine() << QLatin1Char('\n');
    in.out.flush();
    return 0;
}

} // namespace

QList<Command> importCommands()
{
    return {
        Command{{QStringLiteral("import-ssmix2")},
                QStringLiteral("--facility F"),
                QStringLiteral("Import an SS-MIX2 standardized storage as facility F's records."),
                {QCommandLineOption(QStringLiteral("facility"), QStringLiteral("The disclosing facility."),
                                    QStringLiteral("F"))},
                {QStringLiteral("facility")},
                {QStringLiteral("ROOT")},
                true,
                importSsmix2},
    };
}
