//! Hostile input: binary data, invalid UTF-8, a 1 GB line, empty files, huge
//! XML nesting and text, huge JSON strings. Always a clear report or error
//! (exit 2), never a panic, and bounded memory: the biggest cases run under a
//! 64 MiB address-space limit while streaming 1 GiB through a FIFO.

mod common;

use common::*;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;

const GIB: u64 = 1 << 30;
/// Address-space limit for the memory-bounded runs, in KiB.
const LIMIT_KIB: u64 = 64 * 1024;

/// A named pipe fed by a thread: `head`, then `size` bytes of `fill`, then `tail`.
struct Fifo {
    path: PathBuf,
    writer: Option<JoinHandle<()>>,
}

impl Fifo {
    fn new(dir: &Path, name: &str, head: &[u8], fill: u8, size: u64, tail: &[u8]) -> Fifo {
        let path = dir.join(name);
        let status = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(status.success());
        let (p, head, tail) = (path.clone(), head.to_vec(), tail.to_vec());
        let writer = std::thread::spawn(move || {
            let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&p) else {
                return;
            };
            let chunk = vec![fill; 1 << 20];
            let _ = (|| -> std::io::Result<()> {
                f.write_all(&head)?;
                let mut left = size;
                while left > 0 {
                    let n = left.min(chunk.len() as u64) as usize;
                    f.write_all(&chunk[..n])?;
                    left -= n as u64;
                }
                f.write_all(&tail)
            })();
        });
        Fifo {
            path,
            writer: Some(writer),
        }
    }
}

impl Drop for Fifo {
    fn drop(&mut self) {
        // Unblock a writer still waiting for a reader, then let it fail on EPIPE.
        let _ = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(0o4000 /* O_NONBLOCK */)
            .open(&self.path);
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}

/// Run addrcheck under an address-space limit.
fn run_limited<S: AsRef<OsStr>>(args: &[S], stdin: Option<Vec<u8>>) -> Run {
    let script = format!("ulimit -v {LIMIT_KIB} && exec \"$0\" \"$@\"");
    let mut all: Vec<OsString> = vec!["-c".into(), script.into(), bin().into()];
    all.extend(args.iter().map(|a| a.as_ref().to_os_string()));
    let mut child = Command::new("sh")
        .args(&all)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh");
    let writer = stdin.map(|data| {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(w) = writer {
        let _ = w.join();
    }
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("memory allocation"),
        "{}",
        r.stderr
    );
    r
}

fn build_args(out: &Path, inputs: &[&Path]) -> Vec<OsString> {
    let mut a: Vec<OsString> = vec![
        "build".into(),
        "-o".into(),
        out.into(),
        "--source".into(),
        "T".into(),
        "--as-of".into(),
        "2025-01-01".into(),
    ];
    a.extend(inputs.iter().map(|p| p.as_os_str().to_os_string()));
    a
}

fn assert_error(r: &Run, needle: &str) {
    assert_eq!(
        r.code, 2,
        "expected exit 2:\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    assert!(r.stderr.contains("addrcheck: error:"), "{}", r.stderr);
    assert!(
        r.stderr.contains(needle),
        "expected {needle:?} in:\n{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("Error {") && !r.stderr.contains("Os {"),
        "Debug dump in:\n{}",
        r.stderr
    );
}

const ADDR_A: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
const ADDR_B: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";

#[test]
fn a_one_gigabyte_line_uses_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = Fifo::new(tmp.path(), "huge.txt", b"", b'x', GIB, b"\n");
    let out = tmp.path().join("f.filter");
    let r = run_limited(&build_args(&out, &[&fifo.path]), None);
    assert!(
        r.stderr.contains("line 1: line is 1073741825 bytes")
            || r.stderr.contains("line 1: line is 1073741824 bytes"),
        "{}",
        r.stderr
    );
    assert_error(&r, "no addresses found");
    assert!(!out.exists());
}

#[test]
fn a_long_line_among_good_ones_is_reported_and_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("list.txt");
    let mut data = format!("{ADDR_A}\n").into_bytes();
    data.extend(std::iter::repeat_n(b'1', 20 << 20));
    data.extend(format!("\n{ADDR_B};Name\n").as_bytes());
    std::fs::write(&list, data).unwrap();
    let out = tmp.path().join("f.filter");
    let r = run(build_args(&out, &[&list]), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("list.txt: line 2: line is 20971520 bytes, longer than 4096, skipped"),
        "{}",
        r.stderr
    );
    let (_, v) = check_json(&out, &[ADDR_A.to_string(), ADDR_B.to_string()]);
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(v[1]["status"], "flagged");
    assert_eq!(label_names(&v[1]), vec!["Name".to_string()]);
}

#[test]
fn binary_data() {
    let tmp = tempfile::tempdir().unwrap();
    let bin_file = tmp.path().join("blob.bin");
    let mut rng = Rng(42);
    std::fs::write(&bin_file, rng.bytes(100_000)).unwrap();
    let out = tmp.path().join("f.filter");
    assert_error(&run(build_args(&out, &[&bin_file]), None), "binary data");

    // In a folder, it is skipped with a note and the lists beside it are read.
    let dir = tmp.path().join("dir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::rename(&bin_file, dir.join("blob.bin")).unwrap();
    std::fs::write(dir.join("list.txt"), format!("{ADDR_A}\n")).unwrap();
    let r = run(build_args(&out, &[&dir]), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("blob.bin: binary data"), "{}", r.stdout);
    assert!(r.stdout.contains("1 keys"), "{}", r.stdout);

    // A filter is also binary, but not a list.
    assert_error(
        &run(build_args(&tmp.path().join("g.filter"), &[&out]), None),
        "binary data",
    );
}

#[test]
fn invalid_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    // Mostly Latin-1: not text this reads.
    let latin1 = tmp.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\nna\xefve\nJos\xe9\n").unwrap();
    let out = tmp.path().join("f.filter");
    assert_error(&run(build_args(&out, &[&latin1]), None), "not UTF-8");

    // One bad line in a list: reported with its line, the rest read.
    let list = tmp.path().join("list.txt");
    let mut bytes = format!("{ADDR_A}\n{ADDR_B};Jos\u{e9}\n1Bad;Jos").into_bytes();
    bytes.push(0xe9); // Latin-1 é
    bytes.extend(b"\n0xabc\n");
    std::fs::write(&list, &bytes).unwrap();
    let r = run(build_args(&out, &[&list]), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("list.txt: line 3: line is not valid UTF-8, skipped"),
        "{}",
        r.stderr
    );
    let (_, v) = check_json(&out, &[ADDR_B.to_string()]);
    assert_eq!(label_names(&v[0]), vec!["José".to_string()]);

    // check reads invalid UTF-8 from stdin without failing.
    let r = run(
        [OsStr::new("check"), out.as_os_str()],
        Some(b"\xff\xfe\n".to_vec()),
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("unrecognized:"), "{}", r.stdout);
}

#[test]
fn empty_files() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = tmp.path().join("f.filter");
    assert_error(&run(build_args(&out, &[&empty]), None), "empty file");

    let comments = tmp.path().join("comments.txt");
    std::fs::write(&comments, b"# nothing\n\n   \n").unwrap();
    assert_error(&run(build_args(&out, &[&comments]), None), "no entries");

    let dir = tmp.path().join("dir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("empty.json"), b"").unwrap();
    assert_error(&run(build_args(&out, &[&dir]), None), "no addresses found");
    std::fs::write(dir.join("list.json"), format!("[\"{ADDR_A}\"]")).unwrap();
    let r = run(build_args(&out, &[&dir]), None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("skipped") && r.stdout.contains("empty.json: empty file"),
        "{}",
        r.stdout
    );

    // An empty filter file.
    let empty_filter = tmp.path().join("empty.filter");
    std::fs::write(&empty_filter, b"").unwrap();
    let r = run([OsStr::new("inspect"), empty_filter.as_os_str()], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("empty.filter:"), "{}", r.stderr);
}

#[test]
fn huge_xml_nesting() {
    let tmp = tempfile::tempdir().unwrap();
    let xml = tmp.path().join("deep.xml");
    let mut data = String::from("<?xml version=\"1.0\"?><Sanctions>");
    data.push_str(&"<a>".repeat(1_000_000));
    std::fs::write(&xml, data).unwrap();
    assert_error(
        &run(build_args(&tmp.path().join("f"), &[&xml]), None),
        "nested deeper than 256",
    );
}

#[test]
fn huge_xml_text_and_json_string_use_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("f.filter");
    let xml = Fifo::new(
        tmp.path(),
        "big.xml",
        b"<?xml version=\"1.0\"?><Sanctions><DateOfIssue>",
        b'9',
        GIB,
        b"</DateOfIssue></Sanctions>",
    );
    let r = run_limited(&build_args(&out, &[&xml.path]), None);
    assert_error(&r, "XML text or markup longer than");
    drop(xml);

    let json = Fifo::new(tmp.path(), "big.json", b"[\"", b'a', GIB, b"\"]");
    let r = run_limited(&build_args(&out, &[&json.path]), None);
    assert_error(&r, "JSON string longer than");
    drop(json);

    let deep = tmp.path().join("deep.json");
    std::fs::write(&deep, "[".repeat(100_000)).unwrap();
    assert_error(&run(build_args(&out, &[&deep]), None), "invalid JSON list");

    let broken = tmp.path().join("broken.json");
    std::fs::write(&broken, format!("[\"{ADDR_A}\", ")).unwrap();
    assert_error(
        &run(build_args(&out, &[&broken]), None),
        "broken.json: invalid JSON list",
    );
    assert!(!out.exists());
}

#[test]
fn check_reads_a_one_gigabyte_stdin_line_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("list.txt");
    std::fs::write(&list, format!("{ADDR_A}\n")).unwrap();
    let filter = tmp.path().join("f.filter");
    run_ok(build_args(&filter, &[&list]));
    let fifo = Fifo::new(
        tmp.path(),
        "stdin",
        format!("{ADDR_A}\n").as_bytes(),
        b'z',
        GIB,
        format!("\n\n{ADDR_A}\n").as_bytes(),
    );
    // `check FILE -` is not a thing: feed the FIFO as stdin through the shell.
    let script = format!("ulimit -v {LIMIT_KIB} && exec \"$0\" check --json \"$1\" < \"$2\"");
    let out = Command::new("sh")
        .args([
            OsStr::new("-c"),
            OsStr::new(&script),
            OsStr::new(bin()),
            filter.as_os_str(),
            fifo.path.as_os_str(),
        ])
        .output()
        .unwrap();
    drop(fifo);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["status"], "flagged");
    assert_eq!(lines[1]["status"], "unrecognized");
    assert!(lines[1]["input"].is_null());
    assert!(lines[1]["reason"]
        .as_str()
        .unwrap()
        .contains("longer than 4096"));
    assert_eq!(lines[2]["status"], "flagged");
}

#[test]
fn missing_inputs_and_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("f.filter");
    assert_error(
        &run(build_args(&out, &[&tmp.path().join("nope")]), None),
        "no such file or folder",
    );
    let list = tmp.path().join("l.txt");
    std::fs::write(&list, format!("{ADDR_A}\n")).unwrap();
    assert_error(
        &run(
            build_args(&tmp.path().join("no/dir/f.filter"), &[&list]),
            None,
        ),
        "cannot write",
    );
    assert_error(
        &run(
            [OsStr::new("inspect"), tmp.path().join("nope").as_os_str()],
            None,
        ),
        "no such file",
    );
    assert_error(
        &run(
            [
                OsStr::new("check"),
                tmp.path().as_os_str(),
                OsStr::new(ADDR_A),
            ],
            None,
        ),
        "directory",
    );
}
