#pragma once

#include "record/RequestRecord.h"

#include <deque>

namespace d3::ui {

/// A session's throughput now: requests completed per second over the last few seconds of its requests, on the
/// records' own clock (a completion at start_ms + end_to_end_ms), so it reads the same live and replayed. Failed and
/// dropped requests do not count; a session shorter than the window is measured over its length. GUI thread.
class ThroughputMeter
{
public:
    /// The window, in ms of the records' clock.
    static constexpr double kWindowMs = 5000;

    /// Takes a request's record.
    void add(const core::RequestRecord &record);
    /// Forgets every request.
    void clear();
    /// Completed per second over the window ending at the latest completion (0 before two completions).
    double perSecond() const;

private:
    std::deque<double> m_ends; // completions within the window, ms, in order
    double m_firstMs = -1;     // when the first request arrived (its start where it has no arrival)
};

} // namespace d3::ui
