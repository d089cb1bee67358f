//! Password storage, classified on a table of real hashes made by the crates that make them in
//! production (bcrypt, argon2, pbkdf2, md-5, sha1, sha2), plus the formats no Rust crate here
//! writes (sha512crypt, md5crypt, yescrypt) as published examples. The rules count in SQL;
//! the Rust classifier must agree with the SQL on every row, on SQLite and PostgreSQL.

mod common;
use argon2::PasswordHasher;
use base64::Engine;
use common::*;
use sha2::Digest;
use std::collections::BTreeMap;

const PASSWORD: &str = "Soleil2024!";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn django_pbkdf2(rounds: u32) -> String {
    let salt = "9kGPzL2Ga8Tu";
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(PASSWORD.as_bytes(), salt.as_bytes(), rounds, &mut out);
    format!(
        "pbkdf2_sha256${rounds}${salt}${}",
        base64::engine::general_purpose::STANDARD.encode(out)
    )
}

fn phc_pbkdf2(rounds: u32) -> String {
    let salt = pbkdf2::password_hash::SaltString::from_b64("c2FsdHNhbHRzYWx0").unwrap();
    pbkdf2::Pbkdf2
        .hash_password_customized(
            PASSWORD.as_bytes(),
            None,
            None,
            pbkdf2::Params {
                rounds,
                output_length: 32,
            },
            &salt,
        )
        .unwrap()
        .to_string()
}

type Stored = (u32, Option<String>, &'static str);

/// (id, stored value, the format id vigie must report, or "ok" / "none"), hashed once: the real
/// work factors take seconds.
fn rows() -> Vec<Stored> {
    static ROWS: std::sync::OnceLock<Vec<Stored>> = std::sync::OnceLock::new();
    ROWS.get_or_init(make_rows).clone()
}

fn make_rows() -> Vec<Stored> {
    let argon = argon2::Argon2::default()
        .hash_password(
            PASSWORD.as_bytes(),
            &argon2::password_hash::SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap(),
        )
        .unwrap()
        .to_string();
    let mut ssha = sha1::Sha1::new();
    ssha.update(PASSWORD.as_bytes());
    ssha.update(b"salt");
    let mut ssha = ssha.finalize().to_vec();
    ssha.extend_from_slice(b"salt");
    vec![
        (1, Some(bcrypt::hash(PASSWORD, 10).unwrap()), "ok"),
        (2, Some(bcrypt::hash(PASSWORD, 4).unwrap()), "bcrypt-low-cost"),
        (3, Some(argon), "ok"),
        (4, Some(phc_pbkdf2(600_000)), "ok"),
        (5, Some(phc_pbkdf2(10_000)), "pbkdf2-low-iterations"),
        (6, Some(django_pbkdf2(600_000)), "ok"),
        (7, Some(django_pbkdf2(260_000)), "pbkdf2-low-iterations"),
        (8, Some(hex(&md5::Md5::digest(PASSWORD))), "md5-hex"),
        (9, Some(hex(&sha1::Sha1::digest(PASSWORD)).to_uppercase()), "sha1-hex"),
        (10, Some(hex(&sha2::Sha256::digest(PASSWORD))), "sha2-hex"),
        (
            11,
            Some(format!(
                "{{SSHA}}{}",
                base64::engine::general_purpose::STANDARD.encode(ssha)
            )),
            "ldap-sha",
        ),
        // Published examples (passlib documentation) for formats no crate here writes.
        (
            12,
            Some("$6$rounds=5000$usesomesillystri$D4IrlXatmP7rx3P3InaxBeoomnAihCKRVQP22JZ6EY47Wc6BkroIuUUBOov1i.S5KPgErtP/EN5mcO.ChWQW21".into()),
            "sha-crypt",
        ),
        (13, Some("$1$5pZSV9va$azfrPr6af3Fc7dLblQXVa0".into()), "md5crypt"),
        (14, Some("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7".into()), "ok"),
        (15, Some(PASSWORD.into()), "plaintext"),
        (16, Some("motdepasse".into()), "plaintext"),
        (17, None, "none"),
        (18, Some(String::new()), "none"),
    ]
}

fn fixture_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE comptes (id INTEGER PRIMARY KEY, email VARCHAR(255), mot_de_passe VARCHAR(255), derniere_connexion DATE);\n",
    );
    for (id, value, _) in rows() {
        let v = value
            .map(|v| format!("'{}'", v.replace('\'', "''")))
            .unwrap_or_else(|| "NULL".into());
        sql.push_str(&format!(
            "INSERT INTO comptes VALUES ({id}, 'u{id}@example.org', {v}, '2026-06-01');\n"
        ));
    }
    sql
}

const POLICY: &str = r#"
[[subject]]
id = "comptes"
table = "comptes"
key = "id"

[[purpose]]
id = "comptes"
legal_basis = "contract"
subjects = ["comptes"]
data = ["comptes.email", "comptes.mot_de_passe"]

[[purpose.retention]]
table = "comptes"
keep = "cnil:inactive-account"
from = "derniere_connexion"
"#;

/// (rule, category) → (count, keys, severity).
type Counts = BTreeMap<(String, String), (u64, Vec<String>, String)>;

fn expected() -> Counts {
    let mut m: Counts = BTreeMap::new();
    for (id, _, format) in rows() {
        let (rule, severity) = match format {
            "ok" | "none" => continue,
            "plaintext" => ("password-plaintext", "critical"),
            "bcrypt-low-cost" | "pbkdf2-low-iterations" | "sha-crypt" => {
                ("password-weak-hash", "medium")
            }
            _ => ("password-weak-hash", "high"),
        };
        let e = m
            .entry((rule.into(), format.into()))
            .or_insert((0, Vec::new(), severity.into()));
        e.0 += 1;
        e.1.push(id.to_string());
    }
    m
}

fn found(url: &str) -> Counts {
    let report = scan_text(POLICY, url, AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("password-"))
        .map(|f| {
            assert_eq!(f.column.as_deref(), Some("mot_de_passe"));
            assert!(f.remediation.is_some());
            (
                (f.rule.clone(), f.category.clone().unwrap()),
                (
                    f.count,
                    f.sample_keys.clone(),
                    f.severity.as_str().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn the_rust_classifier_agrees_with_the_labels() {
    for (id, value, format) in rows() {
        let got = match vigie::text::passwords::classify(value.as_deref()) {
            None => "none",
            Some(None) => "plaintext",
            Some(Some(f)) if f.verdict == vigie::text::passwords::Verdict::Ok => "ok",
            Some(Some(f)) => f.id,
        };
        assert_eq!(got, format, "row {id}: {value:?}");
    }
}

#[test]
fn counted_in_sql_on_sqlite() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    assert_eq!(found(&format!("sqlite://{}", path.display())), expected());
}

#[test]
fn counted_in_sql_on_postgres() {
    let Some(url) = pg_fixture("passwords", &fixture_sql()) else {
        return;
    };
    assert_eq!(found(&url), expected());
}

/// MariaDB has no `REGEXP_LIKE`; the shapes are `REGEXP` made case-sensitive, whatever the
/// table's case-insensitive collation.
#[test]
fn counted_in_sql_on_mariadb() {
    let Some(url) = mysql_fixture("passwords", &fixture_sql()) else {
        return;
    };
    assert_eq!(found(&url), expected());
}

#[test]
fn no_hash_or_password_reaches_the_report() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let report = scan_text(POLICY, &format!("sqlite://{}", path.display()), AS_OF);
    let json = vigie::report::json::render(&report);
    for (_, value, _) in rows() {
        if let Some(v) = value.filter(|v| v.len() > 3) {
            assert!(!json.contains(&v), "{v} leaked");
        }
    }
    // Plaintext: a forced reset, for the application's team; weak hashes: steps. No SQL.
    let plain = report
        .findings
        .iter()
        .find(|f| f.rule == "password-plaintext")
        .unwrap();
    let fix = plain.remediation.as_ref().unwrap();
    assert_eq!(
        fix.applicability,
        vigie::finding::Applicability::DisplayOnly
    );
    assert!(
        fix.sql.lines().all(|l| l.starts_with("--")) && fix.sql.contains("Force a password reset"),
        "{}",
        fix.sql
    );
    let weak = report
        .findings
        .iter()
        .find(|f| f.rule == "password-weak-hash")
        .unwrap();
    let steps = &weak.remediation.as_ref().unwrap().sql;
    assert!(
        steps.lines().all(|l| l.starts_with("--")) && steps.contains("next login"),
        "{steps}"
    );
}

/// Blanking a password column locks the users out and no SQL can hash a password: the whole
/// remediation file never touches the column, and applying it leaves every password finding.
#[test]
fn the_remediation_never_blanks_the_passwords() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(POLICY, &url, AS_OF);
    assert!(!of_rule(&before, "password-plaintext").is_empty());
    let script = vigie::report::remediation_script(&before);
    let statements: Vec<&str> = script
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect();
    assert!(
        statements
            .iter()
            .all(|l| !l.contains("mot_de_passe") && !l.contains("password")),
        "{script}"
    );
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script)
        .unwrap();
    let after = scan_text(POLICY, &url, AS_OF);
    for rule in ["password-plaintext", "password-weak-hash"] {
        assert_eq!(of_rule(&before, rule), of_rule(&after, rule), "{rule}");
    }
}
