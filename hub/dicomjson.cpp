#include "dicomjson.h"

#include "characterset.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QJsonArray>
#include <QStringList>

namespace {

constexpr Uint32 kInlineBinaryLimit = 4096;

QString tagKey(const DcmTagKey &key)
{
    return QStringLiteral("%1%2").arg(key.getGroup(), 4, 16, QLatin1Char('0')).arg(key.getElement(), 4, 16, QLatin1Char('0')).toUpper();
}

QByteArray characterSetIn(DcmItem *item, const QByteArray &inherited)
{
    char *raw = nullptr;
    Uint32 length = 0;
    DcmElement *element = nullptr;
    if (item->findAndGetElement(DCM_SpecificCharacterSet, element, OFFalse).good() && element
        && element->getString(raw, length).good() && raw)
        return QByteArray(raw, int(length)).trimmed();
    return inherited;
}

Dicom::TextKind textKind(DcmEVR vr)
{
    switch (vr) {
    case EVR_PN: return Dicom::TextKind::PersonName;
    case EVR_ST: case EVR_LT: case EVR_UT: return Dicom::TextKind::LongText;
    default: return Dicom::TextKind::ShortText;
    }
}

QJsonObject personNameValue(const QString &value)
{
    static const char *const groups[] = {"Alphabetic", "Ideographic", "Phonetic"};
    const QStringList parts = value.split(QLatin1Char('='));
    QJsonObject name;
    for (int i = 0; i < parts.size() && i < 3; ++i) {
        const QString part = parts[i].trimmed();
        if (!part.isEmpty())
            name.insert(QLatin1String(groups[i]), part);
    }
    return name;
}

QJsonObject datasetToJson(DcmItem *item, const QByteArray &inheritedCharset);

QJsonArray stringValues(DcmElement *element, DcmEVR vr, const QByteArray &charset)
{
    char *raw = nullptr;
    Uint32 length = 0;
    if (element->getString(raw, length).bad() || !raw || length == 0)
        return {};
    QByteArray bytes(raw, int(length));
    while (!bytes.isEmpty() && bytes.endsWith('\0'))
        bytes.chop(1);
    const bool text = vr == EVR_ST || vr == EVR_LT || vr == EVR_UT || vr == EVR_UR;
    const QString decoded = Dicom::decodeText(bytes, charset, textKind(vr));
    const QStringList values = text ? QStringList{decoded} : decoded.split(QLatin1Char('\\'));
    QJsonArray array;
    for (QString value : values) {
        // Leading spaces are significant only in the text VRs; trailing padding never is.
        while (value.endsWith(QLatin1Char(' ')))
            value.chop(1);
        if (!text)
            value = value.trimmed();
        if (vr == EVR_PN) {
            array.append(value.isEmpty() ? QJsonValue() : QJsonValue(personNameValue(value)));
        } else if (vr == EVR_IS || vr == EVR_DS) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            array.append(ok ? QJsonValue(number) : QJsonValue());
        } else {
            array.append(value.isEmpty() ? QJsonValue() : QJsonValue(value));
        }
    }
    return array;
}

QJsonArray binaryNumbers(DcmElement *element, DcmEVR vr)
{
    QJsonArray array;
    const unsigned long count = element->getVM();
    for (unsigned long i = 0; i < count; ++i) {
        switch (vr) {
        case EVR_US: { Uint16 v = 0; element->getUint16(v, i); array.append(int(v)); break; }
        case EVR_SS: { Sint16 v = 0; element->getSint16(v, i); array.append(int(v)); break; }
        case EVR_UL: { Uint32 v = 0; element->getUint32(v, i); array.append(qint64(v)); break; }
        case EVR_SL: { Sint32 v = 0; element->getSint32(v, i); array.append(qint64(v)); break; }
        case EVR_FL: { Float32 v = 0; element->getFloat32(v, i); array.append(double(v)); break; }
        case EVR_FD: { Float64 v = 0; element->getFloat64(v, i); array.append(double(v)); break; }
        default: break;
        }
    }
    return array;
}

QJsonObject elementToJson(DcmElement *element, const QByteArray &charset)
{
    const DcmEVR vr = element->getVR();
    const DcmVR vrInfo(vr);
    QString vrName = QString::fromLatin1(vrInfo.getValidVRName());
    QJsonObject attribute{{QStringLiteral("vr"), vrName}};
    const DcmTagKey key = element->getTag().getXTag();

    if (vr == EVR_SQ) {
        auto *sequence = static_cast<DcmSequenceOfItems *>(static_cast<DcmObject *>(element));
        QJsonArray items;
        for (unsigned long i = 0; i < sequence->card(); ++i)
            items.append(datasetToJson(sequence->getItem(i), charset));
        if (!items.isEmpty())
            attribute.insert(QStringLiteral("Value"), items);
        return attribute;
    }
    if (element->getLength() == 0)
        return attribute;
    switch (vr) {
    case EVR_US: case EVR_SS: case EVR_UL: case EVR_SL: case EVR_FL: case EVR_FD:
        attribute.insert(QStringLiteral("Value"), binaryNumbers(element, vr));
        return attribute;
    case EVR_AT: {
        QJsonArray tags;
        for (unsigned long i = 0; i < element->getVM(); ++i) {
            DcmTagKey value;
            if (element->getTagVal(value, i).good())
                tags.append(tagKey(value));
        }
        attribute.insert(QStringLiteral("Value"), tags);
        return attribute;
    }
    case EVR_AE: case EVR_AS: case EVR_CS: case EVR_DA: case EVR_DT: case EVR_LO: case EVR_LT:
    case EVR_PN: case EVR_SH: case EVR_ST: case EVR_TM: case EVR_UC: case EVR_UI: case EVR_UR:
    case EVR_UT: case EVR_IS: case EVR_DS: {
        const QJsonArray values = stringValues(element, vr, charset);
        if (!values.isEmpty())
            attribute.insert(QStringLiteral("Value"), values);
        return attribute;
    }
    default:
        break;
    }
    // Binary: pixel data and anything large stays out (retrieved with WADO-RS frames/instances).
    if (key == DCM_PixelData || element->getLength() > kInlineBinaryLimit || vrName == QLatin1String("UN"))
        return attribute;
    Uint8 *bytes = nullptr;
    if (element->getUint8Array(bytes).good() && bytes) {
        attribute.insert(QStringLiteral("InlineBinary"),
                         QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), int(element->getLength())).toBase64()));
    }
    return attribute;
}

QJsonObject datasetToJson(DcmItem *item, const QByteArray &inheritedCharset)
{
    QJsonObject object;
    if (!item)
        return object;
    const QByteArray charset = characterSetIn(item, inheritedCharset);
    for (unsigned long i = 0; i < item->card(); ++i) {
        DcmElement *element = item->getElement(i);
        if (!element)
            continue;
        const DcmTagKey key = element->getTag().getXTag();
        if (key.getElement() == 0x0000) // group lengths are an encoding detail
            continue;
        object.insert(tagKey(key), elementToJson(element, charset));
    }
    // The JSON is UTF-8 whatever the file used.
    if (object.contains(QStringLiteral("00080005")))
        object.insert(QStringLiteral("00080005"), DicomJson::stringAttribute(QStringLiteral("CS"), QStringLiteral("ISO_IR 192")));
    return object;
}

} // namespace

Result<QJsonObject> dicomJsonOf(const QByteArray &fileBytes)
{
    DcmInputBufferStream stream;
    stream.setBuffer(fileBytes.constData(), offile_off_t(fileBytes.size()));
    stream.setEos();
    DcmFileFormat file;
    file.transferInit();
    const OFCondition read = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file.transferEnd();
    if (read.bad())
        return Failure{QStringLiteral("cannot parse the dataset: %1").arg(QString::fromLatin1(read.text()))};
    QJsonObject json = datasetToJson(file.getDataset(), QByteArray());
    // The transfer syntax is not part of the dataset, but WADO-RS metadata clients need it.
    OFString transferSyntax;
    if (file.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, transferSyntax).good() && !transferSyntax.empty())
        json.insert(QStringLiteral("00020010"), DicomJson::stringAttribute(QStringLiteral("UI"), QString::fromLatin1(transferSyntax.c_str())));
    return json;
}

namespace DicomJson {

QString string(const QJsonObject &dataset, const char *tag)
{
    const QJsonValue value = dataset.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

QString personName(const QJsonObject &dataset, const char *tag)
{
    const QJsonObject name = dataset.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first().toObject();
    QStringList groups{name.value(QStringLiteral("Alphabetic")).toString(), name.value(QStringLiteral("Ideographic")).toString(),
                       name.value(QStringLiteral("Phonetic")).toString()};
    while (!groups.isEmpty() && groups.last().isEmpty())
        groups.removeLast();
    return groups.join(QLatin1Char('='));
}

QJsonObject attribute(const QString &vr, const QJsonArray &values)
{
    QJsonObject a{{QStringLiteral("vr"), vr}};
    if (!values.isEmpty())
        a.insert(QStringLiteral("Value"), values);
    return a;
}

QJsonObject stringAttribute(const QString &vr, const QString &value)
{
    return attribute(vr, value.isEmpty() ? QJsonArray() : QJsonArray{value});
}

QJsonObject numberAttribute(const QString &vr, double value)
{
    return attribute(vr, QJsonArray{value});
}

} // namespace DicomJson
