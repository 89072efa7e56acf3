/// Tests on eight subjects at once: their entries of a column of bytes (or four of a column of
/// 16-bit values) read as one 64-bit word, the answers gathered as bits, bit k for the k-th
/// subject.
///
/// Month-end passes build bits over every subject (who the system never touched, who held what
/// at the last month end) from a few narrow columns; testing entry by entry costs a compare and
/// a shift per subject per column, where these cost a handful of operations per eight.
enum ByteLanes {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let low15: UInt64 = 0x7FFF_7FFF_7FFF_7FFF

    /// Eight bytes from `pointer` as a word, the first byte lowest.
    @inline(__always) static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Four 16-bit values from `pointer` as a word, the first lowest.
    @inline(__always) static func load(_ pointer: UnsafePointer<UInt16>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// `value` in each of the eight bytes of a word.
    @inline(__always) static func repeated(_ value: UInt8) -> UInt64 { UInt64(value) &* 0x0101_0101_0101_0101 }

    /// Bit k set where byte k of `x` is not zero.
    @inline(__always) static func nonzeroBytes(_ x: UInt64) -> UInt8 {
        // Per byte, the low seven bits plus 0x7F carry into the high bit unless all are zero,
        // and never into the next byte.
        let high = ((x & low7) &+ low7 | x) & ~low7
        // High bits moved to bit 0 of each byte, then gathered in the top byte by one multiply
        // (each byte's bit lands on its own place, with no carries).
        return UInt8(truncatingIfNeeded: ((high &>> 7) &* 0x0102_0408_1020_4080) &>> 56)
    }

    /// Bit k (k < 4) set where 16-bit lane k of `x` is not zero.
    @inline(__always) static func nonzeroHalves(_ x: UInt64) -> UInt8 {
        let high = ((x & low15) &+ low15 | x) & ~low15
        return UInt8(truncatingIfNeeded: ((high &>> 15) &* 0x0000_2000_4000_8001) &>> 45) & 0xF
    }

    /// Whether the 64 bytes from `bytes` all equal `value`.
    @inline(__always) static func allSixtyFour(_ bytes: UnsafePointer<UInt8>, equal value: UInt8) -> Bool {
        let pattern = repeated(value)
        var differ: UInt64 = 0
        for k in 0..<8 { differ |= load(bytes + k &* 8) ^ pattern }
        return differ == 0
    }
}
