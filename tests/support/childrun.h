#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// Runs a program to its end and keeps what it said: the tests that run the built binary or ss.
struct ChildRun
{
    int exitCode = -1; // -1: crashed or did not finish within 30 s
    QByteArray out;
    QByteArray err;

    static ChildRun of(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
    {
        QProcess p;
        if (!env.isEmpty())
            p.setProcessEnvironment(env);
        p.start(program, args);
        ChildRun r;
        if (!p.waitForFinished(30000)) {
            r.err = "did not finish";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
};
