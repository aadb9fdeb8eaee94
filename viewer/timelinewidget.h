#pragma once

#include "clinicalrecord.h"
#include "timelinemodel.h"

#include <QDate>
#include <QHash>
#include <QPixmap>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <array>
#include <limits>
#include <optional>


/// The patient's records on a time axis: one horizontal lane per kind, one mark per record,
/// coloured by the facility that disclosed it (legend on top). Zoom from days to decades
/// (Ctrl+wheel, +/-), scroll (wheel, drag, PageUp/PageDown, Shift+arrows), jump to today
/// (Home) or to the whole record (End). Left/Right select the previous/next record in the
/// current lane, Up/Down change lanes; selecting emits recordSelected().
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    using Kind = ClinicalRecord::Kind;

    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }

    void setKindVisible(Kind kind, bool visible);
    bool isKindVisible(Kind kind) const { return m_kindVisible.at(int(kind)); }
    /// Hides or shows the marks disclosed by one facility (all are shown until hidden).
    void setFacilityVisible(const QString &facilityId, bool visible);
    bool isFacilityVisible(const QString &facilityId) const { return !m_hiddenFacilities.contains(facilityId); }
    /// Shows only the marks from \a from to \a to (whole days, inclusive) and frames that span;
    /// two invalid dates show the whole record again.
    void setDateRange(QDate from, QDate to);
    QDate dateFrom() const { return m_dateFrom; }
    QDate dateTo() const { return m_dateTo; }
    /// The marks that pass the kind, facility and date filters (on screen or scrolled away).
    int filteredMarkCount() const;
    /// Whether \a row passes the kind, facility and date filters (dated or not): what the
    /// calendar view shows too.
    bool isRowShown(int row) const;

    /// The lanes on screen, top to bottom.
    QList<Kind> lanes() const;
    /// The lane's rectangle (marks area plus label), or an empty rect when hidden.
    QRect laneRect(Kind kind) const;

    /// The date the "today" jump and line use; the current date unless set (tests fix it).
    void setToday(QDate today) { m_today = today; update(); }
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    double startDay() const { return m_startDay; }
    double visibleDays() const;
    double pixelsPerDay() const { return m_pixelsPerDay; }
    /// Shows \a startDay to \a endDay (Julian days), clamped to the zoom limits.
    void setVisibleRange(double startDay, double endDay);
    /// Where a record's mark is drawn, if it is drawn at all (dated, lane visible).
    std::optional<QPointF> markCenter(int row) const;
    /// The record whose mark is under \a pos, or -1.
    int rowAt(const QPoint &pos) const;

    int selectedRow() const { return m_selectedRow; }

    static constexpr double kMinVisibleDays = 3;
    static constexpr double kMaxVisibleDays = 60 * 365.25;

public Q_SLOTS:
    /// Selects \a row (-1 clears), scrolls it into view and emits recordSelected().
    void selectRow(int row);
    void zoomIn();
    void zoomOut();
    void jumpToToday();
    /// Shows every dated record with a little room on both sides.
    void fitAll();
    /// Like fitAll(), but without allergy onsets, which may lie decades back: the first view.
    void fitCare();
    void scrollByPixels(int dx);

Q_SIGNALS:
    void recordSelected(int row);
    void visibleRangeChanged();
    /// A kind, facility or date filter changed.
    void filtersChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    struct Mark
    {
        int row = -1;
        Kind kind = Kind::Other;
        double day = 0;
        QString facilityId;
        bool abnormal = false;
        bool displayable = true;
        bool isNew = false;
    };

    void rebuildMarks();
    /// Whether \a m passes the kind, facility and date filters (timelinewidgetfilter.cpp).
    bool passesFilters(const Mark &m) const;
    void dropHiddenSelection();
    void appendMarks(int first, int last);
    void zoomAround(double factor, double anchorDay);
    void fitMarks(bool careOnly);
    void selectNeighbour(int direction);
    void selectInNeighbourLane(int direction);
    void ensureVisible(double day);
    int laneIndex(Kind kind) const;
    int laneHeight() const;
    QRect plotRect() const;
    double xOf(double day) const;
    double dayAt(double x) const;
    QColor facilityColor(const QString &facilityId) const;
    const Mark *markOfRow(int row) const;

    // Painting (timelinewidgetpaint.cpp).
    void paintLegend(QPainter &p) const;
    void paintLanes(QPainter &p) const;
    void paintAxis(QPainter &p) const;
    void paintMarks(QPainter &p) const;
    /// One pre-rendered mark (dot, rings, new halo) per look, drawn with drawPixmap: far
    /// cheaper than an antialiased ellipse per mark when thousands are on screen.
    const QPixmap &markSprite(int facilityIndex, bool abnormal, bool displayable, bool isNew, qreal dpr) const;
    void refreshNewFlags();

    QPointer<TimelineModel> m_model;
    QList<Mark> m_marks; ///< dated records, in model order
    std::array<bool, ClinicalRecord::kKindCount> m_kindVisible{};
    std::array<int, ClinicalRecord::kKindCount> m_kindCount{};
    QSet<QString> m_hiddenFacilities;
    /// m_dateFrom as a day value, or -infinity when open.
    double m_fromDay = -std::numeric_limits<double>::infinity();
    /// The day after m_dateTo (so the whole last day counts), or +infinity when open.
    double m_toDay = std::numeric_limits<double>::infinity();
    QDate m_dateFrom;
    QDate m_dateTo;
    QDate m_today;
    double m_startDay = 0;
    double m_pixelsPerDay = 2;
    bool m_rangeSetByUser = false;
    int m_selectedRow = -1;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
    QHash<QString, int> m_facilityIndex; ///< facility id → legend index, for the sprites
    mutable QHash<quint32, QPixmap> m_sprites;
    mutable qreal m_spriteDpr = 0;
};
