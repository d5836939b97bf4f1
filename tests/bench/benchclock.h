#pragma once

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

// Median wall and CPU time of a callable over n runs. CPU is this thread's (CLOCK_PROCESS_CPUTIME_ID),
// every thread): kernel time spent in our read()/recv() counts, other processes do not.
struct BenchClock
{
    double wallMs = 0;
    double cpuMs = 0;
    double minCpuMs = 0;

    template<typename F> static BenchClock measure(int runs, F &&f)
    {
        std::vector<double> wall, cpu;
        for (int i = 0; i < runs; ++i) {
            const double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
            f();
            cpu.push_back(now(CLOCK_PROCESS_CPUTIME_ID) - c0);
            wall.push_back(now(CLOCK_MONOTONIC) - w0);
        }
        BenchClock r;
        r.wallMs = median(wall);
        r.cpuMs = median(cpu);
        r.minCpuMs = *std::min_element(cpu.begin(), cpu.end());
        return r;
    }
    void print(const char *name, const char *extra = "") const
    {
        std::printf("%-44s median wall %8.2f ms  cpu %8.2f ms (min %.2f)%s\n", name, wallMs, cpuMs, minCpuMs, extra);
        std::fflush(stdout);
    }
    static double now(clockid_t c)
    {
        timespec t {};
        clock_gettime(c, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    }
    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
    }
};
