#include "BenchSummary.h"

namespace lz::bench {

void RecordingReporter::ReportRuns(const std::vector<Run>& runs) {
    for (const Run& r : runs) {
        const double ns = r.GetAdjustedRealTime() * (r.time_unit == benchmark::kMicrosecond   ? 1e3
                                                     : r.time_unit == benchmark::kMillisecond ? 1e6
                                                     : r.time_unit == benchmark::kSecond      ? 1e9
                                                                                              : 1.0);
        std::string name = r.benchmark_name();
        if (r.run_type == Run::RT_Aggregate) {
            if (r.aggregate_name != "median")
                continue;
            name = r.run_name.str();
        }
        m_nanos[name] = ns;
    }
    ConsoleReporter::ReportRuns(runs);
}

double RecordingReporter::nanos(const std::string& name) const {
    const auto it = m_nanos.find(name);
    return it == m_nanos.end() ? 0 : it->second;
}

} // namespace lz::bench
