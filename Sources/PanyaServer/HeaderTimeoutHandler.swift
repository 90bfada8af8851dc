import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request head (request line and headers) is not complete
/// `timeout` after its first byte arrived: a client that starts a request and never finishes
/// its headers does not keep a connection (and its buffers) forever. Connections with nothing
/// under way are closed by the idle timeout (Hummingbird's), bodies being read too.
final class HeaderTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    /// True between requests: the next bytes start a head.
    private var waitingForHead = true
    /// When the head under way started (nil while none is).
    private var headStarted: NIODeadline?
    /// The connection's one pending check. A request does not schedule and cancel a timer of its
    /// own (a kept connection carries thousands): the check, when it comes, looks at the head
    /// under way then and waits again for that head's own deadline.
    private var check: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        // The bytes are seen before the HTTP decoder gathers them into a head.
        try? context.pipeline.syncOperations.addHandler(ByteArrivalHandler(owner: self), position: .first)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
        self.context = nil
    }

    /// Bytes came in: when they start a head, the head's time starts.
    func bytesArrived() {
        guard waitingForHead, headStarted == nil else { return }
        let now = NIODeadline.now()
        headStarted = now
        if check == nil { scheduleCheck(at: now + timeout) }
    }

    /// Closes the connection when the head under way started `timeout` ago or more; waits for
    /// its deadline when it started later; stops when no head is under way.
    private func checkHead() {
        check = nil
        guard let started = headStarted, let context else { return }
        let deadline = started + timeout
        if deadline <= .now() {
            context.close(promise: nil)
        } else {
            scheduleCheck(at: deadline)
        }
    }

    private func scheduleCheck(at deadline: NIODeadline) {
        guard let context else { return }
        check = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in checkHead() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Only a head ends the wait; the parts of a body pass without being looked at.
        if waitingForHead, case .head = unwrapInboundIn(data) {
            waitingForHead = false
            headStarted = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if !waitingForHead, case .end = unwrapOutboundIn(data) { waitingForHead = true }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    private func cancel() {
        check?.cancel()
        check = nil
        headStarted = nil
    }
}

/// Tells its ``HeaderTimeoutHandler`` that bytes arrived (first in the pipeline, raw bytes).
final class ByteArrivalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let owner: HeaderTimeoutHandler

    init(owner: HeaderTimeoutHandler) {
        self.owner = owner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        owner.bytesArrived()
        context.fireChannelRead(data)
    }
}
