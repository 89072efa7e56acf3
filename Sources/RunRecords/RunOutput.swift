import SocialCredit

/// What a run is: the scenario text, the parameters and the software version, everything needed
/// to reproduce it.
public struct RunInfo: Sendable, Codable, Equatable {
    /// The scenario's id.
    public var scenarioID: String
    /// The scenario file's full text, as read.
    public var scenarioText: String
    /// Number of people.
    public var population: Int
    /// Seed of the society and of the run.
    public var seed: UInt64
    /// First simulated day (ISO date).
    public var start: String
    /// Last simulated day (ISO date).
    public var end: String
    /// Threads used (the result does not depend on it).
    public var threads: Int
    /// Days between checkpoints; 0 for none.
    public var checkpointEvery: Int
    /// SocialCreditLab version.
    public var version: String
    /// One person in this many was traced; nil for runs stored before schema version 3, which
    /// did not record it (they were traced with the default, one in population / 1,000, unless
    /// `--trace-every` was given).
    public var traceEvery: Int?
    /// People named with `--trace-person` (traced with their relatives, friends and employer),
    /// in the order given.
    public var tracePeople: [Int]
    /// Seeds (societies) the run's key figures and its counterfactual comparison are measured
    /// over: this run's own seed and the `seeds − 1` after it (`seedList`), so that a report can
    /// say how sure a difference is (1 for runs stored before schema version 6).
    public var seeds: Int
    /// The baseline and the day this run's scenario takes over from its scenario, for a branch
    /// run (`sclab simulate --branch`); nil for a run under one scenario throughout.
    public var branch: RunBranch?

    /// Run information from its parts.
    public init(
        scenarioID: String,
        scenarioText: String,
        population: Int,
        seed: UInt64,
        start: String,
        end: String,
        threads: Int,
        checkpointEvery: Int,
        version: String,
        traceEvery: Int? = nil,
        tracePeople: [Int] = [],
        seeds: Int = 1,
        branch: RunBranch? = nil
    ) {
        self.scenarioID = scenarioID
        self.scenarioText = scenarioText
        self.population = population
        self.seed = seed
        self.start = start
        self.end = end
        self.threads = threads
        self.checkpointEvery = checkpointEvery
        self.version = version
        self.traceEvery = traceEvery
        self.tracePeople = tracePeople
        self.seeds = seeds
        self.branch = branch
    }

    /// The seeds the run is measured over: its own, then the next ones (`seed + 1`, ... wrapping
    /// at 2⁶⁴ like every seed sum), as `sclab sweep --seeds` numbers societies.
    public var seedList: [UInt64] { (0..<UInt64(max(1, seeds))).map { seed &+ $0 } }

    /// The one-in-N tracing a run used: the stored value, or for older runs the default.
    public var effectiveTraceEvery: Int { traceEvery ?? Self.defaultTraceEvery(population: population) }

    /// The default tracing: about 1,000 people traced whatever the population.
    public static func defaultTraceEvery(population: Int) -> Int { max(1, population / 1000) }
}

/// One figure of the metrics time series, for one month (or one day).
public struct MetricPoint: Sendable, Codable, Equatable {
    /// Period: "YYYY-MM" for monthly rollups.
    public var period: String
    /// Metric name, dotted: "records.source.cctv", "blocked.buy_flight", "tier.share.AAA".
    public var name: String
    /// Value.
    public var value: Double

    /// A point from its parts.
    public init(period: String, name: String, value: Double) {
        self.period = period
        self.name = name
        self.value = value
    }
}

/// The full history of one record of a traced person (N1, N2): what happened, who recorded it,
/// what the authority made of it, and any appeal.
public struct RecordTrace: Sendable, Codable, Equatable {
    /// Record id, unique in the run.
    public var id: Int64
    /// The person (or company) the record is attached to.
    public var subject: Int
    /// A person or a company (stored as "people" or "companies").
    public var subjectKind: SubjectKind
    /// Behaviour id.
    public var behavior: String
    /// Source id.
    public var source: String
    /// Day the behaviour occurred (ISO date).
    public var occurred: String
    /// Day the record arrived (ISO date).
    public var recorded: String
    /// True when the record was attached to the wrong subject.
    public var misattributed: Bool
    /// For a false record: who actually did it.
    public var actualSubject: Int?
    /// Rule applied, if any.
    public var rule: String?
    /// Points applied after caps.
    public var delta: Int
    /// True when the authority judged it otherwise (no effect).
    public var judgedOtherwise: Bool
    /// List the record put the subject on, if any.
    public var listed: String?
    /// Appeal filed (ISO date), decided (ISO date) and outcome ("upheld" or "overturned").
    public var appealFiled: String?
    public var appealDecided: String?
    public var appealOutcome: String?

    /// A trace from its parts.
    public init(
        id: Int64,
        subject: Int,
        subjectKind: SubjectKind,
        behavior: String,
        source: String,
        occurred: String,
        recorded: String,
        misattributed: Bool,
        actualSubject: Int?,
        rule: String?,
        delta: Int,
        judgedOtherwise: Bool,
        listed: String?,
        appealFiled: String?,
        appealDecided: String?,
        appealOutcome: String?
    ) {
        self.id = id
        self.subject = subject
        self.subjectKind = subjectKind
        self.behavior = behavior
        self.source = source
        self.occurred = occurred
        self.recorded = recorded
        self.misattributed = misattributed
        self.actualSubject = actualSubject
        self.rule = rule
        self.delta = delta
        self.judgedOtherwise = judgedOtherwise
        self.listed = listed
        self.appealFiled = appealFiled
        self.appealDecided = appealDecided
        self.appealOutcome = appealOutcome
    }
}

/// The final state of one person or company (traced, or ever listed).
public struct SubjectSnapshot: Sendable, Codable, Equatable {
    /// Index.
    public var subject: Int
    /// A person or a company (stored as "people" or "companies").
    public var subjectKind: SubjectKind
    /// Why it is stored: "traced", "listed" or both ("traced,listed").
    public var reason: String
    /// Final score (nil when not scored).
    public var score: Int?
    /// Final tier id.
    public var tier: String?
    /// Lists held at the end, comma-separated ids.
    public var lists: String
    /// Lists ever held, comma-separated ids.
    public var everListed: String
    /// Records attached (true and false), and of them false.
    public var records: Int
    public var falseRecords: Int
    /// Actions blocked over the run, and rewards received.
    public var blocked: Int
    public var rewarded: Int
    /// Attributes for analysis: age (at the start), sex, province code, urban, income quintile.
    public var age: Int?
    public var male: Bool?
    public var province: Int
    public var urban: Bool?
    public var incomeQuintile: Int?
    /// Lists (comma-separated ids) whose latest entry was made by a false record (N2).
    public var falseLists: String
    /// What reached the subject through relatives, friends or an employer at the end (M8, M9,
    /// M11): the points spillovers add (negative: taken), the tier they cap it at, and the ids of
    /// the spillovers that block or reward an action for them.
    public var spilloverPoints: Int
    public var spilloverCeiling: String?
    public var spillovers: String

    /// A snapshot from its parts.
    public init(
        subject: Int,
        subjectKind: SubjectKind,
        reason: String,
        score: Int?,
        tier: String?,
        lists: String,
        everListed: String,
        records: Int,
        falseRecords: Int,
        blocked: Int,
        rewarded: Int,
        age: Int?,
        male: Bool?,
        province: Int,
        urban: Bool?,
        incomeQuintile: Int?,
        falseLists: String = "",
        spilloverPoints: Int = 0,
        spilloverCeiling: String? = nil,
        spillovers: String = ""
    ) {
        self.subject = subject
        self.subjectKind = subjectKind
        self.reason = reason
        self.score = score
        self.tier = tier
        self.lists = lists
        self.everListed = everListed
        self.records = records
        self.falseRecords = falseRecords
        self.blocked = blocked
        self.rewarded = rewarded
        self.age = age
        self.male = male
        self.province = province
        self.urban = urban
        self.incomeQuintile = incomeQuintile
        self.falseLists = falseLists
        self.spilloverPoints = spilloverPoints
        self.spilloverCeiling = spilloverCeiling
        self.spillovers = spillovers
    }
}
