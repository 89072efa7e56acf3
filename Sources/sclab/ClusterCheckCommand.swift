import ArgumentParser
import Cluster
import Foundation
import Society

/// `sclab cluster-check` (hidden): runs every collective of the cluster exchange with known
/// answers, so that a cluster build (`--traits MPI`) and its launcher are shown to work before
/// a long run depends on them. Run it as `mpirun -np K sclab cluster-check`.
struct ClusterCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-check",
        abstract: "Check that the ranks of an mpirun or srun launch exchange data correctly.",
        discussion: """
            Every rank runs each collective of the exchange (all-gather of arrays of different lengths, \
            gather to rank 0, broadcast of 1 MB from rank 0, sums, prefixes) with answers known in \
            advance; rank 0 prints every rank's results. The exit status is non-zero at every rank if any \
            result differs.
            """,
        shouldDisplay: false
    )

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Option(
        name: .long,
        help: "Bytes a rank sends per MPI call at most (tiny values cut each transfer into many rounds)."
    )
    var pieceLimit: Int?

    func validate() throws {
        if let pieceLimit, pieceLimit < 1 {
            throw ValidationError("--piece-limit must be at least 1 byte (not \(pieceLimit))")
        }
    }

    /// Rank 0's summary of the whole check.
    struct Report: Codable {
        let ranks: Int
        let library: String?
        let pieceLimit: Int
        let passed: Bool
        let results: [RankResult]
    }

    /// One rank's outcomes.
    struct RankResult: Codable {
        let rank: Int
        let checks: [ClusterCheck.Outcome]
    }

    func run() throws {
        let limit = pieceLimit ?? ClusterSession.defaultPieceLimit
        let session = try ClusterSession.start(pieceLimit: limit)
        let outcomes = ClusterCheck.run(session.exchange)
        let mine = try JSONEncoder().encode(RankResult(rank: session.rank, checks: outcomes))
        let all = session.exchange.gather([UInt8](mine))
        let failures = session.exchange.allGather([Int64(outcomes.filter { !$0.passed }.count)]).map { $0[0] }.reduce(
            0,
            +
        )
        if session.rank == 0 {
            let results = try all.map { try JSONDecoder().decode(RankResult.self, from: Data($0)) }
            let report = Report(
                ranks: session.ranks,
                library: session.libraryVersion,
                pieceLimit: limit,
                passed: failures == 0,
                results: results
            )
            print(json ? try Self.json(report) : Self.text(report))
        }
        session.finish()
        if failures > 0 { throw ExitCode.failure }
    }

    /// The report as JSON (keys sorted, so outputs compare).
    static func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    /// The report as lines: a heading, each rank's checks, a verdict.
    static func text(_ report: Report) -> String {
        let library =
            report.library.map { $0.split(separator: "\n").first.map(String.init) ?? $0 }
            ?? "no MPI (built without the MPI trait)"
        var lines = ["cluster-check: \(report.ranks) ranks; \(library); pieces of at most \(report.pieceLimit) bytes"]
        for result in report.results {
            for check in result.checks {
                lines.append("rank \(result.rank): \(check.passed ? "ok" : "FAILED") \(check.name): \(check.detail)")
            }
        }
        let count = report.results.map(\.checks.count).reduce(0, +)
        let failed = report.results.flatMap(\.checks).filter { !$0.passed }.count
        lines.append(
            failed == 0
                ? "cluster-check: all \(count) checks passed" : "cluster-check: \(failed) of \(count) checks FAILED"
        )
        return lines.joined(separator: "\n")
    }
}
