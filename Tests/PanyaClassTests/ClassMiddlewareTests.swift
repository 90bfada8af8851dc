import Hummingbird
import Foundation
import HummingbirdTesting
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
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/plain", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy] == ClassHTTP.contentSecurityPolicy)
            }
            try await client.execute(uri: "/shell", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy] == ClassHTTP.shellContentSecurityPolicy)
            }
        }
    }

    @Test func theShellsPolicyAllowsInlineStylesOnlyNeverInlineScripts() {
        #expect(!ClassHTTP.contentSecurityPolicy.contains("unsafe-inline"))
        #expect(ClassHTTP.shellContentSecurityPolicy.contains("style-src 'self' 'unsafe-inline';"))
        #expect(ClassHTTP.shellContentSecurityPolicy.contains("script-src 'self';"))
        #expect(ClassHTTP.shellContentSecurityPolicy.components(separatedBy: "unsafe-inline").count == 2)
    }
}
