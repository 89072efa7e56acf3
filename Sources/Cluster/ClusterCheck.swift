import Society

/// Every collective of a `ShardExchange` run once with answers each rank knows in advance:
/// what `sclab cluster-check` runs under mpirun to show that a cluster build works before a
/// long run depends on it. Arrays differ in length by rank, so cutting and placing are tested.
public enum ClusterCheck {
    /// One check at one rank.
    public struct Outcome: Codable, Sendable, Equatable {
        /// The collective checked ("allGather", "gather", ...).
        public let name: String
        /// Whether this rank got exactly the known answer.
        public let passed: Bool
        /// What was moved, or where the answer differed.
        public let detail: String
    }

    /// The bytes rank 0 broadcasts unless told otherwise: 1 MB, so a default piece limit moves
    /// it in one round and a tiny one in many.
    public static let defaultBroadcastBytes = 1 << 20

    /// Runs every check at this rank (every rank must call it, as the collectives meet).
    public static func run(_ exchange: any ShardExchange, broadcastBytes: Int = defaultBroadcastBytes) -> [Outcome] {
        let rank = exchange.shard
        let ranks = exchange.shards
        var outcomes: [Outcome] = []

        let gathered = exchange.allGather(values(rank: rank))
        outcomes.append(compare("allGather", gathered, (0..<ranks).map(values(rank:)), unit: "numbers"))

        let withEmpty = exchange.allGather(rank == 0 ? [] : [Int64(rank)])
        outcomes.append(
            compare(
                "allGather (empty at rank 0)",
                withEmpty,
                (0..<ranks).map { $0 == 0 ? [] : [Int64($0)] },
                unit: "numbers"
            )
        )

        let bytesAtZero = exchange.gather(bytes(rank: rank))
        outcomes.append(compare("gather", bytesAtZero, rank == 0 ? (0..<ranks).map(bytes(rank:)) : [], unit: "bytes"))

        let pattern = self.pattern(count: broadcastBytes)
        let received = exchange.broadcast(rank == 0 ? pattern : [0xFF])
        outcomes.append(compare("broadcast", [received], [pattern], unit: "bytes"))

        let sum = exchange.sum([Int64(rank), 1, Int64.min / 2 + Int64(rank)])
        let ranks64 = Int64(ranks)
        let expectedSum = [
            ranks64 * (ranks64 - 1) / 2, ranks64, (0..<ranks64).reduce(0) { $0 &+ (Int64.min / 2 + $1) },
        ]
        outcomes.append(compare("sum", [sum], [expectedSum], unit: "numbers"))

        let prefix = exchange.prefix(rank + 1)
        let expectedPrefix = (before: rank * (rank + 1) / 2, total: ranks * (ranks + 1) / 2)
        outcomes.append(
            Outcome(
                name: "prefix",
                passed: prefix == expectedPrefix,
                detail: prefix == expectedPrefix
                    ? "\(prefix.before) before, \(prefix.total) in all"
                    : "got \(prefix.before) before and \(prefix.total) in all, expected \(expectedPrefix.before) and \(expectedPrefix.total)"
            )
        )
        return outcomes
    }

    /// What rank `rank` gathers: rank and rank squared (less 2^40, so all 64 bits matter),
    /// alternating, 2 × rank + 1 of them.
    static func values(rank: Int) -> [Int64] {
        (0..<(2 * rank + 1)).map { $0.isMultiple(of: 2) ? Int64(rank) : Int64(rank * rank) - (1 << 40) }
    }

    /// What rank `rank` gathers at rank 0: rank + 1 bytes that depend on the rank.
    static func bytes(rank: Int) -> [UInt8] {
        (0...rank).map { UInt8(truncatingIfNeeded: rank &* 37 &+ $0) }
    }

    /// What rank 0 broadcasts: `count` bytes that no shift of pieces would leave unchanged.
    static func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
    }

    /// Whether the arrays received equal the arrays expected, and where they first differ.
    static func compare<T: Equatable>(_ name: String, _ got: [[T]], _ expected: [[T]], unit: String) -> Outcome {
        guard got.count == expected.count else {
            return Outcome(name: name, passed: false, detail: "got \(got.count) arrays, expected \(expected.count)")
        }
        for (index, (a, b)) in zip(got, expected).enumerated() where a != b {
            let at = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? min(a.count, b.count)
            return Outcome(
                name: name,
                passed: false,
                detail: "array \(index): \(a.count) \(unit), expected \(b.count); first difference at \(at)"
            )
        }
        return Outcome(
            name: name,
            passed: true,
            detail: "\(expected.map(\.count).reduce(0, +)) \(unit) in \(expected.count) arrays"
        )
    }
}
