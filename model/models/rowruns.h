#pragma once

#include <utility>
#include <vector>

// Contiguous runs (first, last) of ascending row numbers: one begin/endRemoveRows per run.
inline std::vector<std::pair<int, int>> rowRuns(const std::vector<int> &sortedRows)
{
    std::vector<std::pair<int, int>> runs;
    for (int row : sortedRows) {
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    return runs;
}
