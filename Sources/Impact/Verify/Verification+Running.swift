import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension Verification {
    /// Verifies the run in `directory`: rebuilds each traced subject's records from the record
    /// traces and its relations from the society (regenerated from the run's size and seed), asks
    /// the decision engine for its standing at every stored month end and for every stored
    /// decision, and compares field by field. The run is opened read-only.
    /// - Throws: `RunStoreError` for a missing or damaged run; `ImpactError` for a run whose
    ///   scenario no longer compiles, whose traces the scenario cannot read, or which stored no
    ///   traced standings (made before schema version 5).
    /// A caller that verifies many runs passes one `generator` (fitting its models to the census
    /// takes longer than verifying a small run).
    public static func run(
        directory: String,
        threads: Int = ParallelChunks.defaultThreads,
        generator: PopulationGenerator? = nil
    ) throws -> Verification {
        let store = try RunStore.openReadOnly(directory: directory)
        let data = try RunData.load(store: store)
        let policy: Policy
        do { policy = try Policy(data.scenario) } catch {
            throw ImpactError("\(store.databasePath): the stored scenario does not compile: \(error)")
        }
        let standings = try store.tracedStandings()
        guard !standings.isEmpty else {
            throw ImpactError(
                "\(store.databasePath): the run stored no traced standings to verify (runs made before "
                    + "schema version 5 do not); run it again with: sclab simulate --like \(directory) --trace-every 1"
            )
        }
        let generator = try generator ?? PopulationGenerator()
        let population = generator.generate(size: data.info.population, seed: data.info.seed, threads: threads)
        let start = Day(iso: data.info.start) ?? data.scenario.period.start
        let audit = try Audit(
            policy: policy,
            population: population,
            census: generator.census,
            start: start,
            standings: standings,
            decisions: try store.tracedDecisions(),
            traces: try store.allTraces()
        )
        return audit.verify(folder: directory, threads: threads)
    }
}

/// Everything a verification reads, indexed by subject, and the comparison of one subject.
struct Audit: Sendable {
    /// A traced subject: kind and index.
    struct Key: Hashable, Sendable {
        var companies: Bool
        var index: Int
    }

    let policy: Policy
    let population: Population
    let census: Census
    /// The month ends, in order, and the snapshot day before the first month (the run's
    /// spillovers in its first month come from everyone's standing before any record).
    let monthEnds: [Day]
    let beforeStart: Day
    let standings: [Key: [TracedStanding]]
    let decisions: [Key: [TracedDecision]]
    /// Traced subjects as the engine sees them.
    let subjects: [Key: Subject]

    init(
        policy: Policy,
        population: Population,
        census: Census,
        start: Day,
        standings: [TracedStanding],
        decisions: [TracedDecision],
        traces: [RecordTrace]
    ) throws {
        self.policy = policy
        self.population = population
        self.census = census
        func key(_ kind: SubjectKind, _ subject: Int) -> Key { Key(companies: kind == .companies, index: subject) }
        let byStanding = Dictionary(grouping: standings) { key($0.subjectKind, $0.subject) }
        self.standings = byStanding
        self.decisions = Dictionary(grouping: decisions) { key($0.subjectKind, $0.subject) }
        monthEnds = Set(standings.compactMap { Day(iso: $0.day) }).sorted()
        beforeStart = start.adding(days: -1)
        let byTrace = Dictionary(grouping: traces) { key($0.subjectKind, $0.subject) }
        var subjects: [Key: Subject] = [:]
        for (key, rows) in byStanding {
            let count = key.companies ? population.companies.count : population.count
            guard (0..<count).contains(key.index) else {
                throw ImpactError(
                    "\(key.companies ? "company" : "person") \(key.index) has traced standings but is not in the run's society"
                )
            }
            let records = try TracedRecords(byTrace[key] ?? [], scenario: policy.scenario)
            let province = key.companies ? population.companies.province[key.index] : population.province[key.index]
            subjects[key] = Subject(
                kind: key.companies ? .companies : .people,
                province: census.provinces[Int(province)].code,
                enrolled: key.companies || rows.contains { $0.score != nil },
                records: records.records,
                sector: key.companies ? population.companies.sectorOf(key.index) : nil
            )
            subjects[key]?.id = key.index
        }
        self.subjects = subjects
    }

    /// Checks every traced subject, in parallel over subjects; disagreements in subject order.
    func verify(folder: String, threads: Int) -> Verification {
        let keys = subjects.keys.sorted { ($0.companies ? 1 : 0, $0.index) < ($1.companies ? 1 : 0, $1.index) }
        let parts = ParallelChunks(threads: threads).mapChunks(count: keys.count) { range in
            var tally = SubjectCheck.Tally()
            let memo = OwnStandingMemo()  // one per chunk: linked subjects' own standings, computed once a month end
            for k in range { check(keys[k], into: &tally, memo: memo) }
            return tally
        }
        var total = SubjectCheck.Tally()
        for part in parts { total.add(part) }
        return Verification(
            folder: folder,
            people: keys.filter { !$0.companies }.count,
            companies: keys.filter(\.companies).count,
            withoutSpillovers: total.withoutSpillovers,
            monthEnds: monthEnds.count,
            standings: total.standings,
            partialStandings: total.partialStandings,
            decisions: total.decisions,
            skippedDecisions: total.skippedDecisions,
            disagreements: total.disagreements
        )
    }

    /// The snapshot day of the spillovers in force on `day`: the last month end before it.
    func snapshot(before day: Day) -> Day {
        var low = 0
        var high = monthEnds.count
        while low < high {
            let mid = (low + high) / 2
            if monthEnds[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? beforeStart : monthEnds[low - 1]
    }

    /// A person's relations as the run links them (parents, spouse, every friend, employer),
    /// or nil when one of them was not traced (their records are unknown).
    func relations(of person: Int) -> (relations: Relations, linked: [String])? {
        func subject(_ link: UInt32, companies: Bool = false) -> Subject?? {
            guard link != Population.none else { return .some(nil) }
            guard let known = subjects[Key(companies: companies, index: Int(link))] else { return nil }
            return .some(known)
        }
        var relations = Relations()
        var linked: [String] = []
        for parent in [population.mother[person], population.father[person]] where parent != Population.none {
            guard let known = subject(parent), let known else { return nil }
            relations.parents.append(known)
            linked.append("person \(parent)")
        }
        guard let spouse = subject(population.spouse[person]) else { return nil }
        relations.spouse = spouse
        if spouse != nil { linked.append("person \(population.spouse[person])") }
        for friend in population.network.friends(of: person) {
            guard let known = subject(friend), let known else { return nil }
            relations.friends.append(known)
        }
        guard let employer = subject(population.employer[person], companies: true) else { return nil }
        relations.employer = employer
        if employer != nil { linked.append("company \(population.employer[person])") }
        return (relations, linked)
    }
}
