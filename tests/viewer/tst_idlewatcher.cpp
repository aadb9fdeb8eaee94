// IdleWatcher: fires after the timeout without input, input postpones it, a stopped watch
// stays stopped whatever the user does.

#include "idlewatcher.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace std::chrono_literals;

class TestIdleWatcher : public QObject
{
    Q_OBJECT

private slots:
    void firesAfterTheTimeout();
    void inputPostponesIt();
    void stoppedWatchIgnoresInput();
    void zeroTimeoutNeverFires();
};

void TestIdleWatcher::firesAfterTheTimeout()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(100ms);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 2'000);
    QTest::qWait(300);
    QCOMPARE(idle.count(), 1); // once, not repeatedly
}

void TestIdleWatcher::inputPostponesIt()
{
    QLineEdit edit;
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(400ms);
    // Typing every 100 ms for a second keeps the watch from firing...
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(100);
        QTest::keyClick(&edit, Qt::Key_A);
    }
    QCOMPARE(idle.count(), 0);
    // ...and it fires once the typing stops.
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 2'000);
}

void TestIdleWatcher::stoppedWatchIgnoresInput()
{
    QLineEdit edit;
    edit.show();
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(100ms);
    watcher.stop();
    QTest::keyClick(&edit, Qt::Key_A);
    QVERIFY(!watcher.isActive());
    QTest::qWait(300);
    QCOMPARE(idle.count(), 0);
}

void TestIdleWatcher::zeroTimeoutNeverFires()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(0ms);
    QVERIFY(!watcher.isActive());
    QTest::qWait(200);
    QCOMPARE(idle.count(), 0);
}

QTEST_MAIN(TestIdleWatcher)
#include "tst_idlewatcher.moc"
