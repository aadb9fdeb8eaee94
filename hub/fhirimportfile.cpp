#include "fhirimportfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace FhirImport {

namespace {

/// One resource per line; a bad line is reported and the others still count.
void readNdjson(InputFile &input)
{
    const QList<QByteArray> lines = input.bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject()) {
            input.badLines << QStringLiteral("line %1: not a JSON object (%2)")
                                  .arg(i + 1)
                                  .arg(error.error == QJsonParseError::NoError ? QStringLiteral("a JSON array or value")
                                                                               : error.errorString());
            continue;
        }
        input.entries.append(Entry(document.object(), {}, QStringLiteral("line %1").arg(i + 1)));
    }
}

void readJson(InputFile &input)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(input.bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        input.problem = QStringLiteral("not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset);
        return;
    }
    if (!document.isObject()) {
        input.problem = QStringLiteral("not a FHIR resource (the top level is not a JSON object)");
        return;
    }
    const QJsonObject top = document.object();
    if (top.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        input.entries.append(Entry(top, {}, QStringLiteral("resource")));
        return;
    }
    const QString type = top.value(QStringLiteral("type")).toString();
    static const QStringList accepted{QStringLiteral("collection"), QStringLiteral("transaction"),
                                      QStringLiteral("document"), QStringLiteral("batch"),
                                      QStringLiteral("searchset")};
    if (!accepted.contains(type)) {
        input.problem = QStringLiteral("Bundle type '%1' is not imported (collection, transaction, document, batch, "
                                       "searchset are)").arg(type);
        return;
    }
    input.transaction = type == QLatin1String("transaction");
    input.document = type == QLatin1String("document");
    const QJsonArray entries = top.value(QStringLiteral("entry")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject request = entry.value(QStringLiteral("request")).toObject();
        input.entries.append(Entry(entry.value(QStringLiteral("resource")).toObject(),
                                   entry.value(QStringLiteral("fullUrl")).toString(),
                                   QStringLiteral("entry %1").arg(i + 1),
                                   request.value(QStringLiteral("method")).toString().toUpper(),
                                   request.value(QStringLiteral("url")).toString()));
    }
}

} // namespace

InputFile readInputFile(const QString &path)
{
    InputFile input;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        input.problem = QStringLiteral("cannot read: %1").arg(file.errorString());
        return input;
    }
    input.bytes = file.readAll();
    if (input.bytes.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark, as Windows tools write
        input.bytes.remove(0, 3);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl"))
        readNdjson(input);
    else
        readJson(input);
    return input;
}

} // namespace FhirImport
