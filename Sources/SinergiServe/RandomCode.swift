import Foundation

/// Random codes of the server (session ids, lecturer tokens) from the system's
/// cryptographic generator: `SystemRandomNumberGenerator` reads getrandom(2) on Linux and
/// arc4random on macOS, and each character is drawn without modulo bias, so a code of
/// `length` characters from an alphabet of `k` carries `length · log2(k)` bits.
enum RandomCode {
    /// Lowercase letters and digits of a lecturer token.
    static let tokenAlphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    /// Characters of a lecturer token: 32 · log2(36) ≈ 165.4 bits.
    static let tokenLength = 32

    /// `length` characters drawn independently and uniformly from `alphabet`.
    static func make(length: Int, from alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        return String(
            (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// A fresh lecturer token.
    static func lecturerToken() -> String { make(length: tokenLength, from: tokenAlphabet) }

    /// The entropy in bits of a code of `length` characters from an alphabet of `count`.
    static func bits(length: Int, alphabet count: Int) -> Double { Double(length) * log2(Double(count)) }

    /// Whether `a` and `b` are equal, in a time that depends on their lengths only (so
    /// the time of a refusal tells nothing about how much of a token was right).
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
