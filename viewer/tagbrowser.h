#pragma once

#include "tagdump.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

namespace Dicom {
class DicomFile;
}

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
    /// Shows the tags of a file already in memory (an image retrieved from the hub has no
    /// path); @p name titles it, @p origin is its tooltip (the path or the instance's URL).
    void showDicom(const Dicom::DicomFile &file, const QString &name, const QString &origin);
    void setFilterText(const QString &text);

    TagTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void loaded(); ///< the last showFile() is shown, or its error

private:
    using Reading = std::function<Dicom::Result<QList<Dicom::TagEntry>>()>;

    void setTitle(const QString &name, const QString &origin);
    void read(Reading reading);
    void onRead();

    TagTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_title = nullptr;
    MessageLabel *m_message = nullptr;
    QFutureWatcher<Dicom::Result<QList<Dicom::TagEntry>>> m_reader;
    Reading m_pending; ///< the newest request while another is being read
};
