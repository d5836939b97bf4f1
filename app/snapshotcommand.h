#pragma once

struct AppOptions;

// `tcpscope --snapshot`: one poll printed to stdout, only the sockets of --filter if given. Exit 0 ok,
// 1 source unreadable (a bad filter is refused before, with exit 2, by AppOptions).
class SnapshotCommand
{
public:
    static int run(const AppOptions &options);
};
