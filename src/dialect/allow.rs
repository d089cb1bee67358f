//! The functions a policy's own SQL (a `[[check]]` query, a `where` condition) may call: an
//! allow-list per dialect of functions known to be free of side effects. A name missing from
//! the list is refused, whatever it does; a policy may trust more with `trusted_functions`,
//! except the functions of [`NEVER`], which vigie refuses even when trusted.

use super::Dialect;

/// PostgreSQL: every entry is a `pg_catalog` function; the server confirms at scan time that
/// the name resolves there and nowhere else.
#[rustfmt::skip]
const POSTGRES: &[&str] = &[
    "current_user", "session_user", "current_role", "current_catalog", "current_schema", "user",
    // conditional
    "coalesce", "nullif", "greatest", "least", "num_nulls", "num_nonnulls",
    // mathematics
    "abs", "cbrt", "ceil", "ceiling", "degrees", "div", "exp", "factorial", "floor", "gcd", "lcm",
    "ln", "log", "log10", "mod", "pi", "power", "pow", "radians", "round", "scale", "sign", "sqrt",
    "trunc", "width_bucket", "random", "min_scale", "trim_scale", "acos", "asin", "atan", "atan2",
    "cos", "cot", "sin", "tan", "sinh", "cosh", "tanh", "acosd", "asind", "atand", "cosd", "sind",
    "tand",
    // strings
    "ascii", "bit_length", "btrim", "char_length", "character_length", "chr", "concat", "concat_ws",
    "format", "initcap", "left", "length", "lower", "lpad", "ltrim", "md5", "octet_length",
    "overlay", "position", "quote_ident", "quote_literal", "quote_nullable", "repeat", "replace",
    "reverse", "right", "rpad", "rtrim", "split_part", "starts_with", "strpos", "substr",
    "substring", "to_ascii", "to_hex", "translate", "trim", "upper", "unistr", "normalize",
    "encode", "decode", "convert_from", "convert_to", "sha224", "sha256", "sha384", "sha512",
    "string_to_array", "array_to_string", "string_agg", "to_char", "to_number", "casefold",
    // regular expressions
    "regexp_count", "regexp_instr", "regexp_like", "regexp_match", "regexp_matches",
    "regexp_replace", "regexp_split_to_array", "regexp_split_to_table", "regexp_substr",
    // date and time
    "age", "clock_timestamp", "current_date", "current_time", "current_timestamp", "localtime",
    "localtimestamp", "date_add", "date_subtract", "date_bin", "date_part", "date_trunc", "extract",
    "isfinite", "justify_days", "justify_hours", "justify_interval", "make_date", "make_interval",
    "make_time", "make_timestamp", "make_timestamptz", "now", "statement_timestamp", "timeofday",
    "transaction_timestamp", "to_date", "to_timestamp", "timezone", "overlaps",
    // casts written as calls
    "text", "date", "int2", "int4", "int8", "numeric", "float4", "float8", "bool", "varchar",
    "bpchar", "timestamp", "timestamptz", "interval", "time", "timetz",
    // aggregates
    "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "count", "every", "max", "min",
    "sum", "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "corr",
    "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2",
    "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "stddev", "stddev_pop", "stddev_samp",
    "variance", "var_pop", "var_samp", "mode", "percentile_cont", "percentile_disc", "any_value",
    // window functions
    "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
    "first_value", "last_value", "nth_value",
    // arrays and sets
    "array_length", "array_lower", "array_upper", "array_ndims", "array_dims", "array_position",
    "array_positions", "array_remove", "array_replace", "array_append", "array_prepend",
    "array_cat", "cardinality", "unnest", "trim_array", "generate_series", "generate_subscripts",
    "array_to_json",
    // ranges
    "lower_inc", "upper_inc", "lower_inf", "upper_inf", "isempty", "range_merge", "int4range",
    "int8range", "numrange", "daterange", "tsrange", "tstzrange",
    // JSON
    "to_json", "to_jsonb", "row_to_json", "json_build_array", "jsonb_build_array",
    "json_build_object", "jsonb_build_object", "json_object", "jsonb_object", "json_extract_path",
    "json_extract_path_text", "jsonb_extract_path", "jsonb_extract_path_text", "json_array_length",
    "jsonb_array_length", "json_typeof", "jsonb_typeof", "json_array_elements",
    "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text", "json_each",
    "json_each_text", "jsonb_each", "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
    "jsonb_path_exists", "jsonb_path_match", "jsonb_path_query", "jsonb_path_query_array",
    "jsonb_path_query_first", "json_strip_nulls", "jsonb_strip_nulls", "jsonb_pretty", "jsonb_set",
    "jsonb_set_lax", "jsonb_insert",
    // full text, on a document given as a value (never a query given as text)
    "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery",
    "ts_rank", "ts_rank_cd", "ts_headline", "setweight", "strip",
    // identifiers and types
    "gen_random_uuid", "pg_typeof", "uuid", "current_setting",
];

/// MySQL and MariaDB built-in functions without effects.
#[rustfmt::skip]
const MYSQL: &[&str] = &[
    "current_user", "user", "database", "schema", "abs", "acos", "adddate", "addtime", "any_value",
    "ascii", "asin", "atan", "atan2", "avg", "bin", "bit_and", "bit_count", "bit_length", "bit_or",
    "bit_xor", "ceil", "ceiling", "char", "char_length", "character_length", "coalesce", "concat",
    "concat_ws", "conv", "convert_tz", "cos", "cot", "count", "crc32", "curdate", "current_date",
    "current_time", "current_timestamp", "curtime", "date", "date_add", "date_format", "date_sub",
    "datediff", "day", "dayname", "dayofmonth", "dayofweek", "dayofyear", "degrees", "elt", "exp",
    "extract", "field", "find_in_set", "floor", "format", "from_days", "from_unixtime", "greatest",
    "group_concat", "hex", "hour", "if", "ifnull", "instr", "isnull", "json_array", "json_arrayagg",
    "json_contains", "json_contains_path", "json_depth", "json_extract", "json_keys", "json_length",
    "json_object", "json_objectagg", "json_quote", "json_search", "json_type", "json_unquote",
    "json_valid", "json_value", "last_day", "lcase", "least", "left", "length", "ln", "localtime",
    "localtimestamp", "locate", "log", "log10", "log2", "lower", "lpad", "ltrim", "makedate",
    "maketime", "max", "md5", "microsecond", "mid", "min", "minute", "mod", "month", "monthname",
    "now", "nullif", "oct", "octet_length", "ord", "period_add", "period_diff", "pi", "position",
    "pow", "power", "quarter", "quote", "radians", "rand", "regexp_instr", "regexp_like",
    "regexp_replace", "regexp_substr", "repeat", "replace", "reverse", "right", "round", "rpad",
    "rtrim", "sec_to_time", "second", "sha", "sha1", "sha2", "sign", "sin", "soundex", "space",
    "sqrt", "std", "stddev", "stddev_pop", "stddev_samp", "str_to_date", "strcmp", "subdate",
    "substr", "substring", "substring_index", "subtime", "sum", "sysdate", "tan", "time",
    "time_format", "time_to_sec", "timediff", "timestamp", "timestampadd", "timestampdiff",
    "to_days", "to_seconds", "trim", "truncate", "ucase", "unhex", "unix_timestamp", "upper",
    "utc_date", "utc_time", "utc_timestamp", "uuid", "var_pop", "var_samp", "variance", "week",
    "weekday", "weekofyear", "year", "yearweek", "row_number", "rank", "dense_rank", "percent_rank",
    "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value", "json_table",
];

/// SQLite core, date, JSON and math functions.
#[rustfmt::skip]
const SQLITE: &[&str] = &[
    "abs", "avg", "char", "coalesce", "concat", "concat_ws", "count", "date", "datetime", "format",
    "glob", "group_concat", "hex", "ifnull", "iif", "instr", "julianday", "json", "jsonb",
    "json_array", "json_array_length", "json_extract", "json_object", "json_type", "json_valid",
    "json_quote", "json_group_array", "json_group_object", "json_each", "json_tree", "length",
    "like", "likelihood", "likely", "unlikely", "lower", "ltrim", "max", "min", "nullif", "printf",
    "quote", "random", "randomblob", "replace", "round", "rtrim", "sign", "soundex", "strftime",
    "string_agg", "substr", "substring", "sum", "time", "timediff", "total", "trim", "typeof",
    "unhex", "unicode", "unixepoch", "upper", "octet_length", "acos", "asin", "atan", "atan2",
    "ceil", "ceiling", "cos", "degrees", "exp", "floor", "ln", "log", "log2", "log10", "mod", "pi",
    "pow", "power", "radians", "sin", "sqrt", "tan", "trunc", "row_number", "rank", "dense_rank",
    "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
    "current_date", "current_time", "current_timestamp",
];

/// Functions that take SQL, a query or a cursor as text and run it: what they run is never
/// read by the guard, so no policy may trust them.
#[rustfmt::skip]
const TAKES_SQL: &[&str] = &[
    "ts_stat", "ts_rewrite", "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema",
    "cursor_to_xml", "cursor_to_xmlschema", "table_to_xml", "database_to_xml", "schema_to_xml",
    "database_to_xml_and_xmlschema", "schema_to_xml_and_xmlschema", "table_to_xml_and_xmlschema",
    "xpath", "xpath_exists", "xmltable", "crosstab", "crosstab2", "crosstab3", "crosstab4",
    "connectby",
];

/// Functions with known effects outside the query (locks, waits, signals, replication, WAL,
/// large objects, sequences, configuration, files, other servers), refused even when a policy
/// trusts them. Families are matched by prefix.
#[rustfmt::skip]
const NEVER: &[&str] = &[
    "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_sleep",
    "pg_sleep_for", "pg_sleep_until", "nextval", "setval", "currval", "lastval", "set_config",
    "pg_notify", "pg_switch_wal", "pg_create_restore_point", "pg_promote", "pg_read_file",
    "pg_read_binary_file", "pg_ls_dir", "pg_file_write", "pg_logical_emit_message", "txid_current",
    "pg_current_xact_id", "pg_import_system_collations", "brin_summarize_new_values",
    "brin_summarize_range", "brin_desummarize_range", "gin_clean_pending_list",
    "pg_log_backend_memory_contexts", "pg_backup_start", "pg_backup_stop", "pg_start_backup",
    "pg_stop_backup", "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_logical_slot_get_changes",
    "pg_logical_slot_get_binary_changes", "pg_logical_slot_peek_changes",
    "pg_logical_slot_peek_binary_changes", "pg_replication_slot_advance",
    "pg_copy_physical_replication_slot", "pg_copy_logical_replication_slot",
    "pg_create_logical_replication_slot", "pg_create_physical_replication_slot",
    "pg_drop_replication_slot", "load_extension", "writefile", "readfile", "fts3_tokenizer", "edit",
    "sleep", "benchmark", "get_lock", "release_lock", "release_all_locks", "is_free_lock",
    "is_used_lock", "load_file", "master_pos_wait", "source_pos_wait", "master_gtid_wait",
    "wait_for_executed_gtid_set", "wait_until_sql_thread_after_gtids", "uuid_short", "sys_exec",
    "sys_eval", "setseed",
];
#[rustfmt::skip]
const NEVER_PREFIXES: &[&str] = &[
    "lo_", "pg_advisory", "pg_try_advisory", "pg_stat_reset", "pg_replication_origin", "pg_drop_",
    "pg_create_", "pg_wal_", "pg_xact_", "pg_file_",
];

/// Constructs of PostgreSQL's grammar written like calls: unquoted and unqualified they are
/// read by the parser, never looked up in `pg_proc`.
const POSTGRES_SYNTAX: &[&str] = &["coalesce", "nullif", "greatest", "least"];

/// Whether `name`, unquoted and unqualified, is grammar rather than a catalog function.
pub fn is_syntax(dialect: Dialect, name: &str) -> bool {
    dialect == Dialect::Postgres && POSTGRES_SYNTAX.contains(&name)
}

/// Whether `name` (normalised, without schema) is on the allow-list of `dialect`.
pub fn allowed(dialect: Dialect, name: &str) -> bool {
    let list = match dialect {
        Dialect::Postgres => POSTGRES,
        Dialect::Mysql => MYSQL,
        Dialect::Sqlite => SQLITE,
    };
    list.contains(&name)
}

/// Why `name` may never be called, even when a policy trusts it.
pub fn never(name: &str) -> Option<&'static str> {
    if TAKES_SQL.contains(&name) || name.starts_with("dblink") {
        return Some("it takes SQL or a query as text and runs what vigie never reads");
    }
    if NEVER.contains(&name) || NEVER_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return Some(
            "it has effects outside the query (locks, waits, signals, replication, sequences, configuration, files or another server)",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_function_is_both_allowed_and_refused() {
        for d in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
            let list = match d {
                Dialect::Postgres => POSTGRES,
                Dialect::Mysql => MYSQL,
                Dialect::Sqlite => SQLITE,
            };
            for f in list {
                assert!(
                    never(f).is_none(),
                    "{f} is on the {d:?} allow-list and refused"
                );
                assert_eq!(f.to_lowercase(), *f);
            }
        }
    }
}
