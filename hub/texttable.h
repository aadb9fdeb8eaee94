#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// A plain-text table for the administration commands, aligned by display width so that
/// kanji and full-width kana (two terminal columns each) line up with ASCII.
class TextTable
{
public:
    explicit TextTable(QStringList headers) : m_headers(std::move(headers)) {}

    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    QString render() const;

    static int displayWidth(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
