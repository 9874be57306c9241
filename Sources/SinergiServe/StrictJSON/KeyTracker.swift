/// Which keys of which objects the decoded type asked for.
final class KeyTracker {
    /// Keys asked for, by the path of their object.
    private var asked: [String: Set<String>] = [:]
    /// Objects whose every key was taken (dictionaries).
    private var open: Set<String> = []

    func ask(_ key: String, at path: String) { asked[path, default: []].insert(key) }
    func register(_ path: String) { if asked[path] == nil { asked[path] = [] } }
    func openAll(at path: String) { open.insert(path) }

    /// The first key (depth first, keys sorted) of an object the type read that it never
    /// asked for, as a message.
    func firstUnknownKey(in value: JSONValue, path: String = "") -> String? {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let full = path.isEmpty ? key : path + "." + key
                if let known = asked[path], !open.contains(path), !known.contains(key) {
                    let allowed = known.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    let place = path.isEmpty ? "the body" : "'\(path)'"
                    return known.isEmpty
                        ? "unknown key '\(full)'; \(place) takes no keys"
                        : "unknown key '\(full)'; the keys of \(place) are \(allowed)"
                }
                if let inner = firstUnknownKey(in: members[key]!, path: full) { return inner }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let inner = firstUnknownKey(in: item, path: path + "[\(index)]") { return inner }
            }
        default:
            break
        }
        return nil
    }
}
