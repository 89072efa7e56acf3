#if MPI
#if MPICH
import CMPICH
#else
import CMPI
#endif
import Foundation
import Society

/// The `ShardExchange` of a rank under mpirun or srun: each collective is MPI's over all
/// ranks (MPI_COMM_WORLD). Arrays of any length: the lengths go first, then the data in
/// rounds of at most `pieceLimit` bytes per rank, as MPI counts in Int32. Whole numbers
/// travel as their bytes, so the ranks must share a byte order (every cluster does).
///
/// `@unchecked Sendable`: `ShardExchange` is `Sendable`, and the compiler cannot check MPI's
/// C handles; MPI is initialised for calls from one thread at a time
/// (MPI_THREAD_SERIALIZED), and each rank calls its collectives in order from the one thread
/// that runs its command, never from two at once.
public final class MPIExchange: ShardExchange, @unchecked Sendable {
    /// This rank, from 0.
    public let shard: Int
    /// How many ranks.
    public let shards: Int
    /// The largest piece, in bytes, a rank sends in one MPI call.
    public let pieceLimit: Int
    /// The ranks this exchange reaches: all (MPI_COMM_WORLD), or a group of them (`group`).
    let comm: MPI_Comm

    /// The exchange over `comm` (by default MPI_COMM_WORLD); MPI must be initialised.
    init(pieceLimit: Int, comm: MPI_Comm = cmpi_comm_world()) {
        var rank: Int32 = 0
        var size: Int32 = 0
        Self.check(MPI_Comm_rank(comm, &rank), "MPI_Comm_rank")
        Self.check(MPI_Comm_size(comm, &size), "MPI_Comm_size")
        shard = Int(rank)
        shards = Int(size)
        self.pieceLimit = pieceLimit
        self.comm = comm
    }

    /// The exchange among the ranks of this rank's group when the ranks are cut into groups of
    /// `size` consecutive ranks (MPI_Comm_split by rank / `size`, ranked as here). Every rank
    /// must call it.
    func group(of size: Int) -> MPIExchange {
        var code: Int32 = 0
        let split: MPI_Comm? = cmpi_comm_split(comm, Int32(shard / size), Int32(shard), &code)
        Self.check(code, "MPI_Comm_split")
        // OpenMPI's handles import as optional pointers, MPICH's as integers (made optional
        // here); a split that worked always gives a communicator.
        guard let split else { preconditionFailure("MPI_Comm_split succeeded without a communicator") }
        return MPIExchange(pieceLimit: pieceLimit, comm: split)
    }

    /// Every rank's `values`, by rank: MPI_Allgather of the lengths, then MPI_Allgatherv.
    public func allGather(_ values: [Int64]) -> [[Int64]] {
        let bytes = values.withUnsafeBytes { [UInt8]($0) }
        return collect(bytes, atEveryRank: true).map { part in
            [Int64](unsafeUninitializedCapacity: part.count / 8) { buffer, count in
                part.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                count = part.count / 8
            }
        }
    }

    /// Every rank's `bytes` at rank 0, by rank (the others get []).
    public func gather(_ bytes: [UInt8]) -> [[UInt8]] { collect(bytes, atEveryRank: false) }

    /// Rank 0's `bytes` at every rank: MPI_Bcast of the length, then of the data.
    public func broadcast(_ bytes: [UInt8]) -> [UInt8] {
        var count = Int64(bytes.count)
        Self.check(MPI_Bcast(&count, 1, cmpi_int64(), 0, comm), "MPI_Bcast")
        var data = shard == 0 ? bytes : [UInt8](repeating: 0, count: Int(count))
        let piece = TransferPieces.piece(limit: pieceLimit, ranks: 1)
        for round in 0..<TransferPieces.rounds(counts: [Int(count)], piece: piece) {
            let start = round * piece
            let size = TransferPieces.sizes(counts: [Int(count)], piece: piece, round: round)[0]
            let code = data.withUnsafeMutableBytes { buffer in
                MPI_Bcast(buffer.baseAddress! + start, Int32(size), cmpi_byte(), 0, comm)
            }
            Self.check(code, "MPI_Bcast")
        }
        return data
    }

    /// Every rank's bytes, by rank, at every rank (MPI_Allgatherv) or at rank 0 alone
    /// (MPI_Gatherv, the others getting []): the lengths go to every rank first
    /// (MPI_Allgather, so all know how many rounds follow), then the data round by round.
    func collect(_ bytes: [UInt8], atEveryRank: Bool) -> [[UInt8]] {
        let counts = allGatherCounts(bytes.count)
        let piece = TransferPieces.piece(limit: pieceLimit, ranks: shards)
        let receives = atEveryRank || shard == 0
        var result = receives ? counts.map { [UInt8](repeating: 0, count: $0) } : []
        for round in 0..<TransferPieces.rounds(counts: counts, piece: piece) {
            let sizes = TransferPieces.sizes(counts: counts, piece: piece, round: round)
            let offsets = TransferPieces.offsets(sizes)
            let sizes32 = sizes.map { Int32($0) }
            let offsets32 = offsets.map { Int32($0) }
            var received = [UInt8](repeating: 0, count: max(1, receives ? sizes.reduce(0, +) : 1))
            let code = Self.withPiece(of: bytes, from: round * piece, size: sizes[shard]) { send in
                received.withUnsafeMutableBytes { receive in
                    atEveryRank
                        ? MPI_Allgatherv(
                            send,
                            sizes32[shard],
                            cmpi_byte(),
                            receive.baseAddress,
                            sizes32,
                            offsets32,
                            cmpi_byte(),
                            comm
                        )
                        : MPI_Gatherv(
                            send,
                            sizes32[shard],
                            cmpi_byte(),
                            receive.baseAddress,
                            sizes32,
                            offsets32,
                            cmpi_byte(),
                            0,
                            comm
                        )
                }
            }
            Self.check(code, atEveryRank ? "MPI_Allgatherv" : "MPI_Gatherv")
            if receives { Self.place(received, sizes: sizes, offsets: offsets, at: round * piece, in: &result) }
        }
        return result
    }

    /// Every rank's array length, by rank.
    func allGatherCounts(_ count: Int) -> [Int] {
        var mine = Int64(count)
        var all = [Int64](repeating: 0, count: shards)
        Self.check(
            MPI_Allgather(&mine, 1, cmpi_int64(), &all, 1, cmpi_int64(), comm),
            "MPI_Allgather"
        )
        return all.map { Int($0) }
    }

    /// Calls `body` with the address of `size` bytes of `bytes` from `start` (a byte of its
    /// own when there are none, as some MPI libraries refuse a null buffer).
    static func withPiece(
        of bytes: [UInt8],
        from start: Int,
        size: Int,
        _ body: (UnsafeRawPointer) -> Int32
    ) -> Int32 {
        guard size > 0 else { return withUnsafeBytes(of: UInt8(0)) { body($0.baseAddress!) } }
        return bytes.withUnsafeBytes { body($0.baseAddress! + start) }
    }

    /// Copies each rank's piece of a round into its array, at `start`.
    static func place(_ received: [UInt8], sizes: [Int], offsets: [Int], at start: Int, in result: inout [[UInt8]]) {
        for rank in sizes.indices where sizes[rank] > 0 {
            result[rank].replaceSubrange(
                start..<start + sizes[rank],
                with: received[offsets[rank]..<offsets[rank] + sizes[rank]]
            )
        }
    }

    /// Aborts the whole job, with the reason on standard error, when an MPI call failed: the
    /// other ranks would otherwise wait for this one forever.
    static func check(_ code: Int32, _ call: String) {
        guard code != cmpi_success() else { return }
        var rank: Int32 = -1
        MPI_Comm_rank(cmpi_comm_world(), &rank)
        FileHandle.standardError.write(
            Data("sclab: rank \(rank): \(call) failed: \(MPILibrary.message(code)); aborting the job\n".utf8)
        )
        MPI_Abort(cmpi_comm_world(), 1)
        exit(1)
    }
}
#endif
