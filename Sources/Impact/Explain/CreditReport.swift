import Foundation

/// A person's credit report from a run (N1): who they are, where they stood at the end and why,
/// every traced record with what the authority made of it, their list stays, appeals, the
/// measures in force with the chain of reasons the decision engine gives, and what reached them
/// through relatives, friends and employer. For a person the run did not trace, it says so and
/// how to trace them. A plain value: `text` and JSON are renderings of it.
public struct CreditReport: Sendable, Codable, Equatable {
    /// The run: folder, scenario, size, seed, days.
    public var run: RunLine
    /// The person's index in the society.
    public var person: Int
    /// Whether the run traced their records (one in `traceEvery`, or named with `--trace-person`).
    public var traced: Bool
    /// Who they are (computed from the society, which the size and seed regenerate).
    public var attributes: Attributes
    /// Their final state as the run stored it; nil when not stored (neither traced nor listed).
    public var final: Final?
    /// The decision engine's recomputation from the traced records; nil when not traced.
    public var engine: EngineView?
    /// Score and tier at each month's end in which they changed (from the engine, own records).
    public var scoreHistory: [ScorePoint]
    /// Every traced record, one line per rule applied.
    public var records: [RecordLine]
    /// List stays.
    public var lists: [ListLine]
    /// Relatives, friends and employer, with what is stored about them.
    public var circle: [Relation]
    /// For a person not traced: what the run keeps and how to trace them.
    public var notTraced: String?

    /// Who the person is.
    public struct Attributes: Sendable, Codable, Equatable {
        public var name: String
        public var identityNumber: String
        public var sex: String
        public var born: String
        public var ageAtStart: Int
        public var province: String
        public var urban: Bool
        public var education: String
        public var householdIncome: Double
        public var incomeQuintile: Int
        public var driver: Bool
        public var internetUser: Bool
        public var employer: Int?
    }

    /// The final state stored in the run.
    public struct Final: Sendable, Codable, Equatable {
        public var score: Int?
        public var tier: String?
        public var lists: [String]
        public var everListed: [String]
        public var falseLists: [String]
        public var records: Int
        public var falseRecords: Int
        public var blocked: Int
        public var rewarded: Int
        public var spilloverPoints: Int
        public var spilloverCeiling: String?
        public var spillovers: [String]
    }

    /// What the decision engine makes of the traced records on the last day.
    public struct EngineView: Sendable, Codable, Equatable {
        /// Score and tier from own records, and with the traced relatives' spillovers.
        public var score: Int?
        public var tier: String?
        /// Whether score, tier and lists agree with the stored final state.
        public var agrees: Bool
        /// Why they may not agree (spillovers through people not traced), when they do not.
        public var note: String?
        /// Measures in force, each with its chain of reasons.
        public var measures: [String]
        /// Actions a measure or spillover acts on at the end: allowed or blocked, and why.
        public var decisions: [String]
        /// Notice channels in force (e.g. `ringtone_warning`, `name_published`), as the
        /// engine gives them; the web app shows them as badges.
        public var notices: [String]
        /// The ringtone warning callers hear, when the scenario gives one and it is in force:
        /// the measure's label and the lists or tier behind it.
        public var ringtoneWarning: String?
        /// The engine's own explanation of the standing, line by line.
        public var explanation: String
    }

    /// Score at a month's end.
    public struct ScorePoint: Sendable, Codable, Equatable {
        public var month: String
        public var score: Int?
        public var tier: String?
    }

    /// One rule's judgement of one record.
    public struct RecordLine: Sendable, Codable, Equatable {
        public var record: Int
        public var behavior: String
        public var source: String
        public var occurred: String
        public var recorded: String
        public var rule: String?
        public var delta: Int
        /// At the end: counting, expired, judged otherwise, overturned, rule not in force, no rule.
        public var status: String
        public var misattributed: Bool
        public var actualSubject: Int?
        public var listed: String?
        public var appealFiled: String?
        public var appealDecided: String?
        public var appealOutcome: String?
    }

    /// One stay on a list.
    public struct ListLine: Sendable, Codable, Equatable {
        public var list: String
        public var since: String?
        public var until: String?
        public var ending: String
        public var record: Int?
        public var rule: String?
        public var falseRecord: Bool?
        public var atEnd: Bool
        public var extendedDays: Int
    }

    /// A relative, friend or employer.
    public struct Relation: Sendable, Codable, Equatable {
        /// mother, father, spouse, child, friend, employer.
        public var role: String
        /// Person or company index.
        public var id: Int
        public var traced: Bool
        /// Their stored final state in words ("score 990, tier A; on dishonest_judgment_debtors"),
        /// or nil when the run did not store it.
        public var state: String?
        /// Spillovers the engine finds reaching the person through them at the end.
        public var reaches: [String]
    }
}
