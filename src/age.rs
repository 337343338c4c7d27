//! How old a list is: its as-of date against today's date (the browser's
//! clock), in whole days, and when that deserves a warning.

/// Older than this many days, a list gets a visible warning.
pub const STALE_AFTER_DAYS: i64 = 30;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parse `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(date)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The age of a list dated `as_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Age {
    /// Whole days from the as-of date to today (negative: dated in the future).
    pub days: i64,
    /// e.g. "list is 362 days old".
    pub text: String,
    /// Older than [`STALE_AFTER_DAYS`].
    pub stale: bool,
}

/// The age of a list dated `as_of` (`YYYY-MM-DD`) on `today`; `None` when
/// the date cannot be read.
pub fn age(as_of: &str, today: Date) -> Option<Age> {
    let days = today.days_since_epoch() - Date::parse(as_of)?.days_since_epoch();
    let text = match days {
        d if d < 0 => "list is dated in the future: check this device's clock".to_string(),
        0 => "list is from today".to_string(),
        1 => "list is 1 day old".to_string(),
        d => format!("list is {} days old", crate::format::group_digits(d as u64)),
    };
    Some(Age {
        days,
        text,
        stale: days > STALE_AFTER_DAYS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            d("2025-11-27"),
            Date {
                year: 2025,
                month: 11,
                day: 27
            }
        );
        assert_eq!(d("2024-02-29").day, 29);
        for bad in [
            "",
            "2025-11-2",
            "2025/11/27",
            "2025-13-01",
            "2025-00-10",
            "2025-02-29",
            "2025-04-31",
            "2025-11-27T00",
            "+025-11-27",
            "２０２５-11-27",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_counts_match_the_calendar() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("2025-11-27").days_since_epoch(), 20_419);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
    }

    #[test]
    fn ages_read_as_days_old() {
        let list = "2025-11-27";
        let a = age(list, d("2026-11-24")).unwrap();
        assert_eq!(a.days, 362);
        assert_eq!(a.text, "list is 362 days old");
        assert!(a.stale);
        assert_eq!(
            age(list, d("2025-11-27")).unwrap().text,
            "list is from today"
        );
        assert_eq!(
            age(list, d("2025-11-28")).unwrap().text,
            "list is 1 day old"
        );
        assert_eq!(
            age(list, d("2029-01-01")).unwrap().text,
            "list is 1,131 days old"
        );
        // Across a leap day.
        assert_eq!(age("2024-02-28", d("2024-03-01")).unwrap().days, 2);
        let future = age(list, d("2025-11-20")).unwrap();
        assert_eq!(future.days, -7);
        assert!(future.text.contains("future"));
        assert!(!future.stale);
        assert_eq!(age("someday", d("2025-11-20")), None);
    }

    #[test]
    fn warning_starts_after_thirty_days() {
        assert!(!age("2025-11-27", d("2025-12-27")).unwrap().stale); // 30 days
        assert!(age("2025-11-27", d("2025-12-28")).unwrap().stale); // 31 days
    }
}
