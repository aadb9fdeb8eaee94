#pragma once

#include "tagdump.h"

#include <QFutureWatcher>
#include <QWidget>

class MessageLabel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class TagTreeModel;

/// The DICOM tags of one file, searchable by tag ("0010,0010"), keyword or value (Ctrl+F).
/// The file is read off the GUI thread; names appear in Unicode as the character set says.
class TagBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit TagBrowser(QWidget *parent = nullptr);
    ~TagBrowser() override;

    /// Reads the tags of @p path and shows them (replacing what was shown).
    void showFile(const QString &path);
    void setFilterText(const QString &text);

    TagTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void loaded(); ///< the last showFile() is shown, or its error

private:
    void onRead();

    TagTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_title = nullptr;
    MessageLabel *m_message = nullptr;
    QFutureWatcher<Dicom::Result<QList<Dicom::TagEntry>>> m_reader;
    QString m_pending;
};
