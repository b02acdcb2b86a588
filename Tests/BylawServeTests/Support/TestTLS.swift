import BylawServe
import BylawTestSupport
import Foundation
#if canImport(NIOSSL)
import NIOSSL
import Testing

/// A self-signed certificate for `localhost` and 127.0.0.1, made for one test with the
/// system's `openssl`, and a client configuration trusting it.
struct TestTLS: Sendable {
    let files: TLSFiles
    let client: TLSConfiguration

    /// Where `openssl` is, if anywhere on the PATH.
    static let openssl: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether TLS tests run: with `openssl` present, or on CI, where its absence must fail
    /// the test rather than skip it.
    static let runs = openssl != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Makes a key and certificate in `folder`.
    static func make(in folder: ScratchFolder) throws -> TestTLS {
        let openssl = try #require(openssl, "openssl is needed to make the test certificate (apt-get install openssl)")
        let key = folder.path("key.pem")
        let certificate = folder.path("cert.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl req failed")
        var client = TLSConfiguration.makeClientConfiguration()
        client.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate))
        client.certificateVerification = .fullVerification
        return TestTLS(files: TLSFiles(certificate: certificate, key: key), client: client)
    }
}
#else
/// Built without TLS: no certificate is made and the TLS tests do not run.
enum TestTLS {
    static let runs = false
    var client: TLSConfiguration? { switch self {} }
}
#endif
