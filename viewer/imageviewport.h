#pragma once

#include "imageviewstate.h"
#include "measurement.h"
#include "seriesloader.h"

#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QPainterPath>
#include <QPointer>
#include <QWidget>

#include <array>

class KeyImages;
class QScrollBar;
class QTimer;

/// One viewport of the image viewer: shows a stack (the frames of every image of a series,
/// in order) with window/level, zoom, pan, rotation, flips, the four corner overlays,
/// orientation markers, a scale bar, measurements (length, angle, rectangle and ellipse ROI)
/// and the key image mark. Frames are decoded on the
/// thread pool and rendered on demand; a slice that cannot be decoded shows why in place.
class ImageViewport : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { WindowLevel, Length, Angle, Rectangle, Ellipse, Pan };

    /// The result of decoding one slice; default-constructible so it can cross QFuture.
    struct Decoded
    {
        std::optional<Dicom::Frame> frame;
        Dicom::ImageInfo info;
        QString error;
        quint64 generation = 0; ///< which setSeries() it belongs to
    };

    explicit ImageViewport(QWidget *parent = nullptr);
    ~ImageViewport() override;

    void setSeries(const Dicom::Series &series);
    const Dicom::Series &series() const { return m_series; }

    int sliceCount() const { return int(m_slices.size()); }
    /// The image object of the current slice (null when nothing is shown).
    const Dicom::SeriesImage *currentImage() const { return imageOf(m_current); }
    int currentSlice() const { return m_current; }
    void setCurrentSlice(int slice);
    /// Whether the current slice is decoded (or failed); tests wait on this.
    bool isCurrentSliceReady() const;
    /// Why the current slice shows no image (empty when it shows one or is still decoding).
    QString errorMessage() const;

    Dicom::Window window() const; ///< the window in use on the current slice
    void setWindow(Dicom::Window window);
    bool isInverted() const { return m_state.inverted; }
    void setInverted(bool inverted);
    double zoom() const; ///< screen pixels per image column
    void setZoom(double zoom);
    void fitToWindow();
    void rotateClockwise();
    void flipHorizontally();
    void flipVertically();
    /// Window, zoom, pan, rotation, flips and invert back to how the slice opened.
    void resetView();
    const ImageViewState &viewState() const { return m_state; }

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);

    /// Measurements of @p slice (they stay with it while scrolling), points in image pixels.
    QList<Measurement> measurements(int slice) const { return m_measurements.value(slice); }
    void addMeasurement(int slice, const QLineF &line); ///< a length
    /// Adds any kind; an ROI gets its statistics from the slice's pixels (now, or as soon as
    /// the slice is decoded).
    void addMeasurement(int slice, const Measurement &measurement);
    /// The selected measurement of the current slice (-1: none); Delete removes it.
    int selectedMeasurement() const { return m_selected; }
    void selectMeasurement(int index);
    void deleteSelectedMeasurement();
    /// Every measurement of the current slice, or of the whole stack.
    void deleteAllMeasurements(bool wholeStack = false);
    /// A measurement's length in mm (Pixel Spacing), or nullopt when the slice has none.
    std::optional<double> lengthInMillimetres(int slice, const QLineF &line) const;
    /// The measurement's label as shown ("12.3 mm" or "45.0 px").
    QString lengthText(int slice, const QLineF &line) const;
    /// The label lines of any measurement: length, angle in degrees, or ROI statistics.
    QStringList measurementText(int slice, const Measurement &measurement) const;
    PixelSpacing pixelSpacing(int slice) const;

    /// The key image list this viewport marks into (K) and shows the mark from.
    void setKeyImages(KeyImages *keyImages);
    bool isKeyImage() const; ///< the current slice is marked
    /// Marks or unmarks the current slice; returns whether it is marked now.
    bool toggleKeyImage();
    /// The current slice as shown (window, invert, rotation, flips), without annotations.
    QImage displayedImage();

    /// Position of @p slice along its normal (mm), for synchronised scrolling.
    std::optional<double> slicePosition(int slice) const;
    std::optional<QVector3D> sliceNormal() const;
    /// The slice whose position is nearest to @p position (-1 without positions).
    int nearestSlice(double position) const;

    /// Marks this viewport as the one the series list and tool bar act on (in 1x2).
    void setHighlighted(bool highlighted);

    bool isCinePlaying() const;
    void setCinePlaying(bool playing);
    void setCineRate(int framesPerSecond);

    /// Every corner overlay line, top-left, top-right, bottom-left, bottom-right.
    QStringList overlayLines() const;
    /// Maps between image pixel coordinates and widget coordinates under the current view.
    QPointF imageToWidget(const QPointF &imagePoint) const;
    QPointF widgetToImage(const QPointF &widgetPoint) const;

Q_SIGNALS:
    void currentSliceChanged(int slice);
    void viewChanged(); ///< window, zoom, pan, orientation or invert changed
    void measurementAdded(int slice, const Measurement &measurement);
    void keyImageToggled(bool marked);
    void cinePlayingChanged(bool playing);
    void toolChanged(ImageViewport::Tool tool);
    void activated(); ///< took the keyboard focus: series choices now go here

protected:
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct SliceRef
    {
        int image = 0;
        int frame = 0;
    };
    enum class Drag { None, WindowLevel, Pan, Measure };

    const Dicom::SeriesImage *imageOf(int slice) const;
    const Decoded *decodedOf(int slice) const;
    void requestDecode();
    void onDecoded();
    QTransform imageTransform() const;
    QSizeF imageSize() const; ///< columns × rows of the current slice (0 when unknown)
    double aspect() const;    ///< row spacing / column spacing: pixels are not always square
    double fitZoom() const;
    void changeView();
    void stepSlice(int delta);
    void applyPreset(int index);
    void applyFileWindow(int index);
    void showWindowMenu(const QPoint &globalPos);
    QImage renderedImage();

    // painting (imageviewportpaint.cpp)
    std::array<QStringList, 4> cornerTexts() const; ///< TL, TR, BL, BR
    void paintImage(QPainter &p);
    void paintMessage(QPainter &p, const QString &text);
    void paintCorners(QPainter &p);
    void paintOrientation(QPainter &p);
    void paintScaleBar(QPainter &p);
    void paintMeasurements(QPainter &p);
    void paintBadges(QPainter &p); ///< lossy compression and key image, top centre
    void paintMeasurement(QPainter &p, const Measurement &m, bool selected);

    // measurements (imageviewportinput.cpp)
    void pressMeasure(const QPointF &widgetPos);
    void moveMeasure(const QPointF &widgetPos);
    void releaseMeasure(const QPointF &widgetPos);
    int measurementAt(const QPointF &widgetPos) const;
    QPainterPath measurementPath(const Measurement &m) const; ///< in widget coordinates
    void completeStatistics(int slice);
    std::optional<Measurement::Kind> measureKind() const;
    QString sopInstanceUid(int slice) const;

    Dicom::Series m_series;
    QList<SliceRef> m_slices;
    int m_current = -1;
    int m_stepDirection = 1;
    ImageViewState m_state;
    Tool m_tool = Tool::WindowLevel;

    QHash<int, Decoded> m_cache;
    QFutureWatcher<Decoded> m_decoder;
    int m_decoding = -1;
    quint64 m_generation = 0;

    QImage m_rendered;
    QString m_renderedKey;

    QHash<int, QList<Measurement>> m_measurements;
    int m_selected = -1;
    Drag m_drag = Drag::None;
    QPointF m_dragStart;
    QPointF m_dragLast;
    Dicom::Window m_dragWindow;
    std::optional<Measurement> m_pendingMeasure; ///< its last point follows the pointer
    QPointer<KeyImages> m_keyImages;

    bool m_highlighted = false;
    QScrollBar *m_scrollBar = nullptr;
    QTimer *m_cine = nullptr;
};
