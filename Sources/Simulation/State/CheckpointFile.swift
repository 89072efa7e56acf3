import Foundation

/// A checkpoint as a file: a fixed header in front of `Simulation.checkpointData()`, so that a
/// damaged, cut or foreign file is refused before a byte of it reaches the state.
///
/// The header (96 bytes, integers little-endian): the magic "SCLABCKH", the header's format
/// (1), the run's identity (32 bytes, `identity(of:)` over what fixes the run's state: scenario
/// text, population, seed, first and last day; not threads or tracing, which change no state),
/// the days done at the checkpoint, the payload's length, and SHA-256 over the header's first
/// 64 bytes and the payload. A single flipped bit anywhere, a truncation or a checkpoint of
/// another run is therefore a named error, never a silently different run.
public enum CheckpointFile {
    /// The first eight bytes of every checkpoint file with a header.
    static let magic = Array("SCLABCKH".utf8)
    /// The header's format; bump it when the header changes.
    static let format = 1
    /// The bytes before the payload.
    public static let headerSize = 96
    /// The bytes the checksum covers before the payload: everything in the header but the checksum.
    static let checkedHeaderSize = 64

    /// The identity of a run: SHA-256 over its parts, each preceded by its length so that no two
    /// different lists of parts give the same bytes.
    public static func identity(of parts: [String]) -> [UInt8] {
        var hash = SHA256()
        for part in parts {
            let bytes = Array(part.utf8)
            hash.update(littleEndian(bytes.count))
            hash.update(bytes)
        }
        return hash.finalize()
    }

    /// The file's bytes: the header for `identity` and `daysDone`, then `payload`.
    public static func seal(_ payload: Data, identity: [UInt8], daysDone: Int) -> Data {
        precondition(identity.count == 32, "a run identity is 32 bytes")
        var header = magic + littleEndian(format) + identity + littleEndian(daysDone) + littleEndian(payload.count)
        header += payload.withUnsafeBytes { checksum(header, $0) }
        var file = Data(header)
        file.append(payload)
        return file
    }

    /// The payload and the days done of a checkpoint file of the run `identity`.
    /// - Throws: `CheckpointError` naming what is wrong: not a checkpoint, an older format
    ///   without a header, truncated, a length that does not match, a checksum mismatch (damage
    ///   anywhere in the file), or a checkpoint of another run.
    public static func open(_ data: Data, identity: [UInt8]) throws -> (daysDone: Int, payload: Data) {
        let bytes = [UInt8](data)
        guard bytes.count >= 8, bytes.prefix(7).elementsEqual(magic.prefix(7)) else {
            throw CheckpointError("not a SocialCreditLab checkpoint")
        }
        guard bytes.prefix(8).elementsEqual(magic) else {
            throw CheckpointError(
                "a checkpoint without a header (from an older version of sclab), which this version does not read"
            )
        }
        guard bytes.count >= headerSize else { throw CheckpointError("truncated: the header ends early") }
        guard integer(bytes, at: 8) == format else {
            throw CheckpointError("header format \(integer(bytes, at: 8)); this version reads format \(format)")
        }
        let daysDone = integer(bytes, at: 48)
        let length = integer(bytes, at: 56)
        guard length == bytes.count - headerSize else {
            throw CheckpointError(
                "truncated or extended: the header gives \(length) bytes of state, the file holds \(bytes.count - headerSize)"
            )
        }
        let payload = bytes[headerSize...]
        let sum = payload.withUnsafeBytes { checksum(Array(bytes[0..<checkedHeaderSize]), $0) }
        guard sum.elementsEqual(bytes[checkedHeaderSize..<headerSize]) else {
            throw CheckpointError("checksum mismatch")
        }
        guard bytes[16..<48].elementsEqual(identity) else {
            throw CheckpointError("a checkpoint of another run (its scenario, size, seed or period differ)")
        }
        guard daysDone >= 0 else { throw CheckpointError("days done \(daysDone) is negative") }
        return (daysDone, Data(payload))
    }

    /// The checksum a sealed file's header carries, as 64 lowercase hex digits (what the run
    /// store records for each checkpoint); nil for a file shorter than a header.
    public static func checksum(of file: Data) -> String? {
        guard file.count >= headerSize else { return nil }
        return file[file.startIndex + checkedHeaderSize..<file.startIndex + headerSize].map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private static func checksum(_ header: [UInt8], _ payload: UnsafeRawBufferPointer) -> [UInt8] {
        var hash = SHA256()
        hash.update(header)
        hash.update(raw: payload)
        return hash.finalize()
    }

    private static func littleEndian(_ value: Int) -> [UInt8] {
        withUnsafeBytes(of: Int64(value).littleEndian) { Array($0) }
    }

    private static func integer(_ bytes: [UInt8], at offset: Int) -> Int {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return Int(Int64(bitPattern: value))
    }
}
