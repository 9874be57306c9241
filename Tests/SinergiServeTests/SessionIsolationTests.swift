import Foundation
import SinergiClassroom
import SinergiScenario
import Testing

@testable import SinergiServe

/// Two sessions with different seeds, sliders, levers and players, driven in turns on one
/// server, each show exactly the frames of the same session run alone.
@Suite struct SessionIsolationTests {
    /// One session's script: its settings and what happens after each month.
    struct Script: Sendable {
        let settings: ClassroomSettings
        let leverAt: [Int: LeverRequest]
        let stanceAt: [Int: Stance]
    }

    static let quiet = Script(settings: ClassroomSettings(seed: 1), leverAt: [:], stanceAt: [:])
    static let busy = Script(
        settings: ClassroomSettings(
            seed: 99, constructs: ["ego": 0.8, "champion": 0.7],
            levers: ["training": LeverSetting(intensity: 0.6)], participation: true),
        leverAt: [
            4: LeverRequest(lever: "external_mandate", on: true, intensity: 0.7),
            9: LeverRequest(lever: "training", on: false),
        ],
        stanceAt: [
            2: Stance(shareData: true, training: true, commitBudget: true),
            6: Stance(shareData: false, training: nil, commitBudget: true),
        ])
    static let months = 14

    @Test func sessionsDoNotSeeEachOther() async throws {
        let (quietFrames, busyFrames) = try await LiveServer.with { server in
            let api = APIClient(server)
            let quiet = try await api.createSession(Self.quiet.settings).id
            let busy = try await api.createSession(Self.busy.settings).id
            let token = try await api.join(busy, agency: 2, name: "Budi").token
            for month in 0..<Self.months {
                if let lever = Self.busy.leverAt[month] {
                    _ = try await api.lever(busy, lever.lever, on: lever.on, intensity: lever.intensity)
                }
                if let stance = Self.busy.stanceAt[month] {
                    let body = StanceRequest(month: month, stance: stance)
                    _ = try api.expect(
                        try await api.http.post("/api/sessions/\(busy)/players/\(token)/stance", body), 200)
                }
                _ = try await api.step(busy)
                _ = try await api.step(quiet)
            }
            // Some futures in the busy session while the quiet one is read.
            async let futures = api.futures(busy, count: 50)
            let quietState = try await api.state(quiet)
            _ = try await futures
            return (quietState.frames ?? [], try await api.state(busy).frames ?? [])
        }

        #expect(quietFrames.count == Self.months + 1)
        #expect(quietFrames == (try Self.alone(Self.quiet)))
        #expect(busyFrames == (try Self.alone(Self.busy)))
        #expect(quietFrames != busyFrames)
    }

    /// The same script on a session of the core, without a server, its frames as the server
    /// writes them.
    static func alone(_ script: Script) throws -> [FrameJSON] {
        let scenario = try ClassroomScenario(
            ScenarioLoader.load(path: LiveServer.scenarioPath("Scenarios/classroom.yaml")))
        let session = try ClassroomSession(id: "ALONE2", scenario: scenario, settings: script.settings)
        var token: String?
        if script.settings.participation {
            token = try session.addPlayer(government: 0, agency: 2, name: "Budi")
        }
        for month in 0..<months {
            if let lever = script.leverAt[month] {
                try session.setLever(lever.lever, on: lever.on, intensity: lever.intensity)
            }
            if let stance = script.stanceAt[month], let token {
                try session.setStance(token: token, month: month, stance)
            }
            _ = try session.step(months: 1)
        }
        return session.frames.map(FrameJSON.init)
    }
}
