import Hummingbird
import Foundation
import NIOCore
import Testing
@testable import PanyaClass

/// The headers every answer carries: the class's Content-Security-Policy, unless a page set its own.
struct ClassMiddlewareTests {
    @Test func givesEveryAnswerTheClassPolicyButKeepsAPagesOwn() async throws {
        let router = Router()
        router.middlewares.add(ClassMiddleware<BasicRequestContext>(log: { _ in }))
        router.get("/plain") { _, _ in "plain" }
        router.get("/shell") { _, _ in
            Response(status: .ok, headers: [.contentSecurityPolicy: ClassHTTP.shellContentSecurityPolicy],
                     body: .init(byteBuffer: ByteBuffer(string: "shell")))
        }
        let (ports, found) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { found.yield($0.localAddress?.port ?? 0) })
        try await LiveClient.serve(app, port: ports) { client in
            let plain = try await client.execute(uri: "/plain", method: .get)
            #expect(plain.headers[.contentSecurityPolicy] == ClassHTTP.contentSecurityPolicy)
            let shell = try await client.execute(uri: "/shell", method: .get)
            #expect(shell.headers[.contentSecurityPolicy] == ClassHTTP.shellContentSecurityPolicy)
        }
    }

    @Test func theShellsPolicyAllowsInlineStylesOnlyNeverInlineScripts() {
        #expect(!ClassHTTP.contentSecurityPolicy.contains("unsafe-inline"))
        #expect(ClassHTTP.shellContentSecurityPolicy.contains("style-src 'self' 'unsafe-inline';"))
        #expect(ClassHTTP.shellContentSecurityPolicy.contains("script-src 'self';"))
        #expect(ClassHTTP.shellContentSecurityPolicy.components(separatedBy: "unsafe-inline").count == 2)
    }
}
