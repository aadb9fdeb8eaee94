#include "referralpackethtml.h"

#include "age.h"
#include "referralpacket.h"
#include "referraltr.h"
#include "referraltrendchart.h"

#include <QTextDocument>
#include <QUrl>

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// Free text keeps the writer's line breaks.
QString paragraphs(const QString &text)
{
    return esc(text).replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString longDate(const QDate &date)
{
    //: Date format of the printed packet (QDate::toString), e.g. "yyyy年M月d日"
    return date.toString(ReferralTr::tr("MMMM d, yyyy"));
}

QString genderText(const QString &gender)
{
    if (gender == QLatin1String("male"))
        return ReferralTr::tr("Male");
    if (gender == QLatin1String("female"))
        return ReferralTr::tr("Female");
    if (gender == QLatin1String("other"))
        return ReferralTr::tr("Other");
    return ReferralTr::tr("Unknown");
}

QString sectionHeading(const QString &title, bool newPage)
{
    // Annexes start on a new page after the letter; the letter stays one sheet.
    return QStringLiteral("<h2 style=\"%1font-size:13pt; margin-top:14px; margin-bottom:2px;\">%2</h2><hr>")
        .arg(newPage ? QStringLiteral("page-break-before: always; ") : QString(), esc(title));
}

QString tableStart(const QStringList &headers, const QList<int> &widths)
{
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse: collapse; border-color: #8a939c;\"><thead><tr>");
    for (int i = 0; i < headers.size(); ++i) {
        html += QStringLiteral("<th bgcolor=\"#eef1f4\" width=\"%1%\" align=\"left\">%2</th>")
                    .arg(widths.value(i)).arg(esc(headers.at(i)));
    }
    return html + QStringLiteral("</tr></thead>");
}

QString row(const QStringList &cells)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<td>%1</td>").arg(cell);
    return html + QStringLiteral("</tr>");
}

QString fieldRow(const QString &label, const QString &valueHtml, int columns = 3)
{
    return QStringLiteral("<tr><th bgcolor=\"#eef1f4\" align=\"left\" width=\"18%\">%1</th>"
                          "<td colspan=\"%2\">%3</td></tr>")
        .arg(esc(label)).arg(columns).arg(valueHtml.isEmpty() ? QStringLiteral("&nbsp;") : valueHtml);
}

QString medicationLines(const ReferralPacket &packet)
{
    if (packet.medication.isEmpty())
        return esc(ReferralTr::tr("None on record"));
    QStringList lines;
    for (const ReferralMedication &m : packet.medication)
        lines << esc(QStringList({m.drug, m.dose, m.usage, m.days}).join(QStringLiteral("　")).trimmed());
    return lines.join(QLatin1String("<br>"))
        + QStringLiteral("<br><span style=\"color:#5a6570; font-size:8.5pt;\">%1</span>")
              .arg(esc(ReferralTr::tr("Prescribed %1 at %2").arg(packet.medication.first().date,
                                                         packet.medication.first().facility)));
}

QString entryLines(const QList<ReferralEntry> &entries)
{
    QStringList lines;
    for (const ReferralEntry &e : entries)
        lines << esc(e.detail.isEmpty() ? e.text : ReferralTr::tr("%1 (%2)").arg(e.text, e.detail));
    return lines.join(QLatin1String("<br>"));
}

QString coverLetter(const ReferralPacket &packet)
{
    const ReferralCoverLetter &c = packet.cover;
    const PatientSummary &p = packet.patient;
    QString html = QStringLiteral("<p align=\"right\">%1</p>").arg(esc(longDate(packet.printedAt.date())));
    html += QStringLiteral("<h1 align=\"center\" style=\"font-family:'Noto Serif CJK JP'; font-size:20pt; "
                           "font-weight:600; margin-top:6px; margin-bottom:18px;\">%1</h1>")
                .arg(esc(ReferralTr::tr("Referral Letter")));
    const QString doctor = c.toDoctor.isEmpty() ? ReferralTr::tr("Attending doctor") : c.toDoctor;
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>"
                           "<td width=\"55%\" valign=\"top\"><span style=\"font-size:12pt;\">%1<br>%2</span></td>"
                           "<td width=\"45%\" valign=\"top\"><span style=\"color:#5a6570;\">%3</span><br>%4<br>%5</td>"
                           "</tr></table>")
                .arg(esc(c.toFacility), esc(ReferralTr::tr("Dr. %1").arg(doctor)), esc(ReferralTr::tr("From")),
                     esc(c.fromFacility), esc(ReferralTr::tr("Doctor: %1").arg(c.fromUser)));
    html += QStringLiteral("<p style=\"margin-top:12px;\">%1</p>")
                .arg(esc(ReferralTr::tr("Thank you for seeing the following patient.")));

    const int age = ageOn(p.birthDate, packet.printedAt.date());
    const QString birth = p.birthDate.isValid()
        ? esc(longDate(p.birthDate)) + (age >= 0 ? esc(ReferralTr::tr(" (age %1)").arg(age)) : QString())
        : QString();
    html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
                           "style=\"border-collapse: collapse; border-color: #8a939c;\">");
    html += fieldRow(ReferralTr::tr("Patient name"),
                     QStringLiteral("<span style=\"font-size:12pt;\">%1</span>　%2")
                         .arg(esc(p.name), p.kana.isEmpty() ? QString() : esc(ReferralTr::tr("(%1)").arg(p.kana))));
    html += QStringLiteral("<tr><th bgcolor=\"#eef1f4\" align=\"left\" width=\"18%\">%1</th><td width=\"42%\">%2</td>"
                           "<th bgcolor=\"#eef1f4\" align=\"left\" width=\"12%\">%3</th><td width=\"28%\">%4</td></tr>")
                .arg(esc(ReferralTr::tr("Date of birth")), birth, esc(ReferralTr::tr("Sex")), esc(genderText(p.gender)));
    html += fieldRow(ReferralTr::tr("Patient ID"), esc(p.id));
    html += fieldRow(ReferralTr::tr("Diagnoses"), entryLines(packet.diagnoses));
    html += fieldRow(ReferralTr::tr("Purpose of referral"), paragraphs(c.purpose));
    html += QStringLiteral("<tr><th bgcolor=\"#eef1f4\" align=\"left\" valign=\"top\" width=\"18%\">%1</th>"
                           "<td colspan=\"3\" height=\"180\" valign=\"top\">%2</td></tr>")
                .arg(esc(ReferralTr::tr("History and course")), paragraphs(c.history));
    html += fieldRow(ReferralTr::tr("Current medication"), medicationLines(packet));
    html += fieldRow(ReferralTr::tr("Allergies"), packet.allergies.isEmpty() ? esc(ReferralTr::tr("None on record"))
                                                                     : entryLines(packet.allergies));
    QStringList enclosed;
    if (packet.has(ReferralSection::DischargeSummary) && packet.dischargeSummary)
        enclosed << ReferralTr::tr("Discharge summary");
    if (packet.has(ReferralSection::Medication))
        enclosed << ReferralTr::tr("Current medication");
    if (packet.has(ReferralSection::Labs))
        enclosed << ReferralTr::tr("Laboratory results");
    if (packet.has(ReferralSection::Diagnoses))
        enclosed << ReferralTr::tr("Diagnoses");
    if (packet.has(ReferralSection::Allergies))
        enclosed << ReferralTr::tr("Allergies");
    if (packet.has(ReferralSection::KeyImages) && !packet.keyImages.isEmpty())
        enclosed << ReferralTr::tr("Key images (%n)", nullptr, int(packet.keyImages.size()));
    html += fieldRow(ReferralTr::tr("Enclosed"), esc(enclosed.join(ReferralTr::tr(", "))));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p style=\"color:#5a6570; font-size:8.5pt;\">%1</p>")
                .arg(esc(ReferralTr::tr("Records from the regional network: %1")
                             .arg(packet.sourceFacilities().join(ReferralTr::tr(", ")))));
    return html;
}

QString dischargeSummary(const ReferralPacket &packet, bool newPage)
{
    QString html = sectionHeading(ReferralTr::tr("Discharge summary"), newPage);
    if (!packet.dischargeSummary)
        return html + QStringLiteral("<p>%1</p>").arg(esc(ReferralTr::tr("No discharge summary is shared.")));
    const ReferralDocument &d = *packet.dischargeSummary;
    html += QStringLiteral("<p><b>%1</b>　%2　<span style=\"color:#5a6570;\">%3</span></p>")
                .arg(esc(d.title), esc(d.date), esc(ReferralTr::tr("Source: %1").arg(d.facility)));
    html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                           "style=\"border-collapse: collapse; border-color: #8a939c;\">");
    for (const auto &[label, value] : d.fields) {
        if (value != d.facility && value != d.date) // already on the line above
            html += fieldRow(label, paragraphs(value), 1);
    }
    html += QStringLiteral("</table>");
    html += d.text.isEmpty()
        ? QStringLiteral("<p style=\"color:#5a6570;\">%1</p>")
              .arg(esc(ReferralTr::tr("The full text is kept by %1; ask them for a copy if needed.").arg(d.facility)))
        : QStringLiteral("<p>%1</p>").arg(paragraphs(d.text));
    return html;
}

QString medication(const ReferralPacket &packet, bool newPage)
{
    QString html = sectionHeading(ReferralTr::tr("Current medication"), newPage);
    if (packet.medication.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(ReferralTr::tr("None on record")));
    html += tableStart({ReferralTr::tr("Drug"), ReferralTr::tr("Dose"), ReferralTr::tr("Usage"), ReferralTr::tr("Days"), ReferralTr::tr("Prescribed"), ReferralTr::tr("Source")},
                       {28, 10, 22, 10, 13, 17});
    for (const ReferralMedication &m : packet.medication)
        html += row({esc(m.drug), esc(m.dose), esc(m.usage), esc(m.days), esc(m.date), esc(m.facility)});
    return html + QStringLiteral("</table>");
}

QString labs(const ReferralPacket &packet, bool newPage, QTextDocument *document)
{
    QString html = sectionHeading(ReferralTr::tr("Laboratory results"), newPage);
    const ReferralLabTable &t = packet.labs;
    if (t.tests.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(ReferralTr::tr("No laboratory results were chosen.")));
    QStringList headers = {ReferralTr::tr("Test"), ReferralTr::tr("Reference range")};
    QList<int> widths = {18, 14};
    const int dateWidth = t.times.isEmpty() ? 0 : 54 / int(t.times.size());
    for (const QDateTime &time : t.times) {
        headers << time.date().toString(QStringLiteral("yyyy/MM/dd"));
        widths << dateWidth;
    }
    headers << ReferralTr::tr("Source");
    widths << 14;
    html += QStringLiteral("<div style=\"font-size:8.5pt;\">") + tableStart(headers, widths);
    for (const ReferralLabTest &test : t.tests) {
        QStringList cells = {esc(test.name), esc(test.range)};
        for (const QString &cell : test.cells)
            cells << QStringLiteral("<p align=\"right\">%1</p>").arg(cell.endsWith(QLatin1String(" H")) || cell.endsWith(QLatin1String(" L"))
                                                                        ? QStringLiteral("<b>%1</b>").arg(esc(cell)) : esc(cell));
        cells << esc(test.facilities.join(ReferralTr::tr(", ")));
        html += row(cells);
    }
    html += QStringLiteral("</table></div><p style=\"color:#5a6570; font-size:8.5pt;\">%1</p>")
                .arg(esc(ReferralTr::tr("H: above, L: below the reference range. Newest first.")));
    if (!packet.has(ReferralSection::LabTrend))
        return html;
    int chart = 0;
    for (const ReferralLabTest &test : t.tests) {
        const std::optional<QImage> image = renderTrendChart(test, t.times);
        if (!image)
            continue; // fewer than two numeric values: nothing to draw a trend of
        const QUrl name(QStringLiteral("referral-chart:%1").arg(chart++));
        document->addResource(QTextDocument::ImageResource, name, *image);
        html += QStringLiteral("<p><img src=\"%1\" width=\"%2\" height=\"%3\"></p>")
                    .arg(name.toString()).arg(kTrendChartSize.width()).arg(kTrendChartSize.height());
    }
    return html;
}

QString entries(const QString &title, const QList<ReferralEntry> &list, bool newPage)
{
    QString html = sectionHeading(title, newPage);
    if (list.isEmpty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(ReferralTr::tr("None on record")));
    html += tableStart({title, ReferralTr::tr("Note"), ReferralTr::tr("Date"), ReferralTr::tr("Source")}, {40, 20, 20, 20});
    for (const ReferralEntry &e : list)
        html += row({esc(e.text), esc(e.detail), esc(e.date), esc(e.facility)});
    return html + QStringLiteral("</table>");
}

} // namespace

void fillReferralDocument(QTextDocument *document, const ReferralPacket &packet)
{
    QString html = QStringLiteral("<html><body>");
    bool newPage = false;
    if (packet.has(ReferralSection::CoverLetter)) {
        html += coverLetter(packet);
        newPage = true;
    }
    auto next = [&newPage](const QString &part) {
        newPage = false;
        return part;
    };
    if (packet.has(ReferralSection::DischargeSummary))
        html += next(dischargeSummary(packet, newPage));
    if (packet.has(ReferralSection::Medication))
        html += next(medication(packet, newPage));
    if (packet.has(ReferralSection::Labs))
        html += next(labs(packet, newPage, document));
    if (packet.has(ReferralSection::Diagnoses))
        html += next(entries(ReferralTr::tr("Diagnoses"), packet.diagnoses, newPage));
    if (packet.has(ReferralSection::Allergies))
        html += next(entries(ReferralTr::tr("Allergies"), packet.allergies, newPage));
    document->setHtml(html + QStringLiteral("</body></html>"));
}
