//! The bundled filter www/ofac.filter is exactly what
//! scripts/build-bundled-filter.sh builds from ../shared today.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

#[test]
fn bundled_filter_rebuilds_byte_for_byte() {
    let _ = shared(); // fails loudly when ../shared is missing
    let repo = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let committed_path = repo.join("www/ofac.filter");
    let committed = std::fs::read(&committed_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run scripts/build-bundled-filter.sh)",
            committed_path.display()
        )
    });

    let tmp = tempfile::tempdir().unwrap();
    let rebuilt_path = tmp.path().join("ofac.filter");
    let out = Command::new("bash")
        .arg(repo.join("scripts/build-bundled-filter.sh"))
        .env("ADDRCHECK", bin())
        .env("OUTPUT", &rebuilt_path)
        .output()
        .expect("run scripts/build-bundled-filter.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("743 keys"), "{stdout}");
    let rebuilt = std::fs::read(&rebuilt_path).unwrap();
    assert!(
        rebuilt == committed,
        "www/ofac.filter is stale or was not built by scripts/build-bundled-filter.sh: rebuild it with that script"
    );

    let inspect = run_ok(["inspect".as_ref(), committed_path.as_os_str()]).stdout;
    for line in [
        "List:           OFAC sanctioned digital currency addresses",
        "  - OFAC SDN, as of 2025-11-27: 743 entries",
        "Built at:       2025-11-27",
        "Keys:           743",
        "Details:        present",
    ] {
        assert!(inspect.contains(line), "{line:?} not in:\n{inspect}");
    }
    // inspect's SHA-256 is the whole file's, as sha256sum prints it (and as
    // the web app shows); the stored digest is listed separately.
    use sha2::{Digest, Sha256};
    let file_sha: String = Sha256::digest(&committed)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let j: serde_json::Value = serde_json::from_str(
        &run_ok([
            "inspect".as_ref(),
            "--json".as_ref(),
            committed_path.as_os_str(),
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(j["sha256"], file_sha.as_str());
    assert_eq!(j["contentSha256"].as_str().unwrap().len(), 64);
    assert_ne!(j["contentSha256"], j["sha256"]);
    assert!(
        inspect.contains(&format!("SHA-256:        {file_sha}")),
        "{inspect}"
    );

    // A known entry, with its names.
    let (_, v) = check_json(
        &committed_path,
        &["0x098b716b8aaf21512996dc57eb0615e2383e2f96".to_string()],
    );
    assert_eq!(v[0]["status"], "flagged");
    assert!(label_names(&v[0]).contains(&"Lazarus Group".to_string()));
}
