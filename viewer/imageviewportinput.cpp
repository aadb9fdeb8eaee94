// Mouse, wheel and keyboard handling of ImageViewport: everything on the keyboard too.
#include "imageviewport.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainterPath>
#include <QWheelEvent>

#include <cmath>

void ImageViewport::stepSlice(int delta)
{
    if (sliceCount() > 0)
        setCurrentSlice(qBound(0, m_current + delta, sliceCount() - 1));
}

void ImageViewport::applyPreset(int index)
{
    if (index < 0 || index >= int(std::size(kCtPresets)))
        return;
    setWindow({kCtPresets[index].center, kCtPresets[index].width});
}

void ImageViewport::applyFileWindow(int index)
{
    const Decoded *d = decodedOf(m_current);
    if (d && index >= 0 && index < d->info.windows.size())
        setWindow(d->info.windows[index]);
}

void ImageViewport::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        event->ignore();
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom about the cursor, so what the reader points at stays under the pointer.
        const QPointF anchor = event->position();
        const QPointF before = widgetToImage(anchor);
        setZoom(zoom() * std::pow(1.25, steps));
        m_state.pan += anchor - imageToWidget(before);
        changeView();
    } else {
        stepSlice(-steps); // wheel towards the user moves on through the stack
    }
    event->accept();
}

void ImageViewport::keyPressEvent(QKeyEvent *event)
{
    const int page = qMax(1, sliceCount() / 10);
    switch (event->key()) {
    case Qt::Key_Up: stepSlice(-1); break;
    case Qt::Key_Down: stepSlice(1); break;
    case Qt::Key_PageUp: stepSlice(-page); break;
    case Qt::Key_PageDown: stepSlice(page); break;
    case Qt::Key_Home: setCurrentSlice(0); break;
    case Qt::Key_End: setCurrentSlice(sliceCount() - 1); break;
    case Qt::Key_I: setInverted(!m_state.inverted); break;
    case Qt::Key_F: fitToWindow(); break;
    case Qt::Key_1: setZoom(1); break;
    case Qt::Key_Plus: case Qt::Key_Equal: setZoom(zoom() * 1.25); break;
    case Qt::Key_Minus: setZoom(zoom() / 1.25); break;
    case Qt::Key_2: case Qt::Key_3: case Qt::Key_4: case Qt::Key_5: case Qt::Key_6:
        applyPreset(event->key() - Qt::Key_2);
        break;
    case Qt::Key_7: case Qt::Key_8: case Qt::Key_9:
        applyFileWindow(event->key() - Qt::Key_7);
        break;
    case Qt::Key_R: rotateClockwise(); break;
    case Qt::Key_H: flipHorizontally(); break;
    case Qt::Key_V: flipVertically(); break;
    case Qt::Key_W: setTool(Tool::WindowLevel); break;
    case Qt::Key_L: setTool(Tool::Length); break;
    case Qt::Key_A: setTool(Tool::Angle); break;
    case Qt::Key_B: setTool(Tool::Rectangle); break;
    case Qt::Key_E: setTool(Tool::Ellipse); break;
    case Qt::Key_K: toggleKeyImage(); break;
    case Qt::Key_N: {
        // Cycles the selection through this slice's measurements (Shift: backwards).
        const int count = int(m_measurements.value(m_current).size());
        if (count > 0) {
            const int step = (event->modifiers() & Qt::ShiftModifier) ? -1 : 1;
            selectMeasurement(((m_selected < 0 ? (step > 0 ? -1 : 0) : m_selected) + step + count) % count);
        }
        break;
    }
    case Qt::Key_P: setTool(Tool::Pan); break;
    case Qt::Key_Space: setCinePlaying(!isCinePlaying()); break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (event->modifiers() & Qt::ShiftModifier)
            deleteAllMeasurements(event->modifiers() & Qt::ControlModifier);
        else
            deleteSelectedMeasurement();
        break;
    case Qt::Key_Escape:
        if (m_pendingMeasure || m_selected >= 0) {
            m_pendingMeasure.reset();
            m_selected = -1;
            m_drag = Drag::None;
            setMouseTracking(false);
            update();
            break;
        }
        [[fallthrough]];
    case Qt::Key_0: resetView(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void ImageViewport::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_dragStart = m_dragLast = event->position();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (shift || m_tool == Tool::Pan))) {
        m_drag = Drag::Pan;
    } else if (event->button() == Qt::RightButton
               || (event->button() == Qt::LeftButton && m_tool == Tool::WindowLevel)) {
        m_drag = Drag::WindowLevel;
        m_dragWindow = window();
    } else if (event->button() == Qt::LeftButton && measureKind() && !imageSize().isEmpty()) {
        m_drag = Drag::Measure;
        pressMeasure(event->position());
    } else {
        m_drag = Drag::None;
    }
    event->accept();
}

void ImageViewport::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF delta = event->position() - m_dragLast;
    m_dragLast = event->position();
    switch (m_drag) {
    case Drag::Pan:
        m_state.pan += delta;
        changeView();
        break;
    case Drag::WindowLevel: {
        // Sensitivity scales with the window: fine control on a narrow brain window, quick
        // sweeps on a wide bone window. Right widens, down raises the level (darker image).
        const QPointF total = event->position() - m_dragStart;
        const double perPixel = qMax(1.0, m_dragWindow.width) / 256.0;
        setWindow({m_dragWindow.center + total.y() * perPixel,
                   qMax(1.0, m_dragWindow.width + total.x() * perPixel * 2)});
        break;
    }
    case Drag::Measure:
    case Drag::None:
        // Between the clicks of an angle the free arm follows the pointer (mouse tracking).
        moveMeasure(event->position());
        break;
    }
    event->accept();
}

void ImageViewport::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = (event->position() - m_dragStart).manhattanLength() < 3;
    if (m_drag == Drag::Measure)
        releaseMeasure(event->position());
    else if (click && event->button() == Qt::LeftButton && m_drag != Drag::Pan)
        selectMeasurement(measurementAt(event->position()));
    m_drag = Drag::None;
    event->accept();
}

std::optional<Measurement::Kind> ImageViewport::measureKind() const
{
    switch (m_tool) {
    case Tool::Length: return Measurement::Kind::Length;
    case Tool::Angle: return Measurement::Kind::Angle;
    case Tool::Rectangle: return Measurement::Kind::Rectangle;
    case Tool::Ellipse: return Measurement::Kind::Ellipse;
    default: return std::nullopt;
    }
}

void ImageViewport::pressMeasure(const QPointF &widgetPos)
{
    const QPointF p = widgetToImage(widgetPos);
    if (m_pendingMeasure)
        m_pendingMeasure->points.last() = p; // the next click of an angle
    else
        m_pendingMeasure = Measurement{*measureKind(), {p, p}, {}};
    update();
}

void ImageViewport::moveMeasure(const QPointF &widgetPos)
{
    if (!m_pendingMeasure)
        return;
    m_pendingMeasure->points.last() = widgetToImage(widgetPos);
    if (m_pendingMeasure->isRoi()) {
        // Live values while the ROI is drawn: a reader sizes it to the tissue by them.
        const Decoded *d = decodedOf(m_current);
        m_pendingMeasure->statistics = d && d->frame
            ? MeasurementMath::roiStatistics(*d->frame, d->info, m_pendingMeasure->kind,
                                             m_pendingMeasure->rect())
            : std::nullopt;
    }
    update();
}

void ImageViewport::releaseMeasure(const QPointF &widgetPos)
{
    if (!m_pendingMeasure)
        return;
    Measurement &m = *m_pendingMeasure;
    m.points.last() = widgetToImage(widgetPos);
    const qsizetype n = m.points.size();
    const bool moved = (imageToWidget(m.points[n - 1]) - imageToWidget(m.points[n - 2]))
                           .manhattanLength() >= 3;
    if (m.kind == Measurement::Kind::Angle) {
        // Three clicks, or a drag for the first arm then a click: each placed point that is
        // apart from the previous one fixes it, and a new free point follows the pointer.
        if (!moved) {
            if (n == 2 && (m_dragLast - m_dragStart).manhattanLength() < 3
                && measurementAt(widgetPos) >= 0) {
                // A plain click on an existing measurement selects it instead.
                m_pendingMeasure.reset();
                selectMeasurement(measurementAt(widgetPos));
            }
            setMouseTracking(bool(m_pendingMeasure));
            update();
            return;
        }
        if (n < 3) {
            m.points << m.points.last();
            setMouseTracking(true);
            update();
            return;
        }
    } else if (!moved) {
        // A click without a drag is not a measurement, but may pick one.
        m_pendingMeasure.reset();
        selectMeasurement(measurementAt(widgetPos));
        return;
    }
    Measurement done = m;
    done.statistics.reset(); // from the last move; addMeasurement() computes the final ones
    m_pendingMeasure.reset();
    setMouseTracking(false);
    addMeasurement(m_current, done);
}

QPainterPath ImageViewport::measurementPath(const Measurement &m) const
{
    QPainterPath path;
    if (m.points.size() < 2)
        return path;
    switch (m.kind) {
    case Measurement::Kind::Length:
    case Measurement::Kind::Angle:
        path.moveTo(imageToWidget(m.points[0]));
        for (qsizetype i = 1; i < m.points.size(); ++i)
            path.lineTo(imageToWidget(m.points[i]));
        break;
    case Measurement::Kind::Rectangle:
    case Measurement::Kind::Ellipse: {
        // Built in image space and mapped, so rotation and non-square pixels stay exact.
        QPainterPath shape;
        if (m.kind == Measurement::Kind::Rectangle)
            shape.addRect(m.rect());
        else
            shape.addEllipse(m.rect());
        path = imageTransform().map(shape);
        break;
    }
    }
    return path;
}

int ImageViewport::measurementAt(const QPointF &widgetPos) const
{
    const QList<Measurement> list = m_measurements.value(m_current);
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    // Newest first: it is drawn on top.
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const QPainterPath path = measurementPath(list[i]);
        if (stroker.createStroke(path).contains(widgetPos)
            || (list[i].isRoi() && path.contains(widgetPos)))
            return int(i);
    }
    return -1;
}

void ImageViewport::contextMenuEvent(QContextMenuEvent *event)
{
    // Right-drag is window/level; the menu comes only from the keyboard's menu key, or a
    // right click without movement.
    if (event->reason() == QContextMenuEvent::Mouse
        && (m_dragLast - m_dragStart).manhattanLength() > 2) {
        return;
    }
    showWindowMenu(event->globalPos());
}

void ImageViewport::showWindowMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    int key = 2;
    for (int i = 0; i < int(std::size(kCtPresets)); ++i, ++key) {
        QAction *a = menu.addAction(tr("%1 (C %2 / W %3)\t%4")
                                        .arg(tr(kCtPresets[i].name))
                                        .arg(kCtPresets[i].center)
                                        .arg(kCtPresets[i].width)
                                        .arg(key));
        connect(a, &QAction::triggered, this, [this, i] { applyPreset(i); });
    }
    if (const Decoded *d = decodedOf(m_current); d && !d->info.windows.isEmpty()) {
        menu.addSeparator();
        for (int i = 0; i < qMin(3, int(d->info.windows.size())); ++i) {
            const Dicom::Window w = d->info.windows[i];
            QAction *a = menu.addAction(tr("File window %1 (C %2 / W %3)\t%4")
                                            .arg(i + 1).arg(w.center).arg(w.width).arg(7 + i));
            connect(a, &QAction::triggered, this, [this, i] { applyFileWindow(i); });
        }
    }
    menu.addSeparator();
    menu.addAction(tr("Invert\tI"), this, [this] { setInverted(!m_state.inverted); });
    menu.addAction(tr("Reset view\tEsc"), this, &ImageViewport::resetView);
    menu.exec(globalPos);
}
