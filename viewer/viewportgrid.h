#pragma once

#include <QList>
#include <QWidget>

class ImageViewport;
class QGridLayout;

/// The viewports of the image viewer in a 1×1, 1×2 or 2×2 grid, which of them is active
/// (the series browser and tool bar act on it), and synchronised scrolling: with sync on,
/// scrolling one viewport moves the others to the slice at the same position, keeping the
/// offset between them from when sync was switched on (how a prior is read against the
/// current study once both are aligned).
class ViewportGrid : public QWidget
{
    Q_OBJECT

public:
    enum class Arrangement { Single, OneByTwo, TwoByTwo };
    static constexpr int kMaxViewports = 4;

    explicit ViewportGrid(QWidget *parent = nullptr);

    /// Row by row: 0 top left, 1 top right, 2 bottom left, 3 bottom right.
    ImageViewport *viewport(int index) const { return m_viewports.value(index); }
    const QList<ImageViewport *> &viewports() const { return m_viewports; }
    /// The viewports the arrangement shows, in the order above.
    QList<ImageViewport *> visibleViewports() const;
    int visibleCount() const;

    Arrangement arrangement() const { return m_arrangement; }
    void setArrangement(Arrangement arrangement);

    ImageViewport *activeViewport() const { return m_active; }
    void setActiveViewport(ImageViewport *viewport);

    bool isSynchronized() const { return m_sync; }
    void setSynchronized(bool on);

Q_SIGNALS:
    void activeViewportChanged(ImageViewport *viewport);
    void arrangementChanged(ViewportGrid::Arrangement arrangement);
    void synchronizedChanged(bool on);

private:
    void onSliceChanged(ImageViewport *source);
    void captureOffsets();
    void updateHighlight();

    QGridLayout *m_grid = nullptr;
    QList<ImageViewport *> m_viewports;
    QList<double> m_offsets; ///< per viewport: its position minus the reference's at sync on
    ImageViewport *m_active = nullptr;
    Arrangement m_arrangement = Arrangement::Single;
    bool m_sync = false;
    bool m_syncing = false;
};
