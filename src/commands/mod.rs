//! Commands of the binary that are not a scan: listing rules, writing the draft policy to a
//! file, shell completions and the man page. Each is a short function over the library; the
//! scan, gate and discovery commands stay in `main.rs`.

pub mod init;
pub mod rules;
pub mod shell;
