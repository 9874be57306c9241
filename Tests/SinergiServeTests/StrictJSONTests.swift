import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// Strict decoding of request bodies: every accepted body decodes, and every unknown key,
/// wrong type, missing field or non-JSON body is a 400 that names its JSON path.
@Suite struct StrictJSONTests {
    func failure<T: Decodable>(_ type: T.Type, _ body: String) -> ErrorReply? {
        do {
            _ = try StrictJSON.decode(type, from: Data(body.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func validBodiesDecode() throws {
        let settings = try StrictJSON.decode(SettingsRequest.self, from: Data(SettingsRequest.example.utf8))
        #expect(
            settings.settings
                == ClassroomSettings(
                    seed: 1, constructs: ["ego": 0.7, "champion": 0.6],
                    levers: ["training": LeverSetting(intensity: 0.6)],
                    participation: true))
        #expect(try StrictJSON.decode(SettingsRequest.self, from: Data("{}".utf8)).settings == nil)
        #expect(
            try StrictJSON.decode(SettingsRequest.self, from: Data(#"{"settings": {}}"#.utf8)).settings
                == ClassroomSettings())
        #expect(try StrictJSON.decode(StepRequest.self, from: Data(#"{"months": 3}"#.utf8)).months == 3)
        #expect(
            try StrictJSON.decode(LeverRequest.self, from: Data(#"{"lever": "training", "on": false}"#.utf8))
                == LeverRequest(lever: "training", on: false))
        #expect(try StrictJSON.decode(JoinRequest.self, from: Data(JoinRequest.example.utf8)).name == "Ani")
        let stance = try StrictJSON.decode(
            StanceRequest.self, from: Data(#"{"month": 2, "shareData": null, "training": true}"#.utf8))
        #expect(stance.month == 2 && stance.stance == Stance(training: true))
        #expect(try StrictJSON.decode(FuturesRequest.self, from: Data(FuturesRequest.example.utf8)).count == 200)
    }

    /// A 64-bit seed is sent as a string (the page does: JavaScript numbers lose digits above
    /// 2^53); a number is still accepted, and a string that is not a seed is a 400.
    @Test func seedsAreStringsOrNumbers() throws {
        for body in [
            #"{"settings": {"seed": "18446744073709551557"}}"#, #"{"settings": {"seed": 18446744073709551557}}"#,
        ] {
            let request = try StrictJSON.decode(SettingsRequest.self, from: Data(body.utf8))
            #expect(request.settings?.seed == 18_446_744_073_709_551_557, "\(body)")
        }
        for body in [
            #"{"settings": {"seed": "-1"}}"#, #"{"settings": {"seed": "1e3"}}"#, #"{"settings": {"seed": true}}"#,
        ] {
            #expect(failure(SettingsRequest.self, body) != nil, "\(body)")
        }
    }

    @Test func unknownKeysWrongTypesMissingFieldsAndNonJSONAreRejectedWithTheirPath() throws {
        let unknown = try #require(failure(SettingsRequest.self, #"{"settings": {"seed": 1, "sliders": {}}}"#))
        #expect(unknown.status == .badRequest)
        #expect(unknown.error.contains("'settings.sliders'"), "\(unknown.error)")
        #expect(unknown.error.contains("'constructs'"), "the allowed keys are listed: \(unknown.error)")
        #expect(unknown.expected == SettingsRequest.example)

        let nested = try #require(
            failure(SettingsRequest.self, #"{"settings": {"levers": {"training": {"intensity": 0.5, "on": true}}}}"#))
        #expect(nested.error.contains("'settings.levers.training.on'"), "\(nested.error)")

        let wrongType = try #require(
            failure(SettingsRequest.self, #"{"settings": {"levers": {"training": {"intensity": "high"}}}}"#))
        #expect(
            wrongType.error == #"field 'settings.levers.training.intensity' must be a number, got a string "high""#)

        let top = try #require(failure(StepRequest.self, #"{"months": 1, "speed": 2}"#))
        #expect(top.error.contains("'speed'") && top.expected == StepRequest.example)

        let missing = try #require(failure(JoinRequest.self, #"{"government": 0, "name": "Ani"}"#))
        #expect(missing.error == "field 'agency' is missing")

        let fraction = try #require(failure(StepRequest.self, #"{"months": 1.5}"#))
        #expect(fraction.error.contains("'months'") && fraction.error.contains("integer"))

        let flag = try #require(failure(LeverRequest.self, #"{"lever": "training", "on": 1}"#))
        #expect(flag.error == "field 'on' must be true or false, got 1")

        #expect(failure(StepRequest.self, "months=1")?.error == "the body is not valid JSON")
        #expect(failure(StepRequest.self, "[1]")?.error.contains("must be an object") == true)
        #expect(failure(StepRequest.self, #"{"months": null}"#)?.status == .badRequest)
    }
}
