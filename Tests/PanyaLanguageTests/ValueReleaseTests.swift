import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Long chains of values are freed without one nested call per link (a crash at exit before).
@Suite struct ValueReleaseTests {
    /// Closures reached through a list in a map, each capturing the previous one: dropped in the
    /// middle of a script, and again when the interpreter itself goes away.
    @Test func aLongChainOfClosuresThroughListsIsFreedInALoop() {
        let source = """
            fn chain(n) {
              let holder = {links: []}
              for i in range(0, n) {
                let previous = holder
                holder = {links: [fn () { return previous }]}
              }
              return holder
            }
            let kept = chain(60000)
            kept = nil
            print("dropped")
            let again = chain(60000)
            print(type(again.links[0]))
            """
        #expect(printed(source) == "dropped\nfunction\n")
    }

    /// A chain only a function's local variable holds goes when the call returns.
    @Test func aChainInALocalIsFreedWhenTheCallReturns() {
        let source = """
            fn count(n) {
              let f = fn () { return 0 }
              for i in range(0, n) {
                let g = f
                f = fn () { return g }
              }
              return n
            }
            print(count(70000) + count(10))
            """
        #expect(printed(source) == "70010\n")
    }

    @Test func scalarsNeedNothing() {
        for scalar in [Value.number(1), .string("s"), .null, .bool(true)] {
            var value = scalar
            ValueRelease.release(&value)
            #expect(value == scalar)
        }
    }

    @Test func containersAreTakenAndLeaveNil() {
        var value = Value.list([.number(1)])
        ValueRelease.release(&value)
        #expect(value == .null)
    }
}
