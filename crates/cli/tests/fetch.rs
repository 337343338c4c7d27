//! `addrcheck fetch` against servers started on 127.0.0.1 inside the test
//! (no other network): success, HTTP 403 and 500, a server that stalls before
//! answering or mid-body, one that closes mid-body, a web page instead of the
//! XML, a refused connection. A failure never leaves a file at PATH (nor the
//! temporary file), and never clobbers an existing one.

mod common;

use common::*;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

const XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
  <DateOfIssue><Year>2025</Year><Month>11</Month><Day>27</Day></DateOfIssue>
  <ReferenceValueSets><FeatureTypeValues>
    <FeatureType ID="344" FeatureTypeGroupID="1">Digital Currency Address - XBT</FeatureType>
  </FeatureTypeValues></ReferenceValueSets>
  <DistinctParties><DistinctParty FixedRef="1"><Profile ID="1" PartySubTypeID="4">
    <Identity ID="1" FixedRef="1" Primary="true" False="false">
      <Alias FixedRef="1" AliasTypeID="1403" Primary="true" LowQuality="false">
        <DocumentedName ID="1" FixedRef="1" DocNameStatusID="1"><DocumentedNamePart>
          <NamePartValue NamePartGroupID="1" ScriptID="215" ScriptStatusID="1" Acronym="false">Test Entity</NamePartValue>
        </DocumentedNamePart></DocumentedName>
      </Alias>
    </Identity>
    <Feature ID="2" FeatureTypeID="344">
      <FeatureVersion ID="2" ReliabilityID="1"><VersionDetail DetailTypeID="1432">1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2</VersionDetail></FeatureVersion>
      <IdentityReference IdentityID="1" IdentityFeatureLinkTypeID="1"/>
    </Feature>
  </Profile></DistinctParty></DistinctParties>
</Sanctions>
"#;

/// Serve one connection with `handler` after reading the request head.
fn serve<F>(handler: F) -> String
where
    F: FnOnce(&mut TcpStream) + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let request = String::from_utf8_lossy(&head);
        assert!(
            request.starts_with("GET /SDN_ADVANCED.XML HTTP/1.1\r\n"),
            "{request}"
        );
        handler(&mut stream);
    });
    format!("http://127.0.0.1:{port}/SDN_ADVANCED.XML")
}

fn respond(
    status: &str,
    headers: &str,
    body: &[u8],
) -> impl FnOnce(&mut TcpStream) + Send + 'static {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}Connection: close\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    move |s: &mut TcpStream| {
        let _ = s.write_all(&out);
        let _ = s.flush();
    }
}

fn fetch(dest: &Path, url: &str, timeout: &str) -> Run {
    run(
        [
            OsStr::new("fetch"),
            OsStr::new("-o"),
            dest.as_os_str(),
            OsStr::new("--url"),
            OsStr::new(url),
            OsStr::new("--timeout"),
            OsStr::new(timeout),
        ],
        None,
    )
}

fn dir_listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A failed fetch: exit 2, the message, nothing new in the folder.
fn failed(r: &Run, dir: &Path, needle: &str) {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(needle),
        "expected {needle:?} in {}",
        r.stderr
    );
    assert!(
        r.stderr.contains("nothing saved")
            || needle.contains("nothing saved")
            || r.stderr.contains("403"),
        "{}",
        r.stderr
    );
    assert_eq!(
        dir_listing(dir),
        Vec::<String>::new(),
        "no partial or temporary file left"
    );
}

#[test]
fn downloads_and_saves() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("SDN_ADVANCED.XML");
    let url = serve(respond(
        "200 OK",
        &format!(
            "Content-Type: text/xml\r\nContent-Length: {}\r\n",
            XML.len()
        ),
        XML.as_bytes(),
    ));
    let r = fetch(&dest, &url, "5");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), XML);
    assert_eq!(
        dir_listing(tmp.path()),
        vec!["SDN_ADVANCED.XML".to_string()],
        "temporary file renamed"
    );
    assert!(
        r.stdout
            .contains("issued 2025-11-27 listing 1 digital currency addresses"),
        "{}",
        r.stdout
    );

    // The download builds.
    let filter = tmp.path().join("f.filter");
    run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        filter.as_os_str(),
        dest.as_os_str(),
    ]);
    let (_, v) = check_json(&filter, &["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2".to_string()]);
    assert_eq!(label_names(&v[0]), vec!["Test Entity".to_string()]);

    // Without Content-Length, until the server closes.
    let dest2 = tmp.path().join("second.xml");
    let url = serve(respond("200 OK", "", XML.as_bytes()));
    let r = fetch(&dest2, &url, "5");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&dest2).unwrap(), XML);
}

#[test]
fn http_403_suggests_a_browser() {
    let tmp = tempfile::tempdir().unwrap();
    let url = serve(respond(
        "403 Forbidden",
        "Content-Length: 9\r\n",
        b"Forbidden",
    ));
    let r = fetch(&tmp.path().join("x.xml"), &url, "5");
    failed(&r, tmp.path(), "HTTP 403 Forbidden");
    assert!(
        r.stderr.contains("web browser")
            && r.stderr.contains("sanctionslistservice.ofac.treas.gov"),
        "{}",
        r.stderr
    );
}

#[test]
fn http_500() {
    let tmp = tempfile::tempdir().unwrap();
    let url = serve(respond(
        "500 Internal Server Error",
        "Content-Length: 5\r\n",
        b"oops!",
    ));
    failed(
        &fetch(&tmp.path().join("x.xml"), &url, "5"),
        tmp.path(),
        "HTTP 500 Internal Server Error",
    );
}

#[test]
fn server_that_never_answers_times_out() {
    let tmp = tempfile::tempdir().unwrap();
    let url = serve(|_s: &mut TcpStream| std::thread::sleep(Duration::from_secs(6)));
    let start = Instant::now();
    let r = fetch(&tmp.path().join("x.xml"), &url, "1");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    failed(&r, tmp.path(), "no answer within 1 s");
}

#[test]
fn server_that_stalls_mid_body_times_out() {
    let tmp = tempfile::tempdir().unwrap();
    let url = serve(|s: &mut TcpStream| {
        let _ = s.write_all(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
                XML.len() + 100_000
            )
            .as_bytes(),
        );
        let _ = s.write_all(&XML.as_bytes()[..200]);
        let _ = s.flush();
        std::thread::sleep(Duration::from_secs(6));
    });
    let start = Instant::now();
    let r = fetch(&tmp.path().join("x.xml"), &url, "1");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    failed(
        &r,
        tmp.path(),
        "download stalled: no data for 1 s after 200 of",
    );
}

#[test]
fn server_that_closes_mid_body() {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("x.xml");
    // An existing file at PATH survives a failed download.
    std::fs::write(&dest, "previous download").unwrap();
    let total = XML.len() + 5000;
    let url = serve(move |s: &mut TcpStream| {
        let _ =
            s.write_all(format!("HTTP/1.1 200 OK\r\nContent-Length: {total}\r\n\r\n").as_bytes());
        let _ = s.write_all(XML.as_bytes());
        let _ = s.flush();
        let _ = s.shutdown(std::net::Shutdown::Both);
    });
    let r = fetch(&dest, &url, "5");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cut off"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("of {} bytes", thousands(total as u64))),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "previous download");
    assert_eq!(dir_listing(tmp.path()), vec!["x.xml".to_string()]);
}

#[test]
fn a_web_page_instead_of_the_xml() {
    let tmp = tempfile::tempdir().unwrap();
    let page = b"<!DOCTYPE html><html><body>Request Rejected</body></html>";
    let url = serve(respond(
        "200 OK",
        &format!("Content-Length: {}\r\n", page.len()),
        page,
    ));
    failed(
        &fetch(&tmp.path().join("x.xml"), &url, "5"),
        tmp.path(),
        "not SDN_ADVANCED.XML",
    );
}

#[test]
fn refused_connection_and_bad_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let r = fetch(
        &tmp.path().join("x.xml"),
        &format!("http://127.0.0.1:{port}/SDN_ADVANCED.XML"),
        "2",
    );
    failed(&r, tmp.path(), "could not connect");
    let r = fetch(&tmp.path().join("x.xml"), "not a url", "2");
    assert_eq!(r.code, 2);
    let r = fetch(
        &tmp.path().join("missing/x.xml"),
        "http://127.0.0.1:9/",
        "2",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an existing folder"), "{}", r.stderr);
    let r = fetch(&tmp.path().join("x.xml"), "http://127.0.0.1:9/", "0");
    assert_eq!(r.code, 2, "--timeout 0 is refused");
}

fn thousands(n: u64) -> String {
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
