//! `vigie register`: the record of processing activities as the CNIL's register model lays it
//! out (the controller, then one record per purpose: purpose and legal basis, people, data,
//! recipients, transfers, retention, security measures), with each purpose's DPIA screening and,
//! with `--url`, what the database shows.
//!
//! Markdown and HTML are written from one [`Sheet`]; JSON gives every art. 30.1 field as
//! `{"status": "stated" | "derived" | "not-applicable" | "todo", "value": …}`, `value` being
//! `null` for a TODO.

use super::sheet::{Block, Cell, Inline, Section, Sheet, c, t, todo};
use crate::i18n::{Lang, Message, text, tr};
use crate::policy::duration::Duration;
use crate::policy::record::{SecurityMeasure, Transfer};
use crate::register::dpia::LARGE_SCALE_ROWS;
use crate::register::{Entry, Field, Register, Status};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DocFormat {
    Markdown,
    Html,
    Json,
}

pub fn render(register: &Register, format: DocFormat, lang: Lang) -> String {
    match format {
        DocFormat::Markdown => super::sheet::markdown(&sheet(register, lang)),
        DocFormat::Html => super::sheet::html(&sheet(register, lang)),
        DocFormat::Json => json(register, lang),
    }
}

/// A duration in words: `3 ans`, `1 year 6 months`.
pub fn duration_in(d: &Duration, lang: Lang) -> String {
    let parts: Vec<String> = [
        (d.years, "register.years"),
        (d.months, "register.months"),
        (d.weeks, "register.weeks"),
        (d.days, "register.days"),
    ]
    .iter()
    .filter(|(n, _)| *n != 0)
    .map(|(n, id)| tr(lang, id, &[("n", n)]))
    .collect();
    if parts.is_empty() {
        tr(lang, "register.days", &[("n", &0)])
    } else {
        parts.join(" ")
    }
}

fn keyed(section: &str, key: &str, lang: Lang) -> String {
    Message::keyed(section, key).render(lang)
}

fn measure(m: &SecurityMeasure, lang: Lang) -> String {
    match m {
        SecurityMeasure::Known(id) => keyed("security-measure", id, lang),
        SecurityMeasure::Other(s) => s.clone(),
    }
}

fn as_of_text(ts: &jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A field's cell: its value, TODO, or "not applicable"; a derived value says so.
fn field_cell<T>(f: &Field<T>, lang: Lang, show: impl Fn(&T) -> Cell) -> Cell {
    match (f.status, &f.value) {
        (Status::NotApplicable, _) => t(text(lang, "register.not-applicable")),
        (Status::Todo, _) | (_, None) => todo(),
        (Status::Derived, Some(v)) => {
            let mut cell = show(v);
            cell.push(Inline::Text(format!(
                " ({})",
                text(lang, "register.derived")
            )));
            cell
        }
        (Status::Stated, Some(v)) => show(v),
    }
}

fn list_or_none(items: Vec<String>, lang: Lang) -> Cell {
    if items.is_empty() {
        t(text(lang, "register.none"))
    } else {
        t(items.join(" ; "))
    }
}

pub fn sheet(r: &Register, lang: Lang) -> Sheet {
    let l = |id: &str| text(lang, id).to_string();
    let mut subtitle = vec![tr(
        lang,
        "register.subtitle",
        &[("path", &r.policy_path), ("sha", &r.policy_sha256)],
    )];
    if let Some(db) = &r.database {
        subtitle.push(tr(
            lang,
            "register.subtitle-db",
            &[
                ("database", &db.database),
                ("dialect", &db.dialect),
                ("server", &db.server_version),
                ("as_of", &as_of_text(&db.as_of)),
            ],
        ));
    }
    let mut sections = Vec::new();
    let ctl = &r.controller;
    let rows = vec![
        vec![
            t(l("register.controller-name")),
            field_cell(&ctl.name, lang, |v| t(v.clone())),
        ],
        vec![
            t(l("register.controller-contact")),
            field_cell(&ctl.contact, lang, |v| t(v.clone())),
        ],
        vec![
            t(l("register.dpo")),
            field_cell(&ctl.dpo, lang, |v| t(v.clone())),
        ],
        vec![
            t(l("register.representative")),
            field_cell(&ctl.representative, lang, |v| t(v.clone())),
        ],
        vec![
            t(l("register.joint-controllers")),
            field_cell(&ctl.joint_controllers, lang, |v| {
                list_or_none(
                    v.iter()
                        .map(|j| match &j.contact {
                            Some(c) => format!("{} ({c})", j.name),
                            None => j.name.clone(),
                        })
                        .collect(),
                    lang,
                )
            }),
        ],
        vec![
            t(l("register.processors")),
            field_cell(&ctl.processors, lang, |v| {
                list_or_none(
                    v.iter()
                        .map(|p| {
                            let mut s = p.name.clone();
                            let extra: Vec<&str> = [p.service.as_deref(), p.country.as_deref()]
                                .into_iter()
                                .flatten()
                                .collect();
                            if !extra.is_empty() {
                                s.push_str(&format!(" ({})", extra.join(", ")));
                            }
                            s
                        })
                        .collect(),
                    lang,
                )
            }),
        ],
    ];
    sections.push(Section {
        level: 2,
        title: l("register.controller"),
        blocks: vec![Block::Table {
            head: vec![l("register.field"), l("register.value")],
            rows,
            keyed: true,
        }],
    });
    for (i, e) in r.entries.iter().enumerate() {
        entry_sections(&mut sections, i + 1, e, lang);
    }
    if let Some(db) = &r.database {
        let mut blocks = Vec::new();
        if db.undeclared.is_empty() {
            blocks.push(Block::Para(t(l("register.undeclared-none"))));
        } else {
            blocks.push(Block::Para(t(l("register.undeclared-intro"))));
            blocks.push(Block::Table {
                head: vec![l("register.columns"), l("register.category")],
                rows: db
                    .undeclared
                    .iter()
                    .map(|u| {
                        vec![
                            c(u.column.clone()),
                            u.category.clone().map(t).unwrap_or_else(|| t("—")),
                        ]
                    })
                    .collect(),
                keyed: false,
            });
        }
        if db.checks_in_error > 0 {
            blocks.push(Block::Para(vec![Inline::Strong(tr(
                lang,
                "register.checks-in-error",
                &[("n", &db.checks_in_error)],
            ))]));
        }
        sections.push(Section {
            level: 2,
            title: l("register.undeclared"),
            blocks,
        });
    }
    sections.push(Section {
        level: 2,
        title: l("register.sources"),
        blocks: vec![Block::Note(t(tr(
            lang,
            "register.sources-text",
            &[("threshold", &LARGE_SCALE_ROWS)],
        )))],
    });
    Sheet {
        lang,
        title: l("register.title"),
        subtitle,
        sections,
        footer: tr(
            lang,
            "register.generated",
            &[("version", &env!("CARGO_PKG_VERSION"))],
        ),
    }
}

fn entry_sections(sections: &mut Vec<Section>, n: usize, e: &Entry, lang: Lang) {
    let l = |id: &str| text(lang, id).to_string();
    let mut rows = vec![
        vec![t(l("register.purpose-main")), t(e.title.clone())],
        vec![
            t(l("register.sub-purposes")),
            if e.sub_purposes.is_empty() {
                t("—")
            } else {
                t(e.sub_purposes.join(" ; "))
            },
        ],
        vec![t(l("register.purpose-id")), c(e.id.clone())],
        vec![
            t(l("register.legal-basis")),
            t(keyed("legal-basis", e.legal_basis.as_str(), lang)),
        ],
        vec![
            t(l("register.data-subjects")),
            field_cell(&e.data_subjects, lang, |v| t(v.join(", "))),
        ],
        vec![
            t(l("register.recipients")),
            field_cell(&e.recipients, lang, |v| {
                list_or_none(
                    v.iter()
                        .map(|r| {
                            let kind = keyed("recipient-kind", recipient_kind(r.kind), lang);
                            match &r.country {
                                Some(c) => format!("{} ({kind}, {c})", r.name),
                                None => format!("{} ({kind})", r.name),
                            }
                        })
                        .collect(),
                    lang,
                )
            }),
        ],
        vec![
            t(l("register.transfers")),
            field_cell(&e.transfers, lang, |v| {
                list_or_none(v.iter().map(|x| transfer(x, lang)).collect(), lang)
            }),
        ],
        vec![
            t(l("register.security")),
            field_cell(&e.security_measures, lang, |v| {
                if v.is_empty() {
                    // « Aucune » : the measures are feminine in French.
                    t(l("register.none-f"))
                } else {
                    t(v.iter()
                        .map(|m| measure(m, lang))
                        .collect::<Vec<_>>()
                        .join(" ; "))
                }
            }),
        ],
    ];
    if e.retention.is_todo() {
        rows.push(vec![t(l("register.retention")), todo()]);
    }
    sections.push(Section {
        level: 2,
        title: tr(lang, "register.entry", &[("n", &n), ("title", &e.title)]),
        blocks: vec![Block::Table {
            head: vec![l("register.field"), l("register.value")],
            rows,
            keyed: true,
        }],
    });
    // Data categories, as the model's table of categories.
    let mut blocks = Vec::new();
    match (&e.data_categories.value, e.data_categories.status) {
        (Some(lines), status) => {
            if status == Status::Derived {
                blocks.push(Block::Note(t(l("register.derived"))));
            }
            blocks.push(Block::Table {
                head: vec![l("register.category"), l("register.columns")],
                rows: lines
                    .iter()
                    .map(|line| {
                        let cols: Cell = if line.columns.is_empty() {
                            t("—")
                        } else {
                            line.columns
                                .iter()
                                .enumerate()
                                .flat_map(|(i, col)| {
                                    let mut v = Vec::new();
                                    if i > 0 {
                                        v.push(Inline::Text(", ".into()));
                                    }
                                    v.push(Inline::Code(col.clone()));
                                    v
                                })
                                .collect()
                        };
                        vec![
                            t(keyed("data-category", line.category.as_str(), lang)),
                            cols,
                        ]
                    })
                    .collect(),
                keyed: false,
            });
        }
        (None, _) => blocks.push(Block::Para(todo())),
    }
    if !e.unclassified.is_empty() {
        blocks.push(Block::Note(t(tr(
            lang,
            "register.unclassified",
            &[("columns", &e.unclassified.join(", "))],
        ))));
    }
    sections.push(Section {
        level: 3,
        title: l("register.data-categories"),
        blocks,
    });
    if let Some(lines) = &e.retention.value {
        sections.push(Section {
            level: 3,
            title: l("register.retention"),
            blocks: vec![Block::Table {
                head: vec![
                    l("register.table"),
                    l("register.keep"),
                    l("register.from"),
                    l("register.then"),
                    l("register.reference"),
                ],
                rows: lines
                    .iter()
                    .map(|r| {
                        vec![
                            c(r.table.clone()),
                            t(duration_in(&r.keep, lang)),
                            c(r.from.clone()),
                            t(keyed("then", r.then.as_str(), lang)),
                            r.reference.clone().map(t).unwrap_or_else(|| t("—")),
                        ]
                    })
                    .collect(),
                keyed: false,
            }],
        });
    }
    if let Some(o) = &e.observed {
        let unknown = l("register.unknown");
        let mut rows: Vec<Vec<Cell>> = o
            .tables
            .iter()
            .map(|tr_| {
                vec![
                    c(tr_.table.clone()),
                    t(tr_.rows.map_or_else(|| unknown.clone(), |n| n.to_string())),
                ]
            })
            .collect();
        let mut blocks = vec![Block::Table {
            head: vec![l("register.table"), l("register.rows")],
            rows: std::mem::take(&mut rows),
            keyed: false,
        }];
        if !o.retention.is_empty() {
            blocks.push(Block::Table {
                head: vec![l("register.table"), l("register.retention-seen")],
                rows: o
                    .retention
                    .iter()
                    .map(|r| {
                        vec![
                            t(tr(
                                lang,
                                "register.retention-seen-line",
                                &[("table", &r.table), ("keep", &duration_in(&r.keep, lang))],
                            )),
                            t(r.exceeded
                                .map_or_else(|| unknown.clone(), |n| n.to_string())),
                        ]
                    })
                    .collect(),
                keyed: false,
            });
        }
        sections.push(Section {
            level: 3,
            title: l("register.observed"),
            blocks,
        });
    }
    // DPIA screening.
    let mut blocks = vec![Block::Table {
        head: vec![
            l("register.criterion"),
            l("register.met"),
            l("register.reason"),
        ],
        rows: e
            .dpia
            .criteria
            .iter()
            .map(|cr| {
                let met = if cr.met {
                    vec![Inline::Strong(l("register.yes"))]
                } else {
                    t(l("register.no"))
                };
                vec![
                    t(keyed("dpia-criterion", cr.id.as_str(), lang)),
                    met,
                    t(cr.reason.render(lang)),
                ]
            })
            .collect(),
        keyed: false,
    }];
    let met = e.dpia.met().len();
    if !e.dpia.cnil_list.is_empty() {
        let items: Vec<String> = e
            .dpia
            .cnil_list
            .iter()
            .map(|i| keyed("dpia-list", i, lang))
            .collect();
        blocks.push(Block::Para(vec![Inline::Strong(tr(
            lang,
            "register.dpia-required-list",
            &[("items", &items.join(" ; "))],
        ))]));
    }
    if met >= 2 {
        blocks.push(Block::Para(vec![Inline::Strong(tr(
            lang,
            "register.dpia-required",
            &[("n", &met)],
        ))]));
    } else if e.dpia.cnil_list.is_empty() {
        blocks.push(Block::Para(t(tr(
            lang,
            "register.dpia-not-required",
            &[("n", &met)],
        ))));
    }
    match &e.dpia_done {
        Some(d) => {
            let reference = d.reference.as_ref().map_or_else(String::new, |r| {
                tr(lang, "register.dpia-done-ref", &[("reference", r)])
            });
            blocks.push(Block::Para(t(tr(
                lang,
                "register.dpia-done",
                &[("date", &d.date), ("reference", &reference)],
            ))));
        }
        None if e.dpia.required() => {
            blocks.push(Block::Para(vec![
                Inline::Todo,
                Inline::Text(format!(" — {}", l("register.dpia-todo"))),
            ]));
        }
        None => {}
    }
    sections.push(Section {
        level: 3,
        title: l("register.dpia"),
        blocks,
    });
}

fn recipient_kind(k: crate::policy::record::RecipientKind) -> &'static str {
    crate::policy::record::RECIPIENT_KINDS
        .iter()
        .find(|(_, v)| *v == k)
        .map(|(s, _)| *s)
        .unwrap_or_default()
}

fn safeguard_id(s: crate::policy::record::Safeguard) -> &'static str {
    crate::policy::record::SAFEGUARDS
        .iter()
        .find(|(_, v)| *v == s)
        .map(|(id, _)| *id)
        .unwrap_or_default()
}

fn transfer(x: &Transfer, lang: Lang) -> String {
    format!(
        "{} ({}) — {}",
        x.recipient,
        x.country,
        keyed("safeguard", safeguard_id(x.safeguard), lang)
    )
}

fn field_json<T>(f: &Field<T>, value: impl Fn(&T) -> Value) -> Value {
    json!({"status": f.status, "value": f.value.as_ref().map(value)})
}

pub fn json(r: &Register, lang: Lang) -> String {
    let ctl = &r.controller;
    let entries: Vec<Value> = r
        .entries
        .iter()
        .map(|e| {
            let dpia = json!({
                "criteria": e.dpia.criteria.iter().map(|cr| json!({
                    "id": cr.id.as_str(),
                    "label": keyed("dpia-criterion", cr.id.as_str(), lang),
                    "met": cr.met,
                    "reason": cr.reason.render(lang),
                })).collect::<Vec<_>>(),
                "met": e.dpia.met().len(),
                "cnil_list": e.dpia.cnil_list,
                "required": e.dpia.required(),
                "large_scale_threshold": LARGE_SCALE_ROWS,
                "done": e.dpia_done.as_ref().map(|d| json!({
                    "date": d.date.to_string(),
                    "reference": d.reference,
                })),
            });
            let observed = e.observed.as_ref().map(|o| {
                json!({
                    "tables": o.tables.iter().map(|x| json!({"table": x.table, "rows": x.rows})).collect::<Vec<_>>(),
                    "retention": o.retention.iter().map(|x| json!({
                        "table": x.table, "keep": x.keep.to_string(), "exceeded": x.exceeded,
                    })).collect::<Vec<_>>(),
                    "sensitive_found": o.sensitive_found,
                    "minors": o.minors,
                    "subject_rows": o.subject_rows,
                })
            });
            json!({
                "id": e.id,
                "purpose": {"status": Status::Stated, "value": e.title},
                "sub_purposes": e.sub_purposes,
                "legal_basis": {"status": Status::Stated, "value": e.legal_basis.as_str()},
                "data_subjects": field_json(&e.data_subjects, |v| json!(v)),
                "data_categories": field_json(&e.data_categories, |v| json!(v.iter().map(|l| json!({
                    "category": l.category.as_str(),
                    "label": keyed("data-category", l.category.as_str(), lang),
                    "columns": l.columns,
                })).collect::<Vec<_>>())),
                "unclassified_columns": e.unclassified,
                "recipients": field_json(&e.recipients, |v| json!(v.iter().map(|x| json!({
                    "name": x.name, "kind": recipient_kind(x.kind), "country": x.country,
                })).collect::<Vec<_>>())),
                "transfers": field_json(&e.transfers, |v| json!(v.iter().map(|x| json!({
                    "recipient": x.recipient, "country": x.country,
                    "safeguard": safeguard_id(x.safeguard),
                })).collect::<Vec<_>>())),
                "retention": field_json(&e.retention, |v| json!(v.iter().map(|x| json!({
                    "table": x.table, "keep": x.keep.to_string(), "from": x.from,
                    "then": x.then.as_str(), "reference": x.reference,
                })).collect::<Vec<_>>())),
                "security_measures": field_json(&e.security_measures, |v| json!(v.iter().map(|m| match m {
                    SecurityMeasure::Known(id) => json!({"id": id, "label": measure(m, lang)}),
                    SecurityMeasure::Other(s) => json!({"id": null, "label": s}),
                }).collect::<Vec<_>>())),
                "dpia": dpia,
                "observed": observed,
            })
        })
        .collect();
    let database = r.database.as_ref().map(|db| {
        json!({
            "dialect": db.dialect,
            "database": db.database,
            "server_version": db.server_version,
            "as_of": as_of_text(&db.as_of),
            "undeclared_columns": db.undeclared.iter().map(|u| json!({"column": u.column, "category": u.category})).collect::<Vec<_>>(),
            "checks_in_error": db.checks_in_error,
        })
    });
    let value = json!({
        "tool": {"name": "vigie", "version": env!("CARGO_PKG_VERSION")},
        "document": "register",
        "lang": lang,
        "policy": {"path": r.policy_path, "sha256": r.policy_sha256},
        "controller": {
            "name": field_json(&ctl.name, |v| json!(v)),
            "contact": field_json(&ctl.contact, |v| json!(v)),
            "dpo": field_json(&ctl.dpo, |v| json!(v)),
            "representative": field_json(&ctl.representative, |v| json!(v)),
            "joint_controllers": field_json(&ctl.joint_controllers, |v| json!(v.iter().map(|j| json!({"name": j.name, "contact": j.contact})).collect::<Vec<_>>())),
            "processors": field_json(&ctl.processors, |v| json!(v.iter().map(|p| json!({"name": p.name, "service": p.service, "country": p.country})).collect::<Vec<_>>())),
        },
        "entries": entries,
        "database": database,
    });
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serialises");
    s.push('\n');
    s
}
