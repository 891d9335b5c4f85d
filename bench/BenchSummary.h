#pragma once
// A console reporter that also remembers each benchmark's mean real time per iteration, so a
// benchmark program can print the comparison its issue asks for after the table.
#include <benchmark/benchmark.h>
#include <map>
#include <string>

namespace lz::bench {

class RecordingReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override;
    // Nanoseconds per iteration of the named run (its aggregate "_mean" when repeated).
    double nanos(const std::string& name) const;

private:
    std::map<std::string, double> m_nanos;
};

} // namespace lz::bench
