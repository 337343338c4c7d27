//! Messages, progress bars and number formatting shared by the commands.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub fn error(msg: &str) {
    eprintln!("addrcheck: error: {msg}");
}

pub fn warn(msg: &str) {
    eprintln!("addrcheck: warning: {msg}");
}

pub fn note(msg: &str) {
    eprintln!("addrcheck: {msg}");
}

/// A string made safe to print on one line: control and invisible characters
/// escaped, cut to `max` characters.
pub fn shown(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
        {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A byte-count progress bar on stderr, or `None` when stderr is not a
/// terminal or the work is too small to be worth one.
pub fn progress_bar(total: Option<u64>, min_total: u64, message: &str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(t) if t < min_total => return None,
        Some(t) => {
            let bar = ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        }
        None => {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{msg} {spinner} {bytes} ({bytes_per_sec})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    };
    bar.set_message(message.to_string());
    Some(bar)
}

/// The false-positive rate of a Bloom filter of `bits` bits and `hashes`
/// hash functions holding `keys` keys: (1 - e^(-k n / m))^k.
pub fn expected_fp_rate(bits: u64, hashes: u32, keys: u64) -> f64 {
    if bits == 0 {
        return 1.0;
    }
    let k = f64::from(hashes);
    (1.0 - (-k * keys as f64 / bits as f64).exp()).powf(k)
}

/// `12345678` -> `12,345,678`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1536` -> `1.5 KiB`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64;
    let mut unit = "bytes";
    for u in UNITS {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{v:.1} {unit}")
}

/// A rate like `1e-9` or `2.3e-10`.
pub fn rate(p: f64) -> String {
    if p == 0.0 {
        return "0".into();
    }
    let s = format!("{p:.1e}");
    s.replace(".0e", "e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(human_bytes(100), "100 bytes");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(rate(1e-9), "1e-9");
        assert_eq!(rate(2.345e-10), "2.3e-10");
        assert_eq!(shown("a\u{7}b\u{200b}c", 10), "a\\u{7}b\\u{200b}c");
        assert_eq!(shown("abcdef", 3), "abc…");
    }

    #[test]
    fn fp_formula() {
        // The optimum for 1e-9: 43.1 bits per key and 30 hashes.
        let p = expected_fp_rate(43_140, 30, 1000);
        assert!(p > 5e-10 && p < 2e-9, "{p}");
    }
}
