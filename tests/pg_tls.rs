//! TLS to PostgreSQL, against the machine's server (`VIGIE_TEST_PG`, by default
//! 127.0.0.1:5432) with its own certificate (on Debian, the self-signed "snakeoil" one, which
//! names `localhost`). The server's configuration is only read, never changed.
//!
//! When the server is unreachable, has `ssl = off`, or its certificate cannot be read, every
//! test says so and is skipped, except under `CI=true`, where it fails.
#![allow(clippy::print_stderr)]

mod common;

use std::path::PathBuf;
use vigie::db::{DbError, Limits, Target};

/// What the tests need to know about the server.
struct Server {
    /// `postgres://user@host:port/db`, without a query.
    base: String,
    /// The server's certificate (`SHOW ssl_cert_file`), readable here.
    cert: PathBuf,
}

fn skip_or_fail(test: &str, why: String) -> Option<Server> {
    if common::in_ci() {
        panic!("{test}: {why} (CI=true: a TLS test never passes silently)");
    }
    eprintln!("skipping {test}: {why}");
    None
}

fn server(test: &str) -> Option<Server> {
    let base = common::pg_base_url();
    let mut admin = match postgres::Client::connect(&base, postgres::NoTls) {
        Ok(c) => c,
        Err(e) => return skip_or_fail(test, format!("PostgreSQL is unreachable at {base}: {e}")),
    };
    let show = |admin: &mut postgres::Client, what: &str| -> String {
        admin
            .query_one(&format!("SHOW {what}"), &[])
            .map(|r| r.get(0))
            .unwrap_or_default()
    };
    if show(&mut admin, "ssl") != "on" {
        return skip_or_fail(
            test,
            format!(
                "the server at {base} has ssl = off: these tests need TLS on (ssl = on with a certificate and key, e.g. Debian's snakeoil pair)"
            ),
        );
    }
    let cert = PathBuf::from(show(&mut admin, "ssl_cert_file"));
    let cert = if cert.is_relative() {
        PathBuf::from(show(&mut admin, "data_directory")).join(cert)
    } else {
        cert
    };
    if let Err(e) = std::fs::read_to_string(&cert) {
        return skip_or_fail(
            test,
            format!(
                "the server's certificate {} (ssl_cert_file) cannot be read here: {e}",
                cert.display()
            ),
        );
    }
    let base = base.split('?').next().unwrap_or(&base).to_string();
    Some(Server { base, cert })
}

impl Server {
    /// The base URL with its host replaced and a query added.
    fn url(&self, host: Option<&str>, query: &str) -> String {
        let mut url = url::Url::parse(&self.base).expect("VIGIE_TEST_PG is a URL");
        if let Some(h) = host {
            url.set_host(Some(h)).expect("host");
        }
        let url = url.to_string();
        if query.is_empty() {
            url
        } else {
            format!("{url}?{query}")
        }
    }

    fn root(&self) -> String {
        self.cert.display().to_string()
    }
}

fn unrelated_ca() -> String {
    format!(
        "{}/testdata/tls/unrelated-ca.pem",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Open one vigie session and ask the server whether it speaks TLS with it.
fn uses_tls(url: &str) -> Result<bool, DbError> {
    let (_, mut sessions) = vigie::db::open(&Target::parse(url)?, 1, Limits::default())?;
    let rows = sessions[0].rows(
        "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        None,
    )?;
    for s in sessions {
        s.close();
    }
    Ok(rows.first().and_then(|r| r[0].as_deref()) == Some("true"))
}

/// The message and the help of a connection error.
fn connect_failure(url: &str) -> (String, String) {
    match uses_tls(url) {
        Err(DbError::Connect { message, hint, .. }) => (message, hint.unwrap_or_default()),
        other => panic!("{url}: expected a connection error, got {other:?}"),
    }
}

#[test]
fn disable_connects_without_tls_and_require_with_it() {
    let Some(s) = server("disable_connects_without_tls_and_require_with_it") else {
        return;
    };
    assert!(!uses_tls(&s.url(None, "sslmode=disable")).unwrap());
    assert!(uses_tls(&s.url(None, "sslmode=require")).unwrap());
    // allow tries without TLS first, and the server accepts that.
    assert!(!uses_tls(&s.url(None, "sslmode=allow")).unwrap());
}

#[test]
fn the_default_prefer_uses_tls_when_the_server_offers_it() {
    let Some(s) = server("the_default_prefer_uses_tls_when_the_server_offers_it") else {
        return;
    };
    assert!(uses_tls(&s.url(None, "")).unwrap(), "no sslmode: prefer");
    assert!(uses_tls(&s.url(None, "sslmode=prefer")).unwrap());
}

#[test]
fn verify_full_without_a_trusted_ca_fails_naming_the_ca_file() {
    let Some(s) = server("verify_full_without_a_trusted_ca_fails_naming_the_ca_file") else {
        return;
    };
    let ca = unrelated_ca();
    for mode in ["verify-full", "verify-ca", "require"] {
        let url = s.url(
            Some("localhost"),
            &format!("sslmode={mode}&sslrootcert={ca}"),
        );
        let (message, hint) = connect_failure(&url);
        assert!(message.contains("not trusted"), "{mode}: {message}");
        assert!(message.contains(&ca), "{mode} names the CA file: {message}");
        assert!(hint.contains("sslrootcert=FILE"), "{mode}: {hint}");
    }
}

#[test]
fn verify_full_without_sslrootcert_trusts_the_system_cas_only() {
    let Some(s) = server("verify_full_without_sslrootcert_trusts_the_system_cas_only") else {
        return;
    };
    // A system store that does not hold the server's certificate: SSL_CERT_FILE alone.
    let url = s.url(Some("localhost"), "sslmode=verify-full");
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .args(["discover", &url])
        .env("SSL_CERT_FILE", unrelated_ca())
        .env_remove("SSL_CERT_DIR")
        .env_remove("PGSSLROOTCERT")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not trusted"), "{stderr}");
    assert!(stderr.contains("system's trusted CAs"), "{stderr}");
    assert!(stderr.contains("sslrootcert=FILE"), "{stderr}");
}

#[test]
fn verify_ca_with_the_servers_certificate_as_root_succeeds() {
    let Some(s) = server("verify_ca_with_the_servers_certificate_as_root_succeeds") else {
        return;
    };
    let root = s.root();
    // The host name is not checked in verify-ca: an address does.
    assert!(uses_tls(&s.url(None, &format!("sslmode=verify-ca&sslrootcert={root}"))).unwrap());
    // A root alone means verify-ca; require with a root is verify-ca too.
    assert!(uses_tls(&s.url(None, &format!("sslrootcert={root}"))).unwrap());
    assert!(uses_tls(&s.url(None, &format!("sslmode=require&sslrootcert={root}"))).unwrap());
    // Several sessions (the snapshot is exported and imported over TLS).
    let url = s.url(None, &format!("sslmode=verify-ca&sslrootcert={root}"));
    let (_, sessions) = vigie::db::open(&Target::parse(&url).unwrap(), 3, Limits::default())
        .expect("three verified sessions");
    assert_eq!(sessions.len(), 3);
    for s in sessions {
        s.close();
    }
}

#[test]
fn verify_full_checks_the_host_name() {
    let Some(s) = server("verify_full_checks_the_host_name") else {
        return;
    };
    let root = s.root();
    let query = format!("sslmode=verify-full&sslrootcert={root}");
    // A password in the URL is never printed, even in a TLS error.
    let mut url = url::Url::parse(&s.url(Some("127.0.0.1"), &query)).unwrap();
    url.set_password(Some("hunter2")).unwrap();
    let (message, hint) = connect_failure(url.as_str());
    assert!(
        message.contains("not valid for the host name `127.0.0.1`"),
        "{message}"
    );
    assert!(hint.contains("sslmode=verify-ca"), "{hint}");
    assert!(!message.contains("hunter2") && !hint.contains("hunter2"));
    // The name the certificate gives, from the error: connecting with it succeeds, if it
    // resolves here.
    let named = hint
        .split_once("names (`")
        .and_then(|(_, rest)| rest.split_once("`)"))
        .map(|(name, _)| name.to_string())
        .unwrap_or_else(|| panic!("the hint names the certificate's host: {hint}"));
    use std::net::ToSocketAddrs;
    if (named.as_str(), 5432).to_socket_addrs().is_err() {
        eprintln!("skipping the verify-full success case: `{named}` does not resolve here");
        return;
    }
    assert!(
        uses_tls(&s.url(Some(&named), &query)).unwrap(),
        "verify-full with host {named}"
    );
}

/// A listener that answers PostgreSQL's SSLRequest with `N`, as a server with `ssl = off`
/// does (the machine's server is not reconfigured for this).
#[test]
fn require_fails_clearly_when_the_server_refuses_tls() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let refuser = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 8];
        stream.read_exact(&mut request).unwrap();
        // Length 8, code 80877103: SSLRequest.
        assert_eq!(request, [0, 0, 0, 8, 4, 210, 22, 47]);
        stream.write_all(b"N").unwrap();
    });
    let url = format!("postgres://audit:hunter2@127.0.0.1:{port}/crm?sslmode=require");
    let (message, hint) = connect_failure(&url);
    refuser.join().unwrap();
    assert!(message.contains("does not support TLS"), "{message}");
    assert!(message.contains("sslmode=require"), "{message}");
    assert!(hint.contains("enable ssl on the server"), "{hint}");
    assert!(!message.contains("hunter2"));
}

#[test]
fn a_bad_sslmode_is_a_usage_error() {
    let err = Target::parse("postgres://u@127.0.0.1/db?sslmode=strict").unwrap_err();
    assert!(matches!(err, DbError::Url(_)), "{err:?}");
    assert!(err.to_string().contains("verify-full"), "{err}");
}

/// A CA made by the test, a server certificate it signs for `localhost`, and a cluster of the
/// test's own that presents it: `verify-full` succeeds with that CA, and fails clearly on a
/// wrong host name and with another CA.
#[test]
fn verify_full_against_a_cluster_with_a_ca_made_by_the_test() {
    use common::cluster::{Cluster, Workdir};
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
    let work = match Workdir::new() {
        Ok(w) => w,
        Err(e) => {
            skip_or_fail(
                "verify_full_against_a_cluster_with_a_ca_made_by_the_test",
                e,
            );
            return;
        }
    };
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "vigie test CA");
    let ca = ca.self_signed(&ca_key).unwrap();
    let server_key = KeyPair::generate().unwrap();
    let server = CertificateParams::new(vec!["localhost".to_string()])
        .unwrap()
        .signed_by(&server_key, &ca, &ca_key)
        .unwrap();
    // The server reads its key and certificate from the work directory, as its own user.
    let crt = work.path().join("server.crt");
    let key = work.path().join("server.key");
    std::fs::write(&crt, server.pem()).unwrap();
    std::fs::write(&key, server_key.serialize_pem()).unwrap();
    let client_dir = tempfile::tempdir().unwrap();
    let ca_file = client_dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();
    for f in [&crt, &key] {
        common::cluster::give_to_server(f, 0o600).unwrap();
    }
    let settings = format!(
        "ssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'\n",
        crt.display(),
        key.display()
    );
    let cluster = match Cluster::init(&work, "tls", &settings) {
        Ok(c) => c,
        Err(e) => {
            skip_or_fail(
                "verify_full_against_a_cluster_with_a_ca_made_by_the_test",
                format!("cannot start a cluster of the test's own: {e}"),
            );
            return;
        }
    };
    let url = |host: &str, root: &std::path::Path| {
        format!(
            "postgres://postgres@{host}:{}/postgres?sslmode=verify-full&sslrootcert={}",
            cluster.port,
            root.display()
        )
    };
    assert!(uses_tls(&url("localhost", &ca_file)).unwrap());
    let (message, hint) = connect_failure(&url("127.0.0.1", &ca_file));
    assert!(
        message.contains("not valid for the host name `127.0.0.1`"),
        "{message}"
    );
    assert!(hint.contains("localhost"), "{hint}");
    let (message, hint) = connect_failure(&url("localhost", std::path::Path::new(&unrelated_ca())));
    assert!(
        message.contains("certificate")
            && (message.contains("issuer")
                || message.contains("trusted")
                || message.contains("unknown")),
        "{message} / {hint}"
    );
    // verify-ca checks the CA, not the name.
    assert!(uses_tls(&url("127.0.0.1", &ca_file).replace("verify-full", "verify-ca")).unwrap());
    drop(cluster);
}
