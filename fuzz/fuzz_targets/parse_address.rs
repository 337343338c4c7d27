//! Any input: `parse` returns without panicking, whatever parses round-trips
//! through its normalised form to the same key, and the normalised form
//! borrowed from the input (when the input already is canonical) is the one
//! computed from the key.
#![no_main]

use addrcheck_core::address::parse_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(parsed) = parse_text(&text) {
        let addr = parsed.address();
        let normalized = addr.normalized();
        assert_eq!(parsed.normalized(), normalized, "borrowed normalized form differs");
        let again = parse_text(&normalized).expect("normalized form parses");
        assert_eq!(again.address().key, addr.key, "normalized form has another key");
    }
});
