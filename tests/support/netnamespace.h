#pragma once

#include <QString>

// Moves the calling process into a fresh network namespace with loopback up, so tests see only
// their own sockets. Root uses CLONE_NEWNET; others try a user namespace first.
// Call it first thing in main(), before any thread starts.
class NetNamespace
{
public:
    // Empty on success, otherwise why it failed.
    static QString enterNew();
    // enterNew() for a test's main(): the outcome is kept for testError().
    static void enterForTests();
    // Why enterForTests() failed; empty when the test runs in its own namespace.
    static QString testError();
    // True when the suite must not skip (CI=true): a failure to isolate is then a test failure.
    static bool mustNotSkip();
};
