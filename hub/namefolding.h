#pragma once

#include <QString>

/// The search key for Japanese names, so that `ﾔﾏﾀﾞ`, `やまだ`, `ヤマダ` and `ＹＡＭＡＤＡ`
/// meet on one spelling: NFKC (half-width kana and full-width Latin to their canonical forms),
/// hiragana to katakana, case folding, and every whitespace character removed (including the
/// ideographic space U+3000). Stored keys and query strings go through the same function.
QString foldNameForSearch(const QString &text);
