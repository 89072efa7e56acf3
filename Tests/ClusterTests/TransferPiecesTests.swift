import Testing

@testable import Cluster

@Suite("Cluster: transfers cut into pieces MPI can count")
struct TransferPiecesTests {
    @Test("A piece is at most the limit, and all ranks' pieces of a round fit in an Int32")
    func piece() {
        #expect(TransferPieces.piece(limit: 1 << 30, ranks: 1) == 1 << 30)
        #expect(TransferPieces.piece(limit: 1 << 30, ranks: 2) == Int(Int32.max) / 2)
        #expect(TransferPieces.piece(limit: 1 << 30, ranks: 4) == Int(Int32.max) / 4)
        #expect(TransferPieces.piece(limit: 5, ranks: 3) == 5)
        #expect(TransferPieces.piece(limit: 1, ranks: 10_000_000_000) == 1)
        for ranks in [1, 2, 3, 7, 64, 4096] {
            #expect(TransferPieces.piece(limit: Int.max, ranks: ranks) * ranks <= Int(Int32.max))
        }
    }

    @Test("Rounds send every rank's bytes once, in order")
    func rounds() {
        let counts = [0, 5, 12]
        #expect(TransferPieces.rounds(counts: counts, piece: 5) == 3)
        #expect(TransferPieces.sizes(counts: counts, piece: 5, round: 0) == [0, 5, 5])
        #expect(TransferPieces.sizes(counts: counts, piece: 5, round: 1) == [0, 0, 5])
        #expect(TransferPieces.sizes(counts: counts, piece: 5, round: 2) == [0, 0, 2])
        #expect(TransferPieces.offsets([0, 5, 5]) == [0, 0, 5])
        #expect(TransferPieces.rounds(counts: [0, 0], piece: 5) == 0)
        #expect(TransferPieces.rounds(counts: [], piece: 5) == 0)
        #expect(TransferPieces.rounds(counts: [10], piece: 5) == 2)
        // 3 GiB from one rank of 2 at the default limit: two pieces of Int32.max / 2, and the rest.
        let big = [3 << 30, 1]
        let piece = TransferPieces.piece(limit: 1 << 30, ranks: 2)
        #expect(TransferPieces.rounds(counts: big, piece: piece) == 4)
        var sent = [0, 0]
        for round in 0..<TransferPieces.rounds(counts: big, piece: piece) {
            let sizes = TransferPieces.sizes(counts: big, piece: piece, round: round)
            #expect(sizes.reduce(0, +) <= Int(Int32.max))
            for rank in sizes.indices { sent[rank] += sizes[rank] }
        }
        #expect(sent == big)
    }
}
