import RunRecords
import Simulation
import SocialCredit

/// The people whose fate changed most between a baseline and a variant run of the same society
/// (same size and seed, so person `i` is the same person in both): those ever on a list in one
/// run and never in the other.
///
/// A run stores every person ever on a rule-filled, black or published list (final snapshot and
/// listings), so who was listed is known for the whole population in both runs; scores, tiers,
/// records and blocked actions are stored only for the listed and the traced, so the other run's
/// are given where it stored them. They are ranked by the days from their first listing by a rule
/// to the run's last day (longest first), then by how far their final scores differ, then by index.
public struct FateChanges: Sendable, Codable, Equatable {
    /// One person's stored fate in one run.
    public struct Fate: Sendable, Codable, Equatable {
        /// Whether the run stored the person (listed or traced); the rest is absent when not.
        public var stored: Bool
        /// Ever on a rule-filled, black or published list during the run.
        public var listed: Bool
        /// Lists ever held, and held at the end (ids).
        public var lists: [String]
        public var listsAtEnd: [String]
        /// The first day a rule listed the person (absent when none did).
        public var firstListed: String?
        /// Final score and tier (absent when not stored or not scored).
        public var score: Int?
        public var tier: String?
        /// Records attached and actions blocked over the run (absent when not stored).
        public var records: Int?
        public var blocked: Int?
    }

    /// One person listed in exactly one of the runs.
    public struct Person: Sendable, Codable, Equatable {
        /// The person's index in the society (the same person in both runs).
        public var person: Int
        /// `baseline` or `variant`: the run that listed them.
        public var listedIn: String
        /// Days from their first listing by a rule to that run's last day, inclusive; absent when
        /// only a condition-filled list held them.
        public var daysListed: Int?
        /// variant − baseline of the final score, where both runs stored one.
        public var scoreDifference: Int?
        public var baseline: Fate
        public var variant: Fate
    }

    /// Whether people correspond (same population size and seed); when not, `people` is empty.
    public var correspond: Bool
    /// Which people the list covers, in words (or why there is none).
    public var population: String
    /// People listed in exactly one run, in all.
    public var count: Int
    /// The first `maxShown` of them, most changed first.
    public var people: [Person]

    /// Most people given.
    public static let maxShown = 100

    init(_ baseline: ComparedRun, _ variant: ComparedRun) {
        let a = baseline.data.info
        let b = variant.data.info
        guard a.population == b.population, a.seed == b.seed else {
            correspond = false
            population =
                "People do not correspond: the runs are of different societies (\(Format.count(a.population)) people, seed \(a.seed); \(Format.count(b.population)) people, seed \(b.seed)), so person i of one is not person i of the other."
            count = 0
            people = []
            return
        }
        correspond = true
        func listed(_ run: ComparedRun) -> Set<Int> {
            Set(run.people.values.filter { $0.reason.split(separator: ",").contains("listed") }.map(\.subject))
        }
        let listedA = listed(baseline)
        let listedB = listed(variant)
        let changed = listedA.symmetricDifference(listedB)
        let all = changed.map { person -> Person in
            let inA = listedA.contains(person)
            let fates = (Self.fate(person, in: baseline), Self.fate(person, in: variant))
            let listedRun = inA ? baseline : variant
            let first = (inA ? fates.0 : fates.1).firstListed.flatMap(Day.init(iso:))
            return Person(
                person: person,
                listedIn: inA ? "baseline" : "variant",
                daysListed: first.map { Int(listedRun.data.lastDay.number - $0.number) + 1 },
                scoreDifference: fates.0.score.flatMap { x in fates.1.score.map { $0 - x } },
                baseline: fates.0,
                variant: fates.1
            )
        }
        count = all.count
        people = Array(
            all.sorted {
                ($0.daysListed ?? 0, abs($0.scoreDifference ?? 0), -$0.person)
                    > ($1.daysListed ?? 0, abs($1.scoreDifference ?? 0), -$1.person)
            }
            .prefix(Self.maxShown)
        )
        population =
            "Everyone in the society of \(Format.count(a.population)) people (seed \(a.seed)): both runs store every person ever on a rule-filled, black or published list. Scores, tiers, records and blocked actions are stored only for listed and traced people (one in \(Format.count(a.effectiveTraceEvery)) in the baseline, one in \(Format.count(b.effectiveTraceEvery)) in the variant), so they are missing where a run did not store the person."
    }

    /// A person's fate as a run stored it.
    static func fate(_ person: Int, in run: ComparedRun) -> Fate {
        let listings = run.listings[person] ?? []
        let first = listings.map(\.day).min()
        func ids(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
        guard let snapshot = run.people[person] else {
            return Fate(stored: false, listed: false, lists: [], listsAtEnd: [], firstListed: first)
        }
        return Fate(
            stored: true,
            listed: snapshot.reason.split(separator: ",").contains("listed"),
            lists: ids(snapshot.everListed),
            listsAtEnd: ids(snapshot.lists),
            firstListed: first,
            score: snapshot.score,
            tier: snapshot.tier,
            records: snapshot.records,
            blocked: snapshot.blocked
        )
    }
}
