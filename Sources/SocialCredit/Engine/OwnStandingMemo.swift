/// Own standings (what spillovers test on linked subjects) already computed, by subject and
/// day. A person's friends are other people's friends too: a caller that assesses many linked
/// subjects on the same days (`sclab verify`, at every month end) computes each own standing
/// once. Not for sharing between threads: give each thread its own.
public final class OwnStandingMemo {
    private struct Key: Hashable {
        var kind: SubjectKind
        var id: Int
        var day: Day
    }

    private var standings: [Key: Standing] = [:]

    /// An empty memo.
    public init() {}

    /// The own standing of subject `id` of `kind` on `day`, computed by `compute` the first time.
    func standing(of kind: SubjectKind, _ id: Int, on day: Day, _ compute: () -> Standing) -> Standing {
        let key = Key(kind: kind, id: id, day: day)
        if let known = standings[key] { return known }
        let computed = compute()
        standings[key] = computed
        return computed
    }
}
