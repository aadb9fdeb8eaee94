#pragma once

#include "store.h"
#include "texttable.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

/// What a command's handler gets: its parsed options, the data folder, and the output streams.
class Invocation
{
public:
    Invocation(QCommandLineParser &parser, QString commandName, QString dir, bool json);

    QCommandLineParser &parser;
    const QString commandName;
    const QString dir;
    const bool json;
    QTextStream out;
    QTextStream err;

    /// Prints "renkei-hub: <message>" on stderr; returns exit code 1.
    int fail(const QString &message);
    /// Opens DIR/hub.sqlite, which must exist; on failure prints why and returns null.
    std::unique_ptr<Store> openStore();
    /// openStore() for the import commands: commits need not wait for the disk.
    std::unique_ptr<Store> openStoreForImport();
    void printJson(const QJsonArray &array);
    /// First line of standard input (without the line break); nullopt at end of input.
    std::optional<QString> readStdinLine();
};

struct Command
{
    QStringList path;       ///< e.g. {"user", "add"}
    QString synopsis;       ///< after "--dir DIR", e.g. "--facility F --id ID --password-stdin"
    QString description;
    QList<QCommandLineOption> options;
    QStringList required;   ///< option names that must be given
    QStringList positional; ///< names of positional arguments, all required
    bool json = false;      ///< accepts --json
    std::function<int(Invocation &)> run;
};

/// What every `list` command prints: a JSON array with --json, else an aligned table.
template<typename T, typename ToJson, typename ToRow>
int printList(Invocation &in, const Result<QList<T>> &items, const QStringList &headers,
              ToJson toJson, ToRow toRow)
{
    if (!items)
        return in.fail(items.error());
    if (in.json) {
        QJsonArray array;
        for (const T &item : *items)
            array.append(toJson(item));
        in.printJson(array);
        return 0;
    }
    TextTable table(headers);
    for (const T &item : *items)
        table.addRow(toRow(item));
    in.out << table.render();
    return 0;
}

QList<Command> adminCommands();
/// `patient link|unlink|links|suggest-links` (patientlinkcommands.cpp), part of adminCommands().
QList<Command> patientLinkCommands();
QList<Command> networkCommands();
QList<Command> importCommands();
