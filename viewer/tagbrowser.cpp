#include "tagbrowser.h"

#include "messagelabel.h"
#include "tagtreemodel.h"

#include "dicomfile.h"

#include <QBoxLayout>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

TagBrowser::TagBrowser(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tagBrowser"));
    setWindowTitle(tr("DICOM tags"));
    resize(900, 640);

    m_model = new TagTreeModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(TagTreeModel::SearchRole);
    m_proxy->setFilterKeyColumn(TagTreeModel::TagColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A match deep in a sequence keeps its sequence and item visible; a matching sequence
    // keeps its items.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("tagTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_filter->setPlaceholderText(tr("Search by tag, name or value (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &TagBrowser::setFilterText);
    m_message = new MessageLabel(this);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("tagTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    auto *close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    close->setContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QShortcut::activated, this, [this] {
        if (!m_filter->text().isEmpty())
            m_filter->clear();
        else if (isWindow())
            this->close();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(&m_reader, &QFutureWatcher<Dicom::Result<QList<Dicom::TagEntry>>>::finished, this,
            &TagBrowser::onRead);
}

TagBrowser::~TagBrowser()
{
    m_reader.waitForFinished();
}

void TagBrowser::showFile(const QString &path)
{
    setTitle(QFileInfo(path).fileName(), path);
    read([path] { return Dicom::dumpTags(path); });
}

void TagBrowser::showDicom(const Dicom::DicomFile &file, const QString &name,
                           const QString &origin)
{
    setTitle(name, origin);
    read([file] { return Dicom::dumpTags(file); });
}

void TagBrowser::setTitle(const QString &name, const QString &origin)
{
    m_title->setText(name);
    setWindowTitle(tr("DICOM tags — %1").arg(name));
    m_title->setToolTip(origin);
}

void TagBrowser::read(Reading reading)
{
    if (m_reader.isRunning()) {
        m_pending = std::move(reading); // read when the one under way is done; newest wins
        return;
    }
    m_message->showMessage(tr("Reading tags…"), MessageLabel::Tone::Busy);
    m_reader.setFuture(QtConcurrent::run(std::move(reading)));
}

void TagBrowser::onRead()
{
    if (m_pending) {
        read(std::exchange(m_pending, Reading()));
        return;
    }
    const auto result = m_reader.result();
    if (!result) {
        m_model->setEntries({});
        m_message->showMessage(tr("The tags cannot be read: %1").arg(result.error()),
                               MessageLabel::Tone::Error);
    } else {
        m_model->setEntries(*result);
        m_message->clearMessage();
        // Branch decorations only when there is something to unfold: a flat list reads
        // better without the indent.
        m_view->setRootIsDecorated(std::any_of(result->cbegin(), result->cend(), [](const auto &e) {
            return e.kind == Dicom::TagEntry::Kind::Sequence;
        }));
        if (m_filter->text().trimmed().isEmpty())
            m_view->expandToDepth(0);
        else
            m_view->expandAll(); // a search typed while reading: show where the matches are
        m_view->resizeColumnToContents(TagTreeModel::TagColumn);
        m_view->resizeColumnToContents(TagTreeModel::VrColumn);
        m_view->setColumnWidth(TagTreeModel::KeywordColumn, 260);
    }
    Q_EMIT loaded();
}

void TagBrowser::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // calls back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
    if (!text.trimmed().isEmpty())
        m_view->expandAll();
}
