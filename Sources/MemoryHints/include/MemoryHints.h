// MemoryHints: the one thing the simulation needs from C, a prefetch.
//
// Swift has no way to ask for a cache line ahead of use without waiting for it. The day loop
// knows which subjects have an event a batch ahead; asking for their records then lets the
// memory system fetch them while the current batch's events run. A prefetch is only a hint:
// it never faults and changes no value, so results cannot depend on it.
#ifndef SCLAB_MEMORY_HINTS_H
#define SCLAB_MEMORY_HINTS_H

/// Asks for the cache line holding `address` to be brought close to the processor, for reading.
static inline __attribute__((always_inline)) void sclab_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
