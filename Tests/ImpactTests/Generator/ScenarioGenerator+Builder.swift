import Foundation

// MARK: - The builder

/// Builds one scenario, section by section, from a seed.
struct GenScenarioBuilder {
    let seed: UInt64
    var rng: GenRandom
    var document = GenDocument()

    // What the sections written so far declared, for the sections that refer to it.
    var start = GenDay(number: 0)
    var end = GenDay(number: 0)
    var companies = false
    var phases: [GenPhase] = []
    var score = GenScale()
    var companyScore: GenScale?
    var ratings: [GenRating] = []
    var behaviors: [GenBehavior] = []
    var sources: [GenSource] = []
    var lists: [GenList] = []
    var rulePlans: [GenRulePlan] = []
    var actions: [GenAction] = []
    var fitCandidates: [GenFitCandidate] = []

    init(seed: UInt64) {
        self.seed = seed
        rng = GenRandom(seed: seed ^ 0x5C1A_B5EE_D000_0000)
    }

    /// Writes every section, in the order the sections refer to each other.
    mutating func build() {
        companies = rng.chance(0.6)
        writeHeader()
        planTimeline()
        writeEnrolment()
        writeScore()
        writeCompanyScore()
        writeRatings()
        writeBehaviors()
        writeSources()
        planLists()
        planRules()
        writeRules()
        writeLists()
        writeActions()
        writeMeasures()
        writeSpillovers()
        writeAppeals()
        writeResponses()
        writeTimeline()
        writeCalibration()
    }

}
