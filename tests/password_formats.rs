//! Every password layout vigie recognises, from a real value made in the test by the crate or
//! the tool that makes it in production (bcrypt, argon2, scrypt, pbkdf2, md-5, md4, sha1, sha2,
//! hmac; `openssl passwd` for md5crypt, apr1 and sha-crypt; the system's crypt(3) through perl
//! for yescrypt and DES): the Rust classifier gives the exact format and verdict, generated
//! tokens are never called clear, and a key/value credential table (`radcheck`) is counted per
//! attribute in SQL on SQLite, PostgreSQL and MariaDB.

mod common;
use argon2::PasswordHasher;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::*;
use hmac::Mac;
use sha2::Digest;
use std::collections::BTreeMap;
use vigie::text::passwords::{Verdict, attribute_category, category, category_verdict};

const PASSWORD: &str = "Soleil2024!";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A crypt(3) string from a tool on the machine.
fn tool(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(out.status.success(), "{cmd} {args:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn openssl(flag: &str) -> String {
    tool("openssl", &["passwd", flag, "-salt", "s4ltS4lt", PASSWORD])
}

/// The system's crypt(3) (libxcrypt), for the formats no crate here writes.
fn crypt(setting: &str) -> String {
    tool(
        "perl",
        &["-e", "print crypt($ARGV[0], $ARGV[1])", PASSWORD, setting],
    )
}

fn pbkdf2_sha256(salt: &[u8], rounds: u32, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(PASSWORD.as_bytes(), salt, rounds, &mut out);
    out
}

/// PHPass's and Drupal 7's base64 (little-endian groups over `./0-9A-Za-z`).
fn phpass_encode(input: &[u8]) -> String {
    const ITOA: &[u8] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let mut v = 0u32;
        for (i, b) in chunk.iter().enumerate() {
            v |= (*b as u32) << (8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(ITOA[((v >> (6 * i)) & 0x3f) as usize] as char);
        }
    }
    out
}

/// PHPass portable hash (`$P$`, 2^13 MD5 rounds): WordPress and phpBB.
fn phpass() -> String {
    let salt = b"abcdefgh";
    let mut h = md5::Md5::new_with_prefix(salt)
        .chain_update(PASSWORD)
        .finalize();
    for _ in 0..(1 << 13) {
        h = md5::Md5::new_with_prefix(h)
            .chain_update(PASSWORD)
            .finalize();
    }
    format!("$P$B{}{}", "abcdefgh", phpass_encode(&h))
}

/// Drupal 7 (`$S$`, 2^15 SHA-512 rounds, 55 characters).
fn drupal7() -> String {
    let salt = "Xy1Zw2Vu";
    let mut h = sha2::Sha512::new_with_prefix(salt)
        .chain_update(PASSWORD)
        .finalize();
    for _ in 0..(1 << 15) {
        h = sha2::Sha512::new_with_prefix(h)
            .chain_update(PASSWORD)
            .finalize();
    }
    let mut s = format!("$S$D{salt}{}", phpass_encode(&h));
    s.truncate(55);
    s
}

/// ASP.NET Core Identity v3: 0x01, PRF, iterations, salt length, salt, subkey.
fn aspnet_v3(prf: u32, rounds: u32) -> String {
    let salt = [7u8; 16];
    let mut key = [0u8; 32];
    match prf {
        1 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(PASSWORD.as_bytes(), &salt, rounds, &mut key),
        _ => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(PASSWORD.as_bytes(), &salt, rounds, &mut key),
    }
    let mut bytes = vec![1u8];
    bytes.extend(prf.to_be_bytes());
    bytes.extend(rounds.to_be_bytes());
    bytes.extend(16u32.to_be_bytes());
    bytes.extend(salt);
    bytes.extend(key);
    STANDARD.encode(bytes)
}

/// ASP.NET Identity v2: 0x00, salt, PBKDF2-HMAC-SHA1 (1,000 rounds) subkey.
fn aspnet_v2() -> String {
    let salt = [9u8; 16];
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha1::Sha1>(PASSWORD.as_bytes(), &salt, 1000, &mut key);
    let mut bytes = vec![0u8];
    bytes.extend(salt);
    bytes.extend(key);
    STANDARD.encode(bytes)
}

/// PostgreSQL's `SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey`.
fn scram() -> String {
    let salt = b"saltsaltsaltsalt";
    let salted = pbkdf2_sha256(salt, 4096, 32);
    let hmac = |msg: &[u8]| {
        let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(&salted).unwrap();
        m.update(msg);
        m.finalize().into_bytes().to_vec()
    };
    let stored = sha2::Sha256::digest(hmac(b"Client Key"));
    format!(
        "SCRAM-SHA-256$4096:{}${}:{}",
        STANDARD.encode(salt),
        STANDARD.encode(stored),
        STANDARD.encode(hmac(b"Server Key"))
    )
}

fn salted_digest<D: Digest>(salt: &[u8]) -> String {
    let mut d = D::new_with_prefix(PASSWORD)
        .chain_update(salt)
        .finalize()
        .to_vec();
    d.extend_from_slice(salt);
    STANDARD.encode(d)
}

fn nt_hash(password: &str) -> String {
    let utf16: Vec<u8> = password.encode_utf16().flat_map(u16::to_le_bytes).collect();
    hex(&md4::Md4::digest(utf16))
}

/// (value, format id) made once: the work factors are real.
fn labelled() -> &'static [(String, &'static str)] {
    static ROWS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    ROWS.get_or_init(make)
}

fn make() -> Vec<(String, &'static str)> {
    let bcrypt10 = bcrypt::hash(PASSWORD, 10).unwrap();
    let argon = argon2::Argon2::default()
        .hash_password(
            PASSWORD.as_bytes(),
            &argon2::password_hash::SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap(),
        )
        .unwrap()
        .to_string();
    let argon2i = argon2::Argon2::new(
        argon2::Algorithm::Argon2i,
        argon2::Version::V0x13,
        argon2::Params::default(),
    )
    .hash_password(
        PASSWORD.as_bytes(),
        &argon2::password_hash::SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap(),
    )
    .unwrap()
    .to_string();
    let argon_small = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(4096, 3, 1, None).unwrap(),
    )
    .hash_password(
        PASSWORD.as_bytes(),
        &argon2::password_hash::SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap(),
    )
    .unwrap()
    .to_string();
    let scrypt = scrypt::Scrypt
        .hash_password_customized(
            PASSWORD.as_bytes(),
            None,
            None,
            scrypt::Params::new(14, 8, 1, 32).unwrap(),
            &scrypt::password_hash::SaltString::from_b64("c2FsdHNhbHRzYWx0").unwrap(),
        )
        .unwrap()
        .to_string();
    let salt16 = b"0123456789abcdef";
    let werkzeug = format!(
        "pbkdf2:sha256:600000$Xq3Zr8Jx${}",
        hex(&pbkdf2_sha256(b"Xq3Zr8Jx", 600_000, 32))
    );
    let mut atlassian = salt16.to_vec();
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha1::Sha1>(PASSWORD.as_bytes(), salt16, 10_000, &mut key);
    atlassian.extend(key);
    let mut mw = [0u8; 64];
    pbkdf2::pbkdf2_hmac::<sha2::Sha512>(PASSWORD.as_bytes(), salt16, 30_000, &mut mw);
    let mediawiki = format!(
        ":pbkdf2:sha512:30000:64:{}:{}",
        STANDARD.encode(salt16),
        STANDARD.encode(mw)
    );
    let md5 = |s: &str| hex(&md5::Md5::digest(s));
    let sha1_hex = hex(&sha1::Sha1::digest(sha1::Sha1::digest(PASSWORD))).to_uppercase();
    let joomla_salt = "K3r8Zq0LmV2xT7nW4pY6bC1dF9gH5sJa";
    vec![
        (bcrypt10.clone(), "bcrypt"),
        (bcrypt::hash(PASSWORD, 5).unwrap(), "bcrypt-low-cost"),
        (format!("{{bcrypt}}{bcrypt10}"), "bcrypt"),
        (format!("bcrypt_sha256${bcrypt10}"), "bcrypt"),
        (argon.clone(), "argon2"),
        (argon2i, "argon2"),
        (argon_small.clone(), "argon2-low-memory"),
        (format!("argon2{argon_small}"), "argon2-low-memory"),
        (format!("argon2{argon}"), "argon2"),
        (scrypt, "scrypt"),
        (crypt("$y$j9T$F5Jx5fExrKuPp53xLKQ..1"), "yescrypt"),
        (openssl("-6"), "sha-crypt"),
        (openssl("-5"), "sha-crypt"),
        (format!("{{CRYPT}}{}", openssl("-6")), "sha-crypt"),
        (openssl("-1"), "md5crypt"),
        (openssl("-apr1"), "md5crypt"),
        (phpass(), "phpass"),
        (drupal7(), "drupal-sha512"),
        (werkzeug, "pbkdf2"),
        (
            format!("{{PKCS5S2}}{}", STANDARD.encode(atlassian)),
            "pbkdf2-low-iterations",
        ),
        (mediawiki, "pbkdf2-low-iterations"),
        (aspnet_v2(), "pbkdf2-low-iterations"),
        (aspnet_v3(1, 10_000), "pbkdf2-low-iterations"),
        (aspnet_v3(2, 100_000), "pbkdf2-low-iterations"),
        (aspnet_v3(2, 599_999), "pbkdf2-low-iterations"),
        (aspnet_v3(2, 600_000), "pbkdf2"),
        (scram(), "pbkdf2-low-iterations"),
        (
            format!("{{SSHA}}{}", salted_digest::<sha1::Sha1>(b"salt")),
            "ldap-sha",
        ),
        (
            format!("{{SSHA512}}{}", salted_digest::<sha2::Sha512>(b"salt")),
            "ldap-sha",
        ),
        (
            format!("{{SHA}}{}", STANDARD.encode(sha1::Sha1::digest(PASSWORD))),
            "ldap-sha",
        ),
        (
            format!("{{MD5}}{}", STANDARD.encode(md5::Md5::digest(PASSWORD))),
            "ldap-sha",
        ),
        (
            format!("{{SMD5}}{}", salted_digest::<md5::Md5>(b"salt")),
            "ldap-sha",
        ),
        (format!("{{CRYPT}}{}", crypt("ab")), "ldap-sha"),
        (format!("*{sha1_hex}"), "mysql-native"),
        (
            format!("md5{}", md5(&format!("{PASSWORD}alice"))),
            "salted-fast-hash",
        ),
        (format!(":A:{}", md5(PASSWORD)), "salted-fast-hash"),
        (
            format!(
                ":B:1a2b3c4d:{}",
                md5(&format!("1a2b3c4d-{}", md5(PASSWORD)))
            ),
            "salted-fast-hash",
        ),
        (
            format!("{}:{joomla_salt}", md5(&format!("{PASSWORD}{joomla_salt}"))),
            "salted-fast-hash",
        ),
        (md5(PASSWORD), "md5-hex"),
        (hex(&sha2::Sha256::digest(PASSWORD)), "sha2-hex"),
        (
            STANDARD.encode(sha2::Sha256::digest(PASSWORD)),
            "digest-base64",
        ),
        (format!("{{noop}}{PASSWORD}"), "plaintext"),
        (PASSWORD.into(), "plaintext"),
        ("azerty".into(), "plaintext"),
    ]
}

/// The verdict domain.md §6 gives each format.
fn expected_verdict(id: &str) -> Verdict {
    match id {
        "bcrypt" | "argon2" | "scrypt" | "yescrypt" | "pbkdf2" => Verdict::Ok,
        "argon2-low-memory"
        | "bcrypt-low-cost"
        | "pbkdf2-low-iterations"
        | "sha-crypt"
        | "drupal-sha512" => Verdict::Warn,
        "plaintext" => Verdict::Plaintext,
        "unknown-format" => Verdict::Unknown,
        _ => Verdict::Weak,
    }
}

#[test]
fn every_real_value_gets_its_exact_format_and_verdict() {
    for (value, id) in labelled() {
        assert_eq!(category(Some(value)), Some(*id), "{value}");
        assert_eq!(category_verdict(id), Some(expected_verdict(id)), "{id}");
    }
}

/// Keys and tokens from a generator: the hex, base64url and base32 a framework writes.
fn tokens(n: u32) -> Vec<String> {
    (0..n)
        .flat_map(|i| {
            let bytes = sha2::Sha256::digest(i.to_le_bytes());
            [
                URL_SAFE_NO_PAD.encode(bytes),
                URL_SAFE_NO_PAD.encode(&bytes[..16]),
                hex(&bytes[..24]),
            ]
        })
        .collect()
}

#[test]
fn generated_tokens_are_never_called_clear() {
    for t in tokens(2000) {
        assert_eq!(category(Some(&t)), Some("unknown-format"), "{t}");
    }
}

/// (id, username, attribute, value) and the category vigie must count each row in.
fn radcheck() -> Vec<(
    u32,
    &'static str,
    &'static str,
    String,
    Option<&'static str>,
)> {
    let bcrypt10 = bcrypt::hash(PASSWORD, 10).unwrap();
    vec![
        (
            1,
            "alice",
            "Cleartext-Password",
            PASSWORD.into(),
            Some("plaintext"),
        ),
        (
            2,
            "bob",
            "Cleartext-Password",
            "azerty".into(),
            Some("plaintext"),
        ),
        // Clear whatever it looks like: the attribute says so.
        (
            3,
            "carol",
            "Cleartext-Password",
            bcrypt10.clone(),
            Some("plaintext"),
        ),
        (4, "dave", "NT-Password", nt_hash(PASSWORD), Some("nt-hash")),
        (5, "erin", "nt-password", nt_hash("azerty"), Some("nt-hash")),
        (
            6,
            "frank",
            "Crypt-Password",
            openssl("-6"),
            Some("sha-crypt"),
        ),
        (7, "grace", "Crypt-Password", crypt("ab"), Some("des-crypt")),
        (
            8,
            "heidi",
            "MD5-Password",
            md5_hex(PASSWORD),
            Some("fast-hash"),
        ),
        (
            9,
            "ivan",
            "SSHA-Password",
            salted_digest::<sha1::Sha1>(b"salt"),
            Some("fast-hash"),
        ),
        (
            10,
            "judy",
            "Password-With-Header",
            format!("{{CRYPT}}{bcrypt10}"),
            Some("bcrypt"),
        ),
        (11, "alice", "Simultaneous-Use", "1".into(), None),
        (12, "bob", "Auth-Type", "Reject".into(), None),
        (13, "carol", "Cleartext-Password", String::new(), None),
    ]
}

fn md5_hex(s: &str) -> String {
    hex(&md5::Md5::digest(s))
}

fn kv_fixture() -> String {
    let mut sql = String::from(
        "CREATE TABLE radcheck (id INTEGER PRIMARY KEY, username VARCHAR(64), attribute VARCHAR(64), op CHAR(2), value VARCHAR(253));\n\
         CREATE TABLE api_clients (id INTEGER PRIMARY KEY, name VARCHAR(64), password VARCHAR(128));\n",
    );
    for (id, user, attr, value, _) in radcheck() {
        sql.push_str(&format!(
            "INSERT INTO radcheck VALUES ({id}, '{user}', '{attr}', ':=', '{}');\n",
            value.replace('\'', "''")
        ));
    }
    for (i, t) in tokens(3).iter().enumerate() {
        sql.push_str(&format!(
            "INSERT INTO api_clients VALUES ({}, 'client{i}', '{t}');\n",
            i + 1
        ));
    }
    sql
}

const KV_POLICY: &str = r#"
[[subject]]
id = "radius"
table = "radcheck"
key = "id"
"#;

/// (rule, table, category) → (count, keys).
type Counts = BTreeMap<(String, String, String), (u64, Vec<String>)>;

fn kv_expected() -> Counts {
    let mut m: Counts = BTreeMap::new();
    for (id, _, attr, value, category) in radcheck() {
        assert_eq!(attribute_category(attr, Some(&value)), category, "row {id}");
        let rule = match category.map(|c| (c, category_verdict(c))) {
            Some((_, Some(Verdict::Plaintext))) => "password-plaintext",
            Some((_, Some(Verdict::Weak | Verdict::Warn))) => "password-weak-hash",
            // Sound, or no password.
            _ => continue,
        };
        let category = category.unwrap_or_default();
        let e = m
            .entry((rule.into(), "radcheck".into(), category.into()))
            .or_default();
        e.0 += 1;
        e.1.push(id.to_string());
    }
    m.insert(
        (
            "password-unknown-format".into(),
            "api_clients".into(),
            "unknown-format".into(),
        ),
        (9, (1..=9).map(|i| i.to_string()).collect()),
    );
    m
}

fn kv_found(url: &str) -> Counts {
    let report = scan_text(KV_POLICY, url, AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("password-"))
        .map(|f| {
            let expected_column = if f.table.as_deref() == Some("radcheck") {
                "value"
            } else {
                "password"
            };
            assert_eq!(f.column.as_deref(), Some(expected_column));
            (
                (
                    f.rule.to_string(),
                    f.table.clone().unwrap(),
                    f.category.clone().unwrap(),
                ),
                (f.count, f.sample_keys.clone()),
            )
        })
        .collect()
}

#[test]
fn a_radcheck_table_is_counted_per_attribute_on_sqlite() {
    let (_dir, path) = sqlite_fixture(&kv_fixture());
    assert_eq!(
        kv_found(&format!("sqlite://{}", path.display())),
        kv_expected()
    );
}

#[test]
fn a_radcheck_table_is_counted_per_attribute_on_postgres() {
    let Some(url) = pg_fixture("radcheck", &kv_fixture()) else {
        return;
    };
    assert_eq!(kv_found(&url), kv_expected());
}

#[test]
fn a_radcheck_table_is_counted_per_attribute_on_mariadb() {
    let Some(url) = mysql_fixture("radcheck", &kv_fixture()) else {
        return;
    };
    assert_eq!(kv_found(&url), kv_expected());
}

/// With a reset flag in the table, the plaintext proposal sets it on exactly the counted rows,
/// for review, and leaves every password as it is: the next scan finds the same passwords.
#[test]
fn a_reset_flag_is_set_on_the_clear_rows_and_the_passwords_are_kept() {
    let bcrypt10 = bcrypt::hash(PASSWORD, 10).unwrap();
    let sql = format!(
        "CREATE TABLE comptes (id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(255), doit_changer_mdp BOOLEAN NOT NULL DEFAULT 0);\n\
         INSERT INTO comptes VALUES (1, 'a@example.org', '{PASSWORD}', 0), (2, 'b@example.org', '{bcrypt10}', 0), (3, 'c@example.org', 'azerty', 0), (4, 'd@example.org', NULL, 0);\n"
    );
    let (_dir, path) = sqlite_fixture(&sql);
    let url = format!("sqlite://{}", path.display());
    let policy = "[[subject]]\nid = \"comptes\"\ntable = \"comptes\"\nkey = \"id\"\n";
    let before = scan_text(policy, &url, AS_OF);
    let plain = before
        .findings
        .iter()
        .find(|f| f.rule == "password-plaintext")
        .expect("plaintext finding");
    assert_eq!(
        (plain.count, plain.sample_keys.clone()),
        (2, vec!["1".to_string(), "3".to_string()])
    );
    let fix = plain.remediation.as_ref().unwrap();
    assert_eq!(fix.applicability, vigie::finding::Applicability::Review);
    let statements: Vec<&str> = fix.sql.lines().filter(|l| !l.starts_with("--")).collect();
    assert!(
        statements.iter().all(|l| !l.contains("mot_de_passe =")),
        "{}",
        fix.sql
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&vigie::report::remediation_script(&before))
        .unwrap();
    let flagged: Vec<(i64, bool, Option<String>)> = conn
        .prepare("SELECT id, doit_changer_mdp, mot_de_passe FROM comptes ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        flagged,
        vec![
            (1, true, Some(PASSWORD.to_string())),
            (2, false, Some(bcrypt10)),
            (3, true, Some("azerty".to_string())),
            (4, false, None),
        ]
    );
    let after = scan_text(policy, &url, AS_OF);
    assert_eq!(
        of_rule(&before, "password-plaintext"),
        of_rule(&after, "password-plaintext")
    );
}

/// `vigie discover` on the same tables: `radcheck.value` is a password column by its
/// attributes, `api_clients.password` by its name.
#[test]
fn discover_calls_the_radcheck_value_column_a_password() {
    let (_dir, path) = sqlite_fixture(&kv_fixture());
    let target = vigie::db::Target::parse(&format!("sqlite://{}", path.display())).unwrap();
    let inv = vigie::discover::discover(
        &target,
        &vigie::discover::DiscoverOptions {
            sample: 100,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(inv.errors().is_empty(), "{:?}", inv.errors());
    let columns = inv.columns();
    let value = columns
        .iter()
        .find(|c| c.table == "radcheck" && c.column == "value")
        .expect("radcheck.value classified");
    assert_eq!(value.category.as_str(), "password");
    assert_eq!(
        value.evidence,
        vec![
            "key/value table: 10 of 12 sampled rows have a `attribute` naming a password \
             (Cleartext-Password ×3, Crypt-Password ×2, MD5-Password ×1, NT-Password ×1, \
             Password-With-Header ×1, SSHA-Password ×1, nt-password ×1)"
                .to_string()
        ]
    );
    // No value reaches the inventory.
    let json = serde_json::to_string(&columns).unwrap();
    assert!(!json.contains(PASSWORD), "{json}");
}
