#pragma once

struct AppOptions;

// `tcpscope --snapshot`: one poll printed to stdout. Exit 0 ok, 1 source unreadable.
class SnapshotCommand
{
public:
    static int run(const AppOptions &options);
};
