//! `vigie attest`: the deletion certificate as Markdown, one self-contained HTML page, or JSON
//! (`{"certificate": …, "sha256": …}`, the hash covering exactly the `certificate` object).

use super::register::DocFormat;
use super::sheet::{Block, Cell, Inline, Section, Sheet, c, t};
use crate::attest::{Attested, Line};
use crate::i18n::{Lang, text, tr};
use serde_json::json;

pub fn render(a: &Attested, format: DocFormat, lang: Lang) -> String {
    match format {
        DocFormat::Markdown => super::sheet::markdown(&sheet(a, lang)),
        DocFormat::Html => super::sheet::html(&sheet(a, lang)),
        DocFormat::Json => {
            let value = json!({"certificate": a.certificate, "sha256": a.sha256});
            let mut s = serde_json::to_string_pretty(&value).expect("a JSON value serialises");
            s.push('\n');
            s
        }
    }
}

fn location(l: &Line) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &l.purpose {
        parts.push(p.clone());
    }
    match (&l.table, &l.column) {
        (Some(t), Some(c)) => parts.push(format!("{t}.{c}")),
        (Some(t), None) => parts.push(t.clone()),
        _ => {}
    }
    if let Some(c) = &l.category {
        parts.push(c.clone());
    }
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(" · ")
    }
}

pub fn sheet(a: &Attested, lang: Lang) -> Sheet {
    let l = |id: &str| text(lang, id).to_string();
    let cert = &a.certificate;
    let report_row = |label: &str, r: &crate::attest::ReportRef| -> Vec<Cell> {
        vec![
            t(label.to_string()),
            c(r.as_of.clone()),
            c(r.sha256.clone()),
            t(r.findings.to_string()),
            t(r.errors.to_string()),
        ]
    };
    let mut sections = vec![Section {
        level: 2,
        title: l("attest.reports"),
        blocks: vec![Block::Table {
            head: vec![
                l("attest.report"),
                l("attest.as-of"),
                l("attest.file-sha"),
                l("attest.findings"),
                l("attest.errors"),
            ],
            rows: vec![
                report_row(&l("attest.before"), &cert.before),
                report_row(&l("attest.after"), &cert.after),
            ],
            keyed: true,
        }],
    }];
    let mut verdict = Vec::new();
    if cert.found == 0 && cert.remaining == 0 {
        verdict.push(Block::Para(t(l("attest.nothing"))));
    } else if cert.remaining == 0 {
        verdict.push(Block::Para(vec![Inline::Strong(tr(
            lang,
            "attest.clean",
            &[("found", &cert.found)],
        ))]));
    } else {
        verdict.push(Block::Para(vec![Inline::Strong(tr(
            lang,
            "attest.remaining",
            &[
                ("gone", &cert.gone),
                ("remaining", &cert.remaining),
                ("found", &cert.found),
            ],
        ))]));
    }
    if !cert.complete {
        verdict.push(Block::Para(vec![Inline::Strong(tr(
            lang,
            "attest.incomplete",
            &[("n", &cert.after.errors)],
        ))]));
    }
    sections.push(Section {
        level: 2,
        title: l("attest.result"),
        blocks: verdict,
    });
    sections.push(Section {
        level: 2,
        title: l("attest.lines"),
        blocks: vec![Block::Table {
            head: vec![
                l("attest.rule"),
                l("attest.location"),
                l("attest.severity"),
                l("attest.before"),
                l("attest.after"),
            ],
            rows: cert
                .findings
                .iter()
                .map(|x| {
                    vec![
                        c(x.rule.clone()),
                        t(location(x)),
                        t(x.severity.clone()),
                        t(x.before.to_string()),
                        t(x.after.to_string()),
                    ]
                })
                .collect(),
            keyed: false,
        }],
    });
    for x in &cert.findings {
        let blocks = match &x.proposed_sql {
            Some(sql) => vec![Block::Para(t(l("attest.sql"))), Block::Sql(sql.clone())],
            None => vec![Block::Note(t(l("attest.no-sql")))],
        };
        sections.push(Section {
            level: 3,
            title: format!("{} — {}", x.rule, location(x)),
            blocks,
        });
    }
    sections.push(Section {
        level: 2,
        title: l("attest.hash"),
        blocks: vec![
            Block::Para(vec![Inline::Strong(tr(
                lang,
                "attest.hash-text",
                &[("sha", &a.sha256)],
            ))]),
            Block::Note(t(l("attest.hash-recipe"))),
        ],
    });
    Sheet {
        lang,
        title: l("attest.title"),
        subtitle: vec![tr(
            lang,
            "attest.subtitle",
            &[
                ("path", &cert.policy.path),
                ("sha", &cert.policy.sha256),
                ("database", &cert.target.database),
                ("dialect", &cert.target.dialect),
            ],
        )],
        sections,
        footer: tr(
            lang,
            "attest.generated",
            &[("version", &env!("CARGO_PKG_VERSION"))],
        ),
    }
}
