import NIOCore
import Synchronization

/// Counts the open connections of each client address; a connection beyond `limit` for
/// its address is closed as soon as it opens, so one client cannot hold every connection
/// the server accepts (``ServerLimits/maxConnections``).
final class ConnectionsPerClient: Sendable {
    let limit: Int
    private let open = Mutex<[String: Int]>([:])

    init(limit: Int) { self.limit = limit }

    /// Counts a connection of `client`; false (and not counted) when it has `limit` already.
    func opened(_ client: String) -> Bool {
        open.withLock { counts in
            guard counts[client, default: 0] < limit else { return false }
            counts[client, default: 0] += 1
            return true
        }
    }

    func closed(_ client: String) {
        open.withLock { counts in
            counts[client, default: 1] -= 1
            if counts[client] == 0 { counts[client] = nil }
        }
    }

    /// The handler each connection's pipeline gets.
    func handler() -> Handler { Handler(counter: self) }

    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        let counter: ConnectionsPerClient
        private var client: String?

        init(counter: ConnectionsPerClient) { self.counter = counter }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { register(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            register(context)
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) { release() }

        private func register(_ context: ChannelHandlerContext) {
            guard client == nil else { return }
            let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
            if counter.opened(address) {
                client = address
            } else {
                context.close(promise: nil)
            }
        }

        private func release() {
            if let client { counter.closed(client) }
            client = nil
        }
    }
}
