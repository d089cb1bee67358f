//! vigie: a policy-as-code GDPR (RGPD) compliance engine and read-only audit scanner for
//! existing databases.
//!
//! The dependency direction is the architecture: [`finding`], [`policy`], [`rules`] and
//! [`text`] know nothing of [`db`] or [`report`]; [`report`] knows only findings; [`db`]
//! knows only SQL and rows. [`engine`] joins them.

pub mod baseline;
pub mod catalog;
pub mod db;
pub mod demo;
pub mod dialect;
pub mod discover;
pub mod engine;
pub mod finding;
pub mod init;
pub mod migrations;
pub mod policy;
pub mod report;
pub mod rules;
pub mod text;
pub mod timefmt;
