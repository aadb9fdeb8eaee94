#include "fhirjson.h"

#include <QStringList>

namespace FhirJson {

namespace {

QJsonArray codings(const QJsonValue &codeable)
{
    return codeable.toObject().value(QLatin1String("coding")).toArray();
}

} // namespace

QString conceptText(const QJsonValue &codeable)
{
    const QJsonObject object = codeable.toObject();
    const QString text = object.value(QLatin1String("text")).toString().trimmed();
    if (!text.isEmpty())
        return text;
    for (const QJsonValue &coding : codings(codeable)) {
        const QString display = coding.toObject().value(QLatin1String("display")).toString();
        if (!display.isEmpty())
            return display;
    }
    for (const QJsonValue &coding : codings(codeable)) {
        const QString code = coding.toObject().value(QLatin1String("code")).toString();
        if (!code.isEmpty())
            return code;
    }
    return {};
}

QString conceptCode(const QJsonValue &codeable, const QString &system)
{
    for (const QJsonValue &value : codings(codeable)) {
        const QJsonObject coding = value.toObject();
        if (system.isEmpty() || coding.value(QLatin1String("system")).toString() == system)
            return coding.value(QLatin1String("code")).toString();
    }
    return {};
}

bool hasCoding(const QJsonValue &conceptList, const QString &code, const QString &system)
{
    const QJsonArray list = conceptList.isArray() ? conceptList.toArray() : QJsonArray{conceptList};
    for (const QJsonValue &codeable : list) {
        for (const QJsonValue &value : codings(codeable)) {
            const QJsonObject coding = value.toObject();
            if (coding.value(QLatin1String("code")).toString() == code
                && (system.isEmpty() || coding.value(QLatin1String("system")).toString() == system))
                return true;
        }
    }
    return false;
}

QString numberText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    return value.toString();
}

QString quantityText(const QJsonValue &quantity)
{
    const QJsonObject q = quantity.toObject();
    const QString number = numberText(q.value(QLatin1String("value")));
    QString unit = q.value(QLatin1String("unit")).toString();
    if (unit.isEmpty())
        unit = q.value(QLatin1String("code")).toString();
    if (number.isEmpty())
        return unit;
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

QString observationValueText(const QJsonObject &observation)
{
    if (observation.contains(QLatin1String("valueQuantity")))
        return quantityText(observation.value(QLatin1String("valueQuantity")));
    if (observation.contains(QLatin1String("valueCodeableConcept")))
        return conceptText(observation.value(QLatin1String("valueCodeableConcept")));
    for (const char *key : {"valueString", "valueDateTime", "valueInteger", "valueBoolean"}) {
        const QJsonValue value = observation.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return numberText(value);
        if (value.isBool())
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    return {};
}

QString referenceRangeText(const QJsonObject &observation)
{
    const QJsonObject range = observation.value(QLatin1String("referenceRange")).toArray()
                                  .first().toObject();
    const QString text = range.value(QLatin1String("text")).toString();
    if (!text.isEmpty())
        return text;
    const QString low = numberText(range.value(QLatin1String("low")).toObject().value(QLatin1String("value")));
    const QString high = numberText(range.value(QLatin1String("high")).toObject().value(QLatin1String("value")));
    if (low.isEmpty() && high.isEmpty())
        return {};
    return low + QStringLiteral("–") + high;
}

QString interpretationCode(const QJsonObject &observation)
{
    return conceptCode(observation.value(QLatin1String("interpretation")).toArray().first());
}

QString facilityIdOf(const QJsonObject &resource)
{
    static const QString prefix = QStringLiteral("urn:renkei:facility:");
    const QString source = resource.value(QLatin1String("meta")).toObject()
                               .value(QLatin1String("source")).toString();
    return source.startsWith(prefix) ? source.mid(prefix.size()) : QString();
}

QJsonValue at(const QJsonObject &object, const QString &dottedPath)
{
    const QStringList keys = dottedPath.split(QLatin1Char('.'));
    QJsonValue value = object;
    for (const QString &key : keys)
        value = value.toObject().value(key);
    return value;
}

} // namespace FhirJson

namespace FhirJson {

QHash<QString, QString> facilityNamesOfPatient(const QJsonObject &patient)
{
    static const QString prefix = QStringLiteral("urn:renkei:facility:");
    QHash<QString, QString> names;
    const QJsonArray identifiers = patient.value(QLatin1String("identifier")).toArray();
    for (const QJsonValue &value : identifiers) {
        const QJsonObject identifier = value.toObject();
        const QString system = identifier.value(QLatin1String("system")).toString();
        const QString display = at(identifier, QStringLiteral("assigner.display")).toString();
        if (system.startsWith(prefix) && !display.isEmpty())
            names.insert(system.mid(prefix.size()).section(QLatin1Char(':'), 0, 0), display);
    }
    return names;
}

} // namespace FhirJson
