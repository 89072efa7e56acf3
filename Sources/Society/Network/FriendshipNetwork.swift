/// The friendship network (M9) in compressed sparse rows: person p's friends are
/// `p + deltas[k]` for k in `offsets[p]..<offsets[p+1]`, close friends first.
///
/// Two bytes per endpoint (an undirected friendship appears once in each friend's row): a friend
/// is stored as their signed distance from the person, which fits in an `Int16` because friends
/// always live in the same town, and towns are runs of a few hundred consecutive people
/// (`NetworkBuilder` checks this where it builds the rows; at 100 million people the network is
/// 2.2 GB instead of 4.4 GB).
public struct FriendshipNetwork: Sendable {
    /// Row starts, `count + 1` entries.
    public internal(set) var offsets: [UInt32]
    /// Each friend's index minus the person's (never 0: no one is their own friend).
    public internal(set) var deltas: [Int16]
    /// How many of each row's first entries are close ties (the Dunbar support and sympathy layers).
    public internal(set) var closeCount: [UInt8]

    /// The farthest apart, in index, two friends can be: the range of a stored delta.
    public static let maximumDistance = Int(Int16.max)

    /// An empty network over `count` people.
    init(count: Int) {
        offsets = [UInt32](repeating: 0, count: count + 1)
        deltas = []
        closeCount = [UInt8](repeating: 0, count: count)
    }

    /// No rows at all: the network of a population still being generated, until its network
    /// is built (an empty network over everyone would hold 5 bytes a person meanwhile).
    static let unbuilt = FriendshipNetwork(count: 0)

    init(offsets: [UInt32], deltas: [Int16], closeCount: [UInt8]) {
        precondition(
            offsets.count == closeCount.count + 1 && Int(offsets.last ?? 0) == deltas.count,
            "a network's rows must cover its deltas"
        )
        self.offsets = offsets
        self.deltas = deltas
        self.closeCount = closeCount
    }

    /// Number of friends of a person.
    public func degree(_ person: Int) -> Int { Int(offsets[person + 1] - offsets[person]) }

    /// A person's friends, close ones first, decoded from the stored deltas as they are read.
    public func friends(of person: Int) -> Friends {
        Friends(person: person, deltas: deltas[Int(offsets[person])..<Int(offsets[person + 1])])
    }

    /// A person's close friends.
    public func closeFriends(of person: Int) -> Friends {
        let start = Int(offsets[person])
        return Friends(person: person, deltas: deltas[start..<(start + Int(closeCount[person]))])
    }

    /// Number of friendships (each counted once).
    public var edgeCount: Int { deltas.count / 2 }

    /// Bytes held: row starts, deltas and close counts.
    var bytes: Int {
        offsets.count * MemoryLayout<UInt32>.size + deltas.count * MemoryLayout<Int16>.size + closeCount.count
    }

    /// One person's friends as indices: a view of their row, with no copy and no allocation.
    public struct Friends: RandomAccessCollection, Sendable {
        /// The person whose row this is.
        public let person: Int
        let deltas: ArraySlice<Int16>

        /// The row's first position in the network's `deltas`.
        public var startIndex: Int { deltas.startIndex }
        /// One past the row's last position.
        public var endIndex: Int { deltas.endIndex }

        /// The friend at a position of the row.
        public subscript(position: Int) -> UInt32 { UInt32(truncatingIfNeeded: person + Int(deltas[position])) }
    }
}
