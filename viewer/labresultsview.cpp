#include "labresultsview.h"

#include "labflagdelegate.h"
#include "labresultsmodel.h"
#include "labtrendchart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>

#include <set>

LabResultsView::LabResultsView(LabResultsModel *model, const TimelineModel *facilities, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("labPage"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("labTable"));
    m_table->setModel(model);
    m_table->setItemDelegate(new LabFlagDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    // Several tests at once (Ctrl/Shift+click): their trends stack beside the table.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    // A pale selection: the flag colours must stay readable in the selected cell.
    m_table->setStyleSheet(QStringLiteral(
        "QAbstractItemView { selection-background-color: #d6e4f2; selection-color: #1f2d3a; }"));
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setMinimumSectionSize(96);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(model, &QAbstractItemModel::modelReset, m_table, [this] {
        // Test names and ranges stay put while dates scroll sideways.
        m_table->horizontalHeader()->setStretchLastSection(false);
    });

    m_chart = new LabTrendChart(this);
    m_chart->setFacilitySource(facilities);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LabResultsView::updateTrend);
    // A new page resets the model (and the selection silently): the chart must not keep
    // values the table no longer shows.
    connect(model, &QAbstractItemModel::modelReset, this, &LabResultsView::updateTrend);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void LabResultsView::updateTrend()
{
    std::set<int> rows; // ordered: charts follow the table's order, not the click order
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    QList<LabTrendSeries> series;
    for (int row : rows)
        series << labTrendOfRow(*m_model, row);
    m_chart->setSeries(series);
}
