import RunRecords
import Testing

@testable import Simulation

/// The digest's hash against the FIPS 180-4 test vectors.
@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "Known vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func vectors(text: String, hex: String) {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        #expect(hash.hexDigest() == hex)
    }

    @Test("A million 'a's, fed as one array and in odd pieces, give the standard's digest")
    func million() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        var whole = SHA256()
        whole.update(contentsOf: [UInt8](repeating: 0x61, count: 1_000_000))
        #expect(whole.hexDigest() == expected)
        var pieces = SHA256()
        var left = 1_000_000
        var size = 1
        while left > 0 {
            let n = min(size, left)
            pieces.update(contentsOf: [UInt8](repeating: 0x61, count: n))
            left -= n
            size = size * 3 % 1_000 + 1
        }
        #expect(pieces.hexDigest() == expected)
    }
}
