/// Lists whose entry condition depends on itself, directly or through other lists' entry
/// conditions. Whether anyone is on such a list would depend on the order lists are settled in,
/// not on the scenario, so `check` refuses it (an error, not a warning).
struct ListCycle: Equatable {
    /// The list the cycle starts from (the first of its lists in the file).
    var start: Int
    /// The cycle's list ids, from `start` back to it, e.g. `trusted -> honour -> trusted`.
    var names: String
    /// Where the start list's entry names the next list of the cycle.
    var reference: Reference
}

extension Scenario {
    /// Every cycle of list entries, each reported once (from its first list in the file).
    func listCycles() -> [ListCycle] {
        let index = Dictionary(lists.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Edges: list -> the lists its entry tests, each with the reference that names it.
        let edges: [[(target: Int, reference: Reference)]] = lists.map { list in
            (list.entry.map(Self.listReferences) ?? []).compactMap { r in index[r.id].map { ($0, r) } }
        }
        var cycles: [ListCycle] = []
        var reported = Set<Int>()
        for start in lists.indices where !reported.contains(start) {
            // The shortest way from `start` back to itself, if any (breadth first).
            var previous: [Int: (from: Int, reference: Reference)] = [:]
            var closing: (from: Int, reference: Reference)?
            var queue = [start]
            var head = 0
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for edge in edges[node] {
                    if edge.target == start {
                        closing = (node, edge.reference)
                        break search
                    }
                    if previous[edge.target] == nil {
                        previous[edge.target] = (node, edge.reference)
                        queue.append(edge.target)
                    }
                }
            }
            guard let closing else { continue }
            var cycle = [start]
            var node = closing.from
            while node != start, let step = previous[node] {
                cycle.insert(node, at: 1)
                node = step.from
            }
            reported.formUnion(cycle)
            let first =
                cycle.count == 1
                ? closing.reference
                : edges[start].first { $0.target == cycle[1] }?.reference ?? closing.reference
            cycles.append(
                ListCycle(
                    start: start,
                    names: (cycle + [start]).map { lists[$0].id }.joined(separator: " -> "),
                    reference: first
                )
            )
        }
        return cycles
    }

    /// The lists a condition tests, with where each is named.
    static func listReferences(_ condition: Condition) -> [Reference] {
        switch condition {
        case let .listed(list): return [list]
        case .tierAtMost, .tierAtLeast, .scoreBelow, .scoreAtLeast, .cleanFor: return []
        case let .all(parts), let .any(parts): return parts.flatMap(listReferences)
        }
    }
}
