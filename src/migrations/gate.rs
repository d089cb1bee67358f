//! The migration gate: what a set of migration files introduces, judged by the same
//! catalog-level rules as a live scan, with positions in the files and inline ignores.
//!
//! Files are applied in order on a base catalog (empty, or a live database introspected
//! read-only), and only what the migrations create or change is reported. A statement that
//! does not parse costs only itself: it becomes a `syntax-error` finding (medium when it could
//! hide a table or column change, info otherwise) and the rest of the file is still checked.
//!
//! Inline ignores, on the comment lines directly above a statement:
//! `-- vigie:ignore RULE-ID[,RULE-ID] reason`. A missing reason or an unknown rule is an error;
//! an ignore that matches nothing is reported as `waiver-unused`.

use super::split::{Blank, LineIndex, code_text, up_part_len};
use super::{MigrationState, SqlDialect, TouchKind, parse_file, split};
use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::i18n::{Lang, Message};
use crate::policy::Policy;
use crate::rules::migrations::syntax_error;
use crate::rules::minimisation::{PolicyView, judge_column};
use crate::rules::{self, GateTrigger, RuleId};
use std::cmp::Ordering;
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct GateFinding {
    pub rule: String,
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub span: Range<usize>,
    pub table: Option<String>,
    #[serde(rename = "column_name")]
    pub column_name: Option<String>,
    pub category: Option<String>,
    /// English; [`GateFinding::message_in`] renders it in a report's language.
    pub message: String,
    pub help: String,
    pub legal_reference: String,
    /// The policy line this change contradicts, when the policy names the column.
    pub policy_line: Option<usize>,
    #[serde(skip)]
    pub policy_span: Option<Range<usize>>,
    /// `message` and `help` as catalogue data.
    #[serde(skip)]
    pub text: Option<(Message, Message)>,
}

impl GateFinding {
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some((m, _)) => m.render(lang),
            None => self.message.clone(),
        }
    }
    pub fn help_in(&self, lang: Lang) -> String {
        match &self.text {
            Some((_, h)) => h.render(lang),
            None => self.help.clone(),
        }
    }
    /// The legal reference in `lang` (the rule's, as the CNIL writes it in French).
    pub fn legal_reference_in(&self, lang: Lang) -> String {
        match (lang, rules::registry().get(&self.rule)) {
            (Lang::Fr, Some(r)) => r.legal_reference_fr.clone(),
            _ => self.legal_reference.clone(),
        }
    }
}

/// A problem with the gate's own input (a malformed ignore comment).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct GateError {
    pub file: String,
    pub line: usize,
    pub message: String,
    /// `message` as catalogue data.
    #[serde(skip)]
    pub text: Option<Message>,
}

impl GateError {
    fn new(file: &SourceFile, line: usize, text: Message) -> GateError {
        GateError {
            file: file.path.clone(),
            line,
            message: text.render(Lang::En),
            text: Some(text),
        }
    }
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(m) => m.render(lang),
            None => self.message.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct GateReport {
    #[serde(skip)]
    pub files: Vec<SourceFile>,
    /// The policy, for pointing at its lines.
    #[serde(skip)]
    pub policy: Option<SourceFile>,
    pub findings: Vec<GateFinding>,
    pub errors: Vec<GateError>,
    pub statements: usize,
    pub unparsed: usize,
    pub ignored: usize,
}

struct Ignore {
    file: usize,
    line: usize,
    rules: Vec<String>,
    statement: Range<usize>,
    used: bool,
}

/// Whether a file is a rollback that its tool runs only when migrating down: golang-migrate's
/// and sqlx's `NAME.down.sql`, Diesel's `down.sql` beside `up.sql`, Flyway's undo migrations
/// `U<version>__NAME.sql`. The gate reads the history as it is applied, so it skips them: a
/// rollback drops what its migration adds.
pub fn is_rollback_file(path: &str) -> bool {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = file.to_ascii_lowercase();
    if lower == "down.sql" || lower.ends_with(".down.sql") {
        return true;
    }
    // Flyway: `U` (case-sensitive, as Flyway's default prefix), a version, `__`.
    file.strip_prefix('U')
        .and_then(|rest| rest.split_once("__"))
        .is_some_and(|(version, _)| {
            version.starts_with(|c: char| c.is_ascii_digit())
                && version
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '_')
        })
}

/// Flyway's repeatable migrations (`R__NAME.sql`) run after every versioned migration.
fn is_repeatable(name: &str) -> bool {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.starts_with("R__")
}

/// Order migration files the way migration tools do: digit runs compare as numbers
/// (`V2__` before `V10__`), then the rest of the name; Flyway's repeatable `R__` files last.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    match (is_repeatable(a), is_repeatable(b)) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    // Flyway-style `V1_1__name`: the version before `__` compares segment by segment.
    if let (Some(va), Some(vb)) = (flyway_version(a), flyway_version(b)) {
        let ord = va.cmp(&vb);
        if ord != Ordering::Equal {
            return ord;
        }
    }
    natural_text_cmp(a, b)
}

fn flyway_version(name: &str) -> Option<Vec<u128>> {
    let file = name.rsplit('/').next().unwrap_or(name);
    let (prefix, _) = file.split_once("__")?;
    let segments: Vec<u128> = prefix
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(u128::MAX))
        .collect();
    (!segments.is_empty()).then_some(segments)
}

fn natural_text_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while !a.is_empty() && !b.is_empty() {
        if a[0].is_ascii_digit() && b[0].is_ascii_digit() {
            let na = a.iter().take_while(|c| c.is_ascii_digit()).count();
            let nb = b.iter().take_while(|c| c.is_ascii_digit()).count();
            let da = std::str::from_utf8(&a[..na])
                .unwrap_or("0")
                .trim_start_matches('0');
            let db = std::str::from_utf8(&b[..nb])
                .unwrap_or("0")
                .trim_start_matches('0');
            let ord = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
            if ord != Ordering::Equal {
                return ord;
            }
            a = &a[na..];
            b = &b[nb..];
        } else {
            let ord = a[0].to_ascii_lowercase().cmp(&b[0].to_ascii_lowercase());
            if ord != Ordering::Equal {
                return ord;
            }
            a = &a[1..];
            b = &b[1..];
        }
    }
    a.len().cmp(&b.len())
}

fn finding(
    rule: RuleId,
    file: &SourceFile,
    line: usize,
    column: usize,
    span: Range<usize>,
    message: Message,
    help: Message,
) -> GateFinding {
    let r = rules::registry().doc(rule);
    GateFinding {
        rule: rule.to_string(),
        severity: r.severity,
        file: file.path.clone(),
        line,
        column,
        span,
        table: None,
        column_name: None,
        category: None,
        message: message.render(Lang::En),
        help: help.render(Lang::En),
        legal_reference: r.legal_reference.clone(),
        policy_line: None,
        policy_span: None,
        text: Some((message, help)),
    }
}

fn parse_ignores(
    index: usize,
    file: &SourceFile,
    text: &str,
    dialect: SqlDialect,
    errors: &mut Vec<GateError>,
    custom: &[String],
) -> Vec<Ignore> {
    let mut out = Vec::new();
    for stmt in split(text, dialect) {
        let range = stmt.start..stmt.start + stmt.text.len();
        for (line, text) in &stmt.comments_before {
            let Some(rest) = text.trim().strip_prefix("vigie:ignore") else {
                continue;
            };
            let rest = rest.trim();
            let (list, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let rules_named: Vec<String> = list
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if rules_named.is_empty() {
                errors.push(GateError::new(
                    file,
                    *line,
                    Message::keyed("gate", "ignore-no-rule"),
                ));
                continue;
            }
            let mut ok = true;
            for r in &rules_named {
                if rules::registry().get(r).is_none() && !custom.contains(r) {
                    ok = false;
                    let ids: Vec<&str> = rules::registry()
                        .rules
                        .iter()
                        .map(|x| x.id.as_str())
                        .collect();
                    let hint = crate::policy::did_you_mean(r, ids.iter().copied())
                        .unwrap_or_else(|| "run `vigie rules` for the list".into());
                    errors.push(GateError::new(
                        file,
                        *line,
                        Message::keyed("gate", "ignore-unknown-rule")
                            .arg("rule", r.as_str())
                            .arg("hint", hint),
                    ));
                }
            }
            if reason.trim().is_empty() {
                ok = false;
                errors.push(GateError::new(
                    file,
                    *line,
                    Message::keyed("gate", "ignore-no-reason").arg("rules", rules_named.join(",")),
                ));
            }
            if ok {
                out.push(Ignore {
                    file: index,
                    line: *line,
                    rules: rules_named,
                    statement: range.clone(),
                    used: false,
                });
            }
        }
    }
    out
}

/// Check migration files (already in order) against a policy, on top of `base`.
pub fn check(
    files: Vec<SourceFile>,
    policy: &Policy,
    dialect: SqlDialect,
    base: Catalog,
) -> GateReport {
    let mut report = GateReport::default();
    let mut state = MigrationState::new(base);
    let mut ignores = Vec::new();
    let custom: Vec<String> = policy.checks.iter().map(|c| c.id.value.clone()).collect();
    let mut raw: Vec<(usize, GateFinding)> = Vec::new();
    let files: Vec<SourceFile> = files
        .into_iter()
        .filter(|f| !is_rollback_file(&f.path))
        .collect();

    for (i, file) in files.iter().enumerate() {
        // One-file Up/Down tools (goose, sql-migrate, dbmate): only the Up part is applied.
        let up = &file.text[..up_part_len(&file.text, dialect)];
        ignores.extend(parse_ignores(
            i,
            file,
            up,
            dialect,
            &mut report.errors,
            &custom,
        ));
        let parsed = parse_file(up, dialect);
        report.statements += parsed.statements;
        report.unparsed += parsed.failed;
        for e in &parsed.errors {
            let mut f = finding(
                RuleId::SyntaxError,
                file,
                e.line,
                e.column,
                e.start..e.start + 1,
                syntax_error::message(e.statement_line, &e.message),
                syntax_error::help(e.may_change_catalog),
            );
            f.severity = syntax_error::severity(e.may_change_catalog);
            raw.push((i, f));
        }
        state.apply_all(i, &parsed.changes);
    }

    let view = PolicyView::new(policy);
    let mut personal_cache: std::collections::HashMap<String, bool> = Default::default();
    // Column positions by exact name, per table: a lookup per touched column must not scan the
    // table (a 50,000-column CREATE TABLE would take quadratic time).
    let mut columns_of: std::collections::HashMap<
        String,
        std::collections::HashMap<String, usize>,
    > = Default::default();
    for touched in state.touched() {
        let Some(table) = super::find_table(&state.catalog, &touched.table) else {
            continue;
        };
        let personal = *personal_cache
            .entry(table.name.to_lowercase())
            .or_insert_with(|| view.is_personal(table));
        match &touched.column {
            None => {
                // Table-level rules judge a table the migrations create.
                let Some(ev) = touched.last(&[TouchKind::CreatedTable]) else {
                    continue;
                };
                for unit in rules::registered()
                    .iter()
                    .filter(|u| u.gate_trigger() == Some(GateTrigger::TableCreated))
                {
                    let Some(j) = unit.judge_created_table(&view, table, personal) else {
                        continue;
                    };
                    let file = &files[ev.file];
                    let mut f = finding(
                        j.rule,
                        file,
                        ev.line,
                        ev.column,
                        ev.start..ev.end.max(ev.start + 1),
                        j.message,
                        j.help,
                    );
                    f.table = Some(table.name.clone());
                    f.category = j.category;
                    raw.push((ev.file, f));
                }
            }
            Some(col) => {
                let exact = columns_of
                    .entry(table.name.clone())
                    .or_insert_with(|| {
                        // Reversed, so the first of two equal names wins, as in `find_column`.
                        table
                            .columns
                            .iter()
                            .enumerate()
                            .rev()
                            .map(|(i, c)| (c.name.clone(), i))
                            .collect()
                    })
                    .get(col.as_str())
                    .copied();
                let Some(column) = exact
                    .map(|i| &table.columns[i])
                    .or_else(|| super::find_column(table, col))
                else {
                    continue;
                };
                let judgements = judge_column(&view, table, column, personal);
                let introduced = touched.introduced()
                    || touched
                        .events
                        .iter()
                        .any(|e| e.kind == TouchKind::TypeChanged);
                for j in judgements {
                    // The rule's unit says which change of the column makes it report.
                    let trigger = rules::unit(j.rule).gate_trigger();
                    let kinds: &[TouchKind] = match trigger {
                        Some(GateTrigger::ColumnIntroduced) if introduced => &[
                            TouchKind::AddedColumn,
                            TouchKind::RenamedColumn,
                            TouchKind::TypeChanged,
                        ],
                        Some(GateTrigger::ColumnDefault) => &[
                            TouchKind::DefaultChanged,
                            TouchKind::AddedColumn,
                            TouchKind::RenamedColumn,
                        ],
                        _ => continue,
                    };
                    let Some(ev) = touched.last(kinds).or_else(|| touched.events.last()) else {
                        continue;
                    };
                    let file = &files[ev.file];
                    let (mut line, mut col, mut span) =
                        (ev.line, ev.column, ev.start..ev.end.max(ev.start + 1));
                    if trigger == Some(GateTrigger::ColumnDefault)
                        && let Some(d) = default_clause(&file.text, span.clone(), dialect)
                    {
                        // The caret goes under the default, not the whole definition.
                        (line, col) = LineIndex::new(&file.text).position(d.start);
                        span = d;
                    }
                    let mut f = finding(j.rule, file, line, col, span, j.message, j.help);
                    f.table = Some(table.name.clone());
                    f.column_name = Some(column.name.clone());
                    f.category = j.category;
                    if let Some(span) = view.policy_span(table, &column.name) {
                        let line = policy.source[..span.start.min(policy.source.len())]
                            .matches('\n')
                            .count()
                            + 1;
                        if let Some((m, _)) = &mut f.text {
                            *m = Message::keyed("gate", "policy-names")
                                .arg("message", m.clone())
                                .arg("path", policy.path.as_str())
                                .arg("line", line);
                            f.message = m.render(Lang::En);
                        }
                        f.policy_line = Some(line);
                        f.policy_span = Some(span);
                    }
                    raw.push((ev.file, f));
                }
            }
        }
    }

    // Inline ignores, then the policy's waivers.
    let today = jiff::Zoned::now().date();
    for (file, f) in raw {
        if let Some(ig) = ignores.iter_mut().find(|ig| {
            ig.file == file && ig.statement.contains(&f.span.start) && ig.rules.contains(&f.rule)
        }) {
            ig.used = true;
            report.ignored += 1;
            continue;
        }
        let object = match (&f.table, &f.column_name) {
            (Some(t), Some(c)) => Some(format!("{t}.{c}")),
            (Some(t), None) => Some(t.clone()),
            _ => None,
        };
        let waived = policy.waivers.iter().any(|w| {
            w.rule.value == f.rule
                && w.expires.is_none_or(|d| d >= today)
                && (object.as_deref() == Some(w.object.value.as_str())
                    || f.table.as_deref() == Some(w.object.value.as_str()))
        });
        if waived {
            report.ignored += 1;
            continue;
        }
        report.findings.push(f);
    }
    for ig in ignores.iter().filter(|ig| !ig.used) {
        let file = &files[ig.file];
        let start = line_start(&file.text, ig.line);
        report.findings.push(finding(
            RuleId::WaiverUnused,
            file,
            ig.line,
            1,
            start..start + 2,
            Message::keyed("gate", "ignore-unused").arg("rules", ig.rules.join(",")),
            Message::keyed("gate", "help-ignore-unused"),
        ));
    }
    report.findings.sort_by(|a, b| {
        let fa = files.iter().position(|f| f.path == a.file);
        let fb = files.iter().position(|f| f.path == b.file);
        fa.cmp(&fb)
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
            .then(a.rule.cmp(&b.rule))
    });
    report.files = files;
    report.policy = Some(SourceFile {
        path: policy.path.clone(),
        text: policy.source.to_string(),
    });
    report
}

/// `DEFAULT <value>` inside a column definition or `SET DEFAULT` clause (`range` in `text`):
/// the range of the keyword and its value, outside comments and strings.
fn default_clause(text: &str, range: Range<usize>, dialect: SqlDialect) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let mut code = code_text(slice, dialect, Blank::CommentsAndStrings).into_owned();
    code.make_ascii_lowercase();
    let b = code.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
    let mut from = 0;
    let at = loop {
        let p = from + code.get(from..)?.find("default")?;
        let end = p + "default".len();
        if (p == 0 || !word(b[p - 1])) && (end >= b.len() || !word(b[end])) {
            break p;
        }
        from = end;
    };
    let mut e = at + "default".len();
    while e < b.len() && b[e].is_ascii_whitespace() {
        e += 1;
    }
    // The value: up to the next blank, `,` or unbalanced `)`; parentheses kept whole.
    let mut depth = 0i32;
    while e < b.len() {
        match b[e] {
            // A string (blanked to spaces in `code`): to its closing quote.
            q @ (b'\'' | b'"' | b'`') => {
                e = b[e + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| e + 1 + p);
            }
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b',' if depth == 0 => break,
            c if c.is_ascii_whitespace() && depth == 0 => break,
            _ => {}
        }
        e += 1;
    }
    Some(range.start + at..range.start + e.min(b.len()))
}

fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map(|(i, _)| i + 1)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::natural_cmp;

    #[test]
    fn orders_like_migration_tools() {
        let mut v = vec!["V10__x.sql", "V2__b.sql", "V1__a.sql", "V1_1__a.sql"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["V1__a.sql", "V1_1__a.sql", "V2__b.sql", "V10__x.sql"]);
        let mut v = ["20240110_b.sql", "20231201_a.sql"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v[0], "20231201_a.sql");
        // Flyway runs repeatable migrations after every versioned one.
        let mut v = vec![
            "V2__b.sql",
            "R__views.sql",
            "V10__x.sql",
            "R__functions.sql",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "V2__b.sql",
                "V10__x.sql",
                "R__functions.sql",
                "R__views.sql"
            ]
        );
    }

    #[test]
    fn rollback_files() {
        use super::is_rollback_file;
        for down in [
            "migrations/000002_add_fields.down.sql",
            "20240101120000_create.DOWN.sql",
            "migrations/2024-01-01-000000_create_users/down.sql",
            "sql/U3__add_students.sql",
            "U1_1__x.sql",
            "U2.1__x.sql",
        ] {
            assert!(is_rollback_file(down), "{down}");
        }
        for up in [
            "migrations/000002_add_fields.up.sql",
            "migrations/2024-01-01-000000_create_users/up.sql",
            "V3__add_students.sql",
            "Users__seed.sql",
            "0005_slow_down.sql",
            "0004_shutdown.sql",
            "u3__lowercase.sql",
        ] {
            assert!(!is_rollback_file(up), "{up}");
        }
    }

    #[test]
    fn the_default_clause_of_a_definition() {
        use super::{SqlDialect, default_clause};
        let t =
            "ALTER TABLE a ADD c tinyint(1) not null default '1' COMMENT 'default x', ADD d int";
        let start = t.find("c tinyint").unwrap();
        let end = t.find(", ADD d").unwrap();
        let r = default_clause(t, start..end, SqlDialect::Mysql).unwrap();
        assert_eq!(&t[r], "default '1'");
        let t = "  newsletter boolean DEFAULT (true) NOT NULL,";
        let r = default_clause(t, 2..t.len() - 1, SqlDialect::Postgres).unwrap();
        assert_eq!(&t[r], "DEFAULT (true)");
        assert!(default_clause("default_x boolean", 0..17, SqlDialect::Postgres).is_none());
    }
}
