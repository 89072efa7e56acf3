/// Lists whose entry condition depends on itself, directly or through other lists' entry
/// conditions (issue 13, item 4): nobody enters such a list unless some other part of its
/// condition lets them, and which lists are settled first decides the answer.
extension ScenarioAnalysis {
    func cycleWarnings() -> [StaticWarning] {
        let lists = scenario.lists
        let index = Dictionary(lists.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Edges: list -> the lists its entry tests, each with the reference that names it.
        let edges: [[(target: Int, reference: Reference)]] = lists.map { list in
            (list.entry.map(Self.listReferences) ?? []).compactMap { r in index[r.id].map { ($0, r) } }
        }
        var warnings: [StaticWarning] = []
        var reported = Set<Int>()
        for start in lists.indices where !reported.contains(start) {
            // The shortest way from `start` back to itself, if any (breadth first).
            var previous: [Int: (from: Int, reference: Reference)] = [:]
            var queue = [start], found: Reference?
            var head = 0
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for edge in edges[node] {
                    if edge.target == start {
                        previous[-1] = (node, edge.reference)
                        found = edge.reference
                        break search
                    }
                    if previous[edge.target] == nil {
                        previous[edge.target] = (node, edge.reference)
                        queue.append(edge.target)
                    }
                }
            }
            guard found != nil, let last = previous[-1] else { continue }
            var cycle = [start]
            var node = last.from
            while node != start {
                cycle.insert(node, at: 1)
                node = previous[node]!.from
            }
            reported.formUnion(cycle)
            let first = cycle.count == 1 ? last.reference : edges[start].first { $0.target == cycle[1] }!.reference
            let names = (cycle + [start]).map { lists[$0].id }.joined(separator: " -> ")
            warnings.append(StaticWarning(
                .listCycle, path: first.path.isEmpty ? "lists[\(start)].entry" : first.path, location: first.location,
                message: "the entry condition of list '\(lists[start].id)' depends on itself (\(names)): "
                    + "nobody enters through that part alone, and the order lists are settled in decides the rest",
                hint: "test a tier or a score instead of the list"))
        }
        return warnings
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
