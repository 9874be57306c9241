/// RFC 4180 records, for reading a design file: fields split at commas, quoted fields may
/// hold commas, doubled quotes and line breaks; each record with the line it starts on.
enum CSVRecords {
    struct Record {
        var fields: [String]
        var line: Int
    }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var characters = Array(text).makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                records.append(Record(fields: fields, line: start))
                fields = []
                field = ""
                line += 1
                start = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(Record(fields: fields + [field], line: start)) }
        return records
    }
}
