/// The friendship network (M9) in compressed sparse rows: person p's friends are
/// `targets[offsets[p]..<offsets[p+1]]`, close friends first.
///
/// Four bytes per endpoint: an undirected friendship appears once in each friend's row.
public struct FriendshipNetwork: Sendable {
    /// Row starts, `count + 1` entries.
    public internal(set) var offsets: [UInt32]
    /// Friends' indices.
    public internal(set) var targets: [UInt32]
    /// How many of each row's first entries are close ties (the Dunbar support and sympathy layers).
    public internal(set) var closeCount: [UInt8]

    /// An empty network over `count` people.
    init(count: Int) {
        offsets = [UInt32](repeating: 0, count: count + 1)
        targets = []
        closeCount = [UInt8](repeating: 0, count: count)
    }

    init(offsets: [UInt32], targets: [UInt32], closeCount: [UInt8]) {
        self.offsets = offsets
        self.targets = targets
        self.closeCount = closeCount
    }

    /// Number of friends of a person.
    public func degree(_ person: Int) -> Int { Int(offsets[person + 1] - offsets[person]) }

    /// A person's friends, close ones first.
    public func friends(of person: Int) -> ArraySlice<UInt32> {
        targets[Int(offsets[person])..<Int(offsets[person + 1])]
    }

    /// A person's close friends.
    public func closeFriends(of person: Int) -> ArraySlice<UInt32> {
        let start = Int(offsets[person])
        return targets[start..<(start + Int(closeCount[person]))]
    }

    /// Number of friendships (each counted once).
    public var edgeCount: Int { targets.count / 2 }

    var bytes: Int { offsets.count * 4 + targets.count * 4 + closeCount.count }
}
