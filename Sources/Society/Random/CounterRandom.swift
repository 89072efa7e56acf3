import Foundation

/// Counter-based random numbers: every draw is a pure function of (seed, stream, key, counter).
///
/// A draw never depends on which thread asks, in which order, or how the work is chunked, so a
/// society generated on one thread or many is the same person for person, and a shard of it can
/// be regenerated on its own. The mixing function is SplitMix64's finaliser (Steele, Lea and
/// Flood 2014), applied to a combination of the inputs.
public struct CounterRandom: Sendable, Hashable {
    /// The run's seed.
    public let seed: UInt64

    /// A generator for a seed.
    public init(seed: UInt64) { self.seed = seed }

    /// SplitMix64's output function: a bijective mix of 64 bits.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64 random bits for (stream, key, counter).
    @inlinable
    public func bits(_ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> UInt64 {
        streamed(stream).bits(key, counter)
    }

    /// The draws of one (stream, key) pair, with the first two mixing rounds done once: for
    /// loops that draw many counters for the same person. Gives the same bits as `bits(_:_:_:)`.
    @inlinable
    public func keyed(_ stream: Stream, _ key: UInt64) -> Keyed { streamed(stream).keyed(key) }

    /// The draws of one stream, with the first mixing round (seed and stream) done once: for
    /// loops that draw from the same stream for many keys (the day loop's events). Every draw of
    /// this type goes through it, so a streamed draw is the plain draw, bit for bit.
    @inlinable
    public func streamed(_ stream: Stream) -> Streamed {
        Streamed(state: Self.mix(seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03)))
    }

    /// Draws of one stream (`streamed(_:)`).
    public struct Streamed: Sendable {
        @usableFromInline let state: UInt64

        @inlinable init(state: UInt64) { self.state = state }

        /// The draws of one key (as `CounterRandom.keyed`).
        @inlinable
        public func keyed(_ key: UInt64) -> Keyed { Keyed(state: CounterRandom.mix(state ^ key)) }

        /// 64 random bits for (key, counter).
        @inlinable
        public func bits(_ key: UInt64, _ counter: UInt64 = 0) -> UInt64 { keyed(key).bits(counter) }

        /// A uniform number in [0, 1), 53 bits of precision (as `CounterRandom.uniform`).
        @inlinable
        public func uniform(_ key: UInt64, _ counter: UInt64 = 0) -> Double {
            CounterRandom.unit(bits(key, counter))
        }

        /// A uniform integer in 0..<bound (as `CounterRandom.below`).
        @inlinable
        public func below(_ bound: Int, _ key: UInt64, _ counter: UInt64 = 0) -> Int {
            CounterRandom.scaled(bits(key, counter), below: bound)
        }
    }

    /// Draws for one (stream, key) pair.
    public struct Keyed: Sendable {
        @usableFromInline let state: UInt64

        @inlinable init(state: UInt64) { self.state = state }

        /// 64 random bits for a counter.
        @inlinable
        public func bits(_ counter: UInt64) -> UInt64 { CounterRandom.mix(state ^ (counter &* 0x9E37_79B9_7F4A_7C15)) }
    }

    /// 64 random bits as a number in [0, 1) with 53 bits of precision.
    @inlinable
    static func unit(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1.0p-53 }

    /// 64 random bits as an integer in 0..<bound, by multiply-shift of the top 32 bits.
    @inlinable
    static func scaled(_ bits: UInt64, below bound: Int) -> Int { Int(((bits >> 32) &* UInt64(bound)) >> 32) }

    /// A uniform number in [0, 1), 53 bits of precision.
    @inlinable
    public func uniform(_ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> Double {
        streamed(stream).uniform(key, counter)
    }

    /// A uniform integer in 0..<bound (bound > 0), by multiply-shift (bias below 2^-32 for bounds under 2^32).
    @inlinable
    public func below(_ bound: Int, _ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> Int {
        streamed(stream).below(bound, key, counter)
    }

    /// A standard normal draw (Box-Muller on two counter draws).
    @inlinable
    public func normal(_ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> Double {
        let u1 = max(uniform(stream, key, counter &* 2), 0x1.0p-60)
        let u2 = uniform(stream, key, counter &* 2 &+ 1)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Named streams keep unrelated draws independent: the age of a person and whether they
    /// drive never share bits.
    public struct Stream: Sendable, Hashable {
        /// The stream's number.
        public let rawValue: UInt64
        /// A stream by number.
        public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    }
}
