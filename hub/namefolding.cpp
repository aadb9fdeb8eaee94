#include "namefolding.h"

QString foldNameForSearch(const QString &text)
{
    // NFKC first: it composes ﾀ + ﾞ into ダ, which the kana step then sees as one character.
    const QString normalized = text.normalized(QString::NormalizationForm_KC);

    QString folded;
    folded.reserve(normalized.size());
    for (QChar c : normalized) {
        const char16_t u = c.unicode();
        if (u >= 0x3041 && u <= 0x3096) // hiragana ぁ..ゖ → katakana ァ..ヶ
            folded.append(QChar(char16_t(u + 0x60)));
        else if (!c.isSpace())
            folded.append(c);
    }
    return folded.toCaseFolded();
}
