import W3CTraceContext
import XCTest

@testable import OTLPTracing

final class SamplerTests: XCTestCase {
    func testARatioSamplesThatShareOfRandomTracesAndTheSameTraceAlike() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<20_000).map { _ in TraceID.random(using: &generator) }
        for ratio in [0.01, 0.25, 0.9] {
            let sampler = Sampler.traceIDRatio(ratio)
            let share = Double(ids.count(where: { sampler.isSampled(traceID: $0, parentFlags: nil) })) / 20_000
            XCTAssertEqual(share, ratio, accuracy: max(0.005, ratio * 0.1), "ratio \(ratio)")
            XCTAssertEqual(
                ids.prefix(100).map { sampler.isSampled(traceID: $0, parentFlags: nil) },
                ids.prefix(100).map { sampler.isSampled(traceID: $0, parentFlags: nil) })
        }
        XCTAssertFalse(ids.contains { Sampler.traceIDRatio(0).isSampled(traceID: $0, parentFlags: nil) })
        XCTAssertTrue(ids.allSatisfy { Sampler.traceIDRatio(1).isSampled(traceID: $0, parentFlags: nil) })
    }

    func testParentBasedFollowsTheParentAndAsksItsRootSamplerOnlyForRoots() {
        let id = TraceID.random()
        let sampler = Sampler.parentBased(root: .alwaysOff)
        XCTAssertTrue(sampler.isSampled(traceID: id, parentFlags: .sampled))
        XCTAssertFalse(sampler.isSampled(traceID: id, parentFlags: []))
        XCTAssertFalse(sampler.isSampled(traceID: id, parentFlags: nil))
        XCTAssertTrue(Sampler.parentBased(root: .alwaysOn).isSampled(traceID: id, parentFlags: nil))
        XCTAssertFalse(Sampler.alwaysOn.isSampled(traceID: id, parentFlags: nil) == false)
        XCTAssertFalse(Sampler.alwaysOff.isSampled(traceID: id, parentFlags: .sampled))
    }
}
