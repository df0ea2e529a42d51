#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace warrant {

// Runs body(i) for i in [0, count) on all cores. The calling thread takes part and, after each
// of its own items, calls `onCaller` (progress and cancellation belong to the calling thread, so
// a GUI callback never runs on a worker); when it returns false, no new items are started.
inline void parallelLoop(size_t count, const std::function<void(size_t)>& body,
                         const std::function<bool()>& onCaller = {}) {
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    const auto work = [&](bool caller) {
        for (size_t i = next++; i < count && !stop; i = next++) {
            body(i);
            if (caller && onCaller && !onCaller()) stop = true;
        }
    };
    const size_t threads =
        std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), std::max<size_t>(1, count));
    std::vector<std::thread> helpers;
    for (size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work, false);
    work(true);
    for (std::thread& t : helpers)
        t.join();
}

} // namespace warrant
