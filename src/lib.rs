//! vigie: a policy-as-code GDPR (RGPD) compliance engine and read-only audit scanner for
//! existing databases.
//!
//! The dependency direction is the architecture: [`finding`], [`policy`], [`rules`],
//! [`check`] and [`text`] know nothing of [`db`], [`engine`] or [`report`]: rules plan checks
//! as data. [`engine`] executes the checks on [`db`] sessions; [`report`] knows only findings
//! and the [`scan`] result; [`db`] knows only SQL and rows.

pub mod attest;
pub mod baseline;
pub mod catalog;
pub mod check;
pub mod config;
pub mod db;
pub mod demo;
pub mod dialect;
pub mod discover;
pub mod engine;
pub mod finding;
pub mod i18n;
pub mod init;
pub mod migrations;
pub mod policy;
pub mod register;
pub mod report;
pub mod rules;
pub mod scan;
pub mod text;
pub mod timefmt;
