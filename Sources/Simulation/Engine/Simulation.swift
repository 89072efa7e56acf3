import Foundation
import RunRecords
import SocialCredit
import Society

/// How a run is set up: which days, which seed, how many threads, who is traced.
public struct SimulationConfig: Sendable {
    /// Days simulated, both ends included.
    public var period: Period
    /// The run's seed (the society's too).
    public var seed: UInt64
    /// Threads; the result does not depend on it.
    public var threads: Int
    /// One person in this many has their full record history kept (plus everyone ever listed
    /// has their final state kept).
    public var traceEvery: Int
    /// People and companies traced besides one in `traceEvery` (`sclab simulate --trace-person`
    /// names a person; their relatives, friends and employer come with them, so that their
    /// credit report can show what reached them through others). Tracing only keeps records: it
    /// changes no draw and no state, so the digest is the same whoever is traced.
    public var traced: TracedSubjects
    /// The rules changed part-way through the run (`sclab simulate --branch`): nil for a run
    /// under one policy. Its `baseline` must be the policy the simulation is made with.
    public var policySwitch: PolicySwitch?
    /// Whether the run reads the clock to say where its time goes (`Simulation.profile`, for
    /// `sclab bench`): two clock reads per batch of subjects scanned, so off for ordinary runs.
    /// Times change no result.
    public var measuresTime: Bool

    /// A configuration from its parts.
    public init(
        period: Period,
        seed: UInt64,
        threads: Int,
        traceEvery: Int,
        traced: TracedSubjects = TracedSubjects(),
        policySwitch: PolicySwitch? = nil,
        measuresTime: Bool = false
    ) {
        self.period = period
        self.seed = seed
        self.threads = max(1, threads)
        self.traceEvery = max(1, traceEvery)
        self.traced = traced
        self.policySwitch = policySwitch
        self.measuresTime = measuresTime
    }
}

/// Subjects traced by name rather than by the one-in-`traceEvery` sample.
public struct TracedSubjects: Sendable, Equatable {
    /// Person indices.
    public var people: Set<Int>
    /// Company indices.
    public var companies: Set<Int>

    /// A set from its parts; empty by default.
    public init(people: Set<Int> = [], companies: Set<Int> = []) {
        self.people = people
        self.companies = companies
    }

    /// The people named (out-of-range ones ignored) with their circles: parents, spouse,
    /// children, friends, and their employers.
    public init(naming named: [Int], in population: Population) {
        var people = Set<Int>()
        var companies = Set<Int>()
        for person in named where (0..<population.count).contains(person) {
            let circle = population.circle(of: person)
            people.insert(person)
            people.formUnion(circle.people)
            if let employer = circle.employer { companies.insert(employer) }
        }
        self.init(people: people, companies: companies)
    }

    /// Whether a person (or a company) is named.
    @inline(__always) public func contains(_ subject: Int, companies isCompany: Bool) -> Bool {
        let set = isCompany ? companies : people
        return !set.isEmpty && set.contains(subject)
    }
}

/// What a run reports as it goes; the command line connects this to the run store and the
/// progress bar. Called on the thread that drives the run.
public protocol SimulationObserver {
    /// A month (or the final partial month) has been simulated.
    mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace])
    /// The month's entries onto lists, for everyone; called just before `monthEnded`. Observers
    /// that do not store them need not implement it.
    mutating func listingsMade(_ listings: [Listing])
    /// What the run held for each traced subject during the month (taken at its end) and the
    /// month's decisions on traced subjects' action attempts; called before `monthEnded`, for
    /// `sclab verify`. Observers that do not store them need not implement it.
    mutating func tracedMonth(standings: [TracedStanding], decisions: [TracedDecision])
}

extension SimulationObserver {
    /// By default entries onto lists are not kept.
    public mutating func listingsMade(_ listings: [Listing]) {}
    /// By default traced standings and decisions are not kept.
    public mutating func tracedMonth(standings: [TracedStanding], decisions: [TracedDecision]) {}
}

/// The seed system (or any scenario) operating day by day on a synthetic society (M1-M13).
///
/// Each day: behaviours occur at individual rates; sources record them (or attach them to the
/// wrong person) after their delay; the authority judges records by the rules; scores, tiers and
/// list entries change; people attempt actions that measures block or reward; records expire and
/// appeals are decided; sanctions and monitoring change behaviour rates. Each month: spillovers
/// through parents, spouses, friends and employers are recomputed from everyone's standing, and
/// metrics are rolled up. Subjects are processed in chunks whose order and boundaries do not
/// depend on the thread count; every draw is keyed by (seed, subject, day).
public struct Simulation: Sendable {
    /// The policy's tables in force (`modelInForce`; it changes once, on a switch's day).
    var model: RunModel {
        // Totals kept for the old model's rates mean nothing under another.
        didSet { if model !== oldValue { clearRateCaches() } }
    }
    /// The tables of the policy the run begins with, and of the switch's policy (nil without one).
    let initialModel: RunModel
    let switchedModel: RunModel?
    /// What the run reads of its society (the population's links, network and companies).
    let population: RunSociety
    /// How the run is set up.
    public let config: SimulationConfig
    let random: CounterRandom
    /// The other shards of the society (a lone process's `SingleShard`): month-end figures are
    /// summed over them and what the run keeps is gathered at shard 0, which writes it.
    let exchange: any ShardExchange
    let people: SubjectState
    let companies: SubjectState
    let peopleChunks: [ChunkState]
    let companyChunks: [ChunkState]
    let peopleRanges: [Range<Int>]
    let companyRanges: [Range<Int>]
    /// Where each province's people and companies start, for false attribution's blocks.
    let peopleProvinceStart: [Int]
    let companyProvinceStart: [Int]
    /// Monthly standing snapshots, read by spillovers: score, tier (0xFF none), lists.
    var peopleSnapshot: [StandingSnapshot]
    var companySnapshot: [StandingSnapshot]
    /// Counters of the current month, and of the run so far.
    var month: DayCounters
    var totals: DayCounters
    /// What was in force on the last day simulated (compared with today to catch rollouts).
    var previousTables: RunModel.DayTables?
    /// What the last month end's spillover pass read (nil: the next pass looks at everyone).
    var spilloverMemory: SpilloverMemory?
    /// What the last snapshot pass wrote for untouched subjects, by kind (none: the next writes everyone).
    var untouchedSnapshots: [Kind: UntouchedSnapshots] = [:]
    /// Enrolment bits and each word's province, fixed when the run is prepared, for `UntouchedWords`.
    let peopleLayout: WordLayout
    let companyLayout: WordLayout
    /// The farthest any person's mother, father or spouse lies from them in index order: the
    /// spillover pass finds a changed person's relatives within it.
    let relativeReach: Int
    /// Each company's employees: the spillover pass finds the employees of companies whose
    /// answers changed from it. Built by the first pass under a model with a spillover through
    /// employers (4 bytes an employed person), never without one.
    var staff: CompanyStaff?
    /// The next day to simulate.
    public internal(set) var today: Day
    /// Events processed since this value was made (a resumed run counts from its resumption)
    /// and, with `SimulationConfig.measuresTime`, where the time went.
    public internal(set) var profile = LoopProfile()

    /// Block size that false attribution never crosses (and chunk sizes are multiples of).
    static let block = 1024

    /// Prepares a run of `population`: compiles the policy's tables, sizes the state, schedules
    /// everyone's first events. The run keeps only what it reads of the society (`RunSociety`).
    ///
    /// A shard of a society (`Population.placement`) runs its own subjects; `exchange` reaches
    /// the other shards for what needs the whole society (income quintiles).
    public init(
        policy: Policy,
        population: Population,
        census: Census,
        config: SimulationConfig,
        exchange: any ShardExchange = SingleShard()
    ) {
        self.init(
            policy: policy,
            society: RunSociety(population, threads: config.threads),
            facts: PersonFacts(population, exchange: exchange),
            census: census,
            config: config,
            exchange: exchange
        )
    }

    /// Prepares a run of a society given as what the run reads of it (`society`) and what its
    /// preparation reads of each person (`facts`), as `init(policy:population:...)` does: for
    /// further runs of a society whose population has been let go.
    public init(
        policy: Policy,
        society population: RunSociety,
        facts: PersonFacts,
        census: Census,
        config: SimulationConfig,
        exchange: any ShardExchange = SingleShard()
    ) {
        precondition(facts.count == population.count, "a society's facts must describe its people")
        precondition(
            config.period.days <= Period.maximumDays,
            "a run covers at most \(Period.maximumDays) days (16-bit days)"
        )
        precondition(
            config.policySwitch.map { $0.baseline.scenario == policy.scenario } ?? true,
            "a policy switch is made from the policy the simulation begins with"
        )
        initialModel = RunModel(policy: policy, census: census)
        switchedModel = config.policySwitch.map { RunModel(policy: $0.policy, census: census) }
        model = initialModel
        self.population = population
        self.config = config
        random = CounterRandom(seed: config.seed)
        self.exchange = exchange
        let origin = config.period.start.number
        // Rule-filled lists of each kind: the only ones whose entries are kept per subject.
        func listed(_ subject: SubjectKind) -> [Bool] {
            policy.scenario.lists.map { $0.subject == subject && $0.entry == nil }
        }
        // Ratings of each kind: only they have columns of points.
        func rated(_ subject: SubjectKind) -> [Bool] { policy.scenario.ratings.map { $0.subject == subject } }
        people = SubjectState(
            count: population.count,
            origin: origin,
            listed: listed(.people),
            rated: rated(.people),
            first: population.firstPerson
        )
        companies = SubjectState(
            count: population.companies.count,
            origin: origin,
            listed: listed(.companies),
            rated: rated(.companies),
            first: population.firstCompany
        )
        peopleRanges = Self.chunks(population.count, first: population.firstPerson)
        companyRanges = Self.chunks(population.companies.count, first: population.firstCompany)
        peopleProvinceStart = Self.provinceStarts(facts.province, provinces: census.provinces.count)
        companyProvinceStart = Self.provinceStarts(population.companies.province, provinces: census.provinces.count)
        let lastDay = config.period.end.number
        peopleChunks = peopleRanges.map { _ in ChunkState(lastDay: lastDay) }
        companyChunks = companyRanges.map { _ in ChunkState(lastDay: lastDay) }
        let enrolment = policy.scenario.enrolment
        // What the day loop reads about each person, in the event record.
        let state = people
        for person in 0..<population.count {
            let enrolled =
                enrolment.mode == .mandatory
                || random.uniform(.enrolment, UInt64(population.firstPerson + person)) < enrolment.share
            state.birthDay[person] = facts.birthDay[person]
            state.flags[person] = facts.flags[person]
            state.province[person] = facts.province[person]
            state.quintile[person] = facts.quintile[person]
            state.bits[person] = (facts.parent[person] ? EventBit.parent : 0) | (enrolled ? EventBit.enrolled : 0)
        }
        for company in 0..<population.companies.count {
            companies.province[company] = population.companies.province[company]
        }
        let provinces = census.provinces.count
        peopleLayout = WordLayout(
            enrolled: Self.enrolledWords(state),
            count: population.count,
            provinceStart: peopleProvinceStart,
            provinces: provinces
        )
        let companyCount = population.companies.count
        companyLayout = WordLayout(
            enrolled: [UInt64](repeating: UInt64.max, count: (companyCount + 63) / 64),
            count: companyCount,
            provinceStart: companyProvinceStart,
            provinces: provinces
        )
        relativeReach = Self.relativeReach(population)
        peopleSnapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: population.count)
        companySnapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: population.companies.count)
        month = DayCounters(for: policy.scenario)
        totals = month
        today = config.period.start
        model = modelInForce
        scheduleFirstEvents()
        let untouched = untouchedSubjects()
        takeSnapshots(untouched)
        recomputeSpillovers(untouched.people)
        refreshGates()
    }

    /// The farthest any person's mother, father or spouse lies from them in index order (people
    /// of a household are laid out together, so a few places in a generated society).
    static func relativeReach(_ population: RunSociety) -> Int {
        max(population.mother.reach, population.father.reach, population.spouse.reach)
    }

    /// Chunks of `count` subjects whose whole-society indices start at `first`: at most 64,
    /// cut at whole-society multiples of the block (so no block of false attribution is cut),
    /// fixed by the count and the first alone.
    static func chunks(_ count: Int, first: Int = 0) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let firstBlock = first / block
        let blocks = (first + count + block - 1) / block - firstBlock
        let perChunk = max(1, (blocks + 63) / 64)
        return stride(from: 0, to: blocks, by: perChunk).map { b in
            let lower = max(0, (firstBlock + b) * block - first)
            return lower..<min(count, (firstBlock + b + perChunk) * block - first)
        }
    }

    /// Where each province's subjects start in a column of provinces laid out in province
    /// order, and one past the last: `provinces + 1` entries. Empty when the column is not in
    /// province order (a hand-made society): false attribution then ranges over whole blocks.
    static func provinceStarts(_ province: [UInt8], provinces: Int) -> [Int] {
        guard zip(province, province.dropFirst()).allSatisfy({ $0 <= $1 }) else { return [] }
        return (0...provinces).map { k in firstIndex(atLeast: k, in: province) }
    }

    /// The first index of an ascending column whose value is at least `value` (its count if none).
    static func firstIndex(atLeast value: Int, in column: [UInt8]) -> Int {
        var low = 0
        var high = column.count
        while low < high {
            let mid = (low + high) >> 1
            if Int(column[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether the run has simulated its last day.
    public var isFinished: Bool { today > config.period.end }

    /// Days simulated so far.
    public var daysDone: Int { config.period.start.days(to: today) }

    /// Simulates up to and including `last` (or the period's end), reporting each month.
    public mutating func run(
        until last: Day? = nil,
        observer: inout some SimulationObserver,
        progress: ((Int) -> Void)? = nil
    ) {
        let end = min(last ?? config.period.end, config.period.end)
        while today <= end {
            switchPolicyIfDue()
            step()
            let (_, month, day) = today.components
            let tomorrow = today.adding(days: 1)
            let monthEnds = tomorrow.components.month != month || today == config.period.end
            if monthEnds {
                let started = config.measuresTime ? DispatchTime.now().uptimeNanoseconds : 0
                closeMonth(observer: &observer)
                if config.measuresTime {
                    profile.monthEndSeconds += Double(DispatchTime.now().uptimeNanoseconds &- started) / 1e9
                }
            }
            _ = day
            today = tomorrow
            progress?(daysDone)
        }
    }
}

/// A subject's standing at the last month end, as spillovers see it: eight bytes, the last
/// negative record's day as `RunDays` (read it with the run's origin).
struct StandingSnapshot: Sendable, Equatable {
    var score: Int32 = 0
    var tier: UInt8 = 0xFF
    var lists: UInt8 = 0
    var lastNegativeDay: Int16 = Int16.min

    init() {}

    init(score: Int32, tier: UInt8, lists: UInt8, lastNegative: Int32, origin: Int32) {
        self.score = score
        self.tier = tier
        self.lists = lists
        lastNegativeDay = RunDays.encode(lastNegative, origin: origin)
    }

    /// The last day a record lowered the score, or Int32.min.
    func lastNegative(origin: Int32) -> Int32 { RunDays.decode(lastNegativeDay, origin: origin) }
}

extension CounterRandom.Stream {
    static let behaviorGap = Self(201)
    static let behaviorPick = Self(202)
    static let actionGap = Self(203)
    static let actionPick = Self(204)
    static let observe = Self(205)
    static let misattribute = Self(206)
    static let judge = Self(207)
    static let appeal = Self(208)
    static let propensity = Self(209)
    static let enrolment = Self(210)
}
