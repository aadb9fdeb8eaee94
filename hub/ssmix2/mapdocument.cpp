// Extended storage (拡張ストレージ) documents → DocumentReference + Binary (documentmapping.h).
#include "documentmapping.h"

#include "mappingsupport.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QXmlStreamReader>

namespace Ssmix2 {

using namespace Mapping;

namespace {

const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kLoincOid = QStringLiteral("2.16.840.1.113883.6.1");
const QString kCdaNamespace = QStringLiteral("urn:hl7-org:v3");

struct DocumentType
{
    QString loinc;    ///< empty: not a kind the hub knows, the folder name is the type's text
    QString display;  ///< LOINC display
    QString text;     ///< Japanese name, the type's text
    QString category; ///< Renkei category code, searchable with `category`
    QString kind;     ///< disclosure kind
};

const QList<DocumentType> &knownTypes()
{
    static const QList<DocumentType> types{
        {QStringLiteral("18842-5"), QStringLiteral("Discharge summary"), QStringLiteral("退院時サマリー"),
         QStringLiteral("discharge-summary"), QStringLiteral("summaries")},
        {QStringLiteral("57133-1"), QStringLiteral("Referral note"), QStringLiteral("診療情報提供書"),
         QStringLiteral("referral-note"), QStringLiteral("physician-records")},
        {QStringLiteral("11506-3"), QStringLiteral("Progress note"), QStringLiteral("経過記録"),
         QStringLiteral("progress-note"), QStringLiteral("physician-records")},
    };
    return types;
}

std::optional<DocumentType> typeByCode(const QString &code)
{
    for (const DocumentType &type : knownTypes()) {
        if (type.loinc == code)
            return type;
    }
    return std::nullopt;
}

/// The kind of document a folder names: its LOINC code, or words hospitals use for it.
std::optional<DocumentType> typeOfFolder(const QString &folder)
{
    if (auto byCode = typeByCode(folder))
        return byCode;
    const QString lower = folder.toLower();
    auto mentions = [&](std::initializer_list<const char *> words) {
        for (const char *word : words) {
            if (lower.contains(QString::fromUtf8(word)))
                return true;
        }
        return false;
    };
    if (mentions({"退院", "discharge"}))
        return typeByCode(QStringLiteral("18842-5"));
    if (mentions({"紹介", "情報提供", "referral"}))
        return typeByCode(QStringLiteral("57133-1"));
    if (mentions({"経過", "progress"}))
        return typeByCode(QStringLiteral("11506-3"));
    return std::nullopt;
}

/// What a CDA R2 header tells cheaply; nothing of the body is kept.
struct CdaHeader
{
    QString title;
    QString loincCode;
    QString effectiveTime; ///< HL7 TS, e.g. 20250115103000+0900
    QString organization;  ///< author/assignedAuthor/representedOrganization/name
};

Result<CdaHeader> readCdaHeader(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    CdaHeader header;
    QStringList path;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (path.isEmpty() && (xml.name() != QLatin1String("ClinicalDocument") || xml.namespaceUri() != kCdaNamespace))
                return Failure{QStringLiteral("XML document is not a CDA R2 ClinicalDocument (urn:hl7-org:v3)")};
            path << xml.name().toString();
            const QString where = path.join(QLatin1Char('/'));
            const auto attributes = xml.attributes();
            if (where == QLatin1String("ClinicalDocument/code")
                && attributes.value(QStringLiteral("codeSystem")) == kLoincOid)
                header.loincCode = attributes.value(QStringLiteral("code")).toString();
            else if (where == QLatin1String("ClinicalDocument/effectiveTime"))
                header.effectiveTime = attributes.value(QStringLiteral("value")).toString();
            QString *text = where == QLatin1String("ClinicalDocument/title") ? &header.title
                : where == QLatin1String("ClinicalDocument/author/assignedAuthor/representedOrganization/name")
                    && header.organization.isEmpty()
                ? &header.organization
                : nullptr;
            if (text) {
                // readElementText() consumes the end element too.
                *text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                path.removeLast();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    // The whole document is read (quickly, nothing kept) so a truncated or broken file is
    // reported at import rather than handed to a viewer later.
    if (xml.hasError())
        return Failure{QStringLiteral("XML does not parse: %1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber())};
    return header;
}

/// An HL7 TS (YYYYMMDD[HHMM[SS]][±ZZZZ]) as a FHIR instant and as the hub's local date column;
/// a time without a zone is taken as JST, which is what Japanese systems write.
std::optional<std::pair<QString, QString>> instant(const QString &ts)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2})?)?(?:\\.\\d+)?([+-]\\d{4})?$"));
    const auto m = pattern.match(ts);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QString zone = m.captured(7).isEmpty() ? QStringLiteral("+09:00")
                                                 : m.captured(7).left(3) + QLatin1Char(':') + m.captured(7).mid(3);
    const QString local = date.toString(Qt::ISODate) + QLatin1Char('T') + time.toString(QStringLiteral("HH:mm:ss"));
    return std::make_pair(local + zone, local);
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    Q_UNUSED(text);
    return !decoder.hasError();
}

} // namespace

Result<QList<MappedResource>> mapDocument(const DocumentSource &source, const MappingContext &context)
{
    if (source.bytes.isEmpty())
        return Failure{QStringLiteral("empty document")};
    const QString extension = QFileInfo(source.fileName).suffix().toLower();
    std::optional<DocumentType> type = typeOfFolder(source.folder);
    QString contentType;
    QString title = source.fileName;
    QString organization;
    std::optional<std::pair<QString, QString>> date;
    if (extension == QLatin1String("xml")) {
        const auto header = readCdaHeader(source.bytes);
        if (!header)
            return Failure{header.error()};
        contentType = QStringLiteral("text/xml");
        if (!header->title.isEmpty())
            title = header->title;
        organization = header->organization;
        date = instant(header->effectiveTime);
        if (!type && !header->loincCode.isEmpty())
            type = typeByCode(header->loincCode);
    } else if (extension == QLatin1String("pdf")) {
        if (!source.bytes.startsWith("%PDF-"))
            return Failure{QStringLiteral("not a PDF (no %PDF- header)")};
        contentType = QStringLiteral("application/pdf");
    } else if (extension == QLatin1String("txt")) {
        // The bytes are kept as they are; only UTF-8 text can honestly be labelled with a charset.
        contentType = isUtf8(source.bytes) ? QStringLiteral("text/plain; charset=utf-8") : QStringLiteral("text/plain");
    } else {
        return Failure{QStringLiteral("not CDA R2 XML, PDF or text (.xml, .pdf, .txt)")};
    }
    if (!date && source.careDate != QLatin1String("-"))
        date = instant(source.careDate);

    const QString referenceId = resourceId(context, 1);
    const QString binaryId = resourceId(context, 2);
    const QString kind = type ? type->kind : QStringLiteral("physician-records");
    const QString code = type ? kLoinc + QLatin1Char('|') + type->loinc : QString();
    const QString columnDate = date ? date->second : QString();

    QJsonObject typeConcept{{QStringLiteral("text"), type ? type->text : source.folder}};
    if (type)
        typeConcept.insert(QStringLiteral("coding"),
                           QJsonArray{QJsonObject{{QStringLiteral("system"), kLoinc},
                                                  {QStringLiteral("code"), type->loinc},
                                                  {QStringLiteral("display"), type->display}}});
    QJsonObject category = renkeiCategory(type ? type->category : QStringLiteral("document"));
    category.insert(QStringLiteral("text"), type ? type->text : QStringLiteral("文書"));
    const QByteArray sha1 = QCryptographicHash::hash(source.bytes, QCryptographicHash::Sha1);
    QJsonObject attachment{{QStringLiteral("contentType"), contentType},
                           {QStringLiteral("url"), QStringLiteral("Binary/") + binaryId},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("size"), int(source.bytes.size())},
                           {QStringLiteral("hash"), QString::fromLatin1(sha1.toBase64())}};
    QJsonObject reference{{QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                          {QStringLiteral("status"), QStringLiteral("current")},
                          {QStringLiteral("type"), typeConcept},
                          {QStringLiteral("category"), QJsonArray{category}},
                          {QStringLiteral("description"), title},
                          {QStringLiteral("custodian"), QJsonObject{{QStringLiteral("reference"),
                                                                     QStringLiteral("Organization/") + context.facility}}},
                          {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}}}};
    if (date)
        reference.insert(QStringLiteral("date"), date->first);
    if (!organization.isEmpty())
        reference.insert(QStringLiteral("author"), QJsonArray{QJsonObject{{QStringLiteral("display"), organization}}});
    reference = finish(reference, context, 1);

    // Binary has no subject: it is reached only through its DocumentReference, whose patient
    // and disclosure kind it shares (securityContext says so in FHIR terms).
    const QJsonObject binary{
        {QStringLiteral("resourceType"), QStringLiteral("Binary")},
        {QStringLiteral("id"), binaryId},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + context.facility}}},
        {QStringLiteral("contentType"), contentType},
        {QStringLiteral("securityContext"), QJsonObject{{QStringLiteral("reference"),
                                                         QStringLiteral("DocumentReference/") + referenceId}}},
        {QStringLiteral("data"), QString::fromLatin1(source.bytes.toBase64())}};
    return QList<MappedResource>{{QStringLiteral("DocumentReference"), kind, columnDate, code, reference},
                                 {QStringLiteral("Binary"), kind, columnDate, code, binary}};
}

} // namespace Ssmix2
