#include "fhirbundle.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// A JSON string literal (RFC 8259 section 7): quote, backslash and control characters
// escaped, everything else as UTF-8.
void appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendLink(QByteArray &out, const char *relation, const QString &url)
{
    out += "{\"relation\":\"";
    out += relation;
    out += "\",\"url\":";
    appendJsonString(out, url);
    out += '}';
}

} // namespace

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
    };
    if (total >= 0)
        bundle.insert(QStringLiteral("total"), total);
    if (!links.isEmpty())
        bundle.insert(QStringLiteral("link"), links);
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}

QByteArray fhirSearchsetJson(const QList<BundleResource> &resources, int total, const QString &baseUrl,
                             const QString &selfUrl, const QString &nextUrl)
{
    qsizetype size = 256;
    for (const BundleResource &resource : resources)
        size += resource.json.size() + baseUrl.size() + resource.type.size() + resource.id.size() + 64;
    QByteArray out;
    out.reserve(size);

    out += "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"";
    if (total >= 0) {
        out += ",\"total\":";
        out += QByteArray::number(total);
    }
    if (!selfUrl.isEmpty() || !nextUrl.isEmpty()) {
        out += ",\"link\":[";
        if (!selfUrl.isEmpty())
            appendLink(out, "self", selfUrl);
        if (!nextUrl.isEmpty()) {
            if (!selfUrl.isEmpty())
                out += ',';
            appendLink(out, "next", nextUrl);
        }
        out += ']';
    }
    if (!resources.isEmpty()) {
        out += ",\"entry\":[";
        bool first = true;
        for (const BundleResource &resource : resources) {
            if (!first)
                out += ',';
            first = false;
            out += '{';
            if (!baseUrl.isEmpty()) {
                out += "\"fullUrl\":";
                appendJsonString(out, baseUrl + QLatin1Char('/') + resource.type + QLatin1Char('/') + resource.id);
                out += ',';
            }
            out += "\"resource\":";
            out += resource.json;
            out += ",\"search\":{\"mode\":\"match\"}}";
        }
        out += ']';
    }
    out += '}';
    return out;
}

QByteArray fhirObjectText(const QByteArray &json)
{
    // A cheap shape check, not validation: the store's writers only ever keep
    // QJsonDocument(object).toJson(Compact), which starts with '{' and ends with '}'.
    if (json.size() >= 2 && json.front() == '{' && json.back() == '}')
        return json;
    return QJsonDocument(QJsonDocument::fromJson(json).object()).toJson(QJsonDocument::Compact);
}
