#include "imagingstudy.h"

#include "dicomjson.h"
#include "resourcerepository.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QString kDcm = QStringLiteral("http://dicom.nema.org/resources/ontology/DCM");

QJsonObject modalityCoding(const QString &code)
{
    return QJsonObject{{QStringLiteral("system"), kDcm}, {QStringLiteral("code"), code}};
}

int intOf(const QJsonObject &attributes, const char *tag, int fallback = 0)
{
    const QJsonValue v = attributes.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first();
    return v.isDouble() ? int(v.toDouble()) : fallback;
}

QString indexDate(const QString &started)
{
    // The resources table keeps local time without a zone (YYYY-MM-DD[THH:MM:SS]).
    return started.left(started.size() > 10 ? 19 : 10);
}

QJsonObject buildStudy(QJsonObject base, const ImagingStudyInput &in, const QString &id, const QString &patient)
{
    base.insert(QStringLiteral("resourceType"), QStringLiteral("ImagingStudy"));
    base.insert(QStringLiteral("id"), id);
    base.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + in.facility}});
    base.insert(QStringLiteral("status"), QStringLiteral("available"));
    base.insert(QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patient}});

    QJsonArray identifiers = base.value(QStringLiteral("identifier")).toArray();
    if (identifiers.isEmpty())
        identifiers.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:dicom:uid")},
                                       {QStringLiteral("value"), QStringLiteral("urn:oid:") + in.studyUid}});
    const QString accession = DicomJson::string(in.study, "00080050");
    bool hasAccession = false;
    for (const QJsonValue &identifier : identifiers)
        hasAccession |= identifier.toObject().value(QStringLiteral("system")).toString().endsWith(QLatin1String(":accession"));
    if (!accession.isEmpty() && !hasAccession)
        identifiers.append(QJsonObject{
            {QStringLiteral("type"), QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
                 {QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0203")},
                 {QStringLiteral("code"), QStringLiteral("ACSN")}}}}}},
            {QStringLiteral("system"), QStringLiteral("urn:renkei:facility:%1:accession").arg(in.facility)},
            {QStringLiteral("value"), accession}});
    base.insert(QStringLiteral("identifier"), identifiers);

    // The DICOMweb service that holds the images: the hub's own /dicomweb (it proxies to the
    // facility in distributed mode), so the address is the same for every study.
    base.insert(QStringLiteral("contained"), QJsonArray{QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Endpoint")},
        {QStringLiteral("id"), QStringLiteral("dicomweb")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("connectionType"), QJsonObject{{QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/endpoint-connection-type")},
                                                       {QStringLiteral("code"), QStringLiteral("dicom-wado-rs")}}},
        {QStringLiteral("payloadType"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("DICOM")}}}},
        {QStringLiteral("payloadMimeType"), QJsonArray{QStringLiteral("application/dicom")}},
        {QStringLiteral("address"), QStringLiteral("/dicomweb")}}});
    base.insert(QStringLiteral("endpoint"), QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("#dicomweb")}}});

    const QString started = imagingStarted(in.study);
    if (!started.isEmpty() && !base.contains(QStringLiteral("started")))
        base.insert(QStringLiteral("started"), started);
    const QString description = DicomJson::string(in.study, "00081030");
    if (!description.isEmpty() && !base.contains(QStringLiteral("description")))
        base.insert(QStringLiteral("description"), description);

    QJsonArray modalities;
    QStringList seen;
    QJsonArray seriesList;
    int instanceTotal = 0;
    for (const ImagingSeries &s : in.series) {
        const QString modality = DicomJson::string(s.attributes, "00080060");
        QJsonObject series{{QStringLiteral("uid"), DicomJson::string(s.attributes, "0020000E")},
                           {QStringLiteral("modality"), modalityCoding(modality.isEmpty() ? QStringLiteral("OT") : modality)}};
        if (!modality.isEmpty() && !seen.contains(modality)) {
            seen << modality;
            modalities.append(modalityCoding(modality));
        }
        const QString number = DicomJson::string(s.attributes, "00200011");
        if (!number.isEmpty() && number.toInt() >= 0)
            series.insert(QStringLiteral("number"), number.toInt());
        const QString seriesDescription = DicomJson::string(s.attributes, "0008103E");
        if (!seriesDescription.isEmpty())
            series.insert(QStringLiteral("description"), seriesDescription);
        const int count = intOf(s.attributes, "00201209", int(s.instances.size()));
        series.insert(QStringLiteral("numberOfInstances"), count);
        instanceTotal += count;
        series.insert(QStringLiteral("endpoint"), QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("#dicomweb")}}});
        QJsonArray instances;
        for (const QJsonObject &i : s.instances) {
            QJsonObject instance{{QStringLiteral("uid"), DicomJson::string(i, "00080018")},
                                 {QStringLiteral("sopClass"), QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                                                                           {QStringLiteral("code"), QStringLiteral("urn:oid:") + DicomJson::string(i, "00080016")}}}};
            const QString instanceNumber = DicomJson::string(i, "00200013");
            if (!instanceNumber.isEmpty() && instanceNumber.toInt() >= 0)
                instance.insert(QStringLiteral("number"), instanceNumber.toInt());
            instances.append(instance);
        }
        if (!instances.isEmpty())
            series.insert(QStringLiteral("instance"), instances);
        seriesList.append(series);
    }
    if (!modalities.isEmpty())
        base.insert(QStringLiteral("modality"), modalities);
    base.insert(QStringLiteral("numberOfSeries"), int(in.series.size()));
    base.insert(QStringLiteral("numberOfInstances"), instanceTotal);
    if (!seriesList.isEmpty())
        base.insert(QStringLiteral("series"), seriesList);
    return base;
}

} // namespace

QString imagingStarted(const QJsonObject &study)
{
    const QString date = DicomJson::string(study, "00080020");
    const QDate day = QDate::fromString(date.left(8), QStringLiteral("yyyyMMdd"));
    if (!day.isValid())
        return {};
    QString time = DicomJson::string(study, "00080030").section(QLatin1Char('.'), 0, 0);
    if (time.size() < 4 || !QTime::fromString(time.leftJustified(6, QLatin1Char('0')), QStringLiteral("HHmmss")).isValid())
        return day.toString(Qt::ISODate);
    time = time.leftJustified(6, QLatin1Char('0'));
    QString zone = DicomJson::string(study, "00080201");
    zone = zone.size() == 5 ? zone.left(3) + QLatin1Char(':') + zone.mid(3) : QStringLiteral("+09:00");
    return day.toString(Qt::ISODate) + QLatin1Char('T') + time.left(2) + QLatin1Char(':') + time.mid(2, 2)
        + QLatin1Char(':') + time.mid(4, 2) + zone;
}

Result<ImagingStudyWritten> writeImagingStudy(Store &store, const ImagingStudyInput &in)
{
    ImagingStudyWritten written;
    const QString code = QStringLiteral("urn:dicom:uid|urn:oid:") + in.studyUid;
    const QString now = Store::timeText(QDateTime::currentDateTimeUtc());

    // An ImagingStudy of this study from the facility's SS-MIX2 orders (or an earlier run).
    auto found = store.exec(QStringLiteral("SELECT id, patient, source_key, json FROM resources "
                                           "WHERE type = 'ImagingStudy' AND facility = ? AND code = ? ORDER BY id"),
                            {in.facility, code});
    if (!found)
        return Failure{found.error()};
    if (found->next() && !found->value(2).toString().startsWith(QLatin1String("dicom-study:"))) {
        written.id = found->value(0).toString();
        written.patient = found->value(1).toString();
        written.linkedToOrder = true;
        if (written.patient != in.patient)
            written.notes << QStringLiteral("the radiology order's patient %1 differs from the DICOM Patient ID's %2; "
                                            "the study is kept with the order's patient")
                                 .arg(written.patient, in.patient);
        const QJsonObject base = QJsonDocument::fromJson(found->value(3).toString().toUtf8()).object();
        found->finish();
        const QJsonObject json = buildStudy(base, in, written.id, written.patient);
        const auto updated = store.exec(QStringLiteral("UPDATE resources SET json = ?, date = ?, updated = ? WHERE id = ?"),
                                        {QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
                                         indexDate(json.value(QStringLiteral("started")).toString()), now, written.id});
        if (!updated)
            return Failure{updated.error()};
        return written;
    }
    found->finish();

    written.patient = in.patient;
    written.id = QStringLiteral("img-") + QString::fromLatin1(QCryptographicHash::hash(
        (in.facility + QLatin1Char('\n') + in.studyUid).toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    const QJsonObject json = buildStudy({}, in, written.id, written.patient);
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const ResourceRow row{written.id, QStringLiteral("ImagingStudy"), written.patient, in.facility, QStringLiteral("images"),
                          indexDate(json.value(QStringLiteral("started")).toString()), code, bytes};
    const QString version = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    if (const Status stored = ResourceRepository(store).replaceSource(in.facility, QStringLiteral("dicom-study:") + in.studyUid,
                                                                       version, written.patient, {row});
        !stored)
        return Failure{stored.error()};
    return written;
}
