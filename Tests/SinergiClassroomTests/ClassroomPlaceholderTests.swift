import Testing
@testable import SinergiClassroom
