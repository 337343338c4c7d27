//! A damaged filter file is refused, with a clear message and exit 2, by
//! both `inspect` and `check`.

mod common;

use common::*;
use std::ffi::OsStr;
use std::path::Path;

const LISTED: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";

fn refused(path: &Path, needle: &str) {
    for args in [
        vec![OsStr::new("inspect"), path.as_os_str()],
        vec![OsStr::new("check"), path.as_os_str(), OsStr::new(LISTED)],
    ] {
        let r = run(&args, None);
        assert_eq!(r.code, 2, "{args:?} must fail: {}", r.stdout);
        assert!(
            r.stdout.is_empty(),
            "no verdict from a damaged filter: {}",
            r.stdout
        );
        assert!(r.stderr.starts_with("addrcheck: error: "), "{}", r.stderr);
        assert!(
            r.stderr.contains(needle),
            "expected {needle:?} in {}",
            r.stderr
        );
        assert_eq!(r.stderr.lines().count(), 1, "one clean line: {}", r.stderr);
    }
    // check with stdin input too.
    let r = run(
        [OsStr::new("check"), path.as_os_str()],
        Some(format!("{LISTED}\n").into_bytes()),
    );
    assert_eq!(r.code, 2);
}

#[test]
fn flipped_truncated_and_foreign_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.filter");
    run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        good.as_os_str(),
        "--source".as_ref(),
        "OFAC SDN".as_ref(),
        "--as-of".as_ref(),
        "2025-11-27".as_ref(),
        ofac("2025-11-27").as_os_str(),
    ]);
    let bytes = std::fs::read(&good).unwrap();
    assert_eq!(
        run(["check".as_ref(), good.as_os_str(), LISTED.as_ref()], None).code,
        1
    );

    // One flipped bit anywhere: header, Bloom bits, details, digest.
    for pos in [
        9,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 40,
        bytes.len() - 1,
    ] {
        let mut bad = bytes.clone();
        bad[pos] ^= 0x01;
        let p = tmp.path().join(format!("flip{pos}.filter"));
        std::fs::write(&p, &bad).unwrap();
        let r = run(["inspect".as_ref(), p.as_os_str()], None);
        assert_eq!(r.code, 2, "flip at {pos}: {}", r.stdout);
        refused(&p, &format!("flip{pos}.filter: "));
    }
    let mut bad = bytes.clone();
    let mid = bytes.len() / 2;
    bad[mid] ^= 0xff;
    let flipped = tmp.path().join("flipped.filter");
    std::fs::write(&flipped, &bad).unwrap();
    refused(&flipped, "corrupt");

    for len in [bytes.len() - 1, bytes.len() / 2, 40, 10] {
        let p = tmp.path().join(format!("trunc{len}.filter"));
        std::fs::write(&p, &bytes[..len]).unwrap();
        refused(&p, "truncated");
    }
    let mut longer = bytes.clone();
    longer.extend_from_slice(b"junk");
    let p = tmp.path().join("longer.filter");
    std::fs::write(&p, &longer).unwrap();
    refused(&p, "longer.filter: ");

    let p = tmp.path().join("foreign.filter");
    std::fs::write(&p, b"<html>not a filter</html>").unwrap();
    refused(&p, "not an addrcheck filter file");
}
