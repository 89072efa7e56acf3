// MemoryHints: the two things the simulation needs from C, a prefetch and huge pages.
//
// Swift has no way to ask for a cache line ahead of use without waiting for it. The day loop
// knows which subjects have an event a batch ahead; asking for their records then lets the
// memory system fetch them while the current batch's events run. Both are only hints: they
// never fault and change no value, so results cannot depend on them.
#ifndef SCLAB_MEMORY_HINTS_H
#define SCLAB_MEMORY_HINTS_H

#include <stddef.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/// Asks for the cache line holding `address` to be brought close to the processor, for reading.
static inline __attribute__((always_inline)) void sclab_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Asks for `length` bytes at `address` (both multiples of the page size) to be backed by huge
/// pages where the system offers them (Linux's transparent huge pages in `madvise` mode): the
/// day loop reads subjects' records at random across hundreds of megabytes, and with 4 KB pages
/// nearly every read also misses the address translation cache. Returns 0, or -1 where refused
/// (the memory then works as before).
static inline int sclab_advise_huge_pages(void *address, size_t length) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    return madvise(address, length, MADV_HUGEPAGE);
#else
    (void)address;
    (void)length;
    return 0;
#endif
}

#endif
