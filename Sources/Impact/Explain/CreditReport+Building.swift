import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension CreditReport {
    /// The credit report of `person` in the run in `directory`. The society is regenerated from
    /// the run's size and seed (the same society), which gives the person's attributes and circle.
    /// - Throws: `RunStoreError` for a missing or damaged run; `ImpactError` for a person outside
    ///   the society or a run whose scenario no longer reads.
    public static func load(
        directory: String,
        person: Int,
        threads: Int = ParallelChunks.defaultThreads
    ) throws -> CreditReport {
        let store = try RunStore.openReadOnly(directory: directory)
        let data = try RunData.load(store: store)
        let info = data.info
        guard (0..<info.population).contains(person) else {
            throw ImpactError(
                "person \(person) is not in this run's society of \(Format.count(info.population)) people (0 to \(info.population - 1))"
            )
        }
        let policy: Policy
        do { policy = try Policy(data.scenario) } catch {
            throw ImpactError("\(store.databasePath): the stored scenario does not compile: \(error)")
        }
        let generator = try PopulationGenerator()
        let population = generator.generate(size: info.population, seed: info.seed, threads: threads)
        return try build(
            person: person,
            data: data,
            stored: store,
            policy: policy,
            population: population,
            census: generator.census,
            names: generator.names
        )
    }

    /// The credit report of `person` from a run already read: the one building code behind
    /// `sclab explain` (which reads the run store) and the web app (which reads its run in
    /// memory), so both give the same report. `population` is the run's society, regenerated
    /// from its size and seed, with the census and name tables it was generated from.
    /// - Throws: `ImpactError` for a traced subject whose traces the scenario cannot read;
    ///   whatever `stored` throws.
    public static func build(
        person: Int,
        data: RunData,
        stored: any StoredSubjects,
        policy: Policy,
        population: Population,
        census: Census,
        names: NameTables
    ) throws -> CreditReport {
        let context = Context(
            store: stored,
            data: data,
            policy: policy,
            population: population,
            census: census,
            names: names,
            named: TracedSubjects(naming: data.info.tracePeople, in: population)
        )
        return try context.report(person)
    }

    /// Which relation each engine relation is: person indices in the order given to `Relations`.
    struct Through {
        var parents: [Int] = []
        var friends: [Int] = []
    }

    /// What building a report needs, read once.
    struct Context {
        let store: any StoredSubjects
        let data: RunData
        let policy: Policy
        let population: Population
        let census: Census
        let names: NameTables
        let named: TracedSubjects

        var info: RunInfo { data.info }
        var end: Day { data.lastDay }

        func isTraced(_ subject: Int, companies: Bool) -> Bool {
            subject % info.effectiveTraceEvery == 0 || named.contains(subject, companies: companies)
        }

        func provinceCode(_ person: Int) -> Int { census.provinces[Int(population.province[person])].code }

        /// A traced subject as the engine sees it, from its traces and stored snapshot.
        func engineSubject(_ subject: Int, companies: Bool) throws -> (subject: Subject, records: TracedRecords)? {
            let kind = companies ? "companies" : "people"
            guard isTraced(subject, companies: companies),
                let snapshot = try store.snapshot(subject: subject, kind: kind)
            else { return nil }
            let records = try TracedRecords(store.traces(subject: subject, kind: kind), scenario: data.scenario)
            return (
                records.subject(
                    kind: companies ? .companies : .people,
                    province: snapshot.province,
                    enrolled: companies || snapshot.score != nil
                ), records
            )
        }

        func report(_ person: Int) throws -> CreditReport {
            let traced = isTraced(person, companies: false)
            let snapshot = try store.snapshot(subject: person, kind: "people")
            let circle = population.circle(of: person)
            var report = CreditReport(
                run: RunLine(data),
                person: person,
                traced: traced,
                attributes: attributes(person, snapshot),
                final: snapshot.map(Self.final),
                engine: nil,
                scoreHistory: [],
                records: [],
                lists: [],
                circle: [],
                notTraced: nil
            )
            var relations = Relations()
            var through = Through()
            var links: [(role: String, id: Int, companies: Bool)] = []
            links += [("mother", circle.mother), ("father", circle.father), ("spouse", circle.spouse)]
                .compactMap { role, id in id.map { (role, $0, false) } }
            links += circle.children.map { ("child", $0, false) } + circle.friends.map { ("friend", $0, false) }
            if let employer = circle.employer { links.append(("employer", employer, true)) }
            var friendsKnown = true
            for link in links {
                let engine = try engineSubject(link.id, companies: link.companies)
                switch link.role {
                case "mother", "father":
                    if let engine {
                        relations.parents.append(engine.subject)
                        through.parents.append(link.id)
                    }
                case "spouse": relations.spouse = engine?.subject
                case "friend":
                    if let engine {
                        relations.friends.append(engine.subject)
                        through.friends.append(link.id)
                    } else {
                        friendsKnown = false
                    }
                case "employer": relations.employer = engine?.subject
                default: break
                }
                let stored = try store.snapshot(subject: link.id, kind: link.companies ? "companies" : "people")
                report.circle.append(
                    Relation(
                        role: link.role,
                        id: link.id,
                        traced: link.companies ? engine != nil : isTraced(link.id, companies: false),
                        state: stored.map(Self.state),
                        reaches: []
                    )
                )
            }
            if !friendsKnown {
                relations.friends = []
                through.friends = []
            }
            guard traced, let own = try engineSubject(person, companies: false) else {
                report.notTraced = notTracedText(person, stored: snapshot != nil)
                return report
            }
            report.records = recordLines(own.records, subject: own.subject)
            report.scoreHistory = scoreHistory(own.subject)
            report.lists = ListStays(
                policy: policy,
                records: own.records,
                province: own.subject.province,
                enrolled: own.subject.enrolled,
                end: end
            ).all.map(listLine)
            report.engine = engineView(
                own,
                relations: relations,
                through: through,
                snapshot: snapshot,
                friendsKnown: friendsKnown,
                circle: &report.circle
            )
            return report
        }
    }
}
