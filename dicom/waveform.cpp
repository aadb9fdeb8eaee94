#include "waveform.h"

#include "datasettext_p.h"
#include "dicomfile_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QHash>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <optional>

namespace Dicom {
namespace {

// PS3.16 CID 3001 ECG Leads: SCPECG "5.6.3-9-N" and MDC "2:N" share the lead number N
// (ISO/IEEE 11073-10101 MDC_ECG_LEAD_*).
const QHash<int, QString> &leadsByNumber()
{
    static const QHash<int, QString> leads = {
        {1, QStringLiteral("I")},    {2, QStringLiteral("II")},   {3, QStringLiteral("V1")},
        {4, QStringLiteral("V2")},   {5, QStringLiteral("V3")},   {6, QStringLiteral("V4")},
        {7, QStringLiteral("V5")},   {8, QStringLiteral("V6")},   {9, QStringLiteral("V7")},
        {61, QStringLiteral("III")}, {62, QStringLiteral("aVR")}, {63, QStringLiteral("aVL")},
        {64, QStringLiteral("aVF")}, {65, QStringLiteral("-aVR")}, {66, QStringLiteral("V8")},
        {67, QStringLiteral("V9")},
    };
    return leads;
}

QString itemString(DcmItem *item, const DcmTagKey &key, const QByteArray &charset)
{
    return itemText(item, key, charset).trimmed();
}

double itemNumber(DcmItem *item, const DcmTagKey &key, double fallback)
{
    Float64 value = 0;
    if (item->findAndGetFloat64(key, value).good() && std::isfinite(value))
        return value;
    return fallback;
}

DcmItem *firstItem(DcmItem *item, const DcmTagKey &sequenceKey)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (item->findAndGetSequence(sequenceKey, sequence).bad() || !sequence || sequence->card() == 0)
        return nullptr;
    return sequence->getItem(0);
}

// Microvolts per unit for voltage units (UCUM); 0 for anything else.
double microvoltsPer(const QString &ucum)
{
    if (ucum == u"uV")
        return 1.0;
    if (ucum == u"mV")
        return 1e3;
    if (ucum == u"V")
        return 1e6;
    if (ucum == u"nV")
        return 1e-3;
    return 0.0;
}

struct SampleLayout
{
    int bytes = 0;
    bool isSigned = false;
};

std::optional<SampleLayout> layoutOf(const QString &interpretation, int bitsAllocated)
{
    static const QHash<QString, SampleLayout> layouts = {
        {QStringLiteral("SB"), {1, true}},  {QStringLiteral("UB"), {1, false}},
        {QStringLiteral("SS"), {2, true}},  {QStringLiteral("US"), {2, false}},
        {QStringLiteral("SL"), {4, true}},  {QStringLiteral("UL"), {4, false}},
    };
    const auto it = layouts.constFind(interpretation);
    if (it == layouts.constEnd() || it->bytes * 8 != bitsAllocated)
        return std::nullopt;
    return *it;
}

// Raw sample values of the whole group, channel-interleaved, as integers. DCMTK hands OW/OL
// data in host byte order; OB data of a 16/32-bit group (some writers do that) is read as
// little endian, the only byte order such writers use.
Result<QList<qint64>> rawSamples(DcmItem *group, const SampleLayout &layout, qsizetype count)
{
    DcmElement *element = nullptr;
    if (group->findAndGetElement(DCM_WaveformData, element).bad() || !element)
        return Error{QStringLiteral("waveform group without Waveform Data (5400,1010)")};
    QList<qint64> values;
    values.reserve(count);
    const DcmEVR vr = element->getVR();
    if (layout.bytes == 2 && vr == EVR_OW) {
        Uint16 *words = nullptr;
        if (element->getUint16Array(words).bad() || !words)
            return Error{QStringLiteral("unreadable Waveform Data")};
        if (qsizetype(element->getLength() / 2) < count)
            return Error{QStringLiteral("Waveform Data is shorter than its channels × samples")};
        for (qsizetype i = 0; i < count; ++i)
            values.append(layout.isSigned ? qint64(Sint16(words[i])) : qint64(words[i]));
        return values;
    }
    Uint8 *bytes = nullptr;
    if (element->getUint8Array(bytes).bad() || !bytes)
        return Error{QStringLiteral("unreadable Waveform Data")};
    if (qsizetype(element->getLength()) < count * layout.bytes)
        return Error{QStringLiteral("Waveform Data is shorter than its channels × samples")};
    for (qsizetype i = 0; i < count; ++i) {
        const Uint8 *p = bytes + i * layout.bytes;
        quint64 unsignedValue = 0;
        for (int b = layout.bytes - 1; b >= 0; --b)
            unsignedValue = (unsignedValue << 8) | p[b];
        qint64 value = qint64(unsignedValue);
        if (layout.isSigned && (unsignedValue >> (layout.bytes * 8 - 1)) & 1)
            value -= qint64(1) << (layout.bytes * 8);
        values.append(value);
    }
    return values;
}

struct ChannelScale
{
    double factor = 1.0;   // raw → calibrated unit
    double baseline = 0.0; // in the calibrated unit
};

Result<WaveformGroup> readGroup(DcmItem *group, const QByteArray &charset, int index)
{
    WaveformGroup result;
    const QByteArray groupCharset = characterSetOf(group, charset);
    result.label = itemString(group, DCM_MultiplexGroupLabel, groupCharset);
    result.samplingFrequency = itemNumber(group, DCM_SamplingFrequency, 0);
    result.timeOffsetMs = itemNumber(group, DCM_MultiplexGroupTimeOffset, 0);
    Uint16 channelCount = 0;
    Uint32 sampleCount = 0;
    Uint16 bitsAllocated = 0;
    group->findAndGetUint16(DCM_NumberOfWaveformChannels, channelCount);
    group->findAndGetUint32(DCM_NumberOfWaveformSamples, sampleCount);
    group->findAndGetUint16(DCM_WaveformBitsAllocated, bitsAllocated);
    OFString interpretation;
    group->findAndGetOFString(DCM_WaveformSampleInterpretation, interpretation);
    result.bitsAllocated = bitsAllocated;
    result.sampleInterpretation = QString::fromLatin1(interpretation.c_str()).trimmed();

    const QString where = QStringLiteral("waveform group %1").arg(index + 1);
    if (channelCount == 0 || sampleCount == 0)
        return Error{QStringLiteral("%1 has no channels or no samples").arg(where)};
    if (!(result.samplingFrequency > 0))
        return Error{QStringLiteral("%1 has no sampling frequency").arg(where)};
    const auto layout = layoutOf(result.sampleInterpretation, bitsAllocated);
    if (!layout)
        return Error{QStringLiteral("%1: unsupported sample interpretation %2 with %3 bits")
                         .arg(where, result.sampleInterpretation)
                         .arg(bitsAllocated)};
    // 64 Ki channels × 4 Gi samples would not fit anyone's memory; a damaged count must fail
    // here rather than in an allocation.
    const qint64 total = qint64(channelCount) * qint64(sampleCount);
    if (total > (qint64(1) << 28))
        return Error{QStringLiteral("%1 is implausibly large").arg(where)};
    result.sampleCount = int(sampleCount);

    DcmSequenceOfItems *definitions = nullptr;
    if (group->findAndGetSequence(DCM_ChannelDefinitionSequence, definitions).bad() || !definitions
        || definitions->card() != channelCount)
        return Error{QStringLiteral("%1: the Channel Definition Sequence does not list %2 channels")
                         .arg(where)
                         .arg(channelCount)};

    QList<ChannelScale> scales;
    for (unsigned i = 0; i < channelCount; ++i) {
        DcmItem *definition = definitions->getItem(i);
        const QByteArray definitionCharset = characterSetOf(definition, groupCharset);
        WaveformChannel channel;
        if (DcmItem *source = firstItem(definition, DCM_ChannelSourceSequence)) {
            channel.sourceCode = itemString(source, DCM_CodeValue, definitionCharset);
            channel.sourceScheme = itemString(source, DCM_CodingSchemeDesignator, definitionCharset);
            channel.sourceMeaning = itemString(source, DCM_CodeMeaning, definitionCharset);
        }
        channel.label = ecgLeadName(channel.sourceScheme, channel.sourceCode, channel.sourceMeaning);
        if (channel.label.isEmpty())
            channel.label = itemString(definition, DCM_ChannelLabel, definitionCharset);
        if (channel.label.isEmpty())
            channel.label = channel.sourceMeaning;
        if (channel.label.isEmpty())
            channel.label = QString::number(i + 1);

        // Without a sensitivity the stored numbers are all there is (PS3.3 makes it Type 1C).
        ChannelScale scale;
        const double sensitivity = itemNumber(definition, DCM_ChannelSensitivity, 1.0);
        const double correction = itemNumber(definition, DCM_ChannelSensitivityCorrectionFactor, 1.0);
        scale.baseline = itemNumber(definition, DCM_ChannelBaseline, 0.0);
        scale.factor = sensitivity * correction;
        if (DcmItem *units = firstItem(definition, DCM_ChannelSensitivityUnitsSequence)) {
            channel.unit = itemString(units, DCM_CodeValue, definitionCharset);
            if (const double toMicrovolts = microvoltsPer(channel.unit); toMicrovolts > 0) {
                scale.factor *= toMicrovolts;
                scale.baseline *= toMicrovolts;
                channel.unit = QStringLiteral("uV");
            }
        }
        channel.filterLowHz = itemNumber(definition, DCM_FilterLowFrequency, 0.0);
        channel.filterHighHz = itemNumber(definition, DCM_FilterHighFrequency, 0.0);
        channel.notchHz = itemNumber(definition, DCM_NotchFilterFrequency, 0.0);
        scales.append(scale);
        channel.samples.reserve(result.sampleCount);
        result.channels.append(channel);
    }

    auto raw = rawSamples(group, *layout, total);
    if (!raw)
        return Error{QStringLiteral("%1: %2").arg(where, raw.error())};

    // Waveform Padding Value (5400,100A) has the group's sample VR; read it as raw bytes.
    std::optional<qint64> padding;
    DcmElement *paddingElement = nullptr;
    if (group->findAndGetElement(DCM_WaveformPaddingValue, paddingElement).good() && paddingElement
        && paddingElement->getLength() >= Uint32(layout->bytes)) {
        if (layout->bytes == 2) {
            Uint16 *word = nullptr;
            if (paddingElement->getUint16Array(word).good() && word)
                padding = layout->isSigned ? qint64(Sint16(*word)) : qint64(*word);
        } else {
            Uint8 *byte = nullptr;
            if (paddingElement->getUint8Array(byte).good() && byte && layout->bytes == 1)
                padding = layout->isSigned ? qint64(Sint8(*byte)) : qint64(*byte);
        }
    }

    const float nan = std::numeric_limits<float>::quiet_NaN();
    const QList<qint64> &values = *raw;
    // Samples are interleaved: all channels of sample 0, then of sample 1, ...
    for (int s = 0; s < result.sampleCount; ++s) {
        const qsizetype offset = qsizetype(s) * channelCount;
        for (int c = 0; c < channelCount; ++c) {
            const qint64 value = values[offset + c];
            if (padding && value == *padding)
                result.channels[c].samples.append(nan);
            else
                result.channels[c].samples.append(
                    float(double(value) * scales[c].factor + scales[c].baseline));
        }
    }
    return result;
}

} // namespace

int WaveformGroup::channelIndex(const QString &name) const
{
    for (int i = 0; i < channels.size(); ++i) {
        if (channels[i].label == name)
            return i;
    }
    return -1;
}

int Waveform::rhythmGroupIndex() const
{
    int best = -1;
    auto better = [this](int candidate, int current) {
        if (current < 0)
            return true;
        const bool candidateFull = groups[candidate].channels.size() >= 12;
        const bool currentFull = groups[current].channels.size() >= 12;
        if (candidateFull != currentFull)
            return candidateFull;
        return groups[candidate].durationSeconds() > groups[current].durationSeconds();
    };
    for (int i = 0; i < groups.size(); ++i) {
        if (better(i, best))
            best = i;
    }
    return best;
}

QString ecgLeadName(const QString &scheme, const QString &code, const QString &meaning)
{
    static const QRegularExpression scpCode(QStringLiteral("^5\\.6\\.3-9-(\\d+)$"));
    static const QRegularExpression mdcCode(QStringLiteral("^2:(\\d+)$"));
    QRegularExpressionMatch match;
    if (scheme == u"SCPECG")
        match = scpCode.match(code);
    else if (scheme == u"MDC")
        match = mdcCode.match(code);
    if (match.hasMatch()) {
        const QString lead = leadsByNumber().value(match.captured(1).toInt());
        if (!lead.isEmpty())
            return lead;
    }
    // Unknown schemes: "Lead aVR", "Lead I (Einthoven)", "lead V1".
    static const QRegularExpression leadMeaning(
        QStringLiteral("^lead\\s+(I{1,3}|aV[RLF]|V[1-9])\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch named = leadMeaning.match(meaning.trimmed());
    if (!named.hasMatch())
        return {};
    QString lead = named.captured(1);
    if (lead.startsWith(u'a', Qt::CaseInsensitive))
        return QStringLiteral("aV") + lead.at(2).toUpper();
    return lead.toUpper();
}

Result<Waveform> readWaveform(const DicomFile &file)
{
    DicomFile::Private &d = privateOf(file);
    std::lock_guard lock(d.mutex);
    DcmDataset *dataset = d.dataset();
    Waveform waveform;
    const QByteArray charset = characterSetOf(dataset, {});
    waveform.sopClassUid = itemString(dataset, DCM_SOPClassUID, charset);
    waveform.modality = itemString(dataset, DCM_Modality, charset);
    DcmSequenceOfItems *sequence = nullptr;
    if (dataset->findAndGetSequence(DCM_WaveformSequence, sequence).bad() || !sequence
        || sequence->card() == 0)
        return Error{QStringLiteral("no Waveform Sequence (5400,0100): not a waveform object")};
    // A damaged median beat must not hide a good rhythm: keep the groups that decode.
    QString firstError;
    for (unsigned i = 0; i < sequence->card(); ++i) {
        auto group = readGroup(sequence->getItem(i), charset, int(i));
        if (group)
            waveform.groups.append(std::move(*group));
        else if (firstError.isEmpty())
            firstError = group.error();
    }
    if (waveform.groups.isEmpty())
        return Error{firstError};
    waveform.skippedGroupsError = firstError;
    return waveform;
}

} // namespace Dicom
