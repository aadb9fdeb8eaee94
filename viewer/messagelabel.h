#pragma once

#include <QLabel>

/// A word-wrapped label for one inline status message. Errors are shown here instead of in
/// modal boxes, so the user keeps the context and tests can read them.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Tone { Neutral, Busy, Error };

    explicit MessageLabel(QWidget *parent = nullptr);

    void showMessage(const QString &text, Tone tone, const QString &toolTip = {});
    void clearMessage();
    Tone tone() const { return m_tone; }

private:
    Tone m_tone = Tone::Neutral;
};
