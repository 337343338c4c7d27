//! Helpers shared by the integration tests: run the real `addrcheck` binary,
//! find the read-only inputs in ../shared, read OFAC's per-asset lists.
#![allow(dead_code)]

use serde_json::Value;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_addrcheck")
}

/// The shared inputs. Fails loudly (never skips) when they are missing.
pub fn shared() -> PathBuf {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    assert!(
        p.join("data/ofac/2025-11-27").is_dir()
            && p.join("data/ofac/2024-09-27").is_dir()
            && p.join("data/scamsniffer/address.json").is_file(),
        "the shared inputs are missing at {}: these tests need ../shared beside the repository",
        p.display()
    );
    p.canonicalize().expect("canonical shared path")
}

pub fn ofac(date: &str) -> PathBuf {
    shared().join("data/ofac").join(date)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}

/// Run addrcheck with `args`, feeding `stdin` (from a thread, so large
/// inputs cannot deadlock).
pub fn run<I, S>(args: I, stdin: Option<Vec<u8>>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(bin())
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run addrcheck");
    let writer = stdin.map(|data| {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let out = child.wait_with_output().expect("wait for addrcheck");
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    let stderr = run.stderr.to_lowercase();
    assert!(
        !stderr.contains("panicked"),
        "addrcheck panicked:\n{}",
        run.stderr
    );
    assert!(
        !stderr.contains("rust_backtrace"),
        "addrcheck panicked:\n{}",
        run.stderr
    );
    run
}

/// Run and require exit status 0.
pub fn run_ok<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let r = run(args, None);
    assert_eq!(
        r.code, 0,
        "addrcheck failed:\nstdout:\n{}\nstderr:\n{}",
        r.stdout, r.stderr
    );
    r
}

/// `check --json FILE` with addresses on stdin.
pub fn check_json(filter: &Path, inputs: &[String]) -> (i32, Vec<Value>) {
    let mut data = inputs.join("\n");
    data.push('\n');
    let r = run(
        [
            OsStr::new("check"),
            OsStr::new("--json"),
            filter.as_os_str(),
        ],
        Some(data.into_bytes()),
    );
    assert!(
        r.code == 0 || r.code == 1,
        "check failed ({}):\n{}",
        r.code,
        r.stderr
    );
    let lines = r.json_lines();
    assert_eq!(lines.len(), inputs.len(), "one verdict per input");
    (r.code, lines)
}

/// One entry of an OFAC per-asset list.
#[derive(Clone, Debug)]
pub struct Listed {
    pub address: String,
    pub names: Vec<String>,
    pub asset: String,
}

/// Every entry of the `.txt` lists in an OFAC per-asset folder.
pub fn ofac_entries(dir: &Path) -> Vec<Listed> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read OFAC folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        let asset = stem.rsplit('_').next().unwrap().to_string();
        for line in std::fs::read_to_string(&f).expect("read list").lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (address, names) = match line.split_once(';') {
                None => (line, Vec::new()),
                Some((a, rest)) => {
                    let rest = rest.trim().trim_matches('"');
                    (
                        a,
                        rest.split(';')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect(),
                    )
                }
            };
            out.push(Listed {
                address: address.trim().to_string(),
                names,
                asset: asset.clone(),
            });
        }
    }
    assert!(!out.is_empty(), "no entries in {}", dir.display());
    out
}

/// All names in a verdict's labels.
pub fn label_names(v: &Value) -> Vec<String> {
    v["labels"]
        .as_array()
        .expect("labels array")
        .iter()
        .flat_map(|l| {
            l["names"]
                .as_array()
                .expect("names")
                .iter()
                .map(|n| n.as_str().expect("name").to_string())
        })
        .collect()
}

/// (source, asOf) pairs of a verdict's labels.
pub fn label_sources(v: &Value) -> Vec<(String, String)> {
    v["labels"]
        .as_array()
        .expect("labels array")
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap().to_string(),
                l["asOf"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A small deterministic PRNG (xorshift64*), for random addresses.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() >> 24) as u8).collect()
    }
}
