/// What report.html of a sensitivity analysis shows: the indices and what was analysed.
public struct SensitivityReport: Sendable {
    /// The scenario's name, or the test function's.
    public var subject: String
    /// Header lines of the page: what, how many, which seed.
    public var details: [(label: String, value: String)]
    public var result: SensitivityResult
    /// The footer: where the scenario came from and what wrote the page.
    public var footer: String

    public init(subject: String, details: [(label: String, value: String)], result: SensitivityResult, footer: String) {
        self.subject = subject
        self.details = details
        self.result = result
        self.footer = footer
    }
}

extension ReportRenderer {
    /// A renderer that draws no sensitivity page writes a plain one: the indices as text.
    public func html(sensitivity: SensitivityReport) -> String {
        var page =
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Sensitivity</title></head>\n"
        page += "<body><pre>\n"
        page += String(decoding: sensitivity.result.indicesCSV, as: UTF8.self)
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        page += "</pre></body>\n</html>\n"
        return page
    }
}
