import Foundation
import Society

#if MPI
#if MPICH
import CMPICH
#else
import CMPI
#endif
#endif

/// A process's place in a cluster run: started by mpirun or srun as one rank of several, it
/// talks to the others through `exchange`; started alone, `exchange` is a `SingleShard`. One
/// session per process: `start()` at the beginning of a command, `finish()` at its end.
public struct ClusterSession: Sendable {
    /// What this rank tells the others (MPI under a launcher, nobody alone).
    public let exchange: any ShardExchange
    /// The MPI library's own name and version (MPI_Get_library_version), or nil when `sclab`
    /// was built without MPI: what a cluster-check prints so a user knows which MPI ran.
    public let libraryVersion: String?

    /// This process's rank, from 0.
    public var rank: Int { exchange.shard }
    /// How many ranks take part (1 alone).
    public var ranks: Int { exchange.shards }

    /// The largest piece, in bytes, a rank sends in one MPI call unless told otherwise (1 GiB).
    public static let defaultPieceLimit = TransferPieces.defaultLimit

    /// Starts this process's session: reads how it was launched and, when it is one rank of
    /// several, initialises MPI. `pieceLimit` caps the bytes a rank sends per MPI call (tiny
    /// values test the cutting of transfers into rounds). Throws when launched as several
    /// ranks by a `sclab` built without MPI, or when a launcher's variable makes no sense.
    public static func start(pieceLimit: Int = defaultPieceLimit) throws -> ClusterSession {
        try start(
            launch: ClusterLaunch.detect(environment: ProcessInfo.processInfo.environment),
            pieceLimit: pieceLimit
        )
    }

    /// The session for a launch already read (tests give it directly).
    static func start(launch: ClusterLaunch, pieceLimit: Int) throws -> ClusterSession {
        guard pieceLimit >= 1 else { throw ClusterError.pieceLimit(pieceLimit) }
        #if MPI
        let version = MPILibrary.version()
        guard launch.ranks > 1 else { return ClusterSession(exchange: SingleShard(), libraryVersion: version) }
        try MPILibrary.initialise()
        return ClusterSession(exchange: MPIExchange(pieceLimit: pieceLimit), libraryVersion: version)
        #else
        guard launch.ranks == 1 else { throw ClusterError.builtWithoutMPI(rank: launch.rank, ranks: launch.ranks) }
        return ClusterSession(exchange: SingleShard(), libraryVersion: nil)
        #endif
    }

    /// Ends the session: finalises MPI if this process initialised it. Every rank must call it
    /// (MPI_Finalize waits for all); calling it again does nothing.
    public func finish() {
        #if MPI
        MPILibrary.finalise()
        #endif
    }
}
