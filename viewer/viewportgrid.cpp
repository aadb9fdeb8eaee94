#include "viewportgrid.h"

#include "imageviewport.h"

#include <QGridLayout>

ViewportGrid::ViewportGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("viewportGrid"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    for (int i = 0; i < kMaxViewports; ++i) {
        auto *v = new ImageViewport(this);
        v->setObjectName(QStringLiteral("imageViewport%1").arg(i));
        m_grid->addWidget(v, i / 2, i % 2);
        m_viewports.append(v);
        m_offsets.append(0);
        connect(v, &ImageViewport::activated, this, [this, v] { setActiveViewport(v); });
        connect(v, &ImageViewport::currentSliceChanged, this, [this, v] { onSliceChanged(v); });
    }
    m_active = m_viewports.first();
    setArrangement(Arrangement::Single);
}

QList<ImageViewport *> ViewportGrid::visibleViewports() const
{
    return m_viewports.mid(0, visibleCount());
}

int ViewportGrid::visibleCount() const
{
    switch (m_arrangement) {
    case Arrangement::Single: return 1;
    case Arrangement::OneByTwo: return 2;
    case Arrangement::TwoByTwo: return 4;
    }
    return 1;
}

void ViewportGrid::setArrangement(Arrangement arrangement)
{
    m_arrangement = arrangement;
    const int count = visibleCount();
    for (int i = 0; i < m_viewports.size(); ++i)
        m_viewports[i]->setVisible(i < count);
    // Equal cells: the second row only takes room when it is shown.
    m_grid->setRowStretch(0, 1);
    m_grid->setRowStretch(1, count > 2 ? 1 : 0);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, count > 1 ? 1 : 0);
    if (m_viewports.indexOf(m_active) >= count)
        setActiveViewport(m_viewports.first());
    if (m_sync)
        captureOffsets();
    updateHighlight();
    Q_EMIT arrangementChanged(arrangement);
}

void ViewportGrid::setActiveViewport(ImageViewport *viewport)
{
    if (!viewport || !m_viewports.contains(viewport))
        return;
    const bool changed = viewport != m_active;
    m_active = viewport;
    updateHighlight();
    if (changed)
        Q_EMIT activeViewportChanged(viewport);
}

void ViewportGrid::updateHighlight()
{
    for (ImageViewport *v : std::as_const(m_viewports))
        v->setHighlighted(v == m_active && visibleCount() > 1);
}

void ViewportGrid::setSynchronized(bool on)
{
    if (on == m_sync)
        return;
    m_sync = on;
    if (on)
        captureOffsets();
    Q_EMIT synchronizedChanged(on);
}

void ViewportGrid::captureOffsets()
{
    const auto reference = m_active->slicePosition(m_active->currentSlice());
    for (int i = 0; i < m_viewports.size(); ++i) {
        const auto p = m_viewports[i]->slicePosition(m_viewports[i]->currentSlice());
        m_offsets[i] = p && reference ? *p - *reference : 0;
    }
}

void ViewportGrid::onSliceChanged(ImageViewport *source)
{
    if (!m_sync || m_syncing || !source->isVisible())
        return;
    const auto position = source->slicePosition(source->currentSlice());
    const auto normal = source->sliceNormal();
    if (!position || !normal)
        return;
    const int sourceIndex = int(m_viewports.indexOf(source));
    m_syncing = true;
    for (int i = 0; i < visibleCount(); ++i) {
        ImageViewport *v = m_viewports[i];
        if (v == source)
            continue;
        // Only stacks of the same orientation (and direction, so positions compare): an
        // axial position means nothing on a sagittal stack.
        const auto n = v->sliceNormal();
        if (!n || QVector3D::dotProduct(*n, *normal) < 0.9f)
            continue;
        const int slice = v->nearestSlice(*position - m_offsets[sourceIndex] + m_offsets[i]);
        if (slice >= 0)
            v->setCurrentSlice(slice);
    }
    m_syncing = false;
}
