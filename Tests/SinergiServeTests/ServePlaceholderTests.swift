import Testing
@testable import SinergiServe
