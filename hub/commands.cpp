#include "commands.h"

#include "commandsupport.h"
#include "dicomcommands.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace {

constexpr int kExitUsage = 2;

QString usageLine(const Command &command)
{
    QString line = QStringLiteral("renkei-hub %1 --dir DIR").arg(command.path.join(QLatin1Char(' ')));
    if (!command.synopsis.isEmpty())
        line += QLatin1Char(' ') + command.synopsis;
    if (command.json)
        line += QStringLiteral(" [--json]");
    for (const QString &name : command.positional)
        line += QLatin1Char(' ') + name;
    return line;
}

QList<Command> allCommands()
{
    return networkCommands() + adminCommands() + importCommands() + dicomCommands();
}

QString programHelp()
{
    QString text = QStringLiteral(
        "Usage: renkei-hub <command> --dir DIR [options]\n"
        "The node of a Renkei regional health information network: HTTPS/FHIR server,\n"
        "consent, authentication and audit. DIR is the node's data folder.\n\nCommands:\n");
    for (const Command &command : allCommands())
        text += QStringLiteral("  %1\n      %2\n").arg(usageLine(command), command.description);
    text += QStringLiteral("\n`renkei-hub <command> --help` describes one command.\n");
    return text;
}

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int usageError(const QString &message, const QString &usage)
{
    printTo(stderr, QStringLiteral("renkei-hub: %1\nUsage: %2\n").arg(message, usage));
    return kExitUsage;
}

int runCommand(const Command &command, const QStringList &rest)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("The node's data folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print a JSON array instead of a table."));
    parser.addOption(dirOption);
    for (const QCommandLineOption &option : command.options)
        parser.addOption(option);
    if (command.json)
        parser.addOption(jsonOption);
    parser.addOption(helpOption);
    for (const QString &name : command.positional)
        parser.addPositionalArgument(name, QString());

    const QString usage = usageLine(command);
    if (!parser.parse(QStringList{QStringLiteral("renkei-hub")} + rest))
        return usageError(parser.errorText(), usage);
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        const qsizetype options = help.indexOf(QStringLiteral("Options:"));
        help = options >= 0 ? help.mid(options) : QString();
        printTo(stdout, QStringLiteral("Usage: %1\n%2\n\n%3").arg(usage, command.description, help));
        return 0;
    }
    if (!parser.isSet(dirOption) || parser.value(dirOption).isEmpty())
        return usageError(QStringLiteral("--dir DIR is required"), usage);
    for (const QString &required : command.required) {
        if (!parser.isSet(required))
            return usageError(QStringLiteral("--%1 is required").arg(required), usage);
    }
    // A last positional name ending in "..." takes one or more arguments.
    const bool variadic = !command.positional.isEmpty() && command.positional.last().endsWith(QLatin1String("..."));
    if (variadic ? parser.positionalArguments().size() < command.positional.size()
                 : parser.positionalArguments().size() != command.positional.size())
        return usageError(parser.positionalArguments().size() > command.positional.size()
                              ? QStringLiteral("unexpected argument '%1'")
                                    .arg(parser.positionalArguments().value(command.positional.size()))
                              : QStringLiteral("missing %1").arg(command.positional.join(QLatin1Char(' '))),
                          usage);

    Invocation invocation(parser, command.path.join(QLatin1Char(' ')), parser.value(dirOption),
                          command.json && parser.isSet(jsonOption));
    return command.run(invocation);
}

} // namespace

Invocation::Invocation(QCommandLineParser &parser, QString commandName, QString dir, bool json)
    : parser(parser)
    , commandName(std::move(commandName))
    , dir(std::move(dir))
    , json(json)
    , out(stdout)
    , err(stderr)
{
}

int Invocation::fail(const QString &message)
{
    out.flush();
    err << QStringLiteral("renkei-hub %1: %2\n").arg(commandName, message);
    err.flush();
    return 1;
}

std::unique_ptr<Store> Invocation::openStore()
{
    const QString path = QDir(dir).filePath(QStringLiteral("hub.sqlite"));
    auto store = Store::open(path, Store::OpenMode::MustExist);
    if (!store) {
        fail(store.error() + (QFile::exists(path) ? QString()
                                                  : QStringLiteral(" (create one with `renkei-hub demo --dir %1`)").arg(dir)));
        return nullptr;
    }
    return std::move(*store);
}

std::unique_ptr<Store> Invocation::openStoreForImport()
{
    auto store = openStore();
    if (!store)
        return nullptr;
    if (const Status relaxed = store->relaxDurabilityForImport(); !relaxed) {
        fail(relaxed.error());
        return nullptr;
    }
    return store;
}

void Invocation::printJson(const QJsonArray &array)
{
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    out.flush();
}

std::optional<QString> Invocation::readStdinLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray line = input.readLine(64 * 1024);
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int runCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        printTo(stderr, programHelp());
        return kExitUsage;
    }
    const QString first = arguments.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printTo(stdout, programHelp());
        return 0;
    }
    if (first == QLatin1String("--version")) {
        printTo(stdout, QStringLiteral("renkei-hub %1\n").arg(QStringLiteral(RENKEI_VERSION)));
        return 0;
    }

    const QList<Command> commands = allCommands();
    for (const Command &command : commands) {
        if (arguments.size() >= command.path.size()
            && arguments.mid(0, command.path.size()) == command.path)
            return runCommand(command, arguments.mid(command.path.size()));
    }
    // A known group without (or with a wrong) subcommand: show that group's commands.
    QStringList group;
    for (const Command &command : commands) {
        if (command.path.first() == first)
            group << QStringLiteral("  ") + usageLine(command);
    }
    if (!group.isEmpty()) {
        if (arguments.size() >= 2 && (arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h"))) {
            printTo(stdout, QStringLiteral("Usage:\n%1\n").arg(group.join(QLatin1Char('\n'))));
            return 0;
        }
        printTo(stderr, QStringLiteral("renkei-hub: %1 needs one of:\n%2\n")
                            .arg(first, group.join(QLatin1Char('\n'))));
        return kExitUsage;
    }
    printTo(stderr, QStringLiteral("renkei-hub: unknown command '%1'\n\n").arg(first) + programHelp());
    return kExitUsage;
}
