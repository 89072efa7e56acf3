import Testing

@testable import Simulation

/// Month-end passes keep answers by standing, ratings and province (`StandingMemo`):
/// a kept answer is used only for the same key, and the last negative day is part of the key
/// only where conditions count clean days.
@Suite("Standing memo")
struct StandingMemoTests {
    static func snapshot(score: Int32, tier: UInt8 = 1, lists: UInt8 = 0, lastNegative: Int32 = 10) -> StandingSnapshot
    {
        StandingSnapshot(score: score, tier: tier, lists: lists, lastNegative: lastNegative, origin: 0)
    }

    /// A made-up answer that tells keys apart by score, province and last negative day.
    static func answer(_ s: StandingSnapshot, _ province: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: s.score)) ^ UInt64(province) << 32 ^ UInt64(UInt16(bitPattern: s.lastNegativeDay))
            << 40
    }

    /// Asks the memo for each key in turn, answering a key by its score; returns the answers
    /// and how many were worked out.
    static func ask(
        _ keys: [(StandingSnapshot, UInt64, Int)],
        cleanDays: Bool
    ) -> (answers: [UInt64], worked: Int) {
        var memo = StandingMemo(cleanDays: cleanDays)
        var worked = 0
        let answers = keys.map { key in
            memo.answer(key.0, key.1, key.2) {
                worked += 1
                return answer(key.0, key.2)
            }
        }
        return (answers, worked)
    }

    @Test("The same key is worked out once; a different score, tier, list, rating or province is not")
    func keys() {
        let a = Self.snapshot(score: 950)
        let keys: [(StandingSnapshot, UInt64, Int)] = [
            (a, .max, 3), (a, .max, 3), (Self.snapshot(score: 951), .max, 3),
            (Self.snapshot(score: 950, tier: 2), .max, 3),
            (Self.snapshot(score: 950, lists: 1), .max, 3), (a, 0xFF00, 3), (a, .max, 4), (a, .max, 3),
        ]
        let (answers, worked) = Self.ask(keys, cleanDays: false)
        #expect(worked == 6)
        #expect(answers[1] == answers[0] && answers[7] == answers[0])
        #expect(answers[6] != answers[0])
    }

    @Test("The last negative day counts only where conditions count clean days", arguments: [false, true])
    func lastNegative(cleanDays: Bool) {
        let keys: [(StandingSnapshot, UInt64, Int)] = [
            (Self.snapshot(score: 900, lastNegative: 10), .max, 0),
            (Self.snapshot(score: 900, lastNegative: 40), .max, 0),
        ]
        let (answers, worked) = Self.ask(keys, cleanDays: cleanDays)
        #expect(worked == (cleanDays ? 2 : 1))
        #expect((answers[0] == answers[1]) == !cleanDays)
    }

    @Test("Keys that share a slot replace each other and are still answered right")
    func collisions() {
        // More distinct keys than slots, asked twice: every answer is the key's own.
        let keys = (0..<(3 * StandingMemo.size)).map { (Self.snapshot(score: Int32($0)), UInt64.max, $0 % 7) }
        let (answers, worked) = Self.ask(keys + keys, cleanDays: false)
        for (k, key) in (keys + keys).enumerated() {
            #expect(answers[k] == Self.answer(key.0, key.2))
        }
        #expect(worked > keys.count)
    }
}
