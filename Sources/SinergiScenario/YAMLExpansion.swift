import CYaml
import Yams

/// A bound on what a YAML text expands to through its aliases, checked before the text is
/// composed into nodes.
///
/// An alias (`*name`) stands for a whole copy of the node its anchor (`&name`) marks, so
/// a few hundred bytes of nested aliases ("billion laughs") stand for 10⁹ nodes. Composing
/// shares the copies, but hashing a mapping key or reading a list walks every node it
/// stands for: such a file would take hours of CPU or all memory. This pass reads the
/// parser's events once (libyaml, the parser Yams is built on), keeps for each anchor the
/// number of nodes it stands for, and stops at the first alias that takes the expanded total
/// over ``maximumNodes`` (counts saturate, so no arithmetic overflows).
///
/// Yams exposes nodes, not events, so the events come from its bundled libyaml (the CYaml
/// module).
enum YAMLExpansion {
    /// Nodes a file may stand for once every alias is expanded: far above the shipped
    /// scenarios (the 548-government scenario stands for about 20,000) and below what takes
    /// more than a few seconds to walk.
    static let maximumNodes = 10_000_000

    /// Where the limit was crossed, and by how much.
    struct Excess: Error, Equatable {
        /// 1-based line and column of the alias that crossed the limit.
        var line: Int
        var column: Int
        var alias: String
        var message: String {
            "aliases expand this file to more than \(maximumNodes / 1_000_000) million YAML nodes (the limit), "
                + "crossed at alias '*\(alias)'; write the values out or use fewer nested aliases"
        }
    }

    /// Checks `text`; nil when it expands to at most `limit` nodes or does not parse (the
    /// composer then reports the syntax error).
    static func check(_ text: String, limit: Int = maximumNodes) -> Excess? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Excess? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Int] = [:]
            // Open collections: their anchor and the nodes they stand for so far.
            var open: [(anchor: String?, nodes: Int)] = []
            var total = 0
            func add(_ nodes: Int) {
                total = saturating(total, nodes)
                if !open.isEmpty { open[open.count - 1].nodes = saturating(open[open.count - 1].nodes, nodes) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    add(1)
                    if let anchor = string(event.data.scalar.anchor) { anchors[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    add(1)
                    open.append((string(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    add(1)
                    open.append((string(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { return nil }
                    // The start event counted the collection itself; its contents were
                    // added to `total` as they came, and now count towards its parent.
                    if !open.isEmpty {
                        open[open.count - 1].nodes = saturating(open[open.count - 1].nodes, closed.nodes - 1)
                    }
                    if let anchor = closed.anchor { anchors[anchor] = closed.nodes }
                case YAML_ALIAS_EVENT:
                    guard let alias = string(event.data.alias.anchor) else { return nil }
                    add(anchors[alias] ?? 1)
                    if total > limit {
                        return Excess(
                            line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                            alias: alias)
                    }
                default:
                    continue
                }
            }
        }
    }

    private static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Composes `text` with Yams after the check; a file over the limit throws ``Excess``.
    static func compose(_ text: String) throws -> Node? {
        if let excess = check(text) { throw excess }
        return try Yams.compose(yaml: text, .default, .default, .utf8)
    }
}
