#include "storagefile.h"

#include <QRegularExpression>

namespace Ssmix2 {

Result<StorageFileName> StorageFileName::parse(const QString &fileName)
{
    const QStringList parts = fileName.split(QLatin1Char('_'));
    if (parts.size() != 7)
        return Failure{QStringLiteral("file name is not patientID_careDate_dataType_orderNo_timestamp_dept_flag (%1 parts, not 7)")
                           .arg(parts.size())};
    static const QRegularExpression date(QStringLiteral("^(-|\\d{8})$"));
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9.-]+$"));
    StorageFileName name;
    name.patientId = parts.at(0);
    name.careDate = parts.at(1);
    name.dataType = parts.at(2);
    name.orderNo = parts.at(3);
    name.timestamp = parts.at(4);
    name.department = parts.at(5);
    if (!safe.match(name.patientId).hasMatch())
        return Failure{QStringLiteral("file name has an invalid patient ID '%1'").arg(name.patientId)};
    if (!date.match(name.careDate).hasMatch())
        return Failure{QStringLiteral("file name has an invalid care date '%1'").arg(name.careDate)};
    if (!safe.match(name.dataType).hasMatch() || !safe.match(name.orderNo).hasMatch())
        return Failure{QStringLiteral("file name has an invalid data type or order number")};
    if (!digits.match(name.timestamp).hasMatch())
        return Failure{QStringLiteral("file name has an invalid timestamp '%1'").arg(name.timestamp)};
    const QString flag = parts.at(6);
    if (flag == QLatin1String("1"))
        name.flag = ConditionFlag::Current;
    else if (flag == QLatin1String("2"))
        name.flag = ConditionFlag::Superseded;
    else if (flag == QLatin1String("0"))
        name.flag = ConditionFlag::Deleted;
    else
        return Failure{QStringLiteral("file name has an unknown condition flag '%1' (0, 1 or 2)").arg(flag)};
    return name;
}

QString StorageFileName::identity() const
{
    return QStringList{patientId, careDate, dataType, orderNo}.join(QLatin1Char('_'));
}

QString expectedFolder(const StorageFileName &name)
{
    return QStringList{name.patientId.left(3), name.patientId.mid(3, 3), name.patientId,
                       name.careDate, name.dataType}
        .join(QLatin1Char('/'));
}

} // namespace Ssmix2
