#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/// A `searchset` Bundle of already-built resources: each entry gets a fullUrl under \a baseUrl
/// (none when it is empty) and `search.mode = match`; a negative \a total leaves Bundle.total
/// out (FHIR allows that: a later $everything page is not counted); \a nextUrl, when given, becomes the
/// `next` link the client fetches as is.
QJsonObject fhirSearchset(const QList<QJsonObject> &resources, int total, const QString &baseUrl,
                          const QString &selfUrl, const QString &nextUrl);

/// A resource as JSON text for a Bundle entry, with the type and id its fullUrl needs.
struct BundleResource
{
    QString type;
    QString id;
    QByteArray json; ///< one JSON object, e.g. a stored record as it is kept
};

/// The same Bundle as fhirSearchset(), serialised, with each resource's JSON text spliced in
/// unparsed: a page of stored records costs a copy, not a parse and a re-serialisation each.
QByteArray fhirSearchsetJson(const QList<BundleResource> &resources, int total, const QString &baseUrl,
                             const QString &selfUrl, const QString &nextUrl);

/// \a json as it is when it is plausibly one JSON object (what every writer of the store
/// keeps: QJsonDocument's compact output); otherwise parsed and re-serialised, so a damaged
/// value still leaves the Bundle well-formed (as `{}` when it is not JSON at all).
QByteArray fhirObjectText(const QByteArray &json);
