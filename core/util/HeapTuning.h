#pragma once

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace d3::core {

/// Keeps glibc's allocator from handing every large tensor buffer back to the kernel: buffers up to 32 MiB are
/// served from the heap (trimmed past 64 MiB of free space), so the next frame's tensors land in pages already
/// mapped instead of faulting in fresh ones (about 0.6 ms per MiB). This is the state glibc's dynamic threshold
/// drifts to in a long-running process anyway; fixing it at start makes the first requests like the later ones.
/// Called once at the start of main() by the processes that move tensors (d3worker, the wire benchmarks).
inline void keepLargeBuffersWarm()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

} // namespace d3::core
