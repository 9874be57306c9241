import Hummingbird
import NIOCore

/// The request context of the classroom server: Hummingbird's, plus the client's address
/// (for the limits per client).
struct ClassroomContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text ("unknown" when the channel has none): sessions
    /// and futures runs are counted per client by it.
    var client: String { remoteAddress?.ipAddress ?? "unknown" }
}
