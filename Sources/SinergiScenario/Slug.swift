import Foundation

/// The name of a scenario reduced to a safe folder name.
enum Slug {
    /// Lowercase ASCII letters and digits, every other run of characters one hyphen, none at
    /// either end; accents are dropped first ("Kota Bandar Lampung (é)" → "kota-bandar-lampung-e").
    /// A name with no letters or digits gives "scenario".
    static func make(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "scenario" : slug
    }
}
