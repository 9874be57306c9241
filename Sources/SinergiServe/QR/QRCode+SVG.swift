extension QRCode {
    /// The symbol as a standalone SVG image: one module per user unit, the quiet zone of
    /// four light modules that ISO/IEC 18004 asks for (6.3.8), a white background and one
    /// path of the dark modules (a rectangle per run of dark modules in a row), drawn with
    /// crisp edges so scanners see square modules at any size. `title` is the image's
    /// accessible name (the link it holds).
    func svg(title: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < size {
                guard line[column] else {
                    column += 1
                    continue
                }
                var end = column
                while end < size && line[end] { end += 1 }
                path += "M\(column + quiet) \(row + quiet)h\(end - column)v1h-\(end - column)z"
                column = end
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges" role="img"><title>\(Self.escaped(title))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>

            """
    }

    /// Text safe inside an XML element.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
