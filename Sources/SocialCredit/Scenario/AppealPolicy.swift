/// How records are contested and decided.
public struct AppealPolicy: Sendable, Equatable {
    /// Share of correct records that their subject contests.
    public var contestTrue: Double
    /// Share of false records that their subject contests.
    public var contestFalse: Double
    /// Probability that an appeal against a correct record succeeds.
    public var successTrue: Double
    /// Probability that an appeal against a false record succeeds.
    public var successFalse: Double
    /// Days from filing to decision.
    public var daysToDecide: Int

    /// An appeal policy; by default nobody appeals.
    public init(
        contestTrue: Double = 0,
        contestFalse: Double = 0,
        successTrue: Double = 0,
        successFalse: Double = 0,
        daysToDecide: Int = 0
    ) {
        self.contestTrue = contestTrue
        self.contestFalse = contestFalse
        self.successTrue = successTrue
        self.successFalse = successFalse
        self.daysToDecide = daysToDecide
    }
}
