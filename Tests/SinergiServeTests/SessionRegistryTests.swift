import Foundation
import Testing

@testable import SinergiServe

@Suite struct SessionRegistryTests {
    /// Rule: a code that grants something is long enough that guessing it is hopeless —
    /// join codes ≥ 50 bits (typed by students), lecturer tokens ≥ 128 bits.
    @Test func idsAreTenCharactersWithoutLookalikes() {
        var seen: Set<String> = []
        for _ in 0..<500 {
            let id = SessionRegistry<Int>.newID()
            #expect(id.count == 10)
            #expect(id.allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789".contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 500, "500 draws of 50.9 bits do not repeat (collision chance < 1e-10)")
        #expect(RandomCode.bits(length: 10, alphabet: 34) >= 50)
        #expect(SessionRegistry<Int>.isWellFormed("K7QX2MP4HC"))
        #expect(!SessionRegistry<Int>.isWellFormed("K7QX2M"))
        #expect(!SessionRegistry<Int>.isWellFormed("k7qx2mp4hc"))
        #expect(!SessionRegistry<Int>.isWellFormed("K7QX2MP4HC0"))
        #expect(!SessionRegistry<Int>.isWellFormed("../etc"))
    }

    @Test func lecturerTokensCarryMoreThan128Bits() {
        var seen: Set<String> = []
        for _ in 0..<500 {
            let token = RandomCode.lecturerToken()
            #expect(token.count == 32)
            #expect(token.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789".contains($0) })
            seen.insert(token)
        }
        #expect(seen.count == 500)
        #expect(RandomCode.bits(length: RandomCode.tokenLength, alphabet: RandomCode.tokenAlphabet.count) >= 128)
        // Every character of the alphabet turns up: the draw covers it (500 · 32 draws of
        // 36 symbols miss one with probability < 36 · (35/36)^16000 ≈ 1e-194).
        #expect(Set(seen.joined()).count == 36)
        #expect(RandomCode.equal("abc", "abc") && !RandomCode.equal("abc", "abd") && !RandomCode.equal("abc", "ab"))
    }

    @Test func refusesSessionsBeyondTheBoundWith503() async throws {
        let registry = SessionRegistry<Int>(maxSessions: 3, ttl: .seconds(60))
        var ids: Set<String> = []
        for value in 0..<3 { ids.insert(try await registry.add { _ in value }.id) }
        #expect(ids.count == 3)
        await #expect(throws: ErrorReply.self) { try await registry.add { _ in 9 } }
        do {
            _ = try await registry.add { _ in 9 }
        } catch let reply as ErrorReply {
            #expect(reply.status == .serviceUnavailable)
            #expect(reply.error.contains("maximum of 3 sessions"))
        }
        #expect(await registry.count == 3)
        #expect(await registry.remove(ids.first!))
        _ = try await registry.add { _ in 4 }
        #expect(await registry.count == 3)
    }

    @Test func sessionsExpireAfterTheTTLWithoutARequest() async throws {
        let clock = ManualClock()
        let registry = SessionRegistry<String>(maxSessions: 2, ttl: .seconds(30), clock: clock)
        let kept = try await registry.add { "kept \($0)" }.id
        let dropped = try await registry.add { "dropped \($0)" }.id
        clock.advance(by: .seconds(20))
        #expect(await registry.session(kept) != nil)  // a request resets its clock
        clock.advance(by: .seconds(20))
        #expect(await registry.session(dropped) == nil)
        #expect(await registry.session(kept) != nil)
        #expect(await registry.count == 1)
        // the freed place can be taken again
        _ = try await registry.add { "new \($0)" }
        clock.advance(by: .seconds(31))
        #expect(await registry.sweep() == 2)
        #expect(await registry.count == 0)
    }

    @Test func theSweeperFreesSessionsNobodyAsksForOnItsClock() async throws {
        let clock = ManualClock()
        let registry = SessionRegistry<String>(maxSessions: 4, ttl: .seconds(30), clock: clock)
        let sweeper = Task { await registry.sweepUntilCancelled(every: .seconds(10)) }
        defer { sweeper.cancel() }
        let early = try await registry.add { "early \($0)" }.id
        await clock.sleeping()  // the sweeper waits for its first turn
        clock.advance(by: .seconds(20))
        let late = try await registry.add { "late \($0)" }.id
        await clock.sleeping()
        #expect(await registry.held == 2, "nothing has expired at 20 s")

        // 31 s after the first session was added, and with no request to either, the
        // sweeper drops the first one on its own; the second is 11 s old and stays.
        clock.advance(by: .seconds(11))
        await clock.sleeping()
        #expect(await registry.held == 1)
        #expect(await registry.session(early) == nil)
        #expect(await registry.session(late) != nil)

        clock.advance(by: .seconds(31))
        await clock.sleeping()
        #expect(await registry.held == 0)
        sweeper.cancel()
        await sweeper.value  // a cancelled sweeper stops, also while it sleeps on the clock
    }

    @Test func futuresSlotsAreBounded() {
        let slots = FuturesSlots(capacity: 2)
        #expect(slots.take() == nil)
        #expect(slots.take() == nil)
        #expect(slots.take() == .allBusy)
        slots.give()
        #expect(slots.take() == nil)
        #expect(slots.busy == 2)
    }

    /// Rule: no single client can take a shared bound whole; here, futures slots.
    @Test func oneClientCannotTakeEveryFuturesSlot() {
        let slots = FuturesSlots(capacity: 3, perClient: 2)
        #expect(slots.take(for: "10.0.0.1") == nil)
        #expect(slots.take(for: "10.0.0.1") == nil)
        #expect(slots.take(for: "10.0.0.1") == .clientShareBusy)
        #expect(slots.take(for: "10.0.0.2") == nil, "another client still gets the last slot")
        #expect(slots.take(for: "10.0.0.3") == .allBusy)
        slots.give(for: "10.0.0.1")
        #expect(slots.take(for: "10.0.0.1") == nil)
        #expect(slots.busy == 3)
        #expect(ServerLimits(futuresSlots: 2).futuresSlotsPerClient == 1)
    }
}
