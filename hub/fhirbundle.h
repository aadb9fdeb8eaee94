#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

/// A `searchset` Bundle of already-built resources: each entry gets a fullUrl under \a baseUrl
/// (none when it is empty) and `search.mode = match`; \a nextUrl, when given, becomes the
/// `next` link the client fetches as is.
QJsonObject fhirSearchset(const QList<QJsonObject> &resources, int total, const QString &baseUrl,
                          const QString &selfUrl, const QString &nextUrl);
