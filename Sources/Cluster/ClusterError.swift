/// Why a run could not start on (or talk over) a cluster, in words a user can act on.
public enum ClusterError: Error, Equatable, CustomStringConvertible {
    /// Launched by mpirun or srun as several ranks, but built without the MPI trait: each rank
    /// would run the whole job alone and write over the others.
    case builtWithoutMPI(rank: Int, ranks: Int)
    /// A launcher's variable that is not what launchers set (its name, its value, what it should be).
    case badLaunchVariable(name: String, value: String, expected: String)
    /// The MPI library cannot take calls from whichever thread runs the command one at a time.
    case threadSupport(provided: Int32, required: Int32)
    /// An MPI call that failed while the session started (before ranks could be told).
    case mpiFailed(call: String, message: String)
    /// A piece limit that is not a positive number of bytes.
    case pieceLimit(Int)
    /// Ranks that cannot be cut into groups of this size (a sweep's `--ranks-per-run`).
    case groupSize(size: Int, ranks: Int)
    /// What rank 0 could not do for all ranks (`ClusterSession.agree`), in its words.
    case onRankZero(String)

    /// The command that builds `sclab` for a cluster.
    public static let buildCommand = "swift build -c release --product sclab --traits MPI"

    /// The error in plain words.
    public var description: String {
        switch self {
        case .builtWithoutMPI(let rank, let ranks):
            "sclab was built without MPI but launched as rank \(rank) of \(ranks): build it with `\(Self.buildCommand)`"
        case .badLaunchVariable(let name, let value, let expected):
            "the launcher set \(name)=\"\(value)\"; it should be \(expected)"
        case .threadSupport(let provided, let required):
            "the MPI library gives thread level \(provided), below MPI_THREAD_SERIALIZED (\(required)): "
                + "sclab calls MPI from one thread at a time, not always the same one"
        case .mpiFailed(let call, let message):
            "\(call) failed: \(message)"
        case .pieceLimit(let limit):
            "the piece limit must be at least 1 byte (not \(limit))"
        case .groupSize(let size, let ranks):
            "\(ranks) ranks cannot be cut into groups of \(size): give a number of ranks per run that divides \(ranks)"
        case .onRankZero(let message):
            message
        }
    }
}
