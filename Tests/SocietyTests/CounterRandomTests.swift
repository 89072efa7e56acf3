import Testing

@testable import Society

@Suite("Counter-based random numbers")
struct CounterRandomTests {
    @Test("The mix is SplitMix64's output function: its first two outputs from state 0 are the published ones")
    func splitMixReference() {
        // SplitMix64 seeded with 0 adds the golden gamma before mixing, as `mix` does:
        // its first outputs are 0xe220a8397b1dcdaf and 0x6e789e6aa1b965f4 (Vigna's reference code).
        #expect(CounterRandom.mix(0) == 0xe220_a839_7b1d_cdaf)
        #expect(CounterRandom.mix(0x9E37_79B9_7F4A_7C15) == 0x6e78_9e6a_a1b9_65f4)
    }

    /// (seed, stream, key, counter) and the bits, the uniform and `below(1000)`, computed with an
    /// independent Python transcription of the definition (mix(mix(mix(seed ^ stream * c1) ^ key)
    /// ^ counter * c2)). A change here changes every run's digest.
    static let pinned: [(UInt64, UInt64, UInt64, UInt64, UInt64, Double, Int)] = [
        (1, 201, 0, 0, 0x1d61_ff04_6aad_c6b1, 0.11477655275182652, 114),
        (42, 202, 123_456_789, 7, 0x75c0_5a73_0751_e872, 0.45996632870021126, 459),
        (7, 0, .max, .max, 0xe5ff_3789_8a4e_86b0, 0.8984255514899875, 898),
    ]

    @Test("Draws are pinned to known values", arguments: pinned.indices)
    func pinnedDraws(index: Int) {
        let (seed, stream, key, counter, bits, unit, below) = Self.pinned[index]
        let random = CounterRandom(seed: seed)
        let s = CounterRandom.Stream(stream)
        #expect(random.bits(s, key, counter) == bits)
        #expect(random.uniform(s, key, counter) == unit)
        #expect(random.below(1000, s, key, counter) == below)
    }

    @Test("A streamed or keyed draw is the plain draw, bit for bit", arguments: [0, 3, 0xDEAD_BEEF] as [UInt64])
    func streamedAndKeyedAgree(seed: UInt64) {
        let random = CounterRandom(seed: seed)
        for stream in [0, 1, 201, 209] as [UInt64] {
            let s = CounterRandom.Stream(stream)
            let streamed = random.streamed(s)
            for key in [0, 1, 977, 1 << 40, .max] as [UInt64] {
                let keyed = streamed.keyed(key)
                #expect(random.keyed(s, key).bits(5) == keyed.bits(5))
                for counter in [0, 1, 20_000, .max] as [UInt64] {
                    let plain = random.bits(s, key, counter)
                    #expect(streamed.bits(key, counter) == plain)
                    #expect(keyed.bits(counter) == plain)
                    #expect(streamed.uniform(key, counter) == random.uniform(s, key, counter))
                    #expect(streamed.below(37, key, counter) == random.below(37, s, key, counter))
                }
            }
        }
    }

    @Test("Streams, keys and counters each change the bits")
    func inputsMatter() {
        let random = CounterRandom(seed: 9)
        let base = random.bits(.init(1), 2, 3)
        #expect(random.bits(.init(2), 2, 3) != base)
        #expect(random.bits(.init(1), 3, 3) != base)
        #expect(random.bits(.init(1), 2, 4) != base)
        #expect(CounterRandom(seed: 10).bits(.init(1), 2, 3) != base)
    }
}
