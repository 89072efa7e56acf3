import TestSupport

@testable import Society

/// One generator for all tests (fitting its models takes a moment in debug builds), and a
/// small society generated once.
enum SocietyFixture {
    static var generator: PopulationGenerator { Societies.generator }
    static let small: Population = generator.generate(size: 20_000, seed: 7, threads: 2)
}
