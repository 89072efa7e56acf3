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
        let a = Self.mix(seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        let b = Self.mix(a ^ key)
        return Self.mix(b ^ (counter &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The draws of one (stream, key) pair, with the first two mixing rounds done once: for
    /// loops that draw many counters for the same person. Gives the same bits as `bits(_:_:_:)`.
    @inlinable
    public func keyed(_ stream: Stream, _ key: UInt64) -> Keyed {
        Keyed(state: Self.mix(Self.mix(seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03)) ^ key))
    }

    /// Draws for one (stream, key) pair.
    public struct Keyed: Sendable {
        @usableFromInline let state: UInt64

        @inlinable init(state: UInt64) { self.state = state }

        /// 64 random bits for a counter.
        @inlinable
        public func bits(_ counter: UInt64) -> UInt64 { CounterRandom.mix(state ^ (counter &* 0x9E37_79B9_7F4A_7C15)) }
    }

    /// A uniform number in [0, 1), 53 bits of precision.
    @inlinable
    public func uniform(_ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> Double {
        Double(bits(stream, key, counter) >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (bound > 0), by multiply-shift (bias below 2^-32 for bounds under 2^32).
    @inlinable
    public func below(_ bound: Int, _ stream: Stream, _ key: UInt64, _ counter: UInt64 = 0) -> Int {
        Int(((bits(stream, key, counter) >> 32) &* UInt64(bound)) >> 32)
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
