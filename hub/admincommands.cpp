// Administration commands: facilities, users, patients, consents, the login notice, audit.
#include "audit.h"
#include "commandsupport.h"
#include "consents.h"
#include "disclosurepolicy.h"
#include "facilities.h"
#include "loginthrottle.h"
#include "passwordhash.h"
#include "patientrepository.h"
#include "texttable.h"
#include "users.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

QCommandLineOption valueOption(const QString &name, const QString &description, const QString &valueName)
{
    return QCommandLineOption(name, description, valueName);
}

int facilityAdd(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const Facility facility{in.parser.value(QStringLiteral("id")), in.parser.value(QStringLiteral("name")),
                            in.parser.value(QStringLiteral("kind"))};
    if (const Status added = FacilityRepository(*store).add(facility); !added)
        return in.fail(added.error());
    in.out << QStringLiteral("added facility %1 (%2, %3)\n").arg(facility.id, facility.name, facility.kind);
    return 0;
}

int facilityList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, FacilityRepository(*store).list(),
        {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("KIND")},
        [](const Facility &f) {
            return QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("name"), f.name},
                               {QStringLiteral("kind"), f.kind}};
        },
        [](const Facility &f) { return QStringList{f.id, f.name, f.kind}; });
}

int facilityPolicy(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString id = in.parser.value(QStringLiteral("id"));
    const auto facility = FacilityRepository(*store).find(id);
    if (!facility)
        return in.fail(facility.error());
    if (!facility->has_value())
        return in.fail(QStringLiteral("unknown facility '%1'").arg(id));
    DisclosurePolicy policy(*store);
    const bool show = in.parser.isSet(QStringLiteral("show"));
    const bool change = in.parser.isSet(QStringLiteral("disclose"));
    if (show == change)
        return in.fail(QStringLiteral("give either --disclose KIND,KIND,... or --show"));
    if (change) {
        QStringList kinds;
        for (const QString &kind : in.parser.value(QStringLiteral("disclose")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            kinds << kind.trimmed();
        if (const Status begun = store->beginTransaction(); !begun)
            return in.fail(begun.error());
        if (const Status set = policy.setDisclosed(id, kinds); !set) {
            store->rollback();
            return in.fail(set.error());
        }
        if (const Status committed = store->commit(); !committed)
            return in.fail(committed.error());
    }
    const auto disclosed = policy.disclosed(id);
    if (!disclosed)
        return in.fail(disclosed.error());
    QStringList withheld;
    for (const QString &kind : DisclosurePolicy::allKinds()) {
        if (!disclosed->contains(kind))
            withheld << kind;
    }
    in.out << QStringLiteral("%1 discloses: %2\n").arg(id, disclosed->isEmpty() ? QStringLiteral("(nothing)") : disclosed->join(QLatin1Char(',')));
    in.out << QStringLiteral("%1 withholds: %2\n").arg(id, withheld.isEmpty() ? QStringLiteral("(nothing)") : withheld.join(QLatin1Char(',')));
    return 0;
}

std::optional<QString> passwordFromStdin(Invocation &in)
{
    const auto password = in.readStdinLine();
    if (!password || password->isEmpty()) {
        in.fail(QStringLiteral("no password on standard input (give it as the first line)"));
        return std::nullopt;
    }
    if (const QString policy = UserRepository::checkPasswordPolicy(*password); !policy.isEmpty()) {
        in.fail(policy);
        return std::nullopt;
    }
    return password;
}

int userAdd(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const auto password = passwordFromStdin(in);
    if (!password)
        return 1;
    const QString id = in.parser.value(QStringLiteral("id"));
    const QString facility = in.parser.value(QStringLiteral("facility"));
    if (const Status added = UserRepository(*store).add(id, facility, *password,
                                                        PasswordHash::kDefaultIterations);
        !added)
        return in.fail(added.error());
    in.out << QStringLiteral("added user %1 at %2\n").arg(id, facility);
    return 0;
}

int userPasswd(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const auto password = passwordFromStdin(in);
    if (!password)
        return 1;
    const QString id = in.parser.value(QStringLiteral("id"));
    if (const Status changed = UserRepository(*store).setPassword(id, *password,
                                                                  PasswordHash::kDefaultIterations);
        !changed)
        return in.fail(changed.error());
    in.out << QStringLiteral("changed the password of %1 (its sessions are ended)\n").arg(id);
    return 0;
}

int userLock(Invocation &in, bool lock)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString id = in.parser.value(QStringLiteral("id"));
    if (const Status changed = UserRepository(*store).setLocked(id, lock); !changed)
        return in.fail(changed.error());
    if (!lock) {
        if (const Status cleared = LoginThrottle::clear(*store, id); !cleared)
            return in.fail(cleared.error());
    }
    in.out << (lock ? QStringLiteral("locked %1\n") : QStringLiteral("unlocked %1 (failed logins forgotten)\n")).arg(id);
    return 0;
}

int userList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, UserRepository(*store).list(),
        {QStringLiteral("ID"), QStringLiteral("FACILITY"), QStringLiteral("LOCKED")},
        [](const User &u) {
            return QJsonObject{{QStringLiteral("id"), u.id}, {QStringLiteral("facility"), u.facility},
                               {QStringLiteral("locked"), u.locked}};
        },
        [](const User &u) {
            return QStringList{u.id, u.facility, u.locked ? QStringLiteral("yes") : QStringLiteral("no")};
        });
}

int patientList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, PatientRepository(*store).list(),
        {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("KANA"), QStringLiteral("BIRTH"),
         QStringLiteral("GENDER"), QStringLiteral("LOCAL IDS")},
        [](const Patient &p) {
            QJsonArray identifiers;
            for (const PatientIdentifier &i : p.identifiers)
                identifiers.append(QJsonObject{{QStringLiteral("facility"), i.facility},
                                               {QStringLiteral("value"), i.value}});
            return QJsonObject{{QStringLiteral("id"), p.id},
                               {QStringLiteral("name"), p.name()},
                               {QStringLiteral("kana"), p.kana()},
                               {QStringLiteral("birthDate"), p.birthDate},
                               {QStringLiteral("gender"), p.gender},
                               {QStringLiteral("identifiers"), identifiers}};
        },
        [](const Patient &p) {
            QStringList identifiers;
            for (const PatientIdentifier &i : p.identifiers)
                identifiers << i.facility + QLatin1Char(':') + i.value;
            return QStringList{p.id, p.name(), p.kana(), p.birthDate, p.gender,
                               identifiers.join(QLatin1Char(' '))};
        });
}

int consentChange(Invocation &in, bool grant)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString patient = in.parser.value(QStringLiteral("patient"));
    const QString facility = in.parser.value(QStringLiteral("facility"));
    ConsentRepository consents(*store);
    const Status changed = grant ? consents.grant(patient, facility) : consents.withdraw(patient, facility);
    if (!changed)
        return in.fail(changed.error());
    in.out << (grant ? QStringLiteral("consent of %1 for %2: active\n")
                     : QStringLiteral("consent of %1 for %2: withdrawn (inactive)\n"))
                  .arg(patient, facility);
    return 0;
}

int consentList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, ConsentRepository(*store).list(),
        {QStringLiteral("PATIENT"), QStringLiteral("FACILITY"), QStringLiteral("STATUS"),
         QStringLiteral("UPDATED")},
        [](const Consent &c) {
            return QJsonObject{{QStringLiteral("patient"), c.patient},
                               {QStringLiteral("facility"), c.facility},
                               {QStringLiteral("status"), c.status},
                               {QStringLiteral("updated"), c.updated}};
        },
        [](const Consent &c) { return QStringList{c.patient, c.facility, c.status, c.updated}; });
}

int noticeSet(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString text = in.parser.positionalArguments().value(0);
    if (const Status set = store->setSetting(QStringLiteral("login_notice"), text); !set)
        return in.fail(set.error());
    in.out << (text.isEmpty() ? QStringLiteral("login notice cleared\n") : QStringLiteral("login notice set\n"));
    return 0;
}

int noticeShow(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const auto text = store->setting(QStringLiteral("login_notice"));
    if (!text)
        return in.fail(text.error());
    in.out << *text << (text->isEmpty() || text->endsWith(QLatin1Char('\n')) ? "" : "\n");
    return 0;
}

int auditList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    return printList(
        in, AuditLog(*store).list(),
        {QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("USER"), QStringLiteral("FACILITY"),
         QStringLiteral("ACTION"), QStringLiteral("PATIENT"), QStringLiteral("OUTCOME"),
         QStringLiteral("DETAIL")},
        [](const AuditEntry &e) {
            return QJsonObject{{QStringLiteral("seq"), e.seq},
                               {QStringLiteral("time"), e.time},
                               {QStringLiteral("user"), e.user},
                               {QStringLiteral("facility"), e.facility},
                               {QStringLiteral("action"), e.action},
                               {QStringLiteral("patient"), e.patient},
                               {QStringLiteral("outcome"), e.outcome},
                               {QStringLiteral("detail"), e.detail},
                               {QStringLiteral("prevHash"), e.prevHash},
                               {QStringLiteral("hash"), e.hash}};
        },
        [](const AuditEntry &e) {
            return QStringList{QString::number(e.seq), e.time, e.user, e.facility, e.action, e.patient,
                               e.outcome, e.detail};
        });
}

int auditVerify(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    AuditLog audit(*store);
    const auto problem = audit.verify();
    if (!problem)
        return in.fail(problem.error());
    if (!problem->isEmpty())
        return in.fail(QStringLiteral("audit chain BROKEN: %1").arg(*problem));
    const auto entries = audit.list();
    in.out << QStringLiteral("audit chain intact: %1 rows\n").arg(entries ? entries->size() : 0);
    return 0;
}

} // namespace

QList<Command> adminCommands()
{
    const QCommandLineOption userId = valueOption(QStringLiteral("id"), QStringLiteral("The login ID."), QStringLiteral("ID"));
    const QCommandLineOption facility = valueOption(QStringLiteral("facility"), QStringLiteral("Facility ID."), QStringLiteral("F"));
    const QCommandLineOption patient = valueOption(QStringLiteral("patient"), QStringLiteral("Network patient ID."), QStringLiteral("P"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from the first line of standard input."));

    QList<Command> commands{
        {{QStringLiteral("facility"), QStringLiteral("add")},
         QStringLiteral("--id F --name NAME --kind hospital|clinic"),
         QStringLiteral("Adds a member facility."),
         {valueOption(QStringLiteral("id"), QStringLiteral("Facility ID (letters, digits, . _ -)."), QStringLiteral("F")),
          valueOption(QStringLiteral("name"), QStringLiteral("Facility name as shown to users."), QStringLiteral("NAME")),
          valueOption(QStringLiteral("kind"), QStringLiteral("hospital or clinic."), QStringLiteral("KIND"))},
         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind")}, {}, false, facilityAdd},
        {{QStringLiteral("facility"), QStringLiteral("list")}, {}, QStringLiteral("Lists the facilities."),
         {}, {}, {}, true, facilityList},
        {{QStringLiteral("facility"), QStringLiteral("policy")},
         QStringLiteral("--id F (--disclose KIND,KIND,... | --show)"),
         QStringLiteral("Sets or shows which kinds of record the facility discloses (kinds: %1).")
             .arg(DisclosurePolicy::allKinds().join(QLatin1Char(','))),
         {valueOption(QStringLiteral("id"), QStringLiteral("Facility ID."), QStringLiteral("F")),
          valueOption(QStringLiteral("disclose"), QStringLiteral("Comma-separated kinds to disclose; all others are withheld."), QStringLiteral("KINDS")),
          QCommandLineOption(QStringLiteral("show"), QStringLiteral("Print the policy."))},
         {QStringLiteral("id")}, {}, false, facilityPolicy},

        {{QStringLiteral("user"), QStringLiteral("add")},
         QStringLiteral("--facility F --id ID --password-stdin"),
         QStringLiteral("Adds a login account; the password (at least 13 characters) is read from stdin."),
         {facility, userId, passwordStdin},
         // The password never goes on the command line (visible in ps, shell history).
         {QStringLiteral("facility"), QStringLiteral("id"), QStringLiteral("password-stdin")}, {}, false, userAdd},
        {{QStringLiteral("user"), QStringLiteral("passwd")}, QStringLiteral("--id ID"),
         QStringLiteral("Sets a new password, read from stdin; ends the user's sessions."),
         {userId}, {QStringLiteral("id")}, {}, false, userPasswd},
        {{QStringLiteral("user"), QStringLiteral("lock")}, QStringLiteral("--id ID"),
         QStringLiteral("Locks an account: logins answer account_locked and its tokens stop working."),
         {userId}, {QStringLiteral("id")}, {}, false, [](Invocation &in) { return userLock(in, true); }},
        {{QStringLiteral("user"), QStringLiteral("unlock")}, QStringLiteral("--id ID"),
         QStringLiteral("Unlocks an account and forgets its failed logins."),
         {userId}, {QStringLiteral("id")}, {}, false, [](Invocation &in) { return userLock(in, false); }},
        {{QStringLiteral("user"), QStringLiteral("list")}, {}, QStringLiteral("Lists the login accounts."),
         {}, {}, {}, true, userList},

        {{QStringLiteral("patient"), QStringLiteral("list")}, {}, QStringLiteral("Lists all patients."),
         {}, {}, {}, true, patientList},

        {{QStringLiteral("consent"), QStringLiteral("grant")}, QStringLiteral("--patient P --facility F"),
         QStringLiteral("Records the patient's consent to share with the facility."),
         {patient, facility}, {QStringLiteral("patient"), QStringLiteral("facility")}, {}, false,
         [](Invocation &in) { return consentChange(in, true); }},
        {{QStringLiteral("consent"), QStringLiteral("withdraw")}, QStringLiteral("--patient P --facility F"),
         QStringLiteral("Withdraws it; effective on the server's next request."),
         {patient, facility}, {QStringLiteral("patient"), QStringLiteral("facility")}, {}, false,
         [](Invocation &in) { return consentChange(in, false); }},
        {{QStringLiteral("consent"), QStringLiteral("list")}, {}, QStringLiteral("Lists all consents."),
         {}, {}, {}, true, consentList},

        {{QStringLiteral("notice"), QStringLiteral("set")}, {},
         QStringLiteral("Sets the text shown on the viewer's login screen (empty clears it)."),
         {}, {}, {QStringLiteral("TEXT")}, false, noticeSet},
        {{QStringLiteral("notice"), QStringLiteral("show")}, {}, QStringLiteral("Prints the login notice."),
         {}, {}, {}, false, noticeShow},

        {{QStringLiteral("audit"), QStringLiteral("list")}, {}, QStringLiteral("Lists the access audit trail."),
         {}, {}, {}, true, auditList},
        {{QStringLiteral("audit"), QStringLiteral("verify")}, {},
         QStringLiteral("Checks the audit hash chain; exit status 1 if it is broken."),
         {}, {}, {}, false, auditVerify},
    };
    return commands + patientLinkCommands();
}
