import Foundation

/// Text a C library wrote into a buffer (MPI's library version, its error strings).
enum CText {
    /// The text of at most `length` characters, up to its first NUL byte, without spaces or line
    /// ends around it: a length that counts the terminating NUL would otherwise end the text
    /// with "\u{0000}" (as a version string once did).
    static func string(_ buffer: [CChar], length: Int) -> String {
        let bytes = buffer.prefix(max(0, min(length, buffer.count))).prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
