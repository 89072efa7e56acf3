import Foundation
import Simulation

/// Checkpoint files of a run: `DIR/checkpoints/day-NNNNN.bin`, written whole or not at all.
enum Checkpoints {
    /// Writes the simulation's state; returns the path relative to the run folder.
    static func write(_ simulation: Simulation, in directory: String) throws -> String {
        let folder = (directory as NSString).appendingPathComponent("checkpoints")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = "day-\(simulation.daysDone).bin"
        let path = (folder as NSString).appendingPathComponent(name)
        // Written aside and renamed, so a killed process never leaves half a checkpoint in place.
        try simulation.checkpointData().write(to: URL(fileURLWithPath: path), options: .atomic)
        return "checkpoints/\(name)"
    }
}
