#pragma once

#include "seriesloader.h"
#include "waveform.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;
class QStackedWidget;

/// What the ECG header shows about the recording besides the waveform itself.
struct EcgDetails
{
    QString patientName; ///< as displayed (Japanese ideographic group preferred)
    QString patientId;
    QString acquired;    ///< acquisition date and time, already formatted
    QString institution;

    /// The details of a loaded waveform object (name, ID, acquisition time, institution).
    static EcgDetails fromImage(const Dicom::SeriesImage &image);
};

/// The ECG drawn as on paper: a 1 mm / 5 mm pink grid in real millimetres on screen (the
/// screen's logical DPI, times the zoom), 25 mm/s and 10 mm/mV by default, a 1 mV
/// calibration pulse at the start of each row, lead labels, and either the standard 3×4
/// layout (2.5 s per lead, leads time-aligned) with a 10 s lead II rhythm strip, or one
/// 10 s row per lead.
class EcgPaper : public QWidget
{
    Q_OBJECT

public:
    enum class Layout { ThreeByFour, Rows };

    /// One drawn strip: which lead, which samples, and where on the widget.
    struct Trace
    {
        int channel = -1;
        QString label;
        int firstSample = 0;
        int sampleCount = 0;
        QRectF cell;       ///< widget pixels of the strip's share of the grid
        double originX = 0; ///< x of firstSample
        double baselineY = 0; ///< y of 0 mV
    };

    explicit EcgPaper(QWidget *parent = nullptr);

    void setWaveform(const Dicom::WaveformGroup &group);
    void setDetails(const EcgDetails &details);
    /// ThreeByFour needs the twelve standard leads; without them the rows layout is used.
    void setEcgLayout(Layout layout);
    Layout ecgLayout() const { return m_layout; }
    Layout effectiveLayout() const;
    void setSpeed(double mmPerSecond);
    double speed() const { return m_speed; }
    void setGain(double mmPerMillivolt);
    double gain() const { return m_gain; }
    /// 1.0 = real size.
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }

    /// Screen pixels per paper millimetre: logical DPI / 25.4 × zoom.
    double pixelsPerMm() const;
    /// The gridded area, widget pixels.
    QRectF gridRect() const;
    QList<Trace> traces() const;

    QSize sizeHint() const override;

    static QColor minorGridColor();
    static QColor majorGridColor();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void relayout();
    QSizeF paperSizeMm() const;
    double rowHeightMm() const;
    int rowCount() const;
    void paintGrid(QPainter &painter, const QRect &clip) const;
    void paintHeader(QPainter &painter) const;
    void paintCalibration(QPainter &painter, double left, double baselineY) const;
    void paintTrace(QPainter &painter, const Trace &trace) const;

    Dicom::WaveformGroup m_group;
    EcgDetails m_details;
    Layout m_layout = Layout::ThreeByFour;
    double m_speed = 25.0;
    double m_gain = 10.0;
    double m_zoom = 1.0;
    QList<Trace> m_traces;
};

/// The ECG page of the image viewer: layout, speed, gain and zoom controls above the paper.
/// Keyboard: Ctrl +/− zoom, Ctrl+0 real size, L switches the layout.
class EcgView : public QWidget
{
    Q_OBJECT

public:
    explicit EcgView(QWidget *parent = nullptr);

    /// Shows the rhythm group of @p waveform (Waveform::rhythmGroupIndex()).
    void setWaveform(const Dicom::Waveform &waveform, const EcgDetails &details = {});
    /// Shows @p message in place of the paper (an ECG that could not be decoded).
    void showError(const QString &message);
    QString errorMessage() const { return m_error; }

    EcgPaper *paper() const { return m_paper; }
    void zoomIn();
    void zoomOut();
    void actualSize();
    /// Scales the paper to the width of the view (a small screen shows all 10 s at once).
    void fitWidth();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void syncControls();

    EcgPaper *m_paper = nullptr;
    QScrollArea *m_scroll = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_layoutBox = nullptr;
    QComboBox *m_speedBox = nullptr;
    QComboBox *m_gainBox = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QString m_error;
};
