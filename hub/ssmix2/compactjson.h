#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Ssmix2 {

/// The bytes QJsonDocument(object).toJson(QJsonDocument::Compact) gives (Qt 6's writer: keys in
/// the object's order, strings as UTF-8 with `"` `\` and control characters escaped, integers
/// as integers, other numbers in the shortest form, non-finite numbers as null), written into
/// one growing buffer instead of a temporary array per string: serializing was a fifth of an
/// import's CPU time (bench/README.md). tst_hl7parser compares the two.
QByteArray compactJson(const QJsonObject &object);

} // namespace Ssmix2
