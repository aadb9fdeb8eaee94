// Mouse, wheel and keyboard handling of ImageViewport: everything on the keyboard too.
#include "imageviewport.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
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
    case Qt::Key_P: setTool(Tool::Pan); break;
    case Qt::Key_Space: setCinePlaying(!isCinePlaying()); break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!m_measurements.value(m_current).isEmpty()) {
            m_measurements[m_current].removeLast();
            update();
        }
        break;
    case Qt::Key_Escape:
        if (m_pendingMeasure) {
            m_pendingMeasure.reset();
            m_drag = Drag::None;
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
    } else if (event->button() == Qt::LeftButton && m_tool == Tool::Length
               && !imageSize().isEmpty()) {
        m_drag = Drag::Measure;
        const QPointF p = widgetToImage(event->position());
        m_pendingMeasure = QLineF(p, p);
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
        if (m_pendingMeasure) {
            m_pendingMeasure->setP2(widgetToImage(event->position()));
            update();
        }
        break;
    case Drag::None:
        break;
    }
    event->accept();
}

void ImageViewport::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Measure && m_pendingMeasure) {
        m_pendingMeasure->setP2(widgetToImage(event->position()));
        const QLineF line = *m_pendingMeasure;
        m_pendingMeasure.reset();
        // A click without a drag is not a measurement.
        if ((imageToWidget(line.p2()) - imageToWidget(line.p1())).manhattanLength() >= 3)
            addMeasurement(m_current, line);
        update();
    }
    m_drag = Drag::None;
    event->accept();
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
