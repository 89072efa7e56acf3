/// How a transfer is cut into rounds that MPI can count: MPI's counts and displacements are
/// 32-bit, so a collective moves at most `Int32.max` bytes in all per call. Pure arithmetic,
/// so it is tested without MPI.
enum TransferPieces {
    /// The largest piece a rank sends in one call by default: 1 GiB.
    static let defaultLimit = 1 << 30

    /// The bytes each rank sends per round: at most `limit`, and small enough that all ranks'
    /// pieces together (what one rank receives in a round) fit in an Int32; at least 1.
    static func piece(limit: Int, ranks: Int) -> Int {
        max(1, min(limit, Int(Int32.max) / max(1, ranks)))
    }

    /// The rounds needed to move arrays of these lengths (bytes, by rank) in pieces of `piece`.
    static func rounds(counts: [Int], piece: Int) -> Int {
        let longest = counts.max() ?? 0
        return (longest + piece - 1) / piece
    }

    /// The bytes each rank sends in round `round`: the next piece of its array, or what is left.
    static func sizes(counts: [Int], piece: Int, round: Int) -> [Int] {
        counts.map { min(piece, max(0, $0 - round * piece)) }
    }

    /// Where each rank's piece starts in the round's receiving buffer: the sizes before it.
    static func offsets(_ sizes: [Int]) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(sizes.count)
        var total = 0
        for size in sizes {
            offsets.append(total)
            total += size
        }
        return offsets
    }
}
