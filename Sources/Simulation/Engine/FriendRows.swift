import Society

/// The friendship network's rows as a run reads them: person p's friends are `p + deltas[k]`
/// for k in `row(p)`, the network's own deltas.
///
/// The network keeps a 4-byte start for every row; here a row's start is kept as a 4-byte start
/// per block of 64 people and a 2-byte offset within the block (2.06 bytes a person: 0.19 GB
/// less at 100 million people). A network with a row starting more than 65,535 friendships after
/// its block's first (none generated comes near: 64 people have about 640) keeps its 4-byte starts.
struct FriendRows: Sendable {
    /// Each friend's index minus the person's.
    let deltas: [Int16]
    /// The start of every 64th row, and each row's start less its block's; empty when `wide` is used.
    let blockStarts: [UInt32]
    let withinBlock: [UInt16]
    /// The network's row starts, when some row starts too far into its block for `withinBlock`.
    let wide: [UInt32]

    /// People in a block.
    static let blockShift = 6

    /// The rows of `network` (its close-tie counts, which no run reads, are not kept).
    init(_ network: FriendshipNetwork) {
        deltas = network.deltas
        let offsets = network.offsets
        let blocks = stride(from: 0, to: offsets.count, by: 1 << Self.blockShift).map { offsets[$0] }
        let fits = offsets.indices.allSatisfy { offsets[$0] - blocks[$0 >> Self.blockShift] <= UInt32(UInt16.max) }
        if fits {
            blockStarts = blocks
            withinBlock = offsets.indices.map { UInt16(offsets[$0] - blocks[$0 >> Self.blockShift]) }
            wide = []
        } else {
            blockStarts = []
            withinBlock = []
            wide = offsets
        }
    }

    /// Where person p's row starts in `deltas` (p may be the person count: the end of the last row).
    @inline(__always) func start(_ person: Int) -> Int {
        guard wide.isEmpty else { return Int(wide[person]) }
        return Int(blockStarts[person >> Self.blockShift]) + Int(withinBlock[person])
    }

    /// Positions of person p's friends in `deltas`.
    @inline(__always) func row(_ person: Int) -> Range<Int> { start(person)..<start(person + 1) }
}
