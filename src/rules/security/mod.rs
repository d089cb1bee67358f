//! Security: how stored passwords are protected, who can read the personal-data tables, and
//! login accounts left unused.
//!
//! Each rule is its own unit, in the file named after it. What several rules share lives in
//! two modules: `passwords.rs` (which columns hold passwords, and the one grouped count per
//! column that answers the three password rules) and `access.rs` (the finding and the `REVOKE`
//! statements both access rules propose). `inactive-account` shares only the password column
//! test with them.

pub mod access;
pub mod access_excessive_grant;
pub mod access_public_grant;
pub mod inactive_account;
pub mod password_plaintext;
pub mod password_unknown_format;
pub mod password_weak_hash;
pub mod passwords;

pub use access_excessive_grant::AccessExcessiveGrant;
pub use access_public_grant::AccessPublicGrant;
pub use inactive_account::InactiveAccount;
pub use password_plaintext::PasswordPlaintext;
pub use password_unknown_format::PasswordUnknownFormat;
pub use password_weak_hash::PasswordWeakHash;
