/// A checkpoint file the run wrote, as the run store records it (`checkpoint` table, schema
/// version 7): so that `sclab resume` can try every checkpoint, newest first, and tell a damaged
/// file from a whole one by its size and SHA-256 before it reads a byte of state.
public struct CheckpointRecord: Sendable, Equatable, Codable {
    /// Days simulated when the checkpoint was taken, counted from the run's start.
    public var daysDone: Int
    /// The file, relative to the run folder (`checkpoints/day-N.bin`).
    public var file: String
    /// The file's size in bytes.
    public var bytes: Int
    /// SHA-256 of the whole file as 64 lowercase hex digits.
    public var sha256: String

    /// A checkpoint record from its parts.
    public init(daysDone: Int, file: String, bytes: Int, sha256: String) {
        self.daysDone = daysDone
        self.file = file
        self.bytes = bytes
        self.sha256 = sha256
    }
}
