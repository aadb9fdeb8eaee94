#include "tagbrowser.h"
#include "tagdump.h"
#include "tagtreemodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QtTest>

using namespace Dicom;

class TstTagBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void japaneseNameAsUtf8_data();
    void japaneseNameAsUtf8();
    void sequencesNest();
    void badFilesFailCleanly();
    void modelPassesTester();
    void browserFiltersAndFinds();

private:
    QString fixture(const QString &name) const { return m_dir.filePath(name); }
    static const TagEntry *find(const QList<TagEntry> &entries, quint16 g, quint16 e, int depth = 0)
    {
        for (const TagEntry &t : entries)
            if (t.group == g && t.element == e && t.depth == depth)
                return &t;
        return nullptr;
    }
    QDir m_dir;
};

void TstTagBrowser::initTestCase()
{
    m_dir = QDir(QStringLiteral(RENKEI_FIXTURES_DIR "/dicom"));
    if (!m_dir.exists(QStringLiteral("chrH31.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
}

void TstTagBrowser::japaneseNameAsUtf8_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    // fixtures/README.md documents chrH31's name; both agree with pydicom 2.3.1's
    // str(dcmread(f).PatientName).
    QTest::newRow("chrH31") << QStringLiteral("chrH31.dcm")
                            << QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    QTest::newRow("chrJapMulti") << QStringLiteral("chrJapMulti.dcm") << QStringLiteral("やまだ^たろう");
}

void TstTagBrowser::japaneseNameAsUtf8()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    const auto entries = dumpTags(fixture(file));
    QVERIFY2(entries, qPrintable(entries.error()));
    const TagEntry *pn = find(*entries, 0x0010, 0x0010);
    QVERIFY(pn);
    QCOMPARE(pn->vr, QStringLiteral("PN"));
    QCOMPARE(pn->keyword, QStringLiteral("PatientName"));
    QCOMPARE(pn->value, name);
    QCOMPARE(pn->tagText(), QStringLiteral("(0010,0010)"));
    // Meta header first: (0002,0010) Transfer Syntax UID is listed.
    QVERIFY(find(*entries, 0x0002, 0x0010));
    const TagEntry *rows = find(*entries, 0x0028, 0x0010);
    QVERIFY(rows);
    QCOMPARE(rows->value, QStringLiteral("32")); // pydicom: Rows 32
    // chrH31 has 32×32 8-bit Pixel Data (1024 bytes); chrJapMulti has none (pydicom).
    const TagEntry *pixels = find(*entries, 0x7FE0, 0x0010);
    if (file == u"chrH31.dcm")
        QVERIFY(pixels && pixels->value == QStringLiteral("(1024 bytes)"));
    else
        QVERIFY(!pixels);
}

void TstTagBrowser::sequencesNest()
{
    // pydicom: rtdose.dcm ReferencedRTPlanSequence[0].ReferencedFractionGroupSequence[0]
    //          .ReferencedFractionGroupNumber == '1'
    const auto entries = dumpTags(fixture(QStringLiteral("rtdose.dcm")));
    QVERIFY2(entries, qPrintable(entries.error()));
    const TagEntry *number = find(*entries, 0x300C, 0x0022, 4);
    QVERIFY(number);
    QCOMPARE(number->value, QStringLiteral("1"));
    const TagEntry &item = entries->at(number->parent);
    QCOMPARE(item.kind, TagEntry::Kind::Item);
    const TagEntry &fractionGroups = entries->at(item.parent);
    QCOMPARE(fractionGroups.keyword, QStringLiteral("ReferencedFractionGroupSequence"));
    QCOMPARE(fractionGroups.vr, QStringLiteral("SQ"));
    const TagEntry &plans = entries->at(entries->at(fractionGroups.parent).parent);
    QCOMPARE(plans.keyword, QStringLiteral("ReferencedRTPlanSequence"));
    QCOMPARE(plans.depth, 0);
}

void TstTagBrowser::badFilesFailCleanly()
{
    const auto missing = dumpTags(QStringLiteral("/nonexistent/file.dcm"));
    QVERIFY(!missing);
    QVERIFY(!missing.error().isEmpty());
    const auto notDicom = dumpTags(QByteArray("hello, this is not DICOM at all"));
    QVERIFY(!notDicom);
    // Truncated pixel data: the attributes before it are still listed.
    const auto truncated = dumpTags(fixture(QStringLiteral("MR_truncated.dcm")));
    if (truncated)
        QVERIFY(find(*truncated, 0x0010, 0x0010));
}

void TstTagBrowser::modelPassesTester()
{
    TagTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto entries = dumpTags(fixture(QStringLiteral("rtdose.dcm")));
    QVERIFY(entries);
    model.setEntries(*entries);
    const QModelIndex plans = model.findTag(0x300C, 0x0002);
    QVERIFY(plans.isValid());
    QCOMPARE(model.rowCount(plans), 1); // one item
    const QModelIndex item = model.index(0, 0, plans);
    QCOMPARE(model.data(item).toString(), QStringLiteral("Item 1"));
    QCOMPARE(model.parent(item), plans);
    QVERIFY(model.rowCount(item) >= 3); // two UIDs and the nested sequence
    model.setEntries(*dumpTags(fixture(QStringLiteral("chrH31.dcm"))));
    const QModelIndex name = model.findTag(0x0010, 0x0010);
    QCOMPARE(model.data(name.siblingAtColumn(TagTreeModel::ValueColumn)).toString(),
             QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

void TstTagBrowser::browserFiltersAndFinds()
{
    TagBrowser browser;
    QAbstractItemModelTester tester(browser.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QSignalSpy loaded(&browser, &TagBrowser::loaded);
    browser.showFile(fixture(QStringLiteral("chrH31.dcm")));
    QVERIFY(loaded.wait(10000));
    QVERIFY(browser.proxy()->rowCount() > 20);

    auto *filter = browser.findChild<QLineEdit *>(QStringLiteral("tagFilter"));
    QVERIFY(filter);
    // Ctrl+F puts the cursor in the search field.
    browser.view()->setFocus();
    QTest::keyClick(browser.view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());

    auto onlyRowValue = [&](int column) {
        return browser.proxy()->index(0, column).data().toString();
    };
    QTest::keyClicks(filter, QStringLiteral("0010,0010"));
    QCOMPARE(browser.proxy()->rowCount(), 1);
    QCOMPARE(onlyRowValue(TagTreeModel::ValueColumn), QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    browser.setFilterText(QStringLiteral("山田")); // by value, in Japanese
    QCOMPARE(browser.proxy()->rowCount(), 1);
    QCOMPARE(onlyRowValue(TagTreeModel::KeywordColumn), QStringLiteral("PatientName"));
    browser.setFilterText(QStringLiteral("patientid")); // by keyword, any case
    QCOMPARE(browser.proxy()->rowCount(), 1);
    QCOMPARE(onlyRowValue(TagTreeModel::ValueColumn), QStringLiteral("H31EXAMPLE"));
    browser.setFilterText(QStringLiteral("00280010")); // tag without punctuation
    QCOMPARE(onlyRowValue(TagTreeModel::KeywordColumn), QStringLiteral("Rows"));

    // A nested match keeps its sequence and item.
    browser.setFilterText({});
    browser.showFile(fixture(QStringLiteral("rtdose.dcm")));
    QVERIFY(loaded.wait(10000));
    browser.setFilterText(QStringLiteral("ReferencedFractionGroupNumber"));
    QCOMPARE(browser.proxy()->rowCount(), 1);
    QCOMPARE(onlyRowValue(TagTreeModel::KeywordColumn), QStringLiteral("ReferencedRTPlanSequence"));

    // An unreadable file: a message, an empty list, no crash.
    browser.setFilterText({});
    browser.showFile(QStringLiteral("/nonexistent.dcm"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(browser.model()->rowCount(), 0);
}

QTEST_MAIN(TstTagBrowser)
#include "tst_tagbrowser.moc"
