//! Retention durations in calendar units: `3y`, `13mo`, `6w`, `30d`, combinations such as
//! `1y6mo`, and ISO 8601 (`P3Y`, `P1Y6M`, `P2W`, `P30D`).
//!
//! Units stay separate (no "a year is 365 days") so that the database does calendar
//! arithmetic: 29 February minus one year is 28 February, as the law counts.

use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration {
    pub years: i64,
    pub months: i64,
    pub weeks: i64,
    pub days: i64,
}

pub const UNITS_HELP: &str = "write a number and a unit: `y` (years), `mo` (months), `w` (weeks), `d` (days), e.g. `3y`, `13mo`, `1y6mo`, `30d`; or ISO 8601 such as `P3Y`, `P1Y6M`, `P30D`";

impl Duration {
    pub fn years(n: i64) -> Duration {
        Duration {
            years: n,
            ..Duration::default()
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Duration::default()
    }

    /// An approximate length in days, only to compare a declared duration with a reference.
    pub fn approx_days(&self) -> i64 {
        self.years * 365 + self.months * 30 + self.weeks * 7 + self.days
    }

    pub fn parse(text: &str) -> Result<Duration, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err("the duration is empty".into());
        }
        if let Some(iso) = t.strip_prefix('P').or_else(|| t.strip_prefix('p')) {
            return parse_iso(iso).ok_or_else(|| format!("`{t}` is not an ISO 8601 duration"));
        }
        let mut d = Duration::default();
        let mut rest = t;
        while !rest.is_empty() {
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return Err(format!("`{t}` must start each part with a number"));
            }
            let n: i64 = rest[..digits]
                .parse()
                .map_err(|_| format!("`{t}` has a number that is too large"))?;
            rest = rest[digits..].trim_start();
            let unit_len = rest.chars().take_while(|c| c.is_ascii_alphabetic()).count();
            let unit = &rest[..unit_len];
            match unit.to_ascii_lowercase().as_str() {
                "y" | "year" | "years" | "an" | "ans" => d.years += n,
                "mo" | "month" | "months" | "mois" => d.months += n,
                "w" | "week" | "weeks" | "sem" => d.weeks += n,
                "d" | "day" | "days" | "j" | "jour" | "jours" => d.days += n,
                "" => return Err(format!("`{t}` has a number without a unit")),
                "m" => {
                    return Err(format!("`{t}`: `m` is ambiguous; write `mo` for months"));
                }
                other => return Err(format!("`{t}` has an unknown unit `{other}`")),
            }
            rest = rest[unit_len..].trim_start();
        }
        Ok(d)
    }
}

fn parse_iso(iso: &str) -> Option<Duration> {
    let mut d = Duration::default();
    let mut num = String::new();
    let mut any = false;
    for c in iso.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: i64 = num.parse().ok()?;
        num.clear();
        any = true;
        match c.to_ascii_uppercase() {
            'Y' => d.years += n,
            'M' => d.months += n,
            'W' => d.weeks += n,
            'D' => d.days += n,
            _ => return None,
        }
    }
    (num.is_empty() && any).then_some(d)
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        for (n, unit) in [
            (self.years, "y"),
            (self.months, "mo"),
            (self.weeks, "w"),
            (self.days, "d"),
        ] {
            if n != 0 {
                write!(f, "{n}{unit}")?;
                wrote = true;
            }
        }
        if !wrote {
            f.write_str("0d")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_iso_forms() {
        assert_eq!(Duration::parse("3y").unwrap(), Duration::years(3));
        assert_eq!(Duration::parse("13mo").unwrap().months, 13);
        assert_eq!(Duration::parse("6w").unwrap().weeks, 6);
        assert_eq!(Duration::parse("30d").unwrap().days, 30);
        let d = Duration::parse("1y6mo").unwrap();
        assert_eq!((d.years, d.months), (1, 6));
        assert_eq!(Duration::parse("P3Y").unwrap(), Duration::years(3));
        let d = Duration::parse("P1Y6M15D").unwrap();
        assert_eq!((d.years, d.months, d.days), (1, 6, 15));
        assert_eq!(Duration::parse("P2W").unwrap().weeks, 2);
    }

    #[test]
    fn rejects_bad_durations() {
        for bad in ["", "3", "three years", "3m", "3x", "P", "P3X", "y3"] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_compactly() {
        assert_eq!(Duration::parse("P1Y6M").unwrap().to_string(), "1y6mo");
    }
}
