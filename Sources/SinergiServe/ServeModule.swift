import Hummingbird
/// The web server of `sinergi serve`.
enum ServeModule {}
