#pragma once

#include <QList>
#include <QString>

/// A name in kanji with its reading in katakana.
struct NameReading
{
    QString kanji;
    QString kana;
};

/// Common Japanese names for the demo network's synthetic patients, with their usual
/// readings. Given names come in two halves: the first half names typical of people born
/// before about 1970, the second half of people born later.
namespace DemoNames {
const QList<NameReading> &familyNames();
const QList<NameReading> &maleGivenNames();
const QList<NameReading> &femaleGivenNames();
} // namespace DemoNames
