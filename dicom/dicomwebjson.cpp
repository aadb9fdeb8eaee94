#include "dicomwebjson.h"

namespace Dicom::DicomWebJson {
namespace {

QString key(quint32 tag)
{
    return QStringLiteral("%1").arg(tag, 8, 16, QLatin1Char('0')).toUpper();
}

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (value.isObject()) {
        // PN: {"Alphabetic": ..., "Ideographic": ..., "Phonetic": ...}
        const QJsonObject pn = value.toObject();
        QStringList groups{pn[u"Alphabetic"].toString(), pn[u"Ideographic"].toString(),
                           pn[u"Phonetic"].toString()};
        while (!groups.isEmpty() && groups.last().isEmpty())
            groups.removeLast();
        return groups.join(u'=');
    }
    return {};
}

} // namespace

QStringList texts(const QJsonObject &dataset, quint32 tag)
{
    QStringList result;
    const QJsonArray values = dataset[key(tag)].toObject()[u"Value"].toArray();
    for (const QJsonValue &v : values)
        result << valueText(v);
    return result;
}

QString text(const QJsonObject &dataset, quint32 tag)
{
    const QJsonArray values = dataset[key(tag)].toObject()[u"Value"].toArray();
    return values.isEmpty() ? QString() : valueText(values.first());
}

int integer(const QJsonObject &dataset, quint32 tag, int fallback)
{
    const QJsonArray values = dataset[key(tag)].toObject()[u"Value"].toArray();
    if (values.isEmpty())
        return fallback;
    const QJsonValue v = values.first();
    if (v.isDouble())
        return v.toInt(fallback);
    bool ok = false;
    const int i = v.toString().trimmed().toInt(&ok);
    return ok ? i : fallback;
}

QList<StudySummary> studies(const QJsonArray &response)
{
    QList<StudySummary> result;
    for (const QJsonValue &v : response) {
        const QJsonObject ds = v.toObject();
        StudySummary s;
        s.studyInstanceUid = text(ds, 0x0020000D);
        s.patientName = text(ds, 0x00100010);
        s.patientId = text(ds, 0x00100020);
        s.studyDate = text(ds, 0x00080020);
        s.studyTime = text(ds, 0x00080030);
        s.accessionNumber = text(ds, 0x00080050);
        s.studyDescription = text(ds, 0x00081030);
        s.modalitiesInStudy = texts(ds, 0x00080061);
        s.numberOfSeries = integer(ds, 0x00201206);
        s.numberOfInstances = integer(ds, 0x00201208);
        result << s;
    }
    return result;
}

QList<SeriesSummary> series(const QJsonArray &response)
{
    QList<SeriesSummary> result;
    for (const QJsonValue &v : response) {
        const QJsonObject ds = v.toObject();
        SeriesSummary s;
        s.studyInstanceUid = text(ds, 0x0020000D);
        s.seriesInstanceUid = text(ds, 0x0020000E);
        s.modality = text(ds, 0x00080060);
        s.seriesDescription = text(ds, 0x0008103E);
        s.seriesNumber = integer(ds, 0x00200011);
        s.numberOfInstances = integer(ds, 0x00201209);
        result << s;
    }
    return result;
}

QList<InstanceSummary> instances(const QJsonArray &response)
{
    QList<InstanceSummary> result;
    for (const QJsonValue &v : response) {
        const QJsonObject ds = v.toObject();
        InstanceSummary s;
        s.studyInstanceUid = text(ds, 0x0020000D);
        s.seriesInstanceUid = text(ds, 0x0020000E);
        s.sopInstanceUid = text(ds, 0x00080018);
        s.sopClassUid = text(ds, 0x00080016);
        s.instanceNumber = integer(ds, 0x00200013);
        s.rows = integer(ds, 0x00280010);
        s.columns = integer(ds, 0x00280011);
        s.numberOfFrames = integer(ds, 0x00280008);
        result << s;
    }
    return result;
}

} // namespace Dicom::DicomWebJson
