//! Any input: `parse` returns without panicking, and whatever parses
//! round-trips through its normalised form to the same key.
#![no_main]

use addrcheck_core::address::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(addr) = parse(&*text) {
        let again = parse(addr.normalized()).expect("normalized form parses");
        assert_eq!(again.key, addr.key, "normalized form has another key");
    }
});
