// The .ts files as the build uses them: every text has a context the code can ask for and a
// finished translation, and the built renkei_ja.qm answers with what the .ts says.
//
// Why: the referral packet once printed in English under the Japanese UI. Its texts were
// called through a type alias that lupdate does not follow, so they sat in the .ts under an
// empty context, which no tr() call at run time ever asks for.

#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString translation;  ///< empty for plural messages
    QStringList numerus;  ///< the plural forms
    QString type;         ///< "unfinished", "vanished", "obsolete" or empty
    qint64 line = 0;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}, {}, {}, xml.lineNumber()};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // A plural translation holds <numerusform> children; readElementText would
            // refuse them, so read those one by one.
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    message.translation += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.numerus << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (!message.numerus.isEmpty())
                message.translation.clear();
            messages << message;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(RENKEI_SOURCE_DIR "/translations/renkei_%1.ts").arg(language);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTextHasContextAndTranslation_data();
    void everyTextHasContextAndTranslation();
    void builtJapaneseAnswersAsTheTsSays();
};

void tst_Translations::everyTextHasContextAndTranslation_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << QStringLiteral("ja");
    QTest::newRow("en") << QStringLiteral("en");
}

void tst_Translations::everyTextHasContextAndTranslation()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 400);
    for (const Message &message : messages) {
        const QString where = QStringLiteral("renkei_%1.ts line %2: \"%3\"")
                                  .arg(language).arg(message.line).arg(message.source);
        QVERIFY2(!message.context.isEmpty(),
                 qPrintable(where + QStringLiteral(" has no context: its tr() goes through "
                                                   "something lupdate cannot see")));
        QVERIFY2(message.type.isEmpty(),
                 qPrintable(where + QStringLiteral(" is ") + message.type
                            + QStringLiteral(" (cmake --build … --target update_translations, "
                                             "then scripts/merge-translations)")));
        const bool translated = message.numerus.isEmpty()
            ? !message.translation.isEmpty()
            : std::none_of(message.numerus.cbegin(), message.numerus.cend(),
                           [](const QString &form) { return form.isEmpty(); });
        QVERIFY2(translated, qPrintable(where + QStringLiteral(" has no translation")));
    }
}

void tst_Translations::builtJapaneseAnswersAsTheTsSays()
{
    QTranslator japanese;
    QVERIFY2(japanese.load(QStringLiteral(RENKEI_JA_QM)), RENKEI_JA_QM);
    QString error;
    const QList<Message> messages = readTs(tsPath(QStringLiteral("ja")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int checked = 0;
    for (const Message &message : messages) {
        if (!message.numerus.isEmpty())
            continue;
        const QString answer = japanese.translate(message.context.toUtf8().constData(),
                                                  message.source.toUtf8().constData(),
                                                  message.comment.isEmpty()
                                                      ? nullptr
                                                      : message.comment.toUtf8().constData());
        QVERIFY2(answer == message.translation,
                 qPrintable(QStringLiteral("%1 / \"%2\": the .qm says \"%3\", the .ts \"%4\"")
                                .arg(message.context, message.source, answer,
                                     message.translation)));
        ++checked;
    }
    QVERIFY(checked > 400);
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
