//! Number and text formatting for display: grouped digits, "1 in N" rates,
//! file sizes, and long inputs shortened in the middle.

/// 1234567 -> "1,234,567".
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// 1 -> "1 address", 743 -> "743 addresses".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", group_digits(n), if n == 1 { one } else { many })
}

/// A false-positive rate as "1 in N" (N rounded to a whole number).
pub fn one_in(p: f64) -> String {
    if !(p > 0.0 && p.is_finite()) {
        return "none".to_string();
    }
    if p >= 1.0 {
        return "every check".to_string();
    }
    let n = (1.0 / p).round();
    if n >= 1e15 {
        return format!("1 in {:.0e}", n);
    }
    format!("1 in {}", group_digits(n as u64))
}

/// Bytes as "812 bytes", "3.1 KiB (3,172 bytes)", "1.4 MiB (1,468,006 bytes)".
pub fn format_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        plural(bytes, "byte", "bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB ({} bytes)", b / KIB, group_digits(bytes))
    } else {
        format!("{:.1} MiB ({} bytes)", b / (KIB * KIB), group_digits(bytes))
    }
}

pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s` if it has at most `max` characters, else its start and end around an
/// ellipsis ("0x85894273…731FDA16"), `max` characters in all.
pub fn shorten_middle(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max || max < 3 {
        return s.to_string();
    }
    let keep = max - 1;
    let head = keep.div_ceil(2);
    let tail = keep - head;
    let mut out: String = s.chars().take(head).collect();
    out.push('…');
    out.extend(s.chars().skip(count - tail));
    out
}

/// `s` cut to at most `max` characters, saying how long it was when cut.
pub fn cap(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push_str(&format!(
        "… ({} characters in all)",
        group_digits(count as u64)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(743), "743");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn fp_rates_read_as_one_in_n() {
        assert_eq!(one_in(1e-9), "1 in 1,000,000,000");
        assert_eq!(one_in(0.01), "1 in 100");
        assert_eq!(one_in(1e-6), "1 in 1,000,000");
        assert_eq!(one_in(0.3), "1 in 3");
        assert_eq!(one_in(0.0), "none");
        assert_eq!(one_in(f64::NAN), "none");
        assert_eq!(one_in(1e-20), "1 in 1e20");
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(812), "812 bytes");
        assert_eq!(format_size(3172), "3.1 KiB (3,172 bytes)");
        assert_eq!(format_size(1_468_006), "1.4 MiB (1,468,006 bytes)");
    }

    #[test]
    fn capitalizes_first_letter_only() {
        assert_eq!(capitalize("checksum mismatch"), "Checksum mismatch");
        assert_eq!(capitalize("éa"), "Éa");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn long_text_is_shortened_in_the_middle() {
        let a = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
        assert_eq!(shorten_middle(a, 42), a);
        let s = shorten_middle(a, 21);
        assert_eq!(s, "0x85894273…f8731FDA16");
        assert_eq!(s.chars().count(), 21);
        assert!(s.starts_with("0x85894273") && s.ends_with("731FDA16"));
        // Characters, not bytes.
        assert_eq!(shorten_middle("ааааббббвввв", 5), "аа…вв");
        assert_eq!(shorten_middle("short", 20), "short");
    }

    #[test]
    fn caps_say_how_long_the_text_was() {
        assert_eq!(cap("abc", 3), "abc");
        assert_eq!(cap(&"x".repeat(5000), 4), "xxxx… (5,000 characters in all)");
    }
}
