import ArgumentParser
import Foundation
import RunRecords
import Simulation

/// Writes a line to standard error, where diagnostics belong.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Output destinations of the reading commands.
enum Output {
    /// Writes text to a file, or to standard output for "-"; a file is replaced atomically and
    /// its path printed on standard error.
    static func write(_ text: String, to target: String) throws {
        if target == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw ValidationError("\(target): cannot write: \(plainReason(of: error))")
        }
        printError("wrote \(target)")
    }
}
