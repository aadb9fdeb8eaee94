#pragma once

#include <QDate>

/// Age in completed years on \a today, the way Japanese law counts it for everyday use:
/// the age goes up on the birthday itself (a 29 February child turns a year older on
/// 1 March in common years). Returns -1 for invalid dates or a birth after \a today.
int ageOn(QDate birth, QDate today);
