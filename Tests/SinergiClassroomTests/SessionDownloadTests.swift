import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import Testing

/// The session's downloads: the live run's months and the moves as CSV, and the scenario
/// export with the scenario's policy packages.
@Suite struct SessionDownloadTests {
    /// The CSV's rows as fields (no field of these files holds a comma or quote).
    func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func timeseriesHasEveryMonthAndMetricOfTheBatchSimulatorsSeries() throws {
        let session = try ClassroomSession(
            id: "SERIES", scenario: Fixtures.classroom(),
            settings: ClassroomSettings(seed: 9, levers: ["training": LeverSetting(intensity: 0.6)]))
        _ = try session.step(months: 5)
        try session.setLever("champion", on: true, intensity: 0.5)
        _ = try session.step(months: 3)

        let table = rows(session.timeseriesCSV())
        #expect(table[0] == ["month", "date", "government", "metric", "value"])
        // The batch simulator on the exported scenario: names from its layout, values from its record.
        let exported = try ScenarioLoader.parse(text: session.exportYAML(), path: "export.yaml")
        let (record, layout) = try Fixtures.simulate(
            exported.input, replicateSeed: Fixtures.firstReplicateSeed(exported.seed))
        let governments = exported.input.governments
        var expected: [[String]] = []
        for month in 0...8 {
            let date = CalendarMonth(year: exported.input.startYear, month: exported.input.startMonth).adding(
                months: month)
            for g in governments.indices {
                let values = Fixtures.row(record, layout, government: g, month: month)
                for (name, value) in zip(layout.metricNames[g], values) {
                    expected.append([String(month), date.text, governments[g].name, name, "\(value)"])
                }
            }
        }
        let body = Array(table.dropFirst())
        #expect(body.count == expected.count)
        for (got, want) in zip(body, expected) {
            #expect(Array(got.prefix(4)) == Array(want.prefix(4)))
            // The same Double, written as the shortest text that reads back to it.
            #expect(Double(got[4]) == Double(want[4]), "\(got) vs \(want)")
        }
        #expect(Set(body.map { $0[3] }).isSuperset(of: SeriesMetric.allCases.map(\.name)))
        #expect(body.first?[1] == "2018-01")
    }

    @Test func movesListLeversAndEveryStudentsStanceItems() throws {
        let classroom = try Fixtures.classroom()
        let session = try ClassroomSession(
            id: "MOVES", scenario: classroom,
            settings: ClassroomSettings(
                seed: 3, levers: ["training": LeverSetting(intensity: 0.6)], participation: true))
        let ani = try session.addPlayer(government: 0, agency: 2, name: "Ani")
        let budi = try session.addPlayer(government: 0, agency: 2, name: "Budi, Jr.")
        try session.setLever("budget_ringfence", on: false)  // off already: no move
        try session.setLever("champion", on: true, intensity: 0.3)
        try session.setLever("champion", on: true, intensity: 0.4)  // same month: replaces the move above
        _ = try session.step(months: 2)
        try session.setStance(token: ani, month: 2, Stance(shareData: true, training: true))
        try session.setStance(token: budi, month: 2, Stance(shareData: false))
        _ = try session.step(months: 1)
        try session.setLever("training", on: false)
        try session.setLever("training", on: false)  // off already: no move
        _ = try session.step(months: 1)

        let agency = classroom.scenario.input.governments[0].agencies[2].name
        let government = classroom.scenario.input.governments[0].name
        let csv = session.movesCSV()
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "month,player,government,agency,what,value",
                "0,lecturer,,,lever:training,0.6",
                "0,lecturer,,,lever:champion,0.4",
                "2,Ani,\(government),\(agency),shareData,1",
                "2,Ani,\(government),\(agency),training,1",
                "2,\"Budi, Jr.\",\(government),\(agency),shareData,0",
                "3,lecturer,,,lever:training,",
            ])
        #expect(session.moves.count == 6)

        // Setup starts the run again: the moves are the settings' levers.
        try session.setup(nil)
        #expect(Set(session.moves.map(\.what)) == ["lever:champion", "lever:training"])
        #expect(session.moves.allSatisfy { $0.month == 0 && $0.player == nil })
    }

    @Test func aNameThatLooksLikeAFormulaStaysText() throws {
        let session = try ClassroomSession(
            id: "FORMULA", scenario: Fixtures.classroom(), settings: ClassroomSettings(participation: true))
        let token = try session.addPlayer(government: 0, agency: 0, name: "=HYPERLINK(\"x\")")
        try session.setStance(token: token, month: 0, Stance(commitBudget: true))
        _ = try session.step(months: 1)
        #expect(session.movesCSV().contains(",\"'=HYPERLINK(\"\"x\"\")\","))
    }

    @Test func theExportKeepsTheScenariosPolicyPackages() throws {
        let classroom = try Fixtures.classroom()
        let original = classroom.scenario
        #expect(original.policies.count >= 2)
        let session = try ClassroomSession(
            id: "POLICY", scenario: classroom, settings: ClassroomSettings(seed: 4, constructs: ["ego": 0.7]))
        try session.setLever("coordination_team", on: true, intensity: 0.5)
        _ = try session.step(months: 3)
        let exported = try ScenarioLoader.parse(text: session.exportYAML(), path: "export.yaml")
        #expect(exported.input == session.currentInput)
        #expect(exported.policies.map(\.name) == original.policies.map(\.name))
        for (kept, package) in zip(exported.policies, original.policies) {
            #expect(kept.interventions == package.interventions, "package \(package.name)")
        }
    }
}
