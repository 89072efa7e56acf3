import Testing

@testable import Simulation

/// The histogram's division by a multiplication gives the processor's quotient.
@Suite("Bin width")
struct BinWidthTests {
    @Test(
        "offset / width by multiplication equals the division, for widths 1 to 1,000 and 2^32 - 1",
        arguments: Array(1...1000) + [65_536, 1 << 31, Int(UInt32.max)]
    )
    func quotient(width: Int) {
        let divisor = BinWidth(width)
        // Around each multiple of the width (where a quotient changes), and the ends of the range.
        var offsets = [0, 1, 2, 999, 1000, 1001, Int(UInt32.max) - 1, Int(UInt32.max)]
        for q in [1, 2, 3, 19, 20, 1_000, 4_294_967_295 / width] where q * width <= Int(UInt32.max) {
            offsets += [q * width - 1, q * width, min(q * width + 1, Int(UInt32.max))]
        }
        for n in offsets {
            #expect(divisor.bin(n) == n / width, "\(n) / \(width)")
        }
    }

    @Test("Bins of a 350-950 scale in twenty: width 30; a score below the minimum falls in bin 0")
    func scale() {
        #expect(StandingTally.binWidth(minimum: 350, maximum: 950) == 30)
        let width = BinWidth(StandingTally.binWidth(minimum: 350, maximum: 950))
        #expect(width.bin(0) == 0 && width.bin(29) == 0 && width.bin(30) == 1 && width.bin(600) == 20)
        #expect(width.bin(-5) == 0)
    }
}
