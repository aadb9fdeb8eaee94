#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

/// The attributes QIDO-RS returns per level (PS3.18 10.6.3.3, "Required Attributes"), taken
/// from the DICOM JSON of stored instances, with the computed counts and modalities.
namespace Qido {

/// Study level from the study's instances (all of them: counts and ModalitiesInStudy).
QJsonObject studyAttributes(const QList<QJsonObject> &instances);
/// Series level from one series' instances.
QJsonObject seriesAttributes(const QList<QJsonObject> &instances);
/// Instance level.
QJsonObject instanceAttributes(const QJsonObject &instance);

/// Adds RetrieveURL (0008,1190) pointing at \a url.
QJsonObject withRetrieveUrl(QJsonObject attributes, const QString &url);

/// Whether \a attributes match a QIDO matching key: exact, or with `*`/`?` wildcards; a
/// date range `A-B` for DA attributes; person names case-insensitively on any group.
bool matches(const QJsonObject &attributes, const QString &tag, const QString &value);

} // namespace Qido
