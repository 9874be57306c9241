/// A 64-bit seed in JSON, written as a decimal string: R and JavaScript read JSON numbers
/// as doubles, exact only up to 2^53, so a seed such as 18446744073709551557 written as a
/// number comes back with other digits. Read from a string or, as older manifests wrote
/// it, from a number.
@propertyWrapper
public struct SeedText: Codable, Sendable, Hashable {
    public var wrappedValue: UInt64

    public init(wrappedValue: UInt64) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let seed = UInt64(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "a seed must be a whole number from 0 to 18446744073709551615, got \"\(text)\"")
            }
            wrappedValue = seed
        } else {
            wrappedValue = try container.decode(UInt64.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(wrappedValue))
    }
}
