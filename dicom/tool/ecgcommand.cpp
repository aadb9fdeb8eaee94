#include "ecgcommand.h"

#include "infocommand.h"

#include "dicomfile.h"
#include "waveform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace {

void write(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

QJsonObject groupJson(const Dicom::WaveformGroup &group)
{
    QJsonObject json;
    json[u"label"] = group.label;
    json[u"samplingFrequency"] = group.samplingFrequency;
    json[u"sampleCount"] = group.sampleCount;
    json[u"bitsAllocated"] = group.bitsAllocated;
    json[u"sampleInterpretation"] = group.sampleInterpretation;
    QJsonArray leads;
    for (const Dicom::WaveformChannel &channel : group.channels) {
        QJsonObject lead;
        lead[u"label"] = channel.label;
        lead[u"code"] = channel.sourceCode;
        lead[u"codingScheme"] = channel.sourceScheme;
        lead[u"meaning"] = channel.sourceMeaning;
        lead[u"unit"] = channel.unit;
        QJsonArray samples;
        for (const float sample : channel.samples) {
            if (std::isnan(sample))
                samples.append(QJsonValue::Null); // padding: no sample here
            else
                samples.append(double(sample));
        }
        lead[u"samples"] = samples;
        leads.append(lead);
    }
    json[u"leads"] = leads;
    return json;
}

QByteArray groupCsv(const Dicom::WaveformGroup &group)
{
    QByteArray csv = "time_ms";
    for (const Dicom::WaveformChannel &channel : group.channels) {
        csv += ',';
        csv += channel.unit.isEmpty() ? channel.label.toUtf8()
                                      : QStringLiteral("%1_%2").arg(channel.label, channel.unit).toUtf8();
    }
    csv += '\n';
    for (int s = 0; s < group.sampleCount; ++s) {
        csv += QByteArray::number(group.timeOffsetMs + 1000.0 * s / group.samplingFrequency, 'g', 10);
        for (const Dicom::WaveformChannel &channel : group.channels) {
            csv += ',';
            const float sample = channel.samples.value(s);
            if (!std::isnan(sample))
                csv += QByteArray::number(double(sample), 'g', 8);
        }
        csv += '\n';
    }
    return csv;
}

} // namespace

int runEcg(const QStringList &args)
{
    QString path;
    bool csv = false;
    int groupNumber = 0; // 1-based; 0 = the rhythm group for CSV, all groups for JSON
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--csv") {
            csv = true;
        } else if (a == u"--json") {
            csv = false;
        } else if (a == u"--group") {
            bool ok = false;
            groupNumber = i + 1 < args.size() ? args[++i].toInt(&ok) : 0;
            if (!ok || groupNumber < 1) {
                printError(QStringLiteral("--group wants a number from 1"));
                return 2;
            }
        } else if (a.startsWith(u'-') && a.size() > 1) {
            printError(QStringLiteral("ecg: unknown option %1").arg(a));
            return 2;
        } else if (path.isEmpty()) {
            path = a;
        } else {
            printError(QStringLiteral("ecg takes exactly one FILE"));
            return 2;
        }
    }
    if (path.isEmpty()) {
        printError(QStringLiteral("ecg takes exactly one FILE"));
        return 2;
    }
    const auto file = Dicom::DicomFile::open(path);
    if (!file) {
        printError(file.error());
        return 1;
    }
    const auto waveform = Dicom::readWaveform(*file);
    if (!waveform) {
        printError(QStringLiteral("%1: %2").arg(path, waveform.error()));
        return 1;
    }
    if (groupNumber > waveform->groups.size()) {
        printError(QStringLiteral("%1 has %2 waveform groups, not %3")
                       .arg(path)
                       .arg(waveform->groups.size())
                       .arg(groupNumber));
        return 1;
    }
    if (csv) {
        const int index = groupNumber > 0 ? groupNumber - 1 : waveform->rhythmGroupIndex();
        write(groupCsv(waveform->groups[index]));
        return 0;
    }
    QJsonArray groups;
    for (int i = 0; i < waveform->groups.size(); ++i) {
        if (groupNumber == 0 || i == groupNumber - 1)
            groups.append(groupJson(waveform->groups[i]));
    }
    QJsonObject json;
    json[u"sopClassUid"] = waveform->sopClassUid;
    json[u"modality"] = waveform->modality;
    json[u"groups"] = groups;
    write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    write("\n");
    return 0;
}
