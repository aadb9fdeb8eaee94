#pragma once

#include "recordsearch.h"
#include "resourcerepository.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

class Store;

/// Clinical resources as a user's facility may see them. Every query joins, in SQL and on
/// every call, the consent of the viewing facility for the resource's patient and the
/// disclosure policy of the resource's source facility (an allow-list of kinds): nothing is
/// filtered after the fact, so nothing withheld is ever read into a response.
class VisibleRecords
{
public:
    VisibleRecords(Store &store, QString viewingFacility)
        : m_store(store), m_viewer(std::move(viewingFacility)) {}

    struct Page
    {
        int total = 0; ///< -1: not counted (a keyset page of $everything)
        QList<ResourceRow> rows;
        bool more = false; ///< $everything: records follow this page
    };

    Result<std::optional<ResourceRow>> read(const QString &type, const QString &id) const;
    Result<Page> search(const RecordQuery &query) const;
    /// A patient's records by clinical date, then id; \a offset and \a limit count records only.
    /// With query.after (a `next` link's cursor) the page is the \a limit records after that
    /// one, found by the index without counting or skipping (total -1, offset unused);
    /// otherwise every visible record is counted for the total and \a offset are skipped.
    /// Its rows hold id, type, date and json only.
    Result<Page> everything(const QString &patient, const EverythingQuery &query, int offset, int limit) const;

private:
    Store &m_store;
    QString m_viewer;
};
