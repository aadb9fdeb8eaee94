#include "imageviewport.h"

#include "render.h"

#include <QScrollBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace {

// Enough to scroll back and forth through a typical series without decoding again, small
// enough that a 500-slice CT does not hold every frame twice (the file keeps the bytes).
constexpr int kCacheSlices = 96;

ImageViewport::Decoded decodeSlice(const Dicom::DicomFile &file, int frame, quint64 generation)
{
    ImageViewport::Decoded decoded;
    decoded.generation = generation;
    const auto info = file.imageInfo();
    if (!info) {
        decoded.error = info.error();
        return decoded;
    }
    decoded.info = *info;
    auto pixels = file.frame(frame);
    if (!pixels) {
        decoded.error = pixels.error();
        return decoded;
    }
    decoded.frame = std::move(*pixels);
    return decoded;
}

} // namespace

ImageViewport::ImageViewport(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imageViewport"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(160, 160);
    setAttribute(Qt::WA_OpaquePaintEvent);

    m_scrollBar = new QScrollBar(Qt::Vertical, this);
    m_scrollBar->setObjectName(QStringLiteral("sliceScrollBar"));
    m_scrollBar->setFocusPolicy(Qt::NoFocus);
    m_scrollBar->setRange(0, 0);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &ImageViewport::setCurrentSlice);

    m_cine = new QTimer(this);
    m_cine->setInterval(100);
    connect(m_cine, &QTimer::timeout, this, [this] {
        if (sliceCount() > 1)
            setCurrentSlice((m_current + 1) % sliceCount()); // cine loops, as on the modality
    });

    connect(&m_decoder, &QFutureWatcher<Decoded>::finished, this, &ImageViewport::onDecoded);
}

ImageViewport::~ImageViewport()
{
    m_decoder.waitForFinished();
}

void ImageViewport::setSeries(const Dicom::Series &series)
{
    setCinePlaying(false);
    // A decode of the previous series may still report: its result must not land in the
    // new series' cache under the same slice number.
    m_decoder.waitForFinished();
    m_decoding = -1;
    ++m_generation;
    m_series = series;
    m_slices.clear();
    for (int i = 0; i < m_series.images.size(); ++i) {
        for (int f = 0; f < m_series.images[i].frameCount; ++f)
            m_slices.append({i, f});
    }
    m_cache.clear();
    m_measurements.clear();
    m_selected = -1;
    m_pendingMeasure.reset();
    m_rendered = QImage();
    m_renderedKey.clear();
    m_state = ImageViewState();
    m_current = -1;
    {
        const QSignalBlocker block(m_scrollBar);
        m_scrollBar->setRange(0, qMax(0, sliceCount() - 1));
        m_scrollBar->setPageStep(qMax(1, sliceCount() / 10));
        m_scrollBar->setVisible(sliceCount() > 1);
    }
    // Radiologists start a stack in the middle, where the anatomy of interest usually is;
    // a single multi-frame object (cine, dose grid) starts at its first frame.
    setCurrentSlice(m_series.images.size() > 1 ? sliceCount() / 2 : 0);
    Q_EMIT viewChanged();
}

void ImageViewport::setCurrentSlice(int slice)
{
    if (m_slices.isEmpty())
        slice = -1;
    else
        slice = qBound(0, slice, sliceCount() - 1);
    if (slice == m_current)
        return;
    m_stepDirection = slice >= m_current ? 1 : -1;
    m_current = slice;
    m_pendingMeasure.reset();
    m_selected = -1;
    {
        const QSignalBlocker block(m_scrollBar);
        m_scrollBar->setValue(qMax(0, slice));
    }
    requestDecode();
    update();
    Q_EMIT currentSliceChanged(slice);
}

const Dicom::SeriesImage *ImageViewport::imageOf(int slice) const
{
    if (slice < 0 || slice >= m_slices.size())
        return nullptr;
    return &m_series.images[m_slices[slice].image];
}

const ImageViewport::Decoded *ImageViewport::decodedOf(int slice) const
{
    const auto it = m_cache.constFind(slice);
    return it == m_cache.constEnd() ? nullptr : &*it;
}

bool ImageViewport::isCurrentSliceReady() const
{
    const auto *image = imageOf(m_current);
    return image && (!image->file || decodedOf(m_current));
}

QString ImageViewport::errorMessage() const
{
    const auto *image = imageOf(m_current);
    if (!image)
        return tr("No image loaded");
    if (!image->file)
        return tr("This file cannot be read:\n%1").arg(image->error);
    const Decoded *d = decodedOf(m_current);
    if (!d || d->frame)
        return QString();
    return tr("This image cannot be displayed:\n%1").arg(d->error);
}

void ImageViewport::requestDecode()
{
    if (m_decoder.isRunning())
        return; // onDecoded() asks again for whatever is current then
    // The current slice first, then its neighbour in the scroll direction so stepping on
    // feels immediate.
    for (int candidate : {m_current, m_current + m_stepDirection}) {
        const auto *image = imageOf(candidate);
        if (!image || !image->file || m_cache.contains(candidate))
            continue;
        if (m_cache.size() >= kCacheSlices) {
            // Evict the slice furthest from where the user is.
            int furthest = m_cache.constBegin().key();
            for (auto it = m_cache.constBegin(); it != m_cache.constEnd(); ++it) {
                if (std::abs(it.key() - m_current) > std::abs(furthest - m_current))
                    furthest = it.key();
            }
            m_cache.remove(furthest);
        }
        m_decoding = candidate;
        m_decoder.setFuture(QtConcurrent::run(decodeSlice, *image->file,
                                              m_slices[candidate].frame, m_generation));
        return;
    }
}

void ImageViewport::onDecoded()
{
    if (m_decoder.future().resultCount() == 0)
        return;
    Decoded decoded = m_decoder.result();
    if (decoded.generation != m_generation) {
        requestDecode(); // from a series no longer shown
        return;
    }
    if (m_decoding >= 0 && m_decoding < sliceCount()) {
        m_cache.insert(m_decoding, std::move(decoded));
        completeStatistics(m_decoding);
    }
    const bool wasCurrent = m_decoding == m_current;
    m_decoding = -1;
    if (wasCurrent) {
        update();
        Q_EMIT viewChanged(); // the window shown may now come from the frame
    }
    requestDecode();
}

Dicom::Window ImageViewport::window() const
{
    if (m_state.window)
        return *m_state.window;
    const Decoded *d = decodedOf(m_current);
    if (d && d->frame)
        return Dicom::defaultWindow(*d->frame, d->info);
    return {};
}

void ImageViewport::setWindow(Dicom::Window window)
{
    window.width = qMax(1.0, window.width);
    m_state.window = window;
    changeView();
}

void ImageViewport::setInverted(bool inverted)
{
    m_state.inverted = inverted;
    changeView();
}

QSizeF ImageViewport::imageSize() const
{
    const Decoded *d = decodedOf(m_current);
    if (d && d->frame)
        return QSizeF(d->frame->columns, d->frame->rows);
    return {};
}

double ImageViewport::aspect() const
{
    const auto *image = imageOf(m_current);
    if (!image || !image->attributes.rowSpacing || !image->attributes.columnSpacing)
        return 1;
    return *image->attributes.rowSpacing / *image->attributes.columnSpacing;
}

double ImageViewport::fitZoom() const
{
    const QSizeF size = imageSize();
    if (size.isEmpty())
        return 1;
    double w = size.width();
    double h = size.height() * aspect();
    if (m_state.rotation % 180 != 0)
        std::swap(w, h);
    const double available = qMax(1, width() - m_scrollBar->sizeHint().width() * 2);
    return qMin(available / w, height() / h);
}

double ImageViewport::zoom() const
{
    return m_state.fit ? fitZoom() : m_state.zoom;
}

void ImageViewport::setZoom(double zoom)
{
    m_state.fit = false;
    m_state.zoom = qBound(0.05, zoom, 40.0);
    changeView();
}

void ImageViewport::fitToWindow()
{
    m_state.fit = true;
    m_state.pan = {};
    changeView();
}

void ImageViewport::rotateClockwise()
{
    m_state.rotation = (m_state.rotation + 90) % 360;
    changeView();
}

void ImageViewport::flipHorizontally()
{
    m_state.flipHorizontal = !m_state.flipHorizontal;
    changeView();
}

void ImageViewport::flipVertically()
{
    m_state.flipVertical = !m_state.flipVertical;
    changeView();
}

void ImageViewport::resetView()
{
    m_state = ImageViewState();
    changeView();
}

void ImageViewport::changeView()
{
    update();
    Q_EMIT viewChanged();
}

void ImageViewport::setTool(Tool tool)
{
    const bool changed = tool != m_tool;
    m_tool = tool;
    m_pendingMeasure.reset();
    setMouseTracking(false);
    setCursor(tool == Tool::Pan           ? Qt::OpenHandCursor
              : tool == Tool::WindowLevel ? Qt::ArrowCursor
                                          : Qt::CrossCursor);
    update();
    if (changed)
        Q_EMIT toolChanged(tool);
}

QImage ImageViewport::displayedImage()
{
    const QImage image = renderedImage();
    if (image.isNull())
        return image;
    // The same orientation the reader sees, at the image's own resolution; non-square
    // pixels stretched so anatomy keeps its proportions on paper.
    QTransform t;
    t.scale(m_state.flipHorizontal ? -1 : 1, m_state.flipVertical ? -1 : 1);
    t.rotate(m_state.rotation);
    t.scale(1, aspect());
    return image.transformed(t, Qt::SmoothTransformation);
}

std::optional<double> ImageViewport::slicePosition(int slice) const
{
    const auto *image = imageOf(slice);
    if (!image || image->frameCount > 1)
        return std::nullopt;
    return image->attributes.slicePosition();
}

std::optional<QVector3D> ImageViewport::sliceNormal() const
{
    const auto *image = imageOf(m_current);
    return image ? image->attributes.normal() : std::nullopt;
}

int ImageViewport::nearestSlice(double position) const
{
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < sliceCount(); ++i) {
        const auto p = slicePosition(i);
        if (!p)
            continue;
        const double d = std::abs(*p - position);
        if (best < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

void ImageViewport::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

bool ImageViewport::isCinePlaying() const
{
    return m_cine->isActive();
}

void ImageViewport::setCinePlaying(bool playing)
{
    if (playing == isCinePlaying() || (playing && sliceCount() < 2))
        return;
    playing ? m_cine->start() : m_cine->stop();
    Q_EMIT cinePlayingChanged(playing);
}

void ImageViewport::setCineRate(int framesPerSecond)
{
    m_cine->setInterval(1000 / qBound(1, framesPerSecond, 60));
}

void ImageViewport::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int w = m_scrollBar->sizeHint().width();
    m_scrollBar->setGeometry(width() - w, 0, w, height());
}

void ImageViewport::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    Q_EMIT activated();
}
