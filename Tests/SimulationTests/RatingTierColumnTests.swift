import Testing

@testable import Simulation

/// Rating tiers are kept a byte per rating and read back as the 64-bit word of 8 bits per
/// rating that `Standing.ratings` is, with 0xFF past the scenario's ratings.
@Suite("Rating tier column")
struct RatingTierColumnTests {
    @Test("Tiers written come back, each subject's its own, unrated as 0xFF", arguments: [1, 3, 8])
    func roundTrip(ratings: Int) {
        let column = RatingTierColumn(ratings: ratings, count: 5)
        #expect(column.count == 5)
        #expect(column.stateColumn.bytes.count == 5 * ratings)
        // Nothing written yet: no rating rates anyone.
        #expect((0..<5).allSatisfy { column[$0] == UInt64.max })
        // Subject 2 gets tier k in rating k (unused ratings 0xFF, as `Standing` has them).
        let unused = ratings == 8 ? 0 : UInt64.max << (8 * UInt64(ratings))
        let tiers = (0..<ratings).reduce(unused) { $0 | UInt64($1) << (8 * UInt64($1)) }
        column[2] = tiers
        #expect(column[2] == tiers)
        #expect(column[1] == UInt64.max && column[3] == UInt64.max)
        column[3] = UInt64.max
        #expect(column[2] == tiers)
    }

    @Test("Without ratings the column is empty")
    func none() {
        let column = RatingTierColumn(ratings: 0, count: 5)
        #expect(column.count == 0)
        #expect(column.stateColumn.bytes.count == 0)
    }
}
