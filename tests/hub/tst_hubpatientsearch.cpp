// The real renkei-hub over HTTPS: /fhir/Patient search, its Bundle, and consent visibility.
// The hub, its demo network and the login are set up by HubServerTest (hubservertest.h).

#include "hubservertest.h"

#include <QTest>
#include <QUrlQuery>
#include <functional>

namespace {

// Full-width katakana → JIS X 0201 half-width katakana; voiced marks become the separate
// ﾞ / ﾟ characters (after NFD splits ダ into タ + U+3099). This table is the reverse of what
// the hub folds, written out independently from the JIS X 0201 layout.
QString toHalfWidthKana(const QString &katakana)
{
    static const QString full = QStringLiteral(
        "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン");
    static const QString half = QStringLiteral(
        "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ");
    Q_ASSERT(full.size() == half.size());
    QString out;
    for (QChar c : katakana.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() == 0x3099)
            out += QChar(0xFF9E);
        else if (c.unicode() == 0x309A)
            out += QChar(0xFF9F);
        else if (const qsizetype index = full.indexOf(c); index >= 0)
            out += half.at(index);
        else
            out += c;
    }
    return out;
}

QString toHiragana(const QString &katakana)
{
    QString out;
    for (QChar c : katakana)
        out += (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6) ? QChar(char16_t(c.unicode() - 0x60)) : c;
    return out;
}

} // namespace

/// Patient search (names in every written form, identifiers, birth dates, gender) and what
/// consent lets the clinic see, computed from the hub's own `patient list` and `consent list`.
class tst_HubPatientSearch : public HubServerTest
{
    Q_OBJECT

private slots:
    void searchFindsConsentedPatient_data();
    void searchFindsConsentedPatient();
    void searchResultShape();
    void nonConsentedPatientIsInvisible();
    void filters_data();
    void filters();
    void withdrawalIsEffectiveOnNextRequest();
};

void tst_HubPatientSearch::searchFindsConsentedPatient_data()
{
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QString>("name");

    // A consented patient other than p00001, to avoid leaning on the one hand-made entry.
    QStringList candidates(m_consented.cbegin(), m_consented.cend());
    candidates.sort();
    const QJsonObject chosen = patient(candidates.value(candidates.size() / 2));
    const QString id = chosen.value(QStringLiteral("id")).toString();
    const QString kanji = chosen.value(QStringLiteral("name")).toString();
    const QString kana = chosen.value(QStringLiteral("kana")).toString();
    const QString familyKana = kana.section(QLatin1Char(' '), 0, 0);

    QTest::newRow("kanji full name") << id << kanji;
    QTest::newRow("kanji with ideographic space") << id << QString(kanji).replace(QLatin1Char(' '), QChar(0x3000));
    QTest::newRow("kanji family name") << id << kanji.section(QLatin1Char(' '), 0, 0);
    QTest::newRow("katakana full") << id << kana;
    QTest::newRow("katakana without space") << id << QString(kana).remove(QLatin1Char(' '));
    QTest::newRow("hiragana") << id << toHiragana(kana);
    const QString halfWidth = toHalfWidthKana(familyKana);
    QVERIFY(std::all_of(halfWidth.cbegin(), halfWidth.cend(),
                        [](QChar c) { return c.unicode() >= 0xFF61 && c.unicode() <= 0xFF9F; }));
    QTest::newRow("half-width kana") << id << halfWidth;
    QTest::newRow("p00001 half-width ﾔﾏﾀﾞ") << QStringLiteral("p00001") << QStringLiteral("ﾔﾏﾀﾞ");
    QTest::newRow("p00001 hiragana やまだ") << QStringLiteral("p00001") << QStringLiteral("やまだ");
    QTest::newRow("p00001 katakana ヤマダ") << QStringLiteral("p00001") << QStringLiteral("ヤマダ");
    QTest::newRow("p00001 given name kanji") << QStringLiteral("p00001") << QStringLiteral("太郎");
}

void tst_HubPatientSearch::searchFindsConsentedPatient()
{
    QFETCH(QString, patientId);
    QFETCH(QString, name);
    QVERIFY(!m_token.isEmpty());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
    const QStringList ids = searchIds(query);
    QVERIFY2(ids.contains(patientId), qPrintable(name + QStringLiteral(" → ") + ids.join(QLatin1Char(','))));
    for (const QString &id : ids)
        QVERIFY2(m_consented.contains(id), qPrintable(id + QStringLiteral(" has no active consent")));
}

void tst_HubPatientSearch::searchResultShape()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("gender"), QStringLiteral("male"));
    query.addQueryItem(QStringLiteral("_count"), QStringLiteral("5"));
    const Reply reply = search(query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/fhir+json"));
    const QJsonObject bundle = reply.json();
    QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 5);
    int expectedTotal = 0;
    for (const QJsonValue &value : std::as_const(m_patients)) {
        const QJsonObject p = value.toObject();
        expectedTotal += m_consented.contains(p.value(QStringLiteral("id")).toString())
            && p.value(QStringLiteral("gender")).toString() == QLatin1String("male");
    }
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), expectedTotal);

    QString previousKana;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        QCOMPARE(entry.value(QStringLiteral("search")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("match"));
        const QJsonObject resource = entry.value(QStringLiteral("resource")).toObject();
        const QString id = resource.value(QStringLiteral("id")).toString();
        const QJsonObject listed = patient(id);
        QCOMPARE(resource.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Patient"));
        QCOMPARE(resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("profile")).toArray(),
                 QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient")});
        QCOMPARE(resource.value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
        QCOMPARE(resource.value(QStringLiteral("birthDate")).toString(), listed.value(QStringLiteral("birthDate")).toString());

        const QJsonArray names = resource.value(QStringLiteral("name")).toArray();
        QCOMPARE(names.size(), 2);
        const QJsonObject ideographic = names.at(0).toObject();
        const QJsonObject syllabic = names.at(1).toObject();
        QCOMPARE(ideographic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("valueCode")).toString(), QStringLiteral("IDE"));
        QCOMPARE(syllabic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"));
        QCOMPARE(syllabic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("valueCode")).toString(), QStringLiteral("SYL"));
        QCOMPARE(ideographic.value(QStringLiteral("text")).toString(), listed.value(QStringLiteral("name")).toString());
        QCOMPARE(syllabic.value(QStringLiteral("text")).toString(), listed.value(QStringLiteral("kana")).toString());
        QCOMPARE(ideographic.value(QStringLiteral("family")).toString() + QLatin1Char(' ')
                     + ideographic.value(QStringLiteral("given")).toArray().first().toString(),
                 listed.value(QStringLiteral("name")).toString());

        // Identifiers: the network ID plus each facility's local ID with its assigner.
        const QJsonArray identifiers = resource.value(QStringLiteral("identifier")).toArray();
        QCOMPARE(identifiers.first().toObject().value(QStringLiteral("system")).toString(), QStringLiteral("urn:renkei:patient"));
        QCOMPARE(identifiers.first().toObject().value(QStringLiteral("value")).toString(), id);
        QCOMPARE(identifiers.size(), 1 + listed.value(QStringLiteral("identifiers")).toArray().size());
        for (const QJsonValue &local : listed.value(QStringLiteral("identifiers")).toArray()) {
            const QString facility = local.toObject().value(QStringLiteral("facility")).toString();
            bool found = false;
            for (const QJsonValue &identifier : identifiers) {
                const QJsonObject object = identifier.toObject();
                found |= object.value(QStringLiteral("system")).toString()
                        == QStringLiteral("urn:renkei:facility:%1:patient-id").arg(facility)
                    && object.value(QStringLiteral("value")).toString() == local.toObject().value(QStringLiteral("value")).toString()
                    && object.value(QStringLiteral("assigner")).toObject().value(QStringLiteral("reference")).toString()
                        == QStringLiteral("Organization/") + facility;
            }
            QVERIFY2(found, qPrintable(id + QLatin1Char(' ') + facility));
        }

        // Sorted by kana.
        const QString kana = listed.value(QStringLiteral("kana")).toString();
        QVERIFY2(previousKana.isEmpty() || previousKana.section(QLatin1Char(' '), 0, 0) <= kana.section(QLatin1Char(' '), 0, 0),
                 qPrintable(previousKana + QStringLiteral(" > ") + kana));
        previousKana = kana;
    }
}

void tst_HubPatientSearch::nonConsentedPatientIsInvisible()
{
    // One whose consent was withdrawn and one who never gave any.
    QStringList withdrawn(m_withdrawn.cbegin(), m_withdrawn.cend());
    withdrawn.sort();
    QStringList never;
    for (const QString &id : std::as_const(m_notConsented)) {
        if (!m_withdrawn.contains(id))
            never << id;
    }
    never.sort();
    QVERIFY(!withdrawn.isEmpty() && !never.isEmpty());
    for (const QString &id : {withdrawn.first(), never.first()}) {
        const QJsonObject hidden = patient(id);
        for (const QString &name : {hidden.value(QStringLiteral("name")).toString(),
                                    hidden.value(QStringLiteral("kana")).toString()}) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
            const QStringList ids = searchIds(query);
            QVERIFY2(!ids.contains(id), qPrintable(id));
            for (const QString &found : ids)
                QVERIFY(m_consented.contains(found));
        }
        QUrlQuery byId;
        byId.addQueryItem(QStringLiteral("identifier"), id);
        QCOMPARE(searchIds(byId), QStringList());

        const Reply read = send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token);
        QCOMPARE(read.status, 404);
        QCOMPARE(read.issueCode(), QStringLiteral("not-found"));
        // Indistinguishable from a patient that does not exist at all.
        const Reply missing = send("GET", QStringLiteral("/fhir/Patient/p99999"), {}, m_token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(QString::fromUtf8(read.body).replace(id, QStringLiteral("X")),
                 QString::fromUtf8(missing.body).replace(QStringLiteral("p99999"), QStringLiteral("X")));
    }
}

void tst_HubPatientSearch::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    // Expected results computed here from `patient list --json` and `consent list --json`.
    auto expect = [this](const std::function<bool(const QJsonObject &)> &matches) {
        QStringList ids;
        for (const QJsonValue &value : std::as_const(m_patients)) {
            const QJsonObject p = value.toObject();
            if (m_consented.contains(p.value(QStringLiteral("id")).toString()) && matches(p))
                ids << p.value(QStringLiteral("id")).toString();
        }
        ids.sort();
        return ids;
    };
    auto born = [](const QJsonObject &p) { return p.value(QStringLiteral("birthDate")).toString(); };

    QStringList consented(m_consented.cbegin(), m_consented.cend());
    consented.sort();
    const QJsonObject someone = patient(consented.value(3));
    const QString someoneId = someone.value(QStringLiteral("id")).toString();
    const QJsonObject local = someone.value(QStringLiteral("identifiers")).toArray().first().toObject();
    const QString localFacility = local.value(QStringLiteral("facility")).toString();
    const QString localValue = local.value(QStringLiteral("value")).toString();
    const QString birthDate = born(someone);

    QTest::newRow("identifier: network ID") << QStringLiteral("identifier=") + someoneId << QStringList{someoneId};
    QTest::newRow("identifier: network system|ID")
        << QStringLiteral("identifier=urn:renkei:patient%7C") + someoneId << QStringList{someoneId};
    QTest::newRow("identifier: local ID")
        << QStringLiteral("identifier=") + localValue
        << expect([&](const QJsonObject &p) {
               for (const QJsonValue &i : p.value(QStringLiteral("identifiers")).toArray())
                   if (i.toObject().value(QStringLiteral("value")).toString() == localValue)
                       return true;
               return false;
           });
    QTest::newRow("identifier: facility system|local ID")
        << QStringLiteral("identifier=urn:renkei:facility:%1:patient-id%7C%2").arg(localFacility, localValue)
        << QStringList{someoneId};
    QTest::newRow("identifier: unknown system") << QStringLiteral("identifier=urn:other%7C") + someoneId << QStringList();
    QTest::newRow("birthdate: exact day") << QStringLiteral("birthdate=") + birthDate
                                          << expect([&](const QJsonObject &p) { return born(p) == birthDate; });
    QTest::newRow("birthdate: month") << QStringLiteral("birthdate=") + birthDate.left(7)
                                      << expect([&](const QJsonObject &p) { return born(p).startsWith(birthDate.left(7)); });
    QTest::newRow("birthdate: ge1950 & le1959")
        << QStringLiteral("birthdate=ge1950&birthdate=le1959")
        << expect([&](const QJsonObject &p) { return born(p) >= QLatin1String("1950-01-01") && born(p) <= QLatin1String("1959-12-31"); });
    QTest::newRow("birthdate: gt2000-06")
        << QStringLiteral("birthdate=gt2000-06")
        << expect([&](const QJsonObject &p) { return born(p) > QLatin1String("2000-06-30"); });
    QTest::newRow("birthdate: lt1940-02-15")
        << QStringLiteral("birthdate=lt1940-02-15")
        << expect([&](const QJsonObject &p) { return born(p) < QLatin1String("1940-02-15"); });
    QTest::newRow("gender: female")
        << QStringLiteral("gender=female")
        << expect([](const QJsonObject &p) { return p.value(QStringLiteral("gender")).toString() == QLatin1String("female"); });
    QTest::newRow("gender + birthdate")
        << QStringLiteral("gender=male&birthdate=le1945")
        << expect([&](const QJsonObject &p) {
               return p.value(QStringLiteral("gender")).toString() == QLatin1String("male")
                   && born(p) <= QLatin1String("1945-12-31");
           });
}

void tst_HubPatientSearch::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    // Every row but the unknown system must expect someone, or the row proves nothing.
    QVERIFY(!expected.isEmpty() || query.contains(QStringLiteral("urn:other")));
    QStringList ids = searchIds(QUrlQuery(query));
    ids.sort();
    QCOMPARE(ids, expected);
}

void tst_HubPatientSearch::withdrawalIsEffectiveOnNextRequest()
{
    QStringList consented(m_consented.cbegin(), m_consented.cend());
    consented.sort();
    const QString id = consented.value(7);
    QUrlQuery byId;
    byId.addQueryItem(QStringLiteral("identifier"), id);
    QCOMPARE(searchIds(byId), QStringList{id});
    QCOMPARE(send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token).status, 200);

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(searchIds(byId), QStringList());
    QCOMPARE(send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token).status, 404);

    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(searchIds(byId), QStringList{id});
}

QTEST_GUILESS_MAIN(tst_HubPatientSearch)
#include "tst_hubpatientsearch.moc"
