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
    private var timer: Scheduled<Void>?
    private var channel: (any Channel)?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        channel = context.channel
        // The bytes are seen before the HTTP decoder gathers them into a head.
        try? context.pipeline.syncOperations.addHandler(ByteArrivalHandler(owner: self), position: .first)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
        channel = nil
    }

    /// Bytes came in: when they start a head, the head's time starts.
    func bytesArrived() {
        guard waitingForHead, timer == nil, let channel else { return }
        timer = channel.eventLoop.scheduleTask(in: timeout) { [channel] in
            channel.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            waitingForHead = false
            cancel()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { waitingForHead = true }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    private func cancel() {
        timer?.cancel()
        timer = nil
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
