import SocialCredit

/// Compiled conditions as flat programs of plain operations, so the day loop evaluates them
/// without touching reference-counted memory (the tree form, an indirect enum, would be
/// retained and released on every step by every thread).
struct TestPrograms: Sendable {
    enum Op: UInt8, Sendable {
        case listed, tierAtMost, tierAtLeast, scoreBelow, scoreAtLeast, cleanFor, all, any, ratingTierAtMost,
            ratingTierAtLeast
    }

    struct Instruction: Sendable, Equatable {
        var op: Op
        /// The list, tier, value or days; for all/any, the number of operands that follow; for
        /// rating tiers, rating x 256 + tier.
        var argument: Int32
    }

    private(set) var code: [Instruction] = []
    private(set) var start: [Int32] = []

    /// Whether any program looks at time since the last negative record (so standings can change
    /// with time alone).
    var usesCleanDays: Bool { code.contains { $0.op == .cleanFor } }

    /// Adds a program; returns its index. A program identical to one already added gets that
    /// one's index, so that callers can evaluate each distinct condition once (many measures
    /// share one condition, such as being on the court's list).
    mutating func add(_ test: Test) -> Int {
        let first = code.count
        emit(test)
        let program = code[first...]
        for index in start.indices {
            let from = Int(start[index])
            let to = index + 1 < start.count ? Int(start[index + 1]) : first
            if code[from..<to].elementsEqual(program) {
                code.removeSubrange(first...)
                return index
            }
        }
        start.append(Int32(first))
        return start.count - 1
    }

    /// Number of distinct programs.
    var count: Int { start.count }

    private mutating func emit(_ test: Test) {
        switch test {
        case let .listed(l): code.append(Instruction(op: .listed, argument: Int32(l)))
        case let .tierAtMost(t): code.append(Instruction(op: .tierAtMost, argument: Int32(t)))
        case let .tierAtLeast(t): code.append(Instruction(op: .tierAtLeast, argument: Int32(t)))
        case let .scoreBelow(v): code.append(Instruction(op: .scoreBelow, argument: Int32(clamping: v)))
        case let .scoreAtLeast(v): code.append(Instruction(op: .scoreAtLeast, argument: Int32(clamping: v)))
        case let .cleanFor(days): code.append(Instruction(op: .cleanFor, argument: Int32(clamping: days)))
        case let .ratingTierAtMost(t):
            code.append(Instruction(op: .ratingTierAtMost, argument: Int32(t.rating << 8 | t.tier)))
        case let .ratingTierAtLeast(t):
            code.append(Instruction(op: .ratingTierAtLeast, argument: Int32(t.rating << 8 | t.tier)))
        case let .all(parts):
            code.append(Instruction(op: .all, argument: Int32(parts.count)))
            for part in parts { emit(part) }
        case let .any(parts):
            code.append(Instruction(op: .any, argument: Int32(parts.count)))
            for part in parts { emit(part) }
        }
    }

    /// Whether program `index` holds for a standing on `day`.
    func holds(_ index: Int, _ s: Standing, day: Int32) -> Bool {
        var pc = Int(start[index])
        return evaluate(&pc, s, day)
    }

    private func evaluate(_ pc: inout Int, _ s: Standing, _ day: Int32) -> Bool {
        let instruction = code[pc]
        pc += 1
        let a = instruction.argument
        switch instruction.op {
        case .listed: return s.lists & (1 << UInt8(a)) != 0
        case .tierAtMost: return s.tier >= 0 && s.tier >= a
        case .tierAtLeast: return s.tier >= 0 && s.tier <= a
        case .scoreBelow: return s.scored && s.score < a
        case .scoreAtLeast: return s.scored && s.score >= a
        case .cleanFor:
            return CleanDays.holds(lastNegative: s.lastNegative == Int32.min ? nil : s.lastNegative, days: a, on: day)
        case .ratingTierAtMost, .ratingTierAtLeast:
            let tier = Int32((s.ratings >> UInt64(8 * (a >> 8))) & 0xFF)
            guard tier != 0xFF else { return false }
            return instruction.op == .ratingTierAtMost ? tier >= a & 0xFF : tier <= a & 0xFF
        case .all:
            var result = true
            for _ in 0..<a { if !evaluate(&pc, s, day) { result = false } }
            return result
        case .any:
            var result = false
            for _ in 0..<a { if evaluate(&pc, s, day) { result = true } }
            return result
        }
    }
}
