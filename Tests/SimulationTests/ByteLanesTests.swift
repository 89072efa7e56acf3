import Society
import Testing

@testable import Simulation

/// Eight subjects' bytes tested at once (`ByteLanes`) must give each subject's own answer.
@Suite("Byte lanes")
struct ByteLanesTests {
    /// Bit k set where byte k is not zero, byte by byte.
    static func nonzeroBytes(_ x: UInt64) -> UInt8 {
        (0..<8).reduce(0) { $0 | ((x >> UInt64(8 * $1)) & 0xFF != 0 ? 1 << UInt8($1) : 0) }
    }

    /// Bit k set where 16-bit lane k is not zero, lane by lane.
    static func nonzeroHalves(_ x: UInt64) -> UInt8 {
        (0..<4).reduce(0) { $0 | ((x >> UInt64(16 * $1)) & 0xFFFF != 0 ? 1 << UInt8($1) : 0) }
    }

    /// Words where carries or borrows would go wrong: single high or low bits in each lane, full
    /// lanes next to empty ones, and counter-based random words.
    static let words: [UInt64] =
        [0, .max, 0x80, 0x01, 0x8000, 0x0100, 0x7F7F_7F7F_7F7F_7F7F, 0x8080_8080_8080_8080, 0x00FF_00FF_00FF_00FF]
        + (0..<8).map { UInt64(0x80) << UInt64(8 * $0) } + (0..<8).map { UInt64(1) << UInt64(8 * $0) }
        + (0..<4).map { UInt64(0x8000) << UInt64(16 * $0) } + (0..<4).map { UInt64(0x0001) << UInt64(16 * $0) }
        + (0..<2_000).map { k in
            // Random bytes, about one in four of them zero.
            let bits = CounterRandom(seed: 9).bits(.init(1), UInt64(k), 0)
            let zeros = CounterRandom(seed: 9).bits(.init(2), UInt64(k), 0)
            return (0..<8).reduce(UInt64(0)) { word, b in
                zeros >> UInt64(2 * b) & 3 == 0 ? word : word | (bits & (0xFF << UInt64(8 * b)))
            }
        }

    @Test("Bytes and 16-bit lanes that are not zero, against lane by lane")
    func nonzero() {
        for x in Self.words {
            #expect(ByteLanes.nonzeroBytes(x) == Self.nonzeroBytes(x), "\(String(x, radix: 16))")
            #expect(ByteLanes.nonzeroHalves(x) == Self.nonzeroHalves(x), "\(String(x, radix: 16))")
        }
    }

    @Test("Loads take the first byte lowest; sixty-four equal bytes are told from one that differs")
    func loads() {
        let bytes: [UInt8] = (0..<72).map { UInt8($0) }
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteLanes.load(buffer.baseAddress! + 3) == 0x0A09_0807_0605_0403)
        }
        let halves: [UInt16] = [1, 0, 0x8000, 7]
        halves.withUnsafeBufferPointer { buffer in
            #expect(ByteLanes.load(buffer.baseAddress!) == 0x0007_8000_0000_0001)
            #expect(ByteLanes.nonzeroHalves(ByteLanes.load(buffer.baseAddress!)) == 0b1101)
        }
        for place in [0, 7, 8, 63] {
            var same = [UInt8](repeating: 5, count: 64)
            #expect(same.withUnsafeBufferPointer { ByteLanes.allSixtyFour($0.baseAddress!, equal: 5) })
            same[place] = 4
            #expect(!same.withUnsafeBufferPointer { ByteLanes.allSixtyFour($0.baseAddress!, equal: 5) })
        }
    }
}
