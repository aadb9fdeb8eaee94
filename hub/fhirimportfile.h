#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace FhirImport {

/// One resource of an input file, with where it was found (for the report) and, once the
/// importer has identified it, what it becomes in the hub.
struct Entry
{
    Entry(QJsonObject resource, QString fullUrl, QString where, QString method = {}, QString requestUrl = {})
        : resource(std::move(resource)), fullUrl(std::move(fullUrl)), where(std::move(where)),
          method(std::move(method)), requestUrl(std::move(requestUrl))
    {
    }

    QJsonObject resource;
    QString fullUrl;
    QString where;      ///< "entry 3", "line 7", "resource"
    QString method;     ///< transaction request method, upper case; empty otherwise
    QString requestUrl;
    QString type;
    QString originalId;
    QString sourceKey;
    QString newId;      ///< hub ID (for a Patient: the network patient ID once known)
};

/// An input file read and split into resources.
struct InputFile
{
    QList<Entry> entries;
    QByteArray bytes;         ///< the file as read (a document Bundle's Binary keeps them)
    bool transaction = false; ///< a transaction Bundle: all or nothing
    bool document = false;    ///< a document Bundle: its Composition becomes a DocumentReference
    QString problem;          ///< why the whole file cannot be used; empty when it can
    QStringList badLines;     ///< NDJSON lines that are not JSON objects ("line N: why")
};

/// Reads a Bundle (collection, transaction, document, batch, searchset), a single resource, or
/// NDJSON (.ndjson / .jsonl: one resource per line). A UTF-8 byte order mark is ignored.
InputFile readInputFile(const QString &path);

} // namespace FhirImport
