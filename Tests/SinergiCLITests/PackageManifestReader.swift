/// Reads the targets out of Package.swift's text, without running it: each target's name,
/// kind, dependencies and custom path. Enough for this package's manifest, which declares
/// its targets as literals (no variables or loops); comments are skipped.
enum PackageManifestReader {
    /// A target as Package.swift declares it.
    struct Target: Equatable {
        /// `target`, `executableTarget`, `systemLibrary`, `testTarget` …
        var kind: String
        var name: String
        /// Names of the targets and products it depends on (a product by its name, not its
        /// package's).
        var dependencies: Set<String>
        /// The `path:` argument, when the target's files are not in Sources/NAME or Tests/NAME.
        var path: String?
    }

    /// The kinds of target a manifest can declare.
    static let kinds = [
        "target", "executableTarget", "systemLibrary", "testTarget", "binaryTarget", "macro", "plugin",
    ]

    /// Every target `manifest` declares, in order.
    static func targets(in manifest: String) -> [Target] {
        let text = Array(withoutComments(manifest))
        var targets: [Target] = []
        var i = 0
        while i < text.count {
            guard text[i] == ".", let kind = kinds.first(where: { starts(text, at: i + 1, with: $0 + "(") }) else {
                i += 1
                continue
            }
            let open = i + 1 + kind.count
            let close = matching(text, open)
            let arguments = String(text[(open + 1)..<close])
            guard let name = arguments.firstMatch(of: #/^\s*name:\s*"([^"]+)"/#)?.1 else {
                i = open + 1
                continue
            }
            targets.append(
                Target(
                    kind: kind, name: String(name), dependencies: dependencies(in: arguments),
                    path: arguments.firstMatch(of: #/\bpath:\s*"([^"]+)"/#).map { String($0.1) }))
            // A `.target(name:)` inside the dependencies is a reference, not a declaration.
            i = close + 1
        }
        return targets
    }

    /// The names in the `dependencies: [...]` argument of one target's arguments.
    static func dependencies(in arguments: String) -> Set<String> {
        guard let label = arguments.range(of: "dependencies:") else { return [] }
        let text = Array(arguments[label.upperBound...])
        guard let open = text.firstIndex(of: "[") else { return [] }
        let list = String(text[(open + 1)..<matching(text, open)])
        var names: Set<String> = []
        for match in list.matches(of: #/(package:\s*)?"([^"]*)"/#) where match.1 == nil {
            names.insert(String(match.2))
        }
        return names
    }

    /// The index of the bracket that closes the one at `open`, skipping string literals;
    /// the end of `text` when it is not closed.
    static func matching(_ text: [Character], _ open: Int) -> Int {
        let closing: Character = text[open] == "(" ? ")" : "]"
        var depth = 0
        var inString = false
        var i = open
        while i < text.count {
            let c = text[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == text[open] {
                depth += 1
            } else if c == closing {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return text.count
    }

    /// `manifest` without its `//` comments (a `//` inside a string, as in a URL, stays).
    static func withoutComments(_ manifest: String) -> String {
        manifest.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var inString = false
            var previous: Character = " "
            for (offset, c) in line.enumerated() {
                if c == "\"" && previous != "\\" { inString.toggle() }
                if !inString && c == "/" && previous == "/" { return String(line.prefix(offset - 1)) }
                previous = c
            }
            return String(line)
        }.joined(separator: "\n")
    }

    private static func starts(_ text: [Character], at index: Int, with word: String) -> Bool {
        let word = Array(word)
        return index + word.count <= text.count && Array(text[index..<(index + word.count)]) == word
    }
}
