import Society

/// The friendship network's rows as a run reads them: each person's friends in index order,
/// coded as variable-length numbers in bytes.
///
/// The network keeps each friend as a 2-byte distance from the person, and a 4-byte start for
/// every row (24 bytes a person at a mean of eleven friends). A run only ever reads whole rows
/// (how many of a person's friends meet a test, who the friends of a changed person are), so
/// here a row is its friends in index order: the first as its distance from the person, the
/// others as the gap from the friend before, each in LEB128 (seven bits a byte, the high bit set
/// on every byte but a number's last). Friends live in the same town and most gaps are below
/// 128, so a row takes about 1.15 bytes a friend (12.8 bytes a person in a generated society:
/// 0.95 GB less at 100 million people). A row's start is kept as an 8-byte start per block of
/// 64 people and a 2-byte offset within the block, or as 8-byte starts when some row starts more
/// than 65,535 bytes into its block (none generated comes near: 64 people have about 820).
struct FriendRows: Sendable {
    /// Every row's numbers, row after row.
    let bytes: [UInt8]
    /// The start of every 64th row, and each row's start less its block's; empty when `wide` is used.
    let blockStarts: [Int]
    let withinBlock: [UInt16]
    /// Every row's start, when some row starts too far into its block for `withinBlock`.
    let wide: [Int]

    /// People in a block.
    static let blockShift = 6

    /// The rows of `network` (its close-tie counts and the order of its rows, which no run
    /// reads, are not kept), coded on `threads` threads in a few large chunks of people whose
    /// bytes are then joined in order (at 100 million people one thread took about 30 s).
    init(_ network: FriendshipNetwork, threads: Int = 1) {
        let people = network.offsets.count - 1
        let parts = ParallelChunks(threads: threads).mapChunks(count: people) { Self.code(network, $0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        var starts: [Int] = []
        starts.reserveCapacity(people + 1)
        for part in parts {
            let offset = bytes.count
            starts.append(contentsOf: part.starts.lazy.map { offset + Int($0) })
            bytes.append(contentsOf: part.bytes)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        let blocks = stride(from: 0, to: starts.count, by: 1 << Self.blockShift).map { starts[$0] }
        let fits = starts.indices.allSatisfy { starts[$0] - blocks[$0 >> Self.blockShift] <= Int(UInt16.max) }
        if fits {
            blockStarts = blocks
            withinBlock = starts.indices.map { UInt16(starts[$0] - blocks[$0 >> Self.blockShift]) }
            wide = []
        } else {
            blockStarts = []
            withinBlock = []
            wide = starts
        }
    }

    /// The rows of the people of `range`, coded, with each row's start in the bytes. Written
    /// through raw memory sized for the worst case (3 bytes a friend: distances are within 16
    /// bits), then copied out at its length: no check of an array's storage per byte.
    private static func code(_ network: FriendshipNetwork, _ range: Range<Int>) -> (bytes: [UInt8], starts: [UInt32]) {
        network.offsets.withUnsafeBufferPointer { offsets in
            network.deltas.withUnsafeBufferPointer { deltas in
                let friends = Int(offsets[range.upperBound] - offsets[range.lowerBound])
                var widest = 0
                for person in range { widest = max(widest, Int(offsets[person + 1] - offsets[person])) }
                let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, 3 * friends))
                let row = UnsafeMutablePointer<Int16>.allocate(capacity: max(1, widest))
                defer {
                    out.deallocate()
                    row.deallocate()
                }
                var starts = [UInt32](repeating: 0, count: range.count)
                var at = 0
                for person in range {
                    precondition(at <= Int(UInt32.max), "a chunk's friend rows fit 4 GB")
                    starts[person - range.lowerBound] = UInt32(at)
                    let first = Int(offsets[person])
                    let count = Int(offsets[person + 1]) - first
                    // Insertion sort: a row is two sorted runs (close ties, then the others).
                    for i in 0..<count {
                        let value = deltas[first + i]
                        var j = i
                        while j > 0 && row[j - 1] > value {
                            row[j] = row[j - 1]
                            j -= 1
                        }
                        row[j] = value
                    }
                    var before = 0
                    for k in 0..<count {
                        let step = Int(row[k]) - before
                        // The first friend may come before the person: its distance zigzagged
                        // (0, -1, 1, -2, ... as 0, 1, 2, 3, ...); gaps between friends in order
                        // are positive.
                        var rest = k == 0 ? (step >= 0 ? step << 1 : ((-step) << 1) - 1) : step
                        while rest >= 0x80 {
                            out[at] = UInt8(truncatingIfNeeded: rest) | 0x80
                            at += 1
                            rest >>= 7
                        }
                        out[at] = UInt8(rest)
                        at += 1
                        before = Int(row[k])
                    }
                }
                return (Array(UnsafeBufferPointer(start: out, count: at)), starts)
            }
        }
    }

    /// Where person p's row starts in `bytes` (p may be the person count: the end of the last row).
    @inline(__always) func start(_ person: Int) -> Int {
        guard wide.isEmpty else { return wide[person] }
        return blockStarts[person >> Self.blockShift] + Int(withinBlock[person])
    }

    /// Calls `body` with each of person p's friends, in index order; returns how many there are.
    @inline(__always) @discardableResult
    func forEachFriend(of person: Int, _ body: (Int) -> Void) -> Int {
        var at = start(person)
        let end = start(person + 1)
        var friend = person
        var first = true
        var friends = 0
        while at < end {
            var value = 0
            var shift = 0
            var byte: UInt8
            repeat {
                byte = bytes[at]
                at &+= 1
                value |= Int(byte & 0x7F) << shift
                shift &+= 7
            } while byte & 0x80 != 0
            if first {
                friend &+= value & 1 == 0 ? value >> 1 : -((value + 1) >> 1)
                first = false
            } else {
                friend &+= value
            }
            body(friend)
            friends &+= 1
        }
        return friends
    }
}
