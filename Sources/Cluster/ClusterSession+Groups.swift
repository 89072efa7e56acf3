import Society

#if MPI
#if MPICH
import CMPICH
#else
import CMPI
#endif
#endif

/// One group of ranks of a job cut into groups of consecutive ranks: what a sweep uses to run
/// each of its runs on a group, when a run needs more memory than one node holds.
public struct RankGroup: Sendable {
    /// This rank's group, from 0.
    public let index: Int
    /// How many groups.
    public let count: Int
    /// The exchange among the group's ranks only (its shard 0 writes the group's runs).
    public let exchange: any ShardExchange
}

extension ClusterSession {
    /// This rank's group when the ranks are cut into groups of `size` consecutive ranks: ranks
    /// 0..<size form group 0, and so on. Every rank must call it.
    /// - Throws: `ClusterError.groupSize` when `size` does not divide the number of ranks.
    public func groups(of size: Int) throws -> RankGroup {
        guard size >= 1, ranks % size == 0 else { throw ClusterError.groupSize(size: size, ranks: ranks) }
        if size == 1 { return RankGroup(index: rank, count: ranks, exchange: SingleShard()) }
        if size == ranks { return RankGroup(index: 0, count: 1, exchange: exchange) }
        #if MPI
        guard let mpi = exchange as? MPIExchange else {
            preconditionFailure("a session of several ranks talks through MPI")
        }
        return RankGroup(index: rank / size, count: ranks / size, exchange: mpi.group(of: size))
        #else
        preconditionFailure("a sclab built without MPI runs alone")
        #endif
    }
}
