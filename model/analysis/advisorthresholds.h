#pragma once

#include <QtGlobal>

// Where the advisor's rules fire; docs/advisories.md quotes these values.
struct AdvisorThresholds
{
    double twBucketsWarn = 0.8; // share of tcp_max_tw_buckets
    double twBucketsCritical = 0.95;
    double portsWarn = 0.5; // share of the ephemeral range toward one destination
    double portsCritical = 0.8;
    int serverTimeWaitMin = 100; // TIME_WAIT sockets on one listening port
    int closeWaitMin = 20;
    int closeWaitCritical = 500;
    qint64 closeWaitAgeMs = 120'000; // older than this is "ageing" even when few
    int finWait2Min = 50;
};
