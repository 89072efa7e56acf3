// MemoryHints: what the day loop needs from C: a prefetch, huge pages, the scan's look at
// sixteen schedule codes at once, and a cheap tick counter for `sclab bench`'s shares of time.
//
// Swift has no way to ask for a cache line ahead of use without waiting for it. The day loop
// knows which subjects have an event a batch ahead; asking for their records then lets the
// memory system fetch them while the current batch's events run. Both are only hints: they
// never fault and change no value, so results cannot depend on them.
#ifndef SCLAB_MEMORY_HINTS_H
#define SCLAB_MEMORY_HINTS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif
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

/// Looks at the schedule codes of sixteen subjects in one column (16 codes; a code is a due day
/// counted from 1, negated for a refresh, 0 for none) for the day whose key (code - 1) is
/// `today`. Returns a bit per subject whose code is due today, and writes the earliest key after
/// today (0xFFFF: none) to `later`. The scan calls it once per column a group has something due
/// in (`DueSummary` keeps an entry per column), so a group due in one column reads one cache
/// line, not two. Swift's generic SIMD types compile the same steps to loops over lanes, several
/// times slower; here they are SSE2 instructions.
static inline __attribute__((always_inline)) uint32_t sclab_due_codes(
    const int16_t *codes, uint16_t today, uint16_t *later) {
#if defined(__SSE2__)
    const __m128i one = _mm_set1_epi16(1);
    const __m128i sign = _mm_set1_epi16((short)0x8000);
    const __m128i day = _mm_set1_epi16((short)today);
    const __m128i daySigned = _mm_xor_si128(day, sign);
    const __m128i none = _mm_set1_epi16(0x7FFF);  // 0xFFFF with the sign flipped
    __m128i hits[2];
    __m128i earliest = none;
    for (int k = 0; k < 2; k++) {
        __m128i code = _mm_loadu_si128((const __m128i *)(codes + 8 * k));
        __m128i negative = _mm_srai_epi16(code, 15);
        __m128i key = _mm_sub_epi16(_mm_sub_epi16(_mm_xor_si128(code, negative), negative), one);
        hits[k] = _mm_cmpeq_epi16(key, day);
        // Unsigned comparison through signed ones: both sides with the sign bit flipped.
        __m128i keySigned = _mm_xor_si128(key, sign);
        __m128i after = _mm_cmpgt_epi16(keySigned, daySigned);
        earliest = _mm_min_epi16(earliest, _mm_or_si128(_mm_and_si128(after, keySigned), _mm_andnot_si128(after, none)));
    }
    earliest = _mm_min_epi16(earliest, _mm_srli_si128(earliest, 8));
    earliest = _mm_min_epi16(earliest, _mm_srli_si128(earliest, 4));
    earliest = _mm_min_epi16(earliest, _mm_srli_si128(earliest, 2));
    *later = (uint16_t)(_mm_cvtsi128_si32(earliest) ^ 0x8000);
    return (uint32_t)_mm_movemask_epi8(_mm_packs_epi16(hits[0], hits[1]));
#else
    uint32_t mask = 0;
    uint16_t earliest = 0xFFFF;
    for (int lane = 0; lane < 16; lane++) {
        uint16_t key = (uint16_t)((uint16_t)(codes[lane] < 0 ? -codes[lane] : codes[lane]) - 1);
        if (key == today) mask |= 1u << lane;
        if (key > today && key < earliest) earliest = key;
    }
    *later = earliest;
    return mask;
#endif
}

/// The first group in `from..<to` with something due by `today` in either of its two schedule
/// columns (`DueSummary`'s entries: two 16-bit keys per group, side by side), or `to` when
/// there is none. Most groups have nothing due on a day (nine in ten at 1,000,000 people of
/// the reference model): eight groups' entries are compared at once, and a run of closed groups
/// passed over without a branch per group.
static inline __attribute__((always_inline)) intptr_t sclab_next_open(
    const uint16_t *entries, intptr_t from, intptr_t to, uint16_t today) {
    intptr_t group = from;
#if defined(__SSE2__)
    // Unsigned comparison through signed ones: both sides with the sign bit flipped.
    const __m128i sign = _mm_set1_epi16((short)0x8000);
    const __m128i day = _mm_xor_si128(_mm_set1_epi16((short)today), sign);
    for (; group + 8 <= to; group += 8) {
        __m128i low = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(entries + 2 * group)), sign);
        __m128i high = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(entries + 2 * group + 8)), sign);
        // Four mask bits per group (two keys of two bytes): set where the key is after today.
        uint32_t closed = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi16(low, day))
            | (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi16(high, day)) << 16;
        if (closed != 0xFFFFFFFFu) return group + (__builtin_ctz(~closed) >> 2);
    }
#endif
    for (; group < to; group++) {
        if (entries[2 * group] <= today || entries[2 * group + 1] <= today) return group;
    }
    return to;
}

/// A tick count that only ever grows on one thread, for splitting a day's time into phases by
/// ratio (never read as seconds): the processor's time-stamp counter where there is one (a few
/// nanoseconds, against about 20 for the system clock, read twice per batch of the scan), else
/// the monotonic clock in nanoseconds.
static inline __attribute__((always_inline)) uint64_t sclab_ticks(void) {
#if defined(__x86_64__) || defined(__i386__)
    return __rdtsc();
#else
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
#endif
}

#endif
