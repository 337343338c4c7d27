//! Any bytes: `Filter::from_bytes` returns without panicking; a file that
//! loads answers checks without panicking. The seed corpus holds a valid
//! filter so mutations reach past the checksum only through the structure
//! walk, and a valid file with re-computed digest exercises the sections.
#![no_main]

use addrcheck_core::filter::Filter;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

fuzz_target!(|data: &[u8]| {
    if let Ok(f) = Filter::from_bytes(data) {
        let _ = f.check("0x0000000000000000000000000000000000000000");
        let _ = f.check("not an address");
    }
    // Re-seal the mutated bytes so the parser behind the digest is exercised too.
    if data.len() > 32 {
        let mut sealed = data[..data.len() - 32].to_vec();
        let digest = Sha256::digest(&sealed);
        sealed.extend_from_slice(&digest);
        if let Ok(f) = Filter::from_bytes(&sealed) {
            let _ = f.check("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu");
        }
    }
});
