#pragma once

#include "netnamespace.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// One main() for the tests that need more than QTEST_MAIN: a private network namespace entered before
// any thread exists (unshare(2) refuses a multi-threaded process), or a private settings file.
namespace TestMain {
enum Flag {
    None = 0,
    Isolated = 1, // enter a fresh network namespace first; TCPSCOPE_REQUIRE_NAMESPACE() in each test
    PrivateSettings = 2, // QSettings in a temporary XDG_CONFIG_HOME, under the application's real names
};

template<typename App, typename Test> int run(int argc, char **argv, int flags)
{
    if (flags & Isolated)
        NetNamespace::enterForTests();
    std::optional<QTemporaryDir> config;
    if (flags & PrivateSettings) {
        config.emplace();
        qputenv("XDG_CONFIG_HOME", config->path().toLocal8Bit());
    }
    App app(argc, argv);
    if (flags & PrivateSettings) {
        // The names the real application uses, so the file is tcpscope/tcpscope.conf as documented.
        QCoreApplication::setOrganizationName(QStringLiteral("tcpscope"));
        QCoreApplication::setApplicationName(QStringLiteral("tcpscope"));
    }
    Test test;
    return QTest::qExec(&test, argc, argv);
}
} // namespace TestMain

#define TCPSCOPE_TEST_MAIN(TestClass, AppClass, flags)                                                                 \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        return TestMain::run<AppClass, TestClass>(argc, argv, flags);                                                  \
    }

// In a test function of a TestMain::Isolated test: skips when no private namespace could be made,
// except in CI (CI=true), where that is a failure: tests that need root must not silently skip there.
#define TCPSCOPE_REQUIRE_NAMESPACE()                                                                                   \
    do {                                                                                                               \
        const QString why_ = NetNamespace::testError();                                                                \
        if (!why_.isEmpty()) {                                                                                         \
            if (NetNamespace::mustNotSkip())                                                                           \
                QFAIL(qPrintable(why_));                                                                               \
            QSKIP(qPrintable(why_));                                                                                   \
        }                                                                                                              \
    } while (false)
