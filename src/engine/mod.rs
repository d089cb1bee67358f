//! Plan (rules × policy × catalog) into checks, run them in parallel, collect findings.
//!
//! Each check ends `ok`, `error` (with why) or `skipped` (with why). A check in error never
//! stops the others and never counts as a pass. Sessions are owned by worker threads (one
//! each, `--jobs` of them) that pull checks from a shared counter, so a slow check does not
//! hold up a queue; results are sorted afterwards so output never depends on timing.

mod ask;
mod free_text;
mod pool;

pub use pool::Pool;

use crate::check::{Check, CheckKind, CountCheck, Fix};
use crate::db::{DbError, Limits, Session, Target};
use crate::dialect::Dialect;
use crate::dialect::remediation;
use crate::finding::{
    Applicability, CheckOutcome, CheckStatus, Finding, Remediation, sort_findings,
};
use crate::policy::Policy;
use crate::rules::{self, Planner};
use crate::scan::ScanReport;
use std::sync::Mutex;
use std::time::Instant;

/// What a scan says as it goes, for a live display: the binary draws it on a terminal
/// (`indicatif`), the library never prints. Called from the worker threads.
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// The checks are planned: this many will run.
    fn planned(&self, checks: usize);
    /// A check starts on a session.
    fn started(&self, check: &str);
    /// A check has ended, whatever its status.
    fn finished(&self, check: &str);
}

#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub as_of: jiff::Timestamp,
    pub jobs: usize,
    /// Sample keys per finding; 0 means all of them.
    pub max_keys: usize,
    pub limits: Limits,
    pub show_excerpts: bool,
    /// Rows sampled per table by the value-based column rules; 0 reads every row.
    pub sample: usize,
    /// Told of each check as it starts and ends; `None`: nobody is watching.
    pub progress: Option<std::sync::Arc<dyn Progress>>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            as_of: jiff::Timestamp::now(),
            jobs: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            max_keys: 10,
            limits: Limits::default(),
            show_excerpts: false,
            sample: crate::discover::DEFAULT_SAMPLE,
            progress: None,
        }
    }
}

fn run_count(
    session: &mut dyn Session,
    c: &CountCheck,
    as_of: &str,
) -> Result<Vec<Finding>, DbError> {
    let (count, keys) = session.count_keys(&c.sql, c.uses_as_of.then_some(as_of))?;
    if count == 0 {
        return Ok(Vec::new());
    }
    let mut f = c.template.clone();
    f.count = count;
    f.sample_keys = keys;
    f.set_arg("count", count);
    f.query = Some(c.display_sql.clone());
    f.remediation = c
        .fix
        .as_ref()
        .map(|fix| build_fix(session.dialect(), fix, &f));
    Ok(vec![f])
}

fn build_fix(d: Dialect, fix: &Fix, f: &Finding) -> Remediation {
    match fix {
        Fix::Rows {
            header,
            rows,
            action,
            applicability,
        } => {
            let mut h = header.clone();
            h.push(format!(
                "{} row(s); legal reference: {}",
                f.count, f.legal_reference
            ));
            Remediation {
                sql: remediation::render(d, &h, rows, action, f.count),
                applicability: *applicability,
            }
        }
        Fix::Custom { header, sql } => {
            let mut h = header.clone();
            h.push(format!("{} row(s)", f.count));
            Remediation {
                sql: remediation::render_custom(d, &h, sql),
                applicability: Applicability::Review,
            }
        }
    }
}

fn run_custom(
    session: &mut dyn Session,
    query: &str,
    template: &Finding,
    fix: &Option<Fix>,
    max_keys: usize,
) -> Result<Vec<Finding>, DbError> {
    let d = session.dialect();
    let query = query.trim().trim_end_matches(';').trim_end();
    let names = session.column_names(query)?;
    let first = names.first().ok_or_else(|| {
        DbError::query(
            "the check's query returns no column; it must return the keys of the violating rows",
        )
    })?;
    let col = d.col("q", first);
    let limit = if max_keys == 0 {
        String::new()
    } else {
        format!(" LIMIT {max_keys}")
    };
    let sql = format!(
        "SELECT count(*) OVER (), {} FROM (\n{query}\n) AS q ORDER BY {col}{limit}",
        d.key_text(&col)
    );
    let c = CountCheck {
        display_sql: query.to_string(),
        sql,
        uses_as_of: false,
        template: template.clone(),
        fix: None,
    };
    let mut out = run_count(session, &c, "")?;
    for f in &mut out {
        f.remediation = fix.as_ref().map(|fx| build_fix(d, fx, f));
    }
    Ok(out)
}

/// Connect, introspect, plan and run a scan.
pub fn scan(policy: &Policy, target: &Target, opts: &ScanOptions) -> Result<ScanReport, DbError> {
    let jobs = opts.jobs.max(1);
    // Compiling the lexicons takes a tenth of a second: done while the sessions connect and the
    // catalog is read, and waited for by the first free-text check only.
    let matcher = PendingMatcher::start(policy);
    let mut pool = Pool::open(target, jobs, opts.limits, &policy.schemas)?;
    let info = pool.info.clone();
    let dialect = info.dialect;
    if dialect.database_is_schema()
        && !policy.schemas.is_empty()
        && !policy
            .schemas
            .iter()
            .any(|s| s.eq_ignore_ascii_case(&info.database))
    {
        // `[scan] schemas` names databases on MySQL: a policy drafted on `crm` and pointed at
        // a copy `crm_test` would silently read `crm`.
        pool.close();
        return Err(DbError::Query {
            message: format!(
                "the URL's database `{}` is not among the policy's [scan] schemas ({}): the scan would read other databases than the one in the URL",
                info.database,
                policy.schemas.join(", ")
            ),
            hint: Some(format!(
                "add \"{}\" to [scan] schemas, or remove the list to scan the URL's database",
                info.database
            )),
        });
    }
    pool.gate(&crate::db::gate::Gate::for_policy(policy, dialect));
    let catalog = std::mem::take(&mut pool.catalog);
    let mut planner = Planner::new(policy, &catalog, dialect, opts.as_of, opts.max_keys);
    planner.sample = opts.sample;
    rules::plan(&mut planner);
    let Planner {
        checks, problems, ..
    } = planner;

    let as_of_text = opts.as_of.strftime("%Y-%m-%d %H:%M:%S").to_string();
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.planned(checks.len());
    }
    let results = pool.run_costliest_first(
        &checks,
        |check| expected_cost(check, &catalog),
        |session, check| {
            let started = Instant::now();
            if let Some(p) = progress {
                p.started(&check.id);
            }
            let (status, reason, findings) = run_check(session, check, opts, &as_of_text, &matcher);
            if let Some(p) = progress {
                p.finished(&check.id);
            }
            let (reason, note) = match reason {
                None => (None, None),
                Some(Reason::Text(s)) => (Some(s), None),
                Some(Reason::Note(m)) => (Some(m.render(crate::i18n::Lang::En)), Some(m)),
            };
            let outcome = CheckOutcome {
                id: check.id.clone(),
                rules: check.rules.clone(),
                status,
                duration_ms: started.elapsed().as_millis() as u64,
                reason,
                note,
                sql: check_sql(check),
            };
            (outcome, findings)
        },
        // A worker that died would leave checks without an outcome: never let that pass.
        |check| {
            let outcome = CheckOutcome {
                id: check.id.clone(),
                rules: check.rules.clone(),
                status: CheckStatus::Error,
                duration_ms: 0,
                reason: Some("the check did not complete".into()),
                note: None,
                sql: check_sql(check),
            };
            (outcome, Vec::new())
        },
    );
    let mut findings = Vec::new();
    let mut outcomes = Vec::new();
    for (outcome, f) in results {
        outcomes.push(outcome);
        findings.extend(f);
    }

    for f in &mut findings {
        mask_personal_keys(f);
    }
    let waived = rules::hygiene::apply(policy, opts.as_of, &mut findings, &mut outcomes);
    sort_findings(&mut findings);
    outcomes.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(ScanReport {
        as_of: opts.as_of,
        target: info,
        policy_path: policy.path.clone(),
        policy_sha256: policy.sha256.clone(),
        findings,
        checks: outcomes,
        waived,
        problems: problems.list,
        purposes: policy
            .purposes
            .iter()
            .map(|p| (p.id.value.clone(), p.title.clone()))
            .collect(),
        tables: catalog
            .tables
            .iter()
            .map(|t| {
                let key = crate::scan::TableKey {
                    schema: t.schema.clone(),
                    primary_key: t.primary_key.clone(),
                };
                (t.display_name(), key)
            })
            .collect(),
    })
}

/// What a check is expected to cost, to start the long ones first: a free-text column streams
/// every row of its table through the matcher (first of all, largest tables first); a count reads
/// its table once; a user's query or a probe, of unknown cost, comes after the large counts; what
/// the catalog already answered costs nothing. Row counts are the catalog's estimates.
fn expected_cost(check: &Check, catalog: &crate::catalog::Catalog) -> u64 {
    const UNKNOWN_ROWS: u64 = 10_000;
    let rows = |table: Option<&str>| {
        table
            .and_then(|t| catalog.find_table(t))
            .and_then(|t| t.row_estimate)
            .unwrap_or(UNKNOWN_ROWS)
    };
    match &check.kind {
        CheckKind::FreeText(f) => {
            let table = match &f.schema {
                Some(s) => format!("{s}.{}", f.table),
                None => f.table.clone(),
            };
            (1u64 << 40).saturating_add(rows(Some(&table)))
        }
        CheckKind::Count(c) => rows(c.template.table.as_deref()),
        CheckKind::Custom { .. } | CheckKind::Rows { .. } | CheckKind::Probe(_) => UNKNOWN_ROWS,
        _ => 0,
    }
}

/// Sample keys that are themselves personal data (a table keyed by e-mail address, phone,
/// NIR, IBAN or card number) are shown as the first 12 hex digits of their SHA-256, and the
/// message says so: the key of a row must not put its person in the report.
fn mask_personal_keys(f: &mut Finding) {
    use crate::text::identifiers::{
        card_valid, email_valid, fr_phone_valid, iban_valid, nir_valid,
    };
    use sha2::Digest;
    let personal = |k: &str| {
        let k = k.trim();
        email_valid(k) || nir_valid(k) || iban_valid(k) || card_valid(k) || fr_phone_valid(k)
    };
    if !f.sample_keys.iter().any(|k| personal(k)) {
        return;
    }
    for k in &mut f.sample_keys {
        if personal(k) {
            let digest = sha2::Sha256::digest(k.trim().as_bytes());
            let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
            *k = format!("sha256:{hex}");
        }
    }
    f.message.push_str(
        " (keys that are personal data are shown as sha256: and the first 12 hex digits of their hash)",
    );
}

/// Why a check ended as it did: a text from the server or the planner, or a note of the
/// catalogues.
enum Reason {
    Text(String),
    Note(crate::i18n::Message),
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason::Text(s)
    }
}

impl From<crate::i18n::Message> for Reason {
    fn from(m: crate::i18n::Message) -> Reason {
        Reason::Note(m)
    }
}

/// The SQL a check runs, as the report shows it (the as-of instant a literal), when it is one
/// statement known before it runs.
fn check_sql(check: &Check) -> Option<String> {
    match &check.kind {
        CheckKind::Count(c) => Some(c.display_sql.clone()),
        CheckKind::Custom { query, .. } => Some(query.clone()),
        CheckKind::Rows { sql, .. } => Some(sql.clone()),
        _ => None,
    }
}

/// Run one check on one session: its status, the reason or note, and its findings.
fn run_check(
    session: &mut dyn Session,
    check: &Check,
    opts: &ScanOptions,
    as_of_text: &str,
    matcher: &PendingMatcher,
) -> (CheckStatus, Option<Reason>, Vec<Finding>) {
    let done = |r: Result<Vec<Finding>, String>| match r {
        Ok(f) => (CheckStatus::Ok, None, f),
        Err(e) => (CheckStatus::Error, Some(e.into()), Vec::new()),
    };
    match &check.kind {
        CheckKind::Count(c) => done(run_count(session, c, as_of_text).map_err(|e| describe(&e))),
        CheckKind::Custom {
            query,
            template,
            fix,
        } => {
            done(run_custom(session, query, template, fix, opts.max_keys).map_err(|e| describe(&e)))
        }
        CheckKind::FreeText(c) => match matcher.get() {
            Ok(m) => match free_text::run(session, c, m, opts.max_keys, opts.show_excerpts) {
                Ok(r) if r.skipped => (CheckStatus::Skipped, Some(r.note.into()), Vec::new()),
                Ok(r) => (CheckStatus::Ok, Some(r.note.into()), r.findings),
                Err(e) => (CheckStatus::Error, Some(describe(&e).into()), Vec::new()),
            },
            Err(e) => (CheckStatus::Error, Some(e.clone().into()), Vec::new()),
        },
        CheckKind::Rows { sql, findings } => match session.rows(sql, None) {
            Ok(rows) => (CheckStatus::Ok, None, findings(&rows)),
            Err(e) => (CheckStatus::Error, Some(describe(&e).into()), Vec::new()),
        },
        CheckKind::Catalog(f) => (CheckStatus::Ok, None, f.clone()),
        CheckKind::Probe(p) => done(
            p.run(&mut ask::SessionAsk::new(session))
                .map_err(|e| e.to_string()),
        ),
        CheckKind::Broken(why) => (CheckStatus::Error, Some(why.clone().into()), Vec::new()),
        CheckKind::Skipped(why) => (CheckStatus::Skipped, Some(why.clone().into()), Vec::new()),
    }
}

/// The free-text matcher, compiled on a thread of its own from the start of a scan. Free-text
/// checks come only from `[free_text].columns` and `auto`, so no other policy starts it.
struct PendingMatcher {
    job: Mutex<Option<std::thread::JoinHandle<Result<crate::text::Matcher, String>>>>,
    done: std::sync::OnceLock<Result<crate::text::Matcher, String>>,
}

impl PendingMatcher {
    fn start(policy: &Policy) -> PendingMatcher {
        let wanted = !policy.free_text.columns.is_empty() || policy.free_text.auto;
        let job = wanted.then(|| {
            let inputs = matcher_inputs(policy);
            std::thread::spawn(move || build_matcher(inputs))
        });
        PendingMatcher {
            job: Mutex::new(job),
            done: std::sync::OnceLock::new(),
        }
    }

    /// The matcher, once compiled.
    fn get(&self) -> &Result<crate::text::Matcher, String> {
        self.done.get_or_init(
            || match self.job.lock().ok().and_then(|mut job| job.take()) {
                Some(handle) => handle
                    .join()
                    .unwrap_or_else(|_| Err("compiling the lexicons failed".to_string())),
                None => Err("the lexicons were not loaded".to_string()),
            },
        )
    }
}

type MatcherInputs = (Vec<String>, Vec<crate::text::ExtraTerm>, Vec<String>, bool);

fn matcher_inputs(policy: &Policy) -> MatcherInputs {
    let free_text = &policy.free_text;
    let langs: Vec<String> = free_text
        .lexicons
        .iter()
        .map(|l| l.as_str().to_string())
        .collect();
    let ignore: Vec<String> = free_text
        .ignore_terms
        .iter()
        .map(|t| t.term.clone())
        .collect();
    (
        langs,
        free_text.extra_terms.clone(),
        ignore,
        free_text.contact_details,
    )
}

fn build_matcher(
    (langs, extra, ignore, contacts): MatcherInputs,
) -> Result<crate::text::Matcher, String> {
    let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
    crate::text::Matcher::new(&langs, &extra, &ignore)
        .map(|m| m.with_contact_details(contacts))
        .map_err(|e| format!("the lexicons could not be built: {e}"))
}

/// A database error as a check's reason, with its hint.
pub(crate) fn describe(e: &DbError) -> String {
    match e {
        DbError::Query {
            message,
            hint: Some(h),
        } => format!("{message} ({h})"),
        other => other.to_string(),
    }
}
