// Import commands: import-ssmix2, import-fhir.
#include "commandsupport.h"
#include "fhirimporter.h"
#include "ssmix2importer.h"

#include <QJsonDocument>

namespace {

/// One line per input that needs attention, then the summary: the run itself succeeded even
/// when some inputs could not be used (exit code 0).
int printReport(Invocation &in, const Result<ImportReport> &report)
{
    if (!report)
        return in.fail(report.error());
    if (in.json) {
        in.out << QString::fromUtf8(QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented));
        in.out.flush();
        return 0;
    }
    for (const ImportReport::Problem &problem : report->problems)
        in.out << QStringLiteral("%1: %2: %3\n").arg(ImportReport::levelName(problem.level), problem.path, problem.reason);
    in.out << report->summaryLine() << QLatin1Char('\n');
    in.out.flush();
    return 0;
}

int importSsmix2(Invocation &in)
{
    auto store = in.openStoreForImport();
    if (!store)
        return 1;
    const QString root = in.parser.positionalArguments().value(0);
    Ssmix2Importer importer(*store, in.parser.value(QStringLiteral("facility")));
    return printReport(in, importer.importStorage(root));
}

int importFhir(Invocation &in)
{
    auto store = in.openStoreForImport();
    if (!store)
        return 1;
    FhirImporter importer(*store, in.parser.value(QStringLiteral("facility")),
                          in.parser.value(QStringLiteral("id-system")));
    return printReport(in, importer.importPath(in.parser.positionalArguments().value(0)));
}

} // namespace

QList<Command> importCommands()
{
    const QCommandLineOption facility(QStringLiteral("facility"), QStringLiteral("The disclosing facility."),
                                      QStringLiteral("F"));
    return {
        Command{{QStringLiteral("import-ssmix2")},
                QStringLiteral("--facility F"),
                QStringLiteral("Import an SS-MIX2 standardized storage as facility F's records."),
                {facility},
                {QStringLiteral("facility")},
                {QStringLiteral("ROOT")},
                true,
                importSsmix2},
        Command{{QStringLiteral("import-fhir")},
                QStringLiteral("--facility F [--id-system SYSTEM]"),
                QStringLiteral("Import FHIR R4 Bundles (collection, transaction, document) and NDJSON files\n"
                               "      (one resource per line) as facility F's records; FILE|DIR is one file or a\n"
                               "      folder of .json/.ndjson files. Patients are matched by F's local patient ID\n"
                               "      (an identifier of each Patient resource). Importing again changes nothing."),
                {facility,
                 QCommandLineOption(QStringLiteral("id-system"),
                                    QStringLiteral("The identifier system of F's local patient IDs, when a Patient has several "
                                                   "identifiers and none is a JP-Core medical record number."),
                                    QStringLiteral("SYSTEM"))},
                {QStringLiteral("facility")},
                {QStringLiteral("FILE|DIR")},
                true,
                importFhir},
    };
}
