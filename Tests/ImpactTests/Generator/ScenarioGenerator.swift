import Foundation

/// Random valid scenarios for differential tests: each seed gives one small scenario in the
/// scenario language (docs/scenario-language.md) whose rates are high enough that, in a society
/// of a few hundred people over one to three years, its mechanisms actually fire: records under
/// caps, lifetimes and discretion; listings, list extensions, credit repairs and condition-filled
/// lists; tier ceilings; appeals overturned and upheld; spillovers along every link with every
/// effect; blocked and rewarded actions and notices; responses to every trigger; rollouts by
/// phase, by dates and by regions; ratings; company subjects.
///
/// Every scenario uses a random subset of the language; across seeds 0..<200 the scenarios
/// together use every key in `allKeys`. Every scenario passes `sclab check`.
///
/// Keys are written as dotted paths, `[]` marking a list of things: `rules[].cap_per_year`,
/// `lists[].removal.minimum_days`, `ratings[].scale.tiers[].min`. Enumerated words are written
/// `key=word` (`spillovers[].link=friends`, `responses[].trigger=monitored`, `who=drivers`);
/// the keys of conditions, wherever they are used, as `condition.clean_days` (with
/// `condition.multiple_keys` for a mapping of several keys and `condition.rating_tier` for a
/// rating's tier); the ways of naming regions as `regions=han`, `regions=code`, ...
struct ScenarioGenerator {
    /// The scenario text (YAML) for a seed; the same seed always gives the same text.
    static func scenario(seed: UInt64) -> String { generate(seed: seed).text }

    /// The language keys (dotted paths like `rules[].cap_per_year`) a scenario uses.
    static func keysUsed(seed: UInt64) -> Set<String> { generate(seed: seed).keys }

    /// Every key of the language the generator knows how to write.
    static let allKeys: Set<String> = GenKeyCatalog.all()

    /// The scenario text and the keys it uses, from one pass of the builder.
    static func generate(seed: UInt64) -> (text: String, keys: Set<String>) {
        var builder = GenScenarioBuilder(seed: seed)
        builder.build()
        return (builder.document.text, builder.document.keys)
    }
}

// MARK: - Key catalogue

/// The keys `allKeys` lists, in the notation of `ScenarioGenerator`.
enum GenKeyCatalog {
    static let groups = [
        "everyone", "adults", "minors", "school_children", "drivers", "parents", "employees",
        "internet_users", "companies",
    ]
    static let operators = ["government", "court", "private_partner", "citizen_reports", "sensors"]
    static let triggers = ["sanctioned", "listed", "recorded", "monitored", "relative_listed"]
    static let links = ["parents", "spouse", "friends", "employer"]
    static let sectors = [
        "agriculture", "mining", "manufacturing", "food", "construction", "energy", "transport",
        "retail", "hospitality", "finance", "technology", "services",
    ]
    static let regionForms = ["all", "macro", "province", "pinyin", "code", "han"]
    static let conditionKeys = [
        "list", "tier_at_most", "tier_at_least", "score_below", "score_at_least", "clean_days",
        "any", "all", "multiple_keys", "rating_tier",
    ]
    static let rolloutKeys = ["rollout", "rollout.phase", "rollout.start", "rollout.end", "rollout.regions"]
    static let rateKeys = [
        "rate", "dispersion", "varies", "varies.income_quintile", "varies.age", "varies.age[].from",
        "varies.age[].to", "varies.age[].factor", "varies.urban", "varies.rural", "varies.male",
        "varies.female",
    ]

    static func all() -> Set<String> {
        var keys: Set<String> = []
        func add(_ base: String, _ names: [String]) { for name in names { keys.insert(base + name) } }
        add("scenario.", ["id", "name", "summary", "basis", "start", "end"])
        add("enrolment.", ["mode", "share", "mode=mandatory", "mode=consent"])
        for scale in ["score", "company_score", "ratings[].scale"] {
            add(scale + ".", ["initial", "minimum", "maximum", "tiers"])
            add(scale + ".tiers[].", ["id", "label", "min", "max", "assigned_only"])
        }
        add(
            "ratings[].",
            [
                "id", "label", "subject", "sectors", "scale", "score_weight", "subject=people",
                "subject=companies",
            ]
        )
        add(
            "behaviors[].",
            ["id", "label", "conduct", "who", "sectors", "conduct=conforming", "conduct=contradictory"]
                + rateKeys
        )
        add("who=", groups)
        add(
            "sources[].",
            ["id", "label", "operator", "observes", "coverage", "false_attribution", "delay_days"]
                + rolloutKeys + operators.map { "operator=\($0)" }
        )
        add(
            "rules[].",
            [
                "id", "label", "behavior", "sources", "delta", "rating", "cap_per_year", "lifetime_days",
                "discretion", "list", "list_term_days", "tier_ceiling",
            ] + rolloutKeys
        )
        add(
            "lists[].",
            [
                "id", "label", "kind", "subject", "term_days", "extension_days", "max_extension_days",
                "removal", "removal.on", "removal.delay_days", "removal.minimum_days", "entry", "published",
                "kind=black", "kind=red", "subject=people", "subject=companies",
            ] + rolloutKeys
        )
        add("actions[].", ["id", "label", "who"] + rateKeys)
        add(
            "measures[].",
            [
                "id", "label", "kind", "subject", "action", "benefit", "unit", "channel", "when",
                "kind=block", "kind=reward", "kind=notice", "subject=people", "subject=companies",
            ]
                + rolloutKeys
        )
        add(
            "spillovers[].",
            [
                "id", "label", "link", "when", "share", "effect", "effect.block", "effect.reward",
                "effect.delta", "effect.tier_ceiling",
            ] + rolloutKeys + links.map { "link=\($0)" }
        )
        add(
            "appeals.",
            [
                "contest", "success", "contest.true_records", "contest.false_records", "success.true_records",
                "success.false_records", "days_to_decide",
            ]
        )
        add(
            "responses[].",
            [
                "id", "label", "trigger", "behaviors", "conduct", "factor", "duration_days",
                "conduct=conforming", "conduct=contradictory",
            ] + triggers.map { "trigger=\($0)" }
        )
        add("timeline[].", ["id", "label", "start", "regions", "subjects", "subjects=people", "subjects=companies"])
        add("calibration.", ["targets", "fit"])
        add("calibration.targets[].", ["id", "label", "metric", "value", "tolerance", "source"])
        add("calibration.fit[].", ["path", "min", "max", "whole"])
        add("condition.", conditionKeys)
        add("regions=", regionForms)
        return keys
    }
}

// MARK: - Random numbers

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator, local to one scenario, so that
/// a seed always gives the same scenario.
struct GenRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n; 0 when n <= 1.
    mutating func below(_ n: Int) -> Int {
        n <= 1 ? 0 : Int(next() % UInt64(n))
    }

    /// Uniform in the range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / 9_007_199_254_740_992.0 }

    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A number with two decimals: hundredths(5...95) gives 0.05 to 0.95.
    mutating func hundredths(_ range: ClosedRange<Int>) -> Double { Double(int(range)) / 100 }

    /// A number with one decimal: tenths(5...25) gives 0.5 to 2.5.
    mutating func tenths(_ range: ClosedRange<Int>) -> Double { Double(int(range)) / 10 }

    /// One of the items, nil when there are none.
    mutating func element<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }

    /// One of the given values.
    mutating func pick<T>(_ first: T, _ rest: T...) -> T {
        let index = below(rest.count + 1)
        return index == 0 ? first : rest[index - 1]
    }

    /// The items in random order.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var index = result.count - 1
        while index > 0 {
            result.swapAt(index, below(index + 1))
            index -= 1
        }
        return result
    }

    /// `count` distinct items (fewer if there are fewer), in their original order.
    mutating func subset<T>(_ items: [T], count: Int) -> [T] {
        let chosen = Set(shuffled(Array(items.indices)).prefix(max(0, count)))
        return items.indices.filter { chosen.contains($0) }.map { items[$0] }
    }
}

// MARK: - Calendar days

/// A calendar day as a day number, so that periods and rollouts can be computed and printed.
struct GenDay: Comparable {
    /// Days since 1970-01-01.
    var number: Int

    init(number: Int) { self.number = number }

    /// The day of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Year, month and day (H. Hinnant's civil_from_days).
    var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    var text: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// `YYYY-MM`, the form of a metric's month.
    var month: String { String(text.prefix(7)) }

    func adding(_ days: Int) -> GenDay { GenDay(number: number + days) }

    static func < (a: GenDay, b: GenDay) -> Bool { a.number < b.number }
}
