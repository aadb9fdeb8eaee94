#pragma once

#include <QKeyEvent>
#include <QWheelEvent>

/// The zoom gestures the document-like views share (ECG, PDF): Ctrl + (or Ctrl =), Ctrl −,
/// Ctrl 0 and Ctrl + wheel, in one place so they answer the same keys the same way.
/// Each returns whether it handled the event.
template <typename View>
bool handleZoomKey(const QKeyEvent *event, View *view, void (View::*reset)())
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        view->zoomIn();
        return true;
    case Qt::Key_Minus:
        view->zoomOut();
        return true;
    case Qt::Key_0:
        (view->*reset)();
        return true;
    default:
        return false;
    }
}

template <typename View>
bool handleZoomWheel(const QWheelEvent *wheel, View *view)
{
    if (!(wheel->modifiers() & Qt::ControlModifier))
        return false;
    if (wheel->angleDelta().y() > 0)
        view->zoomIn();
    else if (wheel->angleDelta().y() < 0)
        view->zoomOut();
    return true;
}
