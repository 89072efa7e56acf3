import Foundation
import Runs

/// Shows long work as it goes: a bar with rate and ETA on a terminal, plain lines otherwise
/// (logs and CI), written to standard error so standard output stays clean for results.
final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let total: Double
    private let unit: String
    private let isTerminal: Bool
    private let silent: Bool
    private let start = Date()
    private var lastPrint = Date.distantPast
    private let lock = NSLock()

    /// A reporter for `total` units of work.
    init(label: String, total: Double, unit: String, silent: Bool = false) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        self.silent = silent
        isTerminal = isatty(2) != 0
    }

    /// Reports that `done` units are finished, in `step`.
    func update(done: Double, step: String = "") {
        guard !silent else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let interval = isTerminal ? 0.1 : 5.0
        guard now.timeIntervalSince(lastPrint) >= interval || done >= total else { return }
        lastPrint = now
        let elapsed = now.timeIntervalSince(start)
        let fraction = min(1, done / total)
        let rate = elapsed > 0 ? done / elapsed : 0
        let eta = rate > 0 ? (total - done) / rate : 0
        let stepText = step.isEmpty ? "" : " \(step)"
        if isTerminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line =
                "\r\(label) [\(bar)] \(Int(fraction * 100))% \(Self.format(rate)) \(unit)/s ETA \(Self.duration(eta))\(stepText)   "
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            printError(
                "\(label): \(Int(fraction * 100))% (\(Self.format(rate)) \(unit)/s, ETA \(Self.duration(eta)))\(stepText)"
            )
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal && !silent { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func format(_ value: Double) -> String { compactNumber(value) }

    static func duration(_ seconds: Double) -> String {
        seconds < 60
            ? String(format: "%.0fs", seconds) : String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
