//! TLS for PostgreSQL with libpq's parameters, on rustls (ring), as the MySQL backend: no
//! system OpenSSL.
//!
//! `sslmode`, `sslrootcert`, `sslcert` and `sslkey` come from the URL's query or, when the URL
//! does not name them, from `PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT` and `PGSSLKEY`. They are
//! taken out of the URL before tokio-postgres parses it: it knows only three of the six modes
//! and none of the file parameters.
//!
//! What each mode checks, as libpq documents it:
//! - `disable`: no TLS;
//! - `allow`: no TLS, unless the server refuses a connection without it (then TLS, unchecked);
//! - `prefer` (default): TLS when the server offers it, plain otherwise; the certificate is not
//!   checked (whoever can intercept the connection can also refuse TLS);
//! - `require`: TLS or fail, certificate not checked; with `sslrootcert`, as `verify-ca`;
//! - `verify-ca`: TLS, and the certificate chains to `sslrootcert` (or the system's CAs);
//! - `verify-full`: and it names the host of the URL.
//!
//! Without `sslrootcert` the verifying modes trust the system's CAs (`SSL_CERT_FILE`,
//! `SSL_CERT_DIR`, else the platform's store: `/etc/ssl/certs` on Debian), which is what libpq
//! does with `sslrootcert=system`; that spelling is accepted too and, as in libpq, means
//! `verify-full` and refuses a weaker mode. A `sslrootcert` file given without `sslmode` means
//! `verify-ca`: naming a CA asks for it to be checked (the MySQL backend's `ssl-ca` rule).

use crate::db::{DbError, redact};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// libpq's `sslmode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// The values of `sslmode`, for usage errors.
pub const SSL_MODES: &str = "disable, allow, prefer (default), require, verify-ca, verify-full";

impl SslMode {
    pub fn parse(value: &str) -> Option<SslMode> {
        match value.to_ascii_lowercase().replace('_', "-").as_str() {
            "disable" => Some(SslMode::Disable),
            "allow" => Some(SslMode::Allow),
            "prefer" => Some(SslMode::Prefer),
            "require" => Some(SslMode::Require),
            "verify-ca" => Some(SslMode::VerifyCa),
            "verify-full" => Some(SslMode::VerifyFull),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// Whether the server's certificate is checked in this mode.
    pub fn verifies(self) -> bool {
        matches!(self, SslMode::VerifyCa | SslMode::VerifyFull)
    }
}

/// Whom a verifying mode trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Roots {
    /// A PEM file of CA certificates (`sslrootcert=FILE`).
    File(PathBuf),
    /// The system's trusted CAs (no `sslrootcert`, or `sslrootcert=system`).
    System,
}

impl Roots {
    /// For error messages: who did not trust the certificate.
    pub fn describe(&self) -> String {
        match self {
            Roots::File(path) => format!("the CA file {} (sslrootcert)", path.display()),
            Roots::System => {
                "the system's trusted CAs (SSL_CERT_FILE, SSL_CERT_DIR or the platform's store)"
                    .into()
            }
        }
    }
}

/// The TLS settings of a PostgreSQL target, resolved from the URL and the environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsSpec {
    pub mode: SslMode,
    /// Whom to trust; set exactly when `mode` verifies.
    pub roots: Option<Roots>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

/// The query parameters this module takes out of the URL.
const PARAMETERS: [&str; 4] = ["sslmode", "sslrootcert", "sslcert", "sslkey"];

/// The URL without its TLS parameters, and the TLS settings. `env` reads an environment
/// variable (`std::env::var(..).ok()` outside tests).
pub fn split_url(
    url: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Result<(String, TlsSpec), DbError> {
    let bad = |why: String| {
        DbError::Url(format!(
            "`{}` is not a valid PostgreSQL URL: {why}",
            redact(url)
        ))
    };
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut given: [Option<String>; 4] = Default::default();
    let (base, kept) = match url.split_once('?') {
        Some((base, query)) => {
            let mut kept = Vec::new();
            for pair in query.split('&').filter(|p| !p.is_empty()) {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                match PARAMETERS.iter().position(|p| *p == decode(key)) {
                    Some(i) => given[i] = Some(decode(value)),
                    None => kept.push(pair),
                }
            }
            (base, kept)
        }
        None => (url, Vec::new()),
    };
    let stripped = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    let [mode, root, cert, key] = given;
    let env_or = |value: Option<String>, var: &str| {
        value
            .map(|v| (v, false))
            .or_else(|| env(var).map(|v| (v, true)))
            .filter(|(v, _)| !v.is_empty())
    };
    let mode = match env_or(mode, "PGSSLMODE") {
        Some((v, from_env)) => Some(SslMode::parse(&v).ok_or_else(|| {
            let place = if from_env { "PGSSLMODE" } else { "sslmode" };
            bad(format!("{place} `{v}` is not one of {SSL_MODES}"))
        })?),
        None => None,
    };
    let roots = env_or(root, "PGSSLROOTCERT").map(|(v, _)| {
        if v == "system" {
            Roots::System
        } else {
            Roots::File(PathBuf::from(v))
        }
    });
    let cert = env_or(cert, "PGSSLCERT").map(|(v, _)| PathBuf::from(v));
    let key = env_or(key, "PGSSLKEY").map(|(v, _)| PathBuf::from(v));
    if cert.is_some() != key.is_some() {
        return Err(bad(
            "sslcert and sslkey go together: give both (a client certificate and its key, PEM)"
                .into(),
        ));
    }
    let mode = match (mode, &roots) {
        (None, None) => SslMode::Prefer,
        // As libpq: the system's CAs are only worth checking with the host name.
        (None, Some(Roots::System)) => SslMode::VerifyFull,
        (Some(m), Some(Roots::System)) if m != SslMode::VerifyFull && m != SslMode::Disable => {
            return Err(bad(format!(
                "sslmode `{}` may not be used with sslrootcert=system: use sslmode=verify-full",
                m.name()
            )));
        }
        (None, Some(Roots::File(_))) => SslMode::VerifyCa,
        // As libpq: with a root certificate, `require` checks the chain.
        (Some(SslMode::Require), Some(Roots::File(_))) => SslMode::VerifyCa,
        (Some(m), _) => m,
    };
    let roots = if mode.verifies() {
        Some(roots.unwrap_or(Roots::System))
    } else {
        None
    };
    Ok((
        stripped,
        TlsSpec {
            mode,
            roots,
            cert,
            key,
        },
    ))
}

fn setup_error(target: &str, message: String, hint: &str) -> DbError {
    DbError::Connect {
        target: target.to_string(),
        message,
        hint: Some(hint.into()),
    }
}

impl TlsSpec {
    /// The rustls configuration for this spec; `None` under `sslmode=disable`. Files are read
    /// here, once per scan. `target` is the redacted URL, for errors.
    pub fn client_config(&self, target: &str) -> Result<Option<rustls::ClientConfig>, DbError> {
        if self.mode == SslMode::Disable {
            return Ok(None);
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier: Arc<dyn ServerCertVerifier> = match &self.roots {
            None => Arc::new(NoCheck(provider.clone())),
            Some(roots) => {
                let store = Arc::new(root_store(roots, target)?);
                let webpki = WebPkiServerVerifier::builder_with_provider(store, provider.clone())
                    .build()
                    .map_err(|e| {
                        setup_error(
                            target,
                            format!("cannot use {}: {e}", roots.describe()),
                            "sslrootcert must be a PEM file of CA certificates",
                        )
                    })?;
                if self.mode == SslMode::VerifyFull {
                    webpki
                } else {
                    Arc::new(CaOnly(webpki))
                }
            }
        };
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| {
                setup_error(
                    target,
                    format!("cannot set up TLS: {e}"),
                    "this is a bug in vigie's TLS set-up",
                )
            })?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let config = match (&self.cert, &self.key) {
            (Some(cert), Some(key)) => {
                let chain = read_certs(cert, "sslcert", target)?;
                let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                    setup_error(
                        target,
                        format!("cannot read the client key sslkey={}: {e}", key.display()),
                        "sslkey must be a readable PEM file holding the private key of sslcert",
                    )
                })?;
                builder.with_client_auth_cert(chain, key_der).map_err(|e| {
                    setup_error(
                        target,
                        format!(
                            "cannot use the client certificate sslcert={} with sslkey={}: {e}",
                            cert.display(),
                            key.display()
                        ),
                        "sslkey must be the private key of the certificate in sslcert",
                    )
                })?
            }
            _ => builder.with_no_client_auth(),
        };
        Ok(Some(config))
    }
}

/// Every certificate of a PEM file; at least one.
fn read_certs(
    path: &Path,
    parameter: &str,
    target: &str,
) -> Result<Vec<CertificateDer<'static>>, DbError> {
    let fail = |why: String| {
        setup_error(
            target,
            format!("cannot read {parameter}={}: {why}", path.display()),
            "give a readable PEM file (-----BEGIN CERTIFICATE-----)",
        )
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| fail(e.to_string()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(e.to_string()))?;
    if certs.is_empty() {
        return Err(fail("it holds no PEM certificate".into()));
    }
    Ok(certs)
}

fn root_store(roots: &Roots, target: &str) -> Result<RootCertStore, DbError> {
    let mut store = RootCertStore::empty();
    match roots {
        Roots::File(path) => {
            let (added, _) =
                store.add_parsable_certificates(read_certs(path, "sslrootcert", target)?);
            if added == 0 {
                return Err(setup_error(
                    target,
                    format!(
                        "sslrootcert={} holds no usable CA certificate",
                        path.display()
                    ),
                    "give the PEM file of the CA that signed the server's certificate",
                ));
            }
        }
        Roots::System => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                let why = found
                    .errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ");
                return Err(setup_error(
                    target,
                    format!("no trusted CA certificate found on this system ({why})"),
                    "give the CA that signed the server's certificate with sslrootcert=FILE (PEM)",
                ));
            }
        }
    }
    Ok(store)
}

/// `allow`, `prefer` and `require`: encrypt, check nothing about who answers. The handshake
/// signatures are still verified, so the session is bound to the certificate presented.
#[derive(Debug)]
struct NoCheck(Arc<CryptoProvider>);

impl ServerCertVerifier for NoCheck {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to a trusted CA; the name is not checked. rustls checks
/// the chain before the name, so a name error means the chain was good.
#[derive(Debug)]
struct CaOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for CaOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The rustls error behind a failed connection, if TLS is what failed. tokio-rustls wraps it
/// in an `io::Error`, whose `source()` skips the wrapped error, so look inside by hand.
pub fn rustls_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(r) = err.downcast_ref::<rustls::Error>() {
            return Some(r);
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(r) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
        {
            return Some(r);
        }
        current = err.source();
    }
    None
}

/// `localhost` out of rustls' `DnsName("localhost")`; other forms as they are.
fn bare_name(presented: &str) -> &str {
    presented
        .split_once("(\"")
        .and_then(|(_, rest)| rest.strip_suffix("\")"))
        .unwrap_or(presented)
}

/// The message and the hint of a TLS failure, naming what to do.
pub fn explain(error: &rustls::Error, spec: &TlsSpec, host: &str) -> (String, String) {
    use rustls::AlertDescription;
    let roots = spec
        .roots
        .as_ref()
        .map(Roots::describe)
        .unwrap_or_else(|| "no CA".into());
    match error {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer | CertificateError::BadSignature) => (
            format!("the server's certificate is not trusted (sslmode={}): no CA of {roots} signed it", spec.mode.name()),
            "give the PEM file of the CA that signed the server's certificate with sslrootcert=FILE (the database's administrator has it), or use sslmode=require to encrypt without checking the certificate, only on a network you trust".into(),
        ),
        rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext { expected, presented }) => {
            let presented: Vec<&str> = presented.iter().map(|n| bare_name(n)).collect();
            let names = if presented.is_empty() { "no host name".to_string() } else { presented.join(", ") };
            (
                format!("the server's certificate is not valid for the host name `{}`: it names {names} (sslmode=verify-full)", expected.to_str()),
                format!("connect with a host name the certificate names{}, or use sslmode=verify-ca to check the CA without the host name", presented.first().map(|n| format!(" (`{n}`)")).unwrap_or_default()),
            )
        }
        rustls::Error::InvalidCertificate(CertificateError::NotValidForName) => (
            format!("the server's certificate is not valid for the host name `{host}` (sslmode=verify-full)"),
            "connect with a host name the certificate names, or use sslmode=verify-ca to check the CA without the host name".into(),
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::Expired | CertificateError::ExpiredContext { .. },
        ) => (
            format!("the server's certificate has expired: {error}"),
            "renew the server's certificate (or check this machine's clock)".into(),
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. },
        ) => (
            format!("the server's certificate is not valid yet: {error}"),
            "check this machine's clock and the server's certificate".into(),
        ),
        rustls::Error::AlertReceived(
            AlertDescription::CertificateRequired
            | AlertDescription::BadCertificate
            | AlertDescription::UnknownCA
            | AlertDescription::HandshakeFailure,
        ) if spec.cert.is_none() => (
            format!("the server refused the TLS handshake: {error}"),
            "the server may require a client certificate: give sslcert and sslkey (PEM)".into(),
        ),
        _ => (
            format!("the TLS handshake failed: {error}"),
            "check sslmode, sslrootcert, sslcert and sslkey, and the server's ssl settings".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn spec(url: &str) -> TlsSpec {
        split_url(url, no_env).expect("valid URL").1
    }

    #[test]
    fn every_sslmode_value_is_read() {
        for (value, mode) in [
            ("disable", SslMode::Disable),
            ("allow", SslMode::Allow),
            ("prefer", SslMode::Prefer),
            ("require", SslMode::Require),
            ("verify-ca", SslMode::VerifyCa),
            ("verify-full", SslMode::VerifyFull),
        ] {
            let (rest, s) = split_url(&format!("postgres://u@h/db?sslmode={value}"), no_env)
                .expect("valid sslmode");
            assert_eq!(s.mode, mode, "{value}");
            assert_eq!(mode.name(), value);
            assert_eq!(rest, "postgres://u@h/db", "sslmode is taken out of the URL");
            // Only the verifying modes trust anyone, and without sslrootcert the system.
            let expected = mode.verifies().then_some(Roots::System);
            assert_eq!(s.roots, expected, "{value}");
        }
        assert_eq!(spec("postgres://u@h/db").mode, SslMode::Prefer, "default");
        assert_eq!(
            spec("postgres://u@h/db?sslmode=VERIFY-FULL").mode,
            SslMode::VerifyFull
        );
    }

    #[test]
    fn an_invalid_sslmode_is_a_usage_error_listing_the_values() {
        let err = split_url("postgres://u:secret@h/db?sslmode=verify_host", no_env)
            .expect_err("invalid sslmode");
        let text = err.to_string();
        assert!(matches!(err, DbError::Url(_)), "{err:?}");
        assert!(text.contains("sslmode `verify_host`"), "{text}");
        for value in [
            "disable",
            "allow",
            "prefer",
            "require",
            "verify-ca",
            "verify-full",
        ] {
            assert!(text.contains(value), "{text} lists {value}");
        }
        assert!(!text.contains("secret"), "{text}");
        let env = |var: &str| (var == "PGSSLMODE").then(|| "strict".to_string());
        let err = split_url("postgres://u@h/db", env).expect_err("invalid PGSSLMODE");
        assert!(err.to_string().contains("PGSSLMODE `strict`"), "{err}");
    }

    #[test]
    fn files_and_other_parameters() {
        let (rest, s) = split_url(
            "postgres://u@h/db?application_name=x&sslrootcert=%2Fetc%2Fca.pem&sslcert=/c.pem&sslkey=/k.pem&connect_timeout=3",
            no_env,
        )
        .expect("valid");
        assert_eq!(
            rest, "postgres://u@h/db?application_name=x&connect_timeout=3",
            "tokio-postgres gets the other parameters"
        );
        // A CA named without sslmode asks for it to be checked.
        assert_eq!(s.mode, SslMode::VerifyCa);
        assert_eq!(s.roots, Some(Roots::File("/etc/ca.pem".into())));
        assert_eq!(s.cert, Some("/c.pem".into()));
        assert_eq!(s.key, Some("/k.pem".into()));
        // As libpq: require with a root certificate checks the chain.
        let s = spec("postgres://u@h/db?sslmode=require&sslrootcert=/ca.pem");
        assert_eq!(s.mode, SslMode::VerifyCa);
        // prefer never checks, so it trusts no one.
        let s = spec("postgres://u@h/db?sslmode=prefer&sslrootcert=/ca.pem");
        assert_eq!((s.mode, s.roots), (SslMode::Prefer, None));
        // sslrootcert=system means verify-full, and refuses weaker modes, as libpq.
        let s = spec("postgres://u@h/db?sslrootcert=system");
        assert_eq!(
            (s.mode, s.roots),
            (SslMode::VerifyFull, Some(Roots::System))
        );
        let err = split_url(
            "postgres://u@h/db?sslrootcert=system&sslmode=verify-ca",
            no_env,
        )
        .expect_err("weak mode with system roots");
        assert!(err.to_string().contains("use sslmode=verify-full"), "{err}");
        let err = split_url("postgres://u@h/db?sslkey=/k.pem", no_env).expect_err("key alone");
        assert!(
            err.to_string().contains("sslcert and sslkey go together"),
            "{err}"
        );
    }

    #[test]
    fn the_environment_fills_what_the_url_does_not_say() {
        let env = |var: &str| match var {
            "PGSSLMODE" => Some("verify-full".to_string()),
            "PGSSLROOTCERT" => Some("/env/ca.pem".to_string()),
            "PGSSLCERT" => Some("/env/c.pem".to_string()),
            "PGSSLKEY" => Some("/env/k.pem".to_string()),
            _ => None,
        };
        let (_, s) = split_url("postgres://u@h/db", env).expect("valid");
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.roots, Some(Roots::File("/env/ca.pem".into())));
        assert_eq!(s.cert, Some("/env/c.pem".into()));
        let (_, s) = split_url("postgres://u@h/db?sslmode=disable", env).expect("valid");
        assert_eq!((s.mode, s.roots), (SslMode::Disable, None), "the URL wins");
    }

    #[test]
    fn unreadable_files_are_named() {
        let ca = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/tls/unrelated-ca.pem");
        let message = |url: &str| match spec(url).client_config("target") {
            Err(DbError::Connect { message, hint, .. }) => format!("{message} / {hint:?}"),
            other => panic!(
                "{url}: expected an error, got {:?}",
                other.map(|c| c.is_some())
            ),
        };
        let m = message("postgres://u@h/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem");
        assert!(m.contains("sslrootcert=/nonexistent/ca.pem"), "{m}");
        let m = message(&format!(
            "postgres://u@h/db?sslmode=require&sslcert={ca}&sslkey=/nonexistent/k.pem"
        ));
        assert!(m.contains("sslkey=/nonexistent/k.pem"), "{m}");
        assert!(
            spec(&format!("postgres://u@h/db?sslrootcert={ca}"))
                .client_config("target")
                .expect("a CA file")
                .is_some()
        );
        assert!(
            spec("postgres://u@h/db?sslmode=disable")
                .client_config("target")
                .expect("no TLS")
                .is_none()
        );
    }

    #[test]
    fn presented_names_are_printed_bare() {
        assert_eq!(bare_name("DnsName(\"localhost\")"), "localhost");
        assert_eq!(bare_name("10.0.0.1"), "10.0.0.1");
    }
}
