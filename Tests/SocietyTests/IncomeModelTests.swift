import Testing

@testable import Society

@Suite("Income model")
struct IncomeModelTests {
    @Test("The fitted lognormal-Pareto mixture comes within 2.5 pp of each 2020 quintile share and 0.01 of the Gini")
    func fit() throws {
        let census = try Census.load()
        let model = IncomeModel(census: census)
        let means = (1...5).map { census.income["quintile_\($0)"]! }
        for (fitted, mean) in zip(model.fittedShares, means) {
            #expect(abs(fitted - mean / means.reduce(0, +)) < 0.025)
        }
        #expect(abs(model.fittedGini - 0.468) < 0.01)
        #expect(abs(model.fittedUrbanRuralRatio - 43834.0 / 17131.0) < 0.02)
    }
}
