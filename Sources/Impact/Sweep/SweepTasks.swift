import Foundation

/// The runs of a sweep (each variant with each seed, variant by variant) and which of them each
/// rank of a cluster runs, so that a sweep under mpirun makes the same runs, in the same
/// folders, as a sweep in one process.
public struct SweepTasks: Sendable {
    /// One run: a variant of the plan with one seed.
    public struct Task: Sendable, Equatable {
        /// The variant's index in the plan.
        public let variant: Int
        /// The seed (society).
        public let seed: UInt64
        /// The run's folder inside the sweep's folder.
        public var directory: String { String(format: "runs/v%03d-s%llu", variant, seed) }
    }

    /// Every run, in the order of sweep.csv.
    public let all: [Task]

    /// The runs of `variants` variants with each of `seeds`.
    public init(variants: Int, seeds: [UInt64]) {
        all = (0..<variants).flatMap { variant in seeds.map { Task(variant: variant, seed: $0) } }
    }

    /// The runs (indices into `all`) that rank `rank` of `ranks` makes: run i is rank
    /// i mod `ranks`'s, so the ranks' shares differ by one run at most, and neighbouring runs
    /// (a variant's seeds, which take about as long) go to different ranks.
    public func assigned(to rank: Int, of ranks: Int) -> [Int] {
        precondition(ranks >= 1 && (0..<ranks).contains(rank), "rank \(rank) of \(ranks)")
        return Array(stride(from: rank, to: all.count, by: ranks))
    }
}
