#pragma once

#include "../result.h"

#include <QString>

namespace Ssmix2 {

/// SS-MIX2 condition flag, the last part of a file name.
enum class ConditionFlag { Deleted = 0, Current = 1, Superseded = 2 };

/// A standardized-storage file name, `patientID_careDate_dataType_orderNo_timestamp_dept_flag`.
struct StorageFileName
{
    QString patientId;
    QString careDate;   ///< YYYYMMDD, or "-" for data without a care date (ADT-00, PPR-01...)
    QString dataType;   ///< e.g. OMP-01
    QString orderNo;
    QString timestamp;  ///< when the message was stored, YYYYMMDDHHMMSSfff
    QString department;
    ConditionFlag flag = ConditionFlag::Current;

    static Result<StorageFileName> parse(const QString &fileName);

    /// What stays the same across versions of one order or record: every part but the
    /// timestamp, department and flag. Versions of it replace one another.
    QString identity() const;
};

/// The storage folder a file must live in, relative to the root:
/// `ID[0:3]/ID[3:6]/ID/careDate/dataType`.
QString expectedFolder(const StorageFileName &name);

} // namespace Ssmix2
