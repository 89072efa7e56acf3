/// The key figures of one seed of a run (one society and its run, with the system and switched
/// off), named as the report and `sclab compare` read them (`records`, `behavior.<id>`,
/// `counterfactual.behavior.<id>`, ...). A run measured over several seeds stores one for each
/// further seed, so that each difference can be given with its spread over seeds.
public struct SeedOutcome: Sendable, Codable, Equatable {
    /// The seed of the society and of its runs.
    public var seed: UInt64
    /// The figures by name; a figure undefined for the seed (no counterfactual, no scored
    /// people) is absent.
    public var values: [String: Double]

    /// An outcome from its parts.
    public init(seed: UInt64, values: [String: Double]) {
        self.seed = seed
        self.values = values
    }
}
