//! `addrcheck fetch`: download OFAC's current SDN_ADVANCED.XML.
//!
//! The body goes to a temporary file beside the destination, is checked to be
//! SDN_ADVANCED.XML, and is renamed into place only then: a failed, stalled or
//! cut-off download never leaves a partial file at the destination (nor the
//! temporary file).

use crate::input::files::{io_message, read_file, FileRead, InputFile};
use crate::input::sniff::Format;
use crate::report::{self, thousands};
use anyhow::{anyhow, bail, Result};
use clap::Args;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// OFAC's official address for the SDN list in its advanced XML format.
pub const OFAC_SDN_ADVANCED_URL: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML";

/// Download OFAC's current SDN_ADVANCED.XML (the only command that uses the network).
#[derive(Args, Debug)]
pub struct FetchArgs {
    /// Where to save the file.
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,

    /// Download from this address instead of OFAC's.
    #[arg(long, value_name = "URL", default_value = OFAC_SDN_ADVANCED_URL)]
    pub url: String,

    /// Seconds to wait for the connection, for the answer, and for each read
    /// of the body (a download that stalls that long fails).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

/// Removes the temporary file unless the download succeeded.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

pub fn run(args: FetchArgs) -> Result<ExitCode> {
    let output = &args.output;
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        bail!(
            "cannot save to {}: {} is not an existing folder",
            output.display(),
            dir.display()
        );
    }
    if output.is_dir() {
        bail!(
            "{}: is a folder; give a file name with -o",
            output.display()
        );
    }
    let timeout = Duration::from_secs(args.timeout);
    let url = &args.url;

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .timeout_per_read(Some(timeout))
        .user_agent(format!("addrcheck/{}", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .get(url)
        .call()
        .map_err(|e| request_error(e, url, args.timeout))?;
    let status = response.status();
    if status.as_u16() == 403 {
        bail!(
            "{url}: the server refused the download (HTTP 403 Forbidden). OFAC's firewall answers 403 to some \
             automated clients: download SDN_ADVANCED.XML in a web browser from {OFAC_SDN_ADVANCED_URL} and pass \
             the saved file to `addrcheck build`"
        );
    }
    if !status.is_success() {
        bail!(
            "{url}: the server answered HTTP {} {}; nothing saved",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        );
    }
    let expected: Option<u64> = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let mut body = response.into_body().into_reader();

    let file_name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "download".into());
    let mut temp = TempFile {
        path: dir.join(format!(".{file_name}.{}.part", std::process::id())),
        keep: false,
    };
    let mut file = File::create(&temp.path)
        .map_err(|e| anyhow!("cannot create {}: {}", temp.path.display(), io_message(&e)))?;

    let progress = report::progress_bar(expected, 0, "downloading");
    let mut received: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    let outcome: Result<()> = loop {
        match body.read(&mut buf) {
            Ok(0) => break Ok(()),
            Ok(n) => {
                if let Err(e) = file.write_all(&buf[..n]) {
                    break Err(anyhow!(
                        "cannot write {}: {}",
                        temp.path.display(),
                        io_message(&e)
                    ));
                }
                received += n as u64;
                if let Some(p) = &progress {
                    p.inc(n as u64);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => break Err(body_error(e, received, expected, args.timeout)),
        }
    };
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    outcome.map_err(|e| anyhow!("{url}: {e}; nothing saved"))?;
    if let Some(total) = expected {
        if received != total {
            bail!(
                "{url}: download cut off: received {} of {} bytes (the connection closed early); nothing saved",
                thousands(received),
                thousands(total)
            );
        }
    }
    if received == 0 {
        bail!("{url}: the server sent an empty file; nothing saved");
    }
    file.sync_all()
        .map_err(|e| anyhow!("cannot write {}: {}", temp.path.display(), io_message(&e)))?;
    drop(file);

    // Make sure this is SDN_ADVANCED.XML (and not, say, an HTML error page).
    let parsed = read_file(
        &InputFile {
            path: temp.path.clone(),
            explicit: false,
        },
        None,
        &mut |_| {},
    )
    .map_err(|e| {
        anyhow!("{url}: the download is not a valid SDN_ADVANCED.XML ({e}); nothing saved")
    })?;
    let summary = match parsed {
        FileRead::Read {
            format: Format::SdnXml,
            summary,
        } => summary,
        FileRead::Read { format, .. } => {
            bail!("{url}: the download is a {}, not SDN_ADVANCED.XML; nothing saved", format.describe())
        }
        FileRead::Skipped(reason) => bail!(
            "{url}: the download is not SDN_ADVANCED.XML ({reason}); nothing saved. If a web page came back, \
             download the file in a web browser from {OFAC_SDN_ADVANCED_URL}"
        ),
    };

    std::fs::rename(&temp.path, output)
        .map_err(|e| anyhow!("cannot save {}: {}", output.display(), io_message(&e)))?;
    temp.keep = true;

    println!(
        "Saved {} ({} bytes, {}): SDN_ADVANCED.XML{} listing {} digital currency addresses.",
        output.display(),
        thousands(received),
        report::human_bytes(received),
        summary
            .as_of
            .as_ref()
            .map(|d| format!(" issued {d}"))
            .unwrap_or_default(),
        thousands(summary.entries)
    );
    println!(
        "Build a filter from it with: addrcheck build -o ofac.filter {}",
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn request_error(e: ureq::Error, url: &str, timeout: u64) -> anyhow::Error {
    match e {
        ureq::Error::Timeout(_) => anyhow!(
            "{url}: no answer within {timeout} s (timed out); try again later or raise --timeout; nothing saved"
        ),
        ureq::Error::HostNotFound => anyhow!("{url}: host not found (no network or DNS?); nothing saved"),
        ureq::Error::ConnectionFailed => anyhow!("{url}: could not connect; nothing saved"),
        ureq::Error::Io(io) => anyhow!("{url}: could not connect: {}; nothing saved", io_message(&io)),
        ureq::Error::BadUri(u) => anyhow!("invalid --url {u:?}"),
        other => anyhow!("{url}: download failed: {other}; nothing saved"),
    }
}

fn body_error(e: io::Error, received: u64, expected: Option<u64>, timeout: u64) -> anyhow::Error {
    let progress = match expected {
        Some(t) => format!("{} of {} bytes", thousands(received), thousands(t)),
        None => format!("{} bytes", thousands(received)),
    };
    match ureq::Error::from(e) {
        ureq::Error::Timeout(_) => {
            anyhow!("download stalled: no data for {timeout} s after {progress}")
        }
        ureq::Error::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            anyhow!("download cut off: the connection closed after {progress}")
        }
        ureq::Error::Io(io) => anyhow!("download failed after {progress}: {}", io_message(&io)),
        other => anyhow!("download failed after {progress}: {other}"),
    }
}
