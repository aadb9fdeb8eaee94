#include "imageattributes.h"

#include <QStringList>

namespace Dicom {

namespace {

QList<double> decimals(const QString &text)
{
    QList<double> values;
    for (const QString &part : text.split(u'\\')) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok)
            return {}; // one bad component makes the whole vector untrustworthy
        values.append(v);
    }
    return values;
}

} // namespace

std::optional<QVector3D> ImageAttributes::normal() const
{
    if (!rowDirection || !columnDirection)
        return std::nullopt;
    const QVector3D n = QVector3D::crossProduct(*rowDirection, *columnDirection);
    if (n.lengthSquared() < 1e-6f)
        return std::nullopt;
    return n.normalized();
}

std::optional<double> ImageAttributes::slicePosition() const
{
    const auto n = normal();
    if (!n || !imagePosition)
        return std::nullopt;
    return QVector3D::dotProduct(*n, *imagePosition);
}

QString ImageAttributes::displayName() const
{
    const QStringList groups = patientName.split(u'=');
    QString name = groups.value(1).trimmed().isEmpty() ? groups.value(0) : groups.value(1);
    name.replace(u'^', u' ');
    return name.trimmed();
}

bool isLossyTransferSyntax(const QString &uid)
{
    static const QStringList lossy = {
        QStringLiteral("1.2.840.10008.1.2.4.50"), QStringLiteral("1.2.840.10008.1.2.4.51"),
        QStringLiteral("1.2.840.10008.1.2.4.81"), QStringLiteral("1.2.840.10008.1.2.4.91"),
        QStringLiteral("1.2.840.10008.1.2.4.100"), QStringLiteral("1.2.840.10008.1.2.4.101"),
        QStringLiteral("1.2.840.10008.1.2.4.102"), QStringLiteral("1.2.840.10008.1.2.4.103"),
        QStringLiteral("1.2.840.10008.1.2.4.104"), QStringLiteral("1.2.840.10008.1.2.4.105"),
        QStringLiteral("1.2.840.10008.1.2.4.106"), QStringLiteral("1.2.840.10008.1.2.4.107"),
        QStringLiteral("1.2.840.10008.1.2.4.108")};
    return lossy.contains(uid);
}

ImageAttributes readImageAttributes(const DicomFile &file)
{
    ImageAttributes a;
    a.patientName = file.text(0x0010, 0x0010, TextKind::PersonName);
    a.patientId = file.text(0x0010, 0x0020);
    a.studyDate = file.text(0x0008, 0x0020).trimmed();
    a.studyInstanceUid = file.text(0x0020, 0x000D).trimmed();
    a.seriesInstanceUid = file.text(0x0020, 0x000E).trimmed();
    a.studyDescription = file.text(0x0008, 0x1030).trimmed();
    a.seriesDescription = file.text(0x0008, 0x103E).trimmed();
    a.modality = file.text(0x0008, 0x0060).trimmed();
    a.seriesNumber = file.text(0x0020, 0x0011).trimmed();
    a.institutionName = file.text(0x0008, 0x0080).trimmed();

    bool ok = false;
    const int instance = file.text(0x0020, 0x0013).trimmed().toInt(&ok);
    if (ok)
        a.instanceNumber = instance;
    if (const auto p = decimals(file.text(0x0020, 0x0032)); p.size() == 3)
        a.imagePosition = QVector3D(p[0], p[1], p[2]);
    if (const auto o = decimals(file.text(0x0020, 0x0037)); o.size() == 6) {
        a.rowDirection = QVector3D(o[0], o[1], o[2]);
        a.columnDirection = QVector3D(o[3], o[4], o[5]);
    }
    if (const auto s = decimals(file.text(0x0028, 0x0030)); s.size() == 2 && s[0] > 0 && s[1] > 0) {
        a.rowSpacing = s[0];
        a.columnSpacing = s[1];
    }
    const double thickness = file.text(0x0018, 0x0050).trimmed().toDouble(&ok);
    if (ok && thickness > 0)
        a.sliceThickness = thickness;
    a.lossy = file.text(0x0028, 0x2110).trimmed() == u"01"
        || isLossyTransferSyntax(file.transferSyntaxUid());
    return a;
}

} // namespace Dicom
