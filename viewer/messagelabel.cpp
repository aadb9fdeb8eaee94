#include "messagelabel.h"

MessageLabel::MessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // hub texts are data, never markup
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    clearMessage();
}

void MessageLabel::showMessage(const QString &text, Tone tone, const QString &toolTip)
{
    m_tone = tone;
    setText(text);
    setToolTip(toolTip);
    // Calm colours: a muted red on a pale background for errors, never a shouting red.
    switch (tone) {
    case Tone::Error:
        setStyleSheet(QStringLiteral(
            "QLabel { color: #8a1f1a; background: #fbeceb; border: 1px solid #eec3c0;"
            " border-radius: 4px; padding: 6px 8px; }"));
        break;
    case Tone::Busy:
        setStyleSheet(QStringLiteral("QLabel { color: #1f4e79; padding: 6px 0px; }"));
        break;
    case Tone::Neutral:
        setStyleSheet(QStringLiteral("QLabel { color: #4a5560; padding: 6px 0px; }"));
        break;
    }
    setVisible(!text.isEmpty());
}

void MessageLabel::clearMessage()
{
    showMessage(QString(), Tone::Neutral);
}
