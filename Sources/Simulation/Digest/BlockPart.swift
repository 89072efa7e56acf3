/// The rows of a block of subjects that one holder has only part of: its subjects (global
/// indices) and, for each column of the state in its fixed order, their rows as bytes.
///
/// In a sharded run a block can straddle two ranks (or more, for ranks holding fewer subjects
/// than a block); each hands its part to the block's owner, the rank holding its first subject,
/// which hashes the block from the parts exactly as a single process hashes it from its state.
public struct BlockPart: Sendable, Equatable {
    /// The block's index among its kind's blocks.
    public let block: Int
    /// The subjects whose rows this part holds (global indices, inside the block).
    public let subjects: Range<Int>
    /// Per column, the rows of `subjects` in subject order.
    public let columns: [[UInt8]]

    /// A part from its pieces (as received from another rank).
    public init(block: Int, subjects: Range<Int>, columns: [[UInt8]]) {
        self.block = block
        self.subjects = subjects
        self.columns = columns
    }

    /// The rows of block `block` that a state holding the subjects from `globalOffset` has.
    init(of state: SubjectState, globalOffset: Int, block: Int, count: Int, cut: BlockCut) {
        let inBlock = cut.subjects(ofBlock: block, count: count)
        let lower = max(inBlock.lowerBound, globalOffset)
        let upper = min(inBlock.upperBound, globalOffset + state.count)
        let rows = (lower - globalOffset)..<(upper - globalOffset)
        self.init(block: block, subjects: lower..<upper, columns: state.stateColumns.map { Array($0.rows(rows)) })
    }

    /// The hash of a block from parts that tile it (in any order), as `BlockDigest` hashes a
    /// block held whole.
    /// - Throws: `DigestError` when the parts are of different blocks, leave a gap, overlap,
    ///   reach outside the block, differ in their columns, or have rows of the wrong length.
    static func hash(_ parts: [BlockPart], count: Int, cut: BlockCut) throws -> BlockHash {
        let sorted = parts.sorted { $0.subjects.lowerBound < $1.subjects.lowerBound }
        guard let first = sorted.first else { throw DigestError("a block with no parts") }
        let block = first.block
        let expected = cut.subjects(ofBlock: block, count: count)
        var next = expected.lowerBound
        for part in sorted {
            guard part.block == block else { throw DigestError("parts of blocks \(block) and \(part.block) mixed") }
            guard part.subjects.lowerBound == next, part.subjects.upperBound <= expected.upperBound else {
                throw DigestError(
                    "block \(block) (subjects \(expected)): a part holds subjects \(part.subjects) where \(next) comes next"
                )
            }
            guard part.columns.count == first.columns.count else {
                throw DigestError("block \(block): parts with \(first.columns.count) and \(part.columns.count) columns")
            }
            next = part.subjects.upperBound
        }
        guard next == expected.upperBound else {
            throw DigestError("block \(block) (subjects \(expected)): the parts end at subject \(next)")
        }
        // Each column's rows per subject, from the whole block's rows, must be the same in every part.
        for column in first.columns.indices {
            let total = sorted.reduce(0) { $0 + $1.columns[column].count }
            guard total % expected.count == 0,
                sorted.allSatisfy({ $0.columns[column].count == $0.subjects.count * (total / expected.count) })
            else {
                throw DigestError("block \(block): column \(column)'s rows are not the same length in every part")
            }
        }
        return BlockDigest.blockHash(columns: first.columns.count) { column, hash in
            for part in sorted { hash.update(contentsOf: part.columns[column]) }
        }
    }
}
