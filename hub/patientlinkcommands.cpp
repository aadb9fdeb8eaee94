// Patient identity commands: patient link, unlink, links, suggest-links.
#include "commandsupport.h"
#include "patientlinks.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

QString localIds(const Patient &p)
{
    QStringList ids;
    for (const PatientIdentifier &i : p.identifiers)
        ids << i.facility + QLatin1Char(':') + i.value;
    return ids.join(QLatin1Char(' '));
}

QJsonObject patientJson(const Patient &p)
{
    QJsonArray identifiers;
    for (const PatientIdentifier &i : p.identifiers)
        identifiers.append(QJsonObject{{QStringLiteral("facility"), i.facility}, {QStringLiteral("value"), i.value}});
    return QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name()}, {QStringLiteral("kana"), p.kana()},
                       {QStringLiteral("birthDate"), p.birthDate}, {QStringLiteral("gender"), p.gender},
                       {QStringLiteral("identifiers"), identifiers}};
}

int patientLink(Invocation &in, bool link)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString a = in.parser.positionalArguments().value(0);
    const QString b = in.parser.positionalArguments().value(1);
    PatientLinks links(*store);
    const Status done = link ? links.link(a, b) : links.unlink(a, b);
    if (!done)
        return in.fail(done.error());
    const auto person = links.personOf(a);
    if (!person)
        return in.fail(person.error());
    in.out << (link ? QStringLiteral("linked %1 and %2\n") : QStringLiteral("unlinked %1 and %2\n")).arg(a, b);
    in.out << QStringLiteral("%1 is now one person with: %2\n")
                  .arg(a, person->size() > 1 ? person->join(QLatin1Char(' ')) : QStringLiteral("(no other patient)"));
    return 0;
}

int patientLinks(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, PatientLinks(*store).list(), {QStringLiteral("PATIENT"), QStringLiteral("LINKED TO"), QStringLiteral("SINCE")},
        [](const PatientLinks::Link &l) {
            return QJsonObject{{QStringLiteral("patient"), l.patient}, {QStringLiteral("other"), l.other},
                               {QStringLiteral("linked"), l.linked}};
        },
        [](const PatientLinks::Link &l) { return QStringList{l.patient, l.other, l.linked}; });
}

int patientSuggestLinks(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, PatientLinks(*store).suggestions(),
        {QStringLiteral("PATIENT"), QStringLiteral("NAME"), QStringLiteral("LOCAL IDS"), QStringLiteral("LIKELY SAME AS"),
         QStringLiteral("NAME"), QStringLiteral("LOCAL IDS"), QStringLiteral("BIRTH"), QStringLiteral("REASON")},
        [](const PatientLinks::Suggestion &s) {
            return QJsonObject{{QStringLiteral("patient"), patientJson(s.a)}, {QStringLiteral("other"), patientJson(s.b)},
                               {QStringLiteral("reason"), s.reason}};
        },
        [](const PatientLinks::Suggestion &s) {
            return QStringList{s.a.id, s.a.name() + QStringLiteral(" (") + s.a.kana().trimmed() + QLatin1Char(')'), localIds(s.a),
                               s.b.id, s.b.name() + QStringLiteral(" (") + s.b.kana().trimmed() + QLatin1Char(')'), localIds(s.b),
                               s.a.birthDate, s.reason};
        });
}

} // namespace

QList<Command> patientLinkCommands()
{
    return {
        {{QStringLiteral("patient"), QStringLiteral("link")}, {},
         QStringLiteral("Records that network patients A and B are one person (e.g. the same person registered at\n"
                        "      two hospitals). Searches and $everything for either ID then return the records of both;\n"
                        "      each record keeps its own facility, and is shown only under its own patient's consent."),
         {}, {}, {QStringLiteral("A"), QStringLiteral("B")}, false, [](Invocation &in) { return patientLink(in, true); }},
        {{QStringLiteral("patient"), QStringLiteral("unlink")}, {},
         QStringLiteral("Removes a link made by `patient link A B` (the records stay where they are)."),
         {}, {}, {QStringLiteral("A"), QStringLiteral("B")}, false, [](Invocation &in) { return patientLink(in, false); }},
        {{QStringLiteral("patient"), QStringLiteral("links")}, {}, QStringLiteral("Lists the links between patients."),
         {}, {}, {}, true, patientLinks},
        {{QStringLiteral("patient"), QStringLiteral("suggest-links")}, {},
         QStringLiteral("Lists pairs of patients who are likely one person: same birth date, the same name in kanji\n"
                        "      or kana (width, hiragana/katakana and spaces ignored), and no conflicting sex. Only a\n"
                        "      list: check each pair, then join it with `patient link A B`."),
         {}, {}, {}, true, patientSuggestLinks},
    };
}
