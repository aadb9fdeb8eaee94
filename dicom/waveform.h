#pragma once

#include "dicomfile.h"
#include "result.h"

#include <QList>
#include <QString>

namespace Dicom {

/// One channel of a multiplex group, its samples already calibrated.
struct WaveformChannel
{
    /// Short lead name for ECG leads ("I", "II", "III", "aVR", "aVL", "aVF", "V1"…"V6"),
    /// else the Channel Label or the source's Code Meaning.
    QString label;
    QString sourceCode;    ///< Channel Source Sequence Code Value, e.g. "5.6.3-9-1"
    QString sourceScheme;  ///< its Coding Scheme Designator, e.g. "SCPECG" or "MDC"
    QString sourceMeaning; ///< its Code Meaning, e.g. "Lead I (Einthoven)"
    /// Unit of samples: "uV" for every voltage (mV and V are converted), else the file's UCUM
    /// code (e.g. "mm[Hg]"), empty when the file names none.
    QString unit;
    /// sample × sensitivity × correction factor + baseline (PS3.3 C.10.9.1.4.3); NaN where the
    /// stored value is the group's Waveform Padding Value.
    QList<float> samples;
    /// Filter Low/High Frequency and Notch Filter Frequency (003A,0220/0221/0222), Hz;
    /// 0 when the file names none.
    double filterLowHz = 0;
    double filterHighHz = 0;
    double notchHz = 0;
};

/// One item of the Waveform Sequence (5400,0100): channels sampled together.
struct WaveformGroup
{
    QString label;              ///< Multiplex Group Label, e.g. "RHYTHM" or "MEDIAN BEAT"
    double samplingFrequency = 0; ///< Hz
    int sampleCount = 0;        ///< samples per channel
    int bitsAllocated = 0;      ///< 8, 16 or 32
    QString sampleInterpretation; ///< SS, US, SB, UB, SL or UL
    double timeOffsetMs = 0;    ///< Multiplex Group Time Offset
    QList<WaveformChannel> channels;

    double durationSeconds() const
    {
        return samplingFrequency > 0 ? sampleCount / samplingFrequency : 0;
    }
    /// Index of the channel called @p label (case-sensitive: "I" is not "i"), or -1.
    int channelIndex(const QString &label) const;
};

/// The waveforms of one object, e.g. a 12-lead ECG with a 10 s rhythm group and a median beat.
struct Waveform
{
    QString sopClassUid;
    QString modality;
    QList<WaveformGroup> groups;
    /// Why a group was left out (the first such reason); empty when every group decoded.
    QString skippedGroupsError;

    /// The group to draw as the 12-lead recording: the longest one with at least 12 channels
    /// (the rhythm, not the median beat), else the longest; -1 without groups.
    int rhythmGroupIndex() const;
};

/// Decodes every group of the Waveform Sequence of @p file. An object without one, a group
/// whose data are shorter than its channels × samples, or an unknown sample interpretation
/// is an error, never a crash.
Result<Waveform> readWaveform(const DicomFile &file);

/// The short ECG lead name for a channel source code (SCPECG "5.6.3-9-N" or MDC "2:N"), or
/// for its Code Meaning ("Lead aVR", "Lead I (Einthoven)"); empty if it is not a standard lead.
QString ecgLeadName(const QString &scheme, const QString &code, const QString &meaning);

} // namespace Dicom
