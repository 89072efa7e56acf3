import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// One run as the web app serves it, read once from its database (opened read-only) and kept in
/// memory: the report, the compiled policy, the final snapshots, every traced record by subject
/// and every listing. Pages and API answers are computed from it without touching the file again,
/// which is what makes a person's report or a decision cheap enough to serve thousands a second.
///
/// The society itself (names, identity numbers, relatives, friends) is not stored in a run: it is
/// generated again from the run's size and seed on first use, exactly as the run generated it.
final class RunView: Sendable {
    /// The folder name, which is the run's id in every URL.
    let id: String
    /// Everything the report reads, and the report built from it.
    let data: RunData
    let report: Report
    /// The scenario compiled for the decision engine.
    let policy: Policy
    /// The last day simulated: the day every standing and decision is taken on.
    let day: Day
    /// Final snapshots of people and of companies, by index.
    let people: [Int: SubjectSnapshot]
    let companies: [Int: SubjectSnapshot]
    /// Traced people, in index order (whose full record history is kept).
    let traced: [Int]
    /// Record traces by subject, for people and for companies.
    let peopleTraces: [Int: [RecordTrace]]
    let companyTraces: [Int: [RecordTrace]]
    /// Listings by subject, for people and for companies, oldest first.
    let peopleListings: [Int: [Listing]]
    let companyListings: [Int: [Listing]]
    /// The society, generated on first use.
    private let society: Lazy<SocietyView>
    /// The public list, made on first use.
    let entries = Once<[PublicEntry]>()
    /// Encoded answers (reports, decisions), made on first use.
    let responses = ResponseCache()

    /// Reads the run in `directory` (read-only) under the id `id`.
    init(id: String, directory: String, generator: Lazy<PopulationGenerator>) throws {
        let store = try RunStore.openReadOnly(directory: directory)
        defer { try? store.close() }
        data = try RunData.load(store: store)
        report = Report(data)
        self.id = id
        do {
            policy = try Policy(data.scenario)
        } catch {
            throw ImpactError("\(store.databasePath): the stored scenario does not compile any more: \(error)")
        }
        day = data.progress.lastDay.flatMap { Day(iso: $0) } ?? Day(iso: data.info.end) ?? data.scenario.period.end
        var people: [Int: SubjectSnapshot] = [:]
        var companies: [Int: SubjectSnapshot] = [:]
        for snapshot in try store.snapshots() {
            if snapshot.subjectKind == .people {
                people[snapshot.subject] = snapshot
            } else {
                companies[snapshot.subject] = snapshot
            }
        }
        self.people = people
        self.companies = companies
        traced = people.values.filter { $0.reason.split(separator: ",").contains("traced") }.map(\.subject).sorted()
        let traces = try store.allTraces()
        peopleTraces = Dictionary(grouping: traces.filter { $0.subjectKind == .people }, by: \.subject)
        companyTraces = Dictionary(grouping: traces.filter { $0.subjectKind == .companies }, by: \.subject)
        let listings = try store.listings()
        peopleListings = Dictionary(grouping: listings.filter { $0.subjectKind == .people }, by: \.subject)
        companyListings = Dictionary(grouping: listings.filter { $0.subjectKind == .companies }, by: \.subject)
        let info = data.info
        society = Lazy {
            // A run folder names its size; generating a society that does not fit in memory
            // would take the server down, so that run answers 503 instead.
            let needed = RunLimits.fixedBytes + info.population * RunLimits.societyBytesPerPerson
            if let available = RunLimits.availableMemory(), needed > available {
                throw ObservatoryError.unavailable(
                    "run '\(id)': its society of \(grouped(info.population)) people needs about "
                        + "\(RunLimits.gigabytes(needed)) of memory to generate again; \(RunLimits.gigabytes(available)) is available"
                )
            }
            let generator = try generator.value()
            return SocietyView(
                population: generator.generate(size: info.population, seed: info.seed),
                census: generator.census,
                names: generator.names
            )
        }
    }

    /// The scenario.
    var scenario: Scenario { data.scenario }

    /// The synthetic society of the run.
    func societyView() throws -> SocietyView { try society.value() }

    /// Whether a person's full record history is kept.
    func isTraced(_ person: Int) -> Bool {
        people[person]?.reason.split(separator: ",").contains("traced") ?? false
    }
}

/// The society of a run with the tables that turn indices into names and identity numbers.
struct SocietyView: Sendable {
    let population: Population
    let census: Census
    let names: NameTables

    /// A person's synthetic name.
    func name(_ person: Int) -> PersonName { population.name(of: person, tables: names) }

    /// A person's identity number, in full (used only to match a search, never shown).
    func identity(_ person: Int) -> String { population.residentID(of: person, census: census).text }

    /// The GB/T 2260 code of a person's province.
    func provinceCode(_ person: Int) -> Int { census.provinces[Int(population.province[person])].code }

    /// The GB/T 2260 code of a company's province.
    func companyProvinceCode(_ company: Int) -> Int {
        census.provinces[Int(population.companies.province[company])].code
    }
}

/// An identity number as a public list shows it: the division code and the last four characters,
/// the date of birth hidden (the practice of China's public credit lists).
func maskedIdentity(_ text: String) -> String {
    guard text.count == 18 else { return String(repeating: "*", count: text.count) }
    return String(text.prefix(6)) + String(repeating: "*", count: 8) + String(text.suffix(4))
}

/// A value computed once, on first use, by any thread; a failure is remembered and thrown again.
final class Lazy<Value: Sendable>: Sendable {
    private let once = Once<Value>()
    private let make: @Sendable () throws -> Value

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    /// The value, computed now if it is the first call.
    func value() throws -> Value { try once.get(make) }
}

/// A slot filled once by the first caller's closure; later callers get the same value (or error).
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    /// The value, made by `make` if this is the first call.
    func get(_ make: () throws -> Value) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let computed = Result { try make() }
        result = computed
        return try computed.get()
    }
}
