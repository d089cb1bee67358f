//! Parsing of the instants and time limits given on the command line.

/// `2026-11-23` (midnight UTC), `2026-11-23T10:00:00Z`, `2026-11-23 10:00:00` (UTC) or an
/// RFC 3339 instant with an offset.
pub fn parse_as_of(text: &str) -> Result<jiff::Timestamp, String> {
    let t = text.trim();
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    if let Ok(dt) = t.replace(' ', "T").parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return d
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    Err(format!(
        "`{t}` is not a date: write 2026-11-23, 2026-11-23T10:00:00Z or 2026-11-23 10:00:00"
    ))
}

/// `500ms`, `30s`, `5m`, `1h`; a bare number is seconds.
pub fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    let t = text.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{t}` is not a time limit such as 30s, 5m or 500ms"))?;
    let unit = &t[digits.len()..];
    let ms = match unit.trim() {
        "ms" => n,
        "" | "s" => n * 1000,
        "m" | "min" => n * 60_000,
        "h" => n * 3_600_000,
        _ => return Err(format!("`{t}`: units are ms, s, m, h")),
    };
    Ok(std::time::Duration::from_millis(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_of_forms() {
        let a = parse_as_of("2026-11-23").unwrap();
        assert_eq!(a.to_string(), "2026-11-23T00:00:00Z");
        assert_eq!(
            parse_as_of("2026-11-23 10:00:00").unwrap().to_string(),
            "2026-11-23T10:00:00Z"
        );
        assert_eq!(
            parse_as_of("2026-11-23T10:00:00Z").unwrap().to_string(),
            "2026-11-23T10:00:00Z"
        );
        assert!(parse_as_of("23/11/2026").is_err());
    }

    #[test]
    fn parses_timeouts() {
        assert_eq!(parse_timeout("30s").unwrap().as_millis(), 30_000);
        assert_eq!(parse_timeout("500ms").unwrap().as_millis(), 500);
        assert_eq!(parse_timeout("5m").unwrap().as_millis(), 300_000);
        assert!(parse_timeout("fast").is_err());
    }
}
