import Foundation

// MARK: - Writing YAML

/// One `key: value` of a mapping: a scalar or flow value, or a block list of flow items.
struct GenField {
    var key: String
    var value: String
    var items: [String] = []
    /// Further keys the value uses, as full paths (nested keys, words, condition keys).
    var uses: Set<String> = []

    init(_ key: String, _ value: String, uses: Set<String> = []) {
        self.key = key
        self.value = value
        self.uses = uses
    }

    init(_ key: String, items: [String], uses: Set<String> = []) {
        self.key = key
        self.value = ""
        self.items = items
        self.uses = uses
    }
}

/// A generated value written in flow style, with the keys it uses (full paths).
struct GenPart {
    var text: String
    var uses: Set<String> = []
}

/// The scenario file being written, and every key written into it.
struct GenDocument {
    private(set) var lines: [String] = []
    private(set) var keys: Set<String> = []

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func comment(_ text: String) { lines.append("# \(text)") }

    mutating func blank() { lines.append("") }

    /// A top-level section holding a mapping.
    mutating func mapping(_ section: String, _ fields: [GenField]) {
        blank()
        lines.append("\(section):")
        write(fields, path: section, lead: "  ", indent: "  ")
    }

    /// A top-level section holding a list of mappings; nothing when the list is empty.
    mutating func sequence(_ section: String, _ items: [[GenField]]) {
        guard !items.isEmpty else { return }
        blank()
        lines.append("\(section):")
        for item in items { write(item, path: section + "[]", lead: "  - ", indent: "    ") }
    }

    /// A nested list of mappings under a section already written (`calibration.targets`).
    mutating func nestedSequence(_ key: String, path: String, _ items: [[GenField]]) {
        guard !items.isEmpty else { return }
        lines.append("  \(key):")
        keys.insert(path)
        for item in items { write(item, path: path + "[]", lead: "    - ", indent: "      ") }
    }

    /// A top-level key with no fields of its own yet (`calibration:`).
    mutating func open(_ section: String) {
        blank()
        lines.append("\(section):")
    }

    mutating func write(_ fields: [GenField], path: String, lead: String, indent: String) {
        for (index, field) in fields.enumerated() {
            let prefix = index == 0 ? lead : indent
            keys.insert("\(path).\(field.key)")
            keys.formUnion(field.uses)
            if field.items.isEmpty {
                lines.append("\(prefix)\(field.key): \(field.value)")
            } else {
                lines.append("\(prefix)\(field.key):")
                for item in field.items { lines.append("\(indent)  - \(item)") }
            }
        }
    }
}

/// `{ a: 1, b: 2 }`.
func yamlFlow(_ pairs: [(String, String)]) -> String {
    "{ " + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
}

/// `[a, b]`.
func yamlList(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

/// Text in double quotes (the generator's texts contain no quotes or backslashes).
func yamlQuoted(_ text: String) -> String { "\"\(text)\"" }

/// A number as YAML writes it: `0.35`, `2.0`.
func yamlNumber(_ value: Double) -> String { "\(value)" }

// MARK: - Plans of the parts that other sections refer to

/// A score scale (the score, the company score or a rating's scale) as conditions see it.
struct GenScale {
    /// Tier ids, best first, assigned tiers included.
    var tiers: [String] = ["all"]
    var initialTier = 0
    var initial = 0
    var minimum = 0
    var maximum = 1
    /// A typical step of points: rules move scores by a few of these.
    var unit = 1

    /// Tiers worse than the one subjects start in.
    var worse: [String] { initialTier + 1 < tiers.count ? Array(tiers[(initialTier + 1)...]) : [] }
    /// The tier subjects start in and the better ones.
    var startOrBetter: [String] { Array(tiers.prefix(initialTier + 1)) }
    /// Every tier but the best: the tiers a ceiling can name to some effect.
    var belowBest: [String] { Array(tiers.dropFirst()) }
}

/// A behaviour as rules, lists, sources and responses refer to it.
struct GenBehavior {
    var id: String
    var conforming: Bool
    var company: Bool
    /// Named by a list's `removal.on` (repaying, correcting).
    var repair: Bool
    var rate: Double
}

/// A list as rules and conditions refer to it.
struct GenList {
    var id: String
    var black: Bool
    var company: Bool
    /// Filled by its `entry` condition rather than by rules.
    var entry: Bool
}

/// A rating: its subject kind and its scale, for rules and conditions.
struct GenRating {
    var id: String
    var company: Bool
    var scale: GenScale
}

/// An action as measures and spillovers refer to it.
struct GenAction {
    var id: String
    var company: Bool
    /// Attempted by school children: what parents' spillovers block or reward.
    var school: Bool
}

/// A source and the behaviours it observes, for rules' `sources`.
struct GenSource {
    var id: String
    var observes: [String]
}

/// A timeline phase: planned first (rollouts name it), written last.
struct GenPhase {
    var id: String
    var start: GenDay
    var regions: GenPart?
    var subjects: [String]?
}

/// A rule before it is written: the behaviour it judges, the list it fills and the rating it
/// moves, if any.
struct GenRulePlan {
    var id: String
    var behavior: GenBehavior
    var list: GenList?
    var rating: GenRating?
}

/// A fit parameter that can be written into `calibration.fit`.
struct GenFitCandidate {
    var path: String
    var minimum: Double
    var maximum: Double
    var whole: Bool
}

/// Whose standing a condition tests: people's (score, people's lists) or companies'.
enum GenScope { case people, companies }

/// Whether a condition should describe a bad standing (for blocks, black lists, negative
/// spillovers) or a good one (rewards, red lists).
enum GenPolarity { case bad, good }

/// One key of a condition, e.g. `tier_at_most: D`.
struct GenAtom {
    var key: String
    var value: String
    var rating = false
}
