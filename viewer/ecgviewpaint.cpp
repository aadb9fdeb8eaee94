// EcgPaper: geometry in paper millimetres and painting of the grid, header and traces.

#include "ecgview.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <climits>
#include <cmath>

namespace {

// Paper geometry in millimetres, as an ECG printout is laid out.
constexpr double kMarginMm = 5.0;
constexpr double kHeaderMm = 17.0;   // three lines of text above the grid
constexpr double kCalibrationMm = 10.0; // room at the start of each row for the 1 mV pulse
constexpr double kStripSeconds = 10.0;  // standard recording length
constexpr double kGridRowMm = 35.0;     // 3×4 layout: 3.5 mV per row
constexpr double kListRowMm = 30.0;     // one row per lead
constexpr double kBaselineShare = 0.6;  // baseline below the middle: R waves need more room

const QStringList &standardOrder()
{
    // Columns of the 3×4 printout: limb leads, augmented leads, V1–V3, V4–V6.
    static const QStringList order = {
        QStringLiteral("I"),  QStringLiteral("II"),  QStringLiteral("III"),
        QStringLiteral("aVR"), QStringLiteral("aVL"), QStringLiteral("aVF"),
        QStringLiteral("V1"), QStringLiteral("V2"),  QStringLiteral("V3"),
        QStringLiteral("V4"), QStringLiteral("V5"),  QStringLiteral("V6")};
    return order;
}

double roundUpTo5(double mm)
{
    return std::ceil(mm / 5.0 - 1e-9) * 5.0;
}

} // namespace

EcgPaper::EcgPaper(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setObjectName(QStringLiteral("ecgPaper"));
}

QColor EcgPaper::minorGridColor()
{
    return QColor(248, 200, 200);
}

QColor EcgPaper::majorGridColor()
{
    return QColor(228, 120, 120);
}

void EcgPaper::setWaveform(const Dicom::WaveformGroup &group)
{
    m_group = group;
    relayout();
}

void EcgPaper::setDetails(const EcgDetails &details)
{
    m_details = details;
    update();
}

void EcgPaper::setEcgLayout(Layout layout)
{
    m_layout = layout;
    relayout();
}

EcgPaper::Layout EcgPaper::effectiveLayout() const
{
    if (m_layout == Layout::ThreeByFour) {
        for (const QString &lead : standardOrder()) {
            if (m_group.channelIndex(lead) < 0)
                return Layout::Rows;
        }
    }
    return m_layout;
}

void EcgPaper::setSpeed(double mmPerSecond)
{
    m_speed = std::clamp(mmPerSecond, 5.0, 100.0);
    relayout();
}

void EcgPaper::setGain(double mmPerMillivolt)
{
    m_gain = std::clamp(mmPerMillivolt, 1.0, 40.0);
    update();
}

void EcgPaper::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.25, 6.0);
    relayout();
}

double EcgPaper::pixelsPerMm() const
{
    // Qt's logical DPI is what the desktop says the screen has (96 unless configured); the
    // EDID-based physical DPI is unreliable on X11, and users calibrate with the zoom.
    return logicalDpiX() / 25.4 * m_zoom;
}

int EcgPaper::rowCount() const
{
    if (m_group.channels.isEmpty())
        return 0;
    return effectiveLayout() == Layout::ThreeByFour ? 4 : int(m_group.channels.size());
}

double EcgPaper::rowHeightMm() const
{
    return effectiveLayout() == Layout::ThreeByFour ? kGridRowMm : kListRowMm;
}

QSizeF EcgPaper::paperSizeMm() const
{
    const double gridWidth = roundUpTo5(kCalibrationMm + kStripSeconds * m_speed);
    const double gridHeight = std::max(1, rowCount()) * rowHeightMm();
    return {gridWidth + 2 * kMarginMm, kHeaderMm + gridHeight + 2 * kMarginMm};
}

QRectF EcgPaper::gridRect() const
{
    const double mm = pixelsPerMm();
    const QSizeF paper = paperSizeMm();
    // Whole pixels at the top left, so that grid lines fall on pixel boundaries from there.
    const QPointF topLeft(std::round(kMarginMm * mm), std::round((kMarginMm + kHeaderMm) * mm));
    return {topLeft, QSizeF((paper.width() - 2 * kMarginMm) * mm,
                            (paper.height() - 2 * kMarginMm - kHeaderMm) * mm)};
}

QSize EcgPaper::sizeHint() const
{
    const QSizeF paper = paperSizeMm() * pixelsPerMm();
    return {int(std::ceil(paper.width())), int(std::ceil(paper.height()))};
}

QList<EcgPaper::Trace> EcgPaper::traces() const
{
    return m_traces;
}

void EcgPaper::relayout()
{
    m_traces.clear();
    const double mm = pixelsPerMm();
    const QRectF grid = gridRect();
    const double rowHeight = rowHeightMm() * mm;
    const double left = grid.left() + kCalibrationMm * mm;
    const double frequency = m_group.samplingFrequency;
    const int available = m_group.sampleCount;
    if (frequency > 0 && available > 0) {
        const int stripSamples = std::min(available, int(std::lround(kStripSeconds * frequency)));
        auto add = [&](int channel, int row, double startSeconds, double seconds) {
            Trace trace;
            trace.channel = channel;
            trace.label = m_group.channels[channel].label;
            trace.firstSample = int(std::lround(startSeconds * frequency));
            trace.sampleCount = std::max(
                0, std::min(int(std::lround(seconds * frequency)), stripSamples - trace.firstSample));
            trace.originX = left + startSeconds * m_speed * mm;
            trace.cell = QRectF(trace.originX, grid.top() + row * rowHeight,
                                seconds * m_speed * mm, rowHeight);
            trace.baselineY = trace.cell.top() + kBaselineShare * rowHeight;
            m_traces.append(trace);
        };
        if (effectiveLayout() == Layout::ThreeByFour) {
            const double column = kStripSeconds / 4;
            for (int i = 0; i < standardOrder().size(); ++i)
                add(m_group.channelIndex(standardOrder()[i]), i % 3, (i / 3) * column, column);
            int rhythm = m_group.channelIndex(QStringLiteral("II"));
            add(rhythm >= 0 ? rhythm : 0, 3, 0, kStripSeconds);
        } else {
            for (int c = 0; c < m_group.channels.size(); ++c)
                add(c, c, 0, kStripSeconds);
        }
    }
    resize(sizeHint());
    updateGeometry();
    update();
}

void EcgPaper::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), Qt::white);
    paintGrid(painter, event->rect());
    paintHeader(painter);
    if (m_traces.isEmpty())
        return;

    const double mm = pixelsPerMm();
    QFont labelFont = font();
    labelFont.setPixelSize(std::max(8, int(std::lround(3.2 * mm))));
    labelFont.setBold(true);
    painter.setFont(labelFont);
    const QRectF grid = gridRect();
    QList<double> rowsWithPulse;
    for (const Trace &trace : std::as_const(m_traces)) {
        if (!rowsWithPulse.contains(trace.baselineY)) {
            rowsWithPulse.append(trace.baselineY);
            paintCalibration(painter, grid.left(), trace.baselineY);
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(Qt::black, 1));
        // A short tick where one lead's strip hands over to the next, as printouts mark it.
        if (trace.cell.left() > grid.left() + kCalibrationMm * mm + 1) {
            const double x = std::round(trace.cell.left());
            painter.drawLine(QPointF(x, trace.baselineY - 2.5 * mm),
                             QPointF(x, trace.baselineY + 2.5 * mm));
        }
        painter.drawText(QPointF(trace.cell.left() + 1.5 * mm, trace.cell.top() + 5 * mm),
                         trace.label);
        paintTrace(painter, trace);
    }
}

void EcgPaper::paintGrid(QPainter &painter, const QRect &clip) const
{
    const double mm = pixelsPerMm();
    const QRectF grid = gridRect();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(grid, QColor(255, 252, 252));
    const int columns = int(std::lround(grid.width() / mm));
    const int rows = int(std::lround(grid.height() / mm));
    // Minor lines first, major lines over them; every line on a whole pixel computed from
    // the grid origin, so rounding never accumulates across 250 mm.
    for (const bool major : {false, true}) {
        painter.setPen(QPen(major ? majorGridColor() : minorGridColor(), major && mm > 6 ? 2 : 1));
        for (int i = 0; i <= columns; ++i) {
            if ((i % 5 == 0) != major)
                continue;
            const int x = int(std::lround(grid.left() + i * mm));
            if (x < clip.left() - 2 || x > clip.right() + 2)
                continue;
            painter.drawLine(x, int(std::lround(grid.top())), x,
                             int(std::lround(grid.top() + rows * mm)));
        }
        for (int j = 0; j <= rows; ++j) {
            if ((j % 5 == 0) != major)
                continue;
            const int y = int(std::lround(grid.top() + j * mm));
            if (y < clip.top() - 2 || y > clip.bottom() + 2)
                continue;
            painter.drawLine(int(std::lround(grid.left())), y,
                             int(std::lround(grid.left() + columns * mm)), y);
        }
    }
}

void EcgPaper::paintHeader(QPainter &painter) const
{
    const double mm = pixelsPerMm();
    const QRectF grid = gridRect();
    QFont nameFont = font();
    nameFont.setPixelSize(std::max(9, int(std::lround(4.0 * mm))));
    nameFont.setBold(true);
    QFont textFont = font();
    textFont.setPixelSize(std::max(8, int(std::lround(3.2 * mm))));
    painter.setPen(Qt::black);

    const double left = grid.left();
    const double line1 = kMarginMm * mm + 4.5 * mm;
    painter.setFont(nameFont);
    QString identity = m_details.patientName;
    if (!m_details.patientId.isEmpty())
        identity += QStringLiteral("    ID: ") + m_details.patientId;
    painter.drawText(QPointF(left, line1), identity);

    painter.setFont(textFont);
    QStringList when;
    if (!m_details.acquired.isEmpty())
        when << m_details.acquired;
    if (!m_details.institution.isEmpty())
        when << m_details.institution;
    painter.drawText(QPointF(left, line1 + 5 * mm), when.join(QStringLiteral("    ")));

    QStringList recording;
    recording << tr("%1 mm/s").arg(m_speed) << tr("%1 mm/mV").arg(m_gain);
    if (m_group.samplingFrequency > 0) {
        recording << tr("%1 Hz").arg(m_group.samplingFrequency)
                  << tr("%1 s").arg(m_group.durationSeconds(), 0, 'f', 1)
                  << tr("%n lead(s)", nullptr, int(m_group.channels.size()));
        // The filters change what the trace shows (ST segments above all): print them.
        const Dicom::WaveformChannel &first = m_group.channels.first();
        if (first.filterLowHz > 0 || first.filterHighHz > 0)
            recording << tr("filter %1–%2 Hz").arg(first.filterLowHz).arg(first.filterHighHz);
        if (first.notchHz > 0)
            recording << tr("notch %1 Hz").arg(first.notchHz);
    }
    if (!m_group.label.isEmpty())
        recording << m_group.label;
    painter.drawText(QPointF(left, line1 + 10 * mm), recording.join(QStringLiteral("    ")));
}

void EcgPaper::paintCalibration(QPainter &painter, double left, double baselineY) const
{
    // 1 mV for 200 ms: 10 mm high at 10 mm/mV, 5 mm wide at 25 mm/s.
    const double mm = pixelsPerMm();
    const double x0 = left + 2 * mm;
    const double width = 0.2 * m_speed * mm;
    const double top = baselineY - m_gain * mm;
    QPainterPath pulse;
    pulse.moveTo(x0 - 1.5 * mm, baselineY);
    pulse.lineTo(x0, baselineY);
    pulse.lineTo(x0, top);
    pulse.lineTo(x0 + width, top);
    pulse.lineTo(x0 + width, baselineY);
    pulse.lineTo(x0 + width + 1.5 * mm, baselineY);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(Qt::black, std::max(1.0, 0.3 * mm), Qt::SolidLine, Qt::FlatCap,
                        Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(pulse);
}

void EcgPaper::paintTrace(QPainter &painter, const Trace &trace) const
{
    if (trace.channel < 0 || trace.channel >= m_group.channels.size() || trace.sampleCount <= 0)
        return;
    const QList<float> &samples = m_group.channels[trace.channel].samples;
    const double mm = pixelsPerMm();
    const double xPerSample = m_speed * mm / m_group.samplingFrequency;
    const double yPerMicrovolt = m_gain * mm / 1000.0;
    auto y = [&](float microvolts) { return trace.baselineY - double(microvolts) * yPerMicrovolt; };

    // Many samples share a pixel column at 1 kHz; keep each column's extremes so that narrow
    // spikes (pacing, QRS peaks) survive, in the order they occur.
    QList<QPolygonF> pieces(1);
    const int end = std::min(int(samples.size()), trace.firstSample + trace.sampleCount);
    int column = INT_MIN;
    float low = 0;
    float high = 0;
    int lowIndex = 0;
    int highIndex = 0;
    auto flush = [&] {
        if (column == INT_MIN)
            return;
        const double x = trace.originX + (lowIndex - trace.firstSample) * xPerSample;
        const double x2 = trace.originX + (highIndex - trace.firstSample) * xPerSample;
        if (lowIndex <= highIndex) {
            pieces.last() << QPointF(x, y(low)) << QPointF(x2, y(high));
        } else {
            pieces.last() << QPointF(x2, y(high)) << QPointF(x, y(low));
        }
    };
    for (int s = trace.firstSample; s < end; ++s) {
        const float value = samples[s];
        if (std::isnan(value)) { // padding: a gap in the trace
            flush();
            column = INT_MIN;
            if (!pieces.last().isEmpty())
                pieces.append(QPolygonF());
            continue;
        }
        const int c = int(std::floor((s - trace.firstSample) * xPerSample));
        if (c != column) {
            flush();
            column = c;
            low = high = value;
            lowIndex = highIndex = s;
        } else if (value < low) {
            low = value;
            lowIndex = s;
        } else if (value > high) {
            high = value;
            highIndex = s;
        }
    }
    flush();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(Qt::black, std::max(1.0, 0.25 * mm), Qt::SolidLine, Qt::RoundCap,
                        Qt::RoundJoin));
    for (const QPolygonF &piece : std::as_const(pieces)) {
        if (piece.size() > 1)
            painter.drawPolyline(piece);
    }
}
