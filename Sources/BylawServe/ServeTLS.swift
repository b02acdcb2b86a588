import BylawSource
#if canImport(NIOSSL)
import NIOSSL

/// The TLS settings of `--tls-cert` and `--tls-key`, checked at start-up: both files read, the
/// certificate chain and key parse, and the key belongs to the certificate. A problem is a
/// diagnostic naming the file, before the server listens, rather than a failure on the first
/// connection.
enum ServeTLS {
    static func configuration(_ files: TLSFiles) -> Result<TLSConfiguration, BylawServer.StartupFailure> {
        func failure(_ message: String, _ path: String, hint: String? = nil) -> Result<TLSConfiguration, BylawServer.StartupFailure> {
            .failure(.init(message: "TLS cannot be set up", diagnostics: [Diagnostic(code: .serveTLS, message: message, path: path, hint: hint)]))
        }
        let certificateFile: SourceFile
        let keyFile: SourceFile
        do {
            certificateFile = try SourceFile.read(path: files.certificate, maxBytes: 1 << 20)
            keyFile = try SourceFile.read(path: files.key, maxBytes: 1 << 20)
        } catch {
            return .failure(.init(message: "TLS cannot be set up", diagnostics: [error]))
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(certificateFile.bytes)
        } catch {
            return failure("'\(files.certificate)' holds no PEM certificate (\(error))", files.certificate, hint: "give the certificate chain as PEM, the server's first")
        }
        guard !chain.isEmpty else { return failure("'\(files.certificate)' holds no PEM certificate", files.certificate) }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: keyFile.bytes, format: .pem)
        } catch {
            return failure("'\(files.key)' holds no PEM private key (\(error))", files.key, hint: "give an unencrypted PEM private key")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            return failure("the key in '\(files.key)' does not fit the certificate in '\(files.certificate)' (\(error))", files.key)
        }
        return .success(configuration)
    }
}
#else
/// Built without TLS (`BYLAW_WITHOUT_TLS=1`, as the sanitizer runs build): no configuration exists.
package typealias TLSConfiguration = Never

enum ServeTLS {
    static func configuration(_ files: TLSFiles) -> Result<TLSConfiguration, BylawServer.StartupFailure> {
        .failure(.init(message: "TLS cannot be set up", diagnostics: [Diagnostic(
            code: .serveTLS, message: "this build of bylaw has no TLS", path: files.certificate,
            hint: "use a release build, or put a TLS-terminating proxy in front")]))
    }
}
#endif
