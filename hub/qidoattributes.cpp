#include "qidoattributes.h"

#include "dicomjson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Qido {

namespace {

void copy(QJsonObject &to, const QJsonObject &from, std::initializer_list<const char *> tags)
{
    for (const char *tag : tags) {
        const QString key = QLatin1String(tag);
        if (from.contains(key))
            to.insert(key, from.value(key));
    }
}

QJsonObject count(int n)
{
    return DicomJson::numberAttribute(QStringLiteral("IS"), n);
}

bool wildcardMatch(const QString &pattern, const QString &value, Qt::CaseSensitivity cs)
{
    if (!pattern.contains(QLatin1Char('*')) && !pattern.contains(QLatin1Char('?')))
        return value.compare(pattern, cs) == 0;
    QString expression;
    for (QChar c : pattern) {
        if (c == QLatin1Char('*'))
            expression += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            expression += QLatin1Char('.');
        else
            expression += QRegularExpression::escape(QString(c));
    }
    QRegularExpression re(QRegularExpression::anchoredPattern(expression),
                          cs == Qt::CaseInsensitive ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
    return re.match(value).hasMatch();
}

} // namespace

QJsonObject studyAttributes(const QList<QJsonObject> &instances)
{
    QJsonObject study;
    if (instances.isEmpty())
        return study;
    copy(study, instances.first(), {"00080005", "00080020", "00080030", "00080050", "00080090", "00081030",
                                    "00100010", "00100020", "00100030", "00100040", "0020000D", "00200010"});
    QStringList modalities;
    QSet<QString> series;
    for (const QJsonObject &instance : instances) {
        const QString modality = DicomJson::string(instance, "00080060");
        if (!modality.isEmpty() && !modalities.contains(modality))
            modalities << modality;
        series.insert(DicomJson::string(instance, "0020000E"));
    }
    study.insert(QStringLiteral("00080061"), DicomJson::attribute(QStringLiteral("CS"), QJsonArray::fromStringList(modalities)));
    study.insert(QStringLiteral("00201206"), count(int(series.size())));
    study.insert(QStringLiteral("00201208"), count(int(instances.size())));
    return study;
}

QJsonObject seriesAttributes(const QList<QJsonObject> &instances)
{
    QJsonObject series;
    if (instances.isEmpty())
        return series;
    copy(series, instances.first(), {"00080005", "00080060", "0008103E", "0020000D", "0020000E", "00200011",
                                     "00400244", "00400245"});
    series.insert(QStringLiteral("00201209"), count(int(instances.size())));
    return series;
}

QJsonObject instanceAttributes(const QJsonObject &instance)
{
    QJsonObject attributes;
    copy(attributes, instance, {"00080005", "00080016", "00080018", "0020000D", "0020000E", "00200013",
                                "00280008", "00280010", "00280011", "00280100"});
    return attributes;
}

QJsonObject withRetrieveUrl(QJsonObject attributes, const QString &url)
{
    attributes.insert(QStringLiteral("00081190"), DicomJson::stringAttribute(QStringLiteral("UR"), url));
    return attributes;
}

bool matches(const QJsonObject &attributes, const QString &tag, const QString &value)
{
    const QJsonObject attribute = attributes.value(tag).toObject();
    const QString vr = attribute.value(QStringLiteral("vr")).toString();
    const QJsonArray values = attribute.value(QStringLiteral("Value")).toArray();
    for (const QJsonValue &v : values) {
        if (vr == QLatin1String("PN")) {
            const QJsonObject name = v.toObject();
            for (const QString &group : {QStringLiteral("Alphabetic"), QStringLiteral("Ideographic"), QStringLiteral("Phonetic")})
                if (name.contains(group) && wildcardMatch(value, name.value(group).toString(), Qt::CaseInsensitive))
                    return true;
            continue;
        }
        const QString text = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        if (vr == QLatin1String("DA") && value.contains(QLatin1Char('-'))) {
            const QString from = value.section(QLatin1Char('-'), 0, 0);
            const QString to = value.section(QLatin1Char('-'), 1, 1);
            if ((from.isEmpty() || text >= from) && (to.isEmpty() || text <= to))
                return true;
            continue;
        }
        if (wildcardMatch(value, text, Qt::CaseSensitive))
            return true;
    }
    return false;
}

} // namespace Qido
