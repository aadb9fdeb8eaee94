#include "fhirbundle.h"

#include <QJsonArray>

QJsonObject fhirSearchset(const QList<QJsonObject> &resources, int total, const QString &baseUrl,
                          const QString &selfUrl, const QString &nextUrl)
{
    QJsonArray entries;
    for (const QJsonObject &resource : resources) {
        QJsonObject entry;
        if (!baseUrl.isEmpty())
            entry.insert(QStringLiteral("fullUrl"), baseUrl + QLatin1Char('/')
                             + resource.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
                             + resource.value(QStringLiteral("id")).toString());
        entry.insert(QStringLiteral("resource"), resource);
        entry.insert(QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}});
        entries.append(entry);
    }
    QJsonArray links;
    if (!selfUrl.isEmpty())
        links.append(QJsonObject{{QStringLiteral("relation"), QStringLiteral("self")}, {QStringLiteral("url"), selfUrl}});
    if (!nextUrl.isEmpty())
        links.append(QJsonObject{{QStringLiteral("relation"), QStringLiteral("next")}, {QStringLiteral("url"), nextUrl}});
    QJsonObject bundle{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("searchset")},
        {QStringLiteral("total"), total},
    };
    if (!links.isEmpty())
        bundle.insert(QStringLiteral("link"), links);
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}
