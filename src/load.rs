//! Loading the bundled filter: the HTTP answer is turned into a verified
//! [`Filter`] or a reason why checking is unavailable (fail closed).
//!
//! [`interpret`] is pure and tested natively; [`fetch_filter`] is the only
//! part that touches the network (same origin, once, at start-up).

use addrcheck_core::{Filter, LoadError};

use crate::lists::Refused;

/// Where the bundled filter is served, relative to the page (Trunk copies
/// `www/ofac.filter` next to `index.html`).
pub const FILTER_URL: &str = "ofac.filter";

/// Why checking is unavailable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable {
    /// Stable machine code: `notFound`, `http`, `network`, or a [`LoadError::code`].
    pub code: &'static str,
    /// Human reason, completing "Checking is unavailable: ...".
    pub reason: String,
}

impl Unavailable {
    pub fn from_load_error(e: &LoadError) -> Unavailable {
        Unavailable {
            code: e.code(),
            reason: e.to_string(),
        }
    }

    pub fn network(detail: &str) -> Unavailable {
        Unavailable {
            code: "network",
            reason: format!("the filter file {FILTER_URL} could not be downloaded ({detail})"),
        }
    }
}

/// Decide what an HTTP answer for the filter means. Only a 200 whose body
/// verifies gives a filter.
pub fn interpret(status: u16, body: &[u8]) -> Result<Filter, Unavailable> {
    match status {
        200 => Filter::from_bytes(body).map_err(|e| Unavailable::from_load_error(&e)),
        404 => Err(Unavailable {
            code: "notFound",
            reason: format!("the filter file {FILTER_URL} is missing (HTTP 404)"),
        }),
        s => Err(Unavailable {
            code: "http",
            reason: format!("the filter file {FILTER_URL} could not be loaded (HTTP {s})"),
        }),
    }
}

/// Verify a filter file the user loaded from disk, exactly as the bundled
/// one is verified.
pub fn verify_list_file(file: &str, bytes: &[u8]) -> Result<Filter, Refused> {
    Filter::from_bytes(bytes).map_err(|e| Refused {
        file: file.to_string(),
        reason: e.to_string(),
    })
}

/// Fetch and verify the bundled filter (same origin, revalidated with the server).
pub async fn fetch_filter() -> Result<Filter, Unavailable> {
    use gloo_net::http::Request;
    use web_sys::RequestCache;

    let response = Request::get(FILTER_URL)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| Unavailable::network(&e.to_string()))?;
    let status = response.status();
    if status != 200 {
        return interpret(status, &[]);
    }
    let body = response
        .binary()
        .await
        .map_err(|e| Unavailable::network(&e.to_string()))?;
    interpret(status, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_unavailable() {
        let e = interpret(404, b"").err().unwrap();
        assert_eq!(e.code, "notFound");
        assert_eq!(
            e.reason,
            "the filter file ofac.filter is missing (HTTP 404)"
        );
    }

    #[test]
    fn server_errors_are_unavailable() {
        let e = interpret(500, b"").err().unwrap();
        assert_eq!(e.code, "http");
        assert!(e.reason.contains("HTTP 500"), "{}", e.reason);
    }

    #[test]
    fn files_from_disk_are_verified_like_the_bundled_one() {
        let e = verify_list_file("team.filter", b"ADDRCHK\x1a\x01")
            .err()
            .unwrap();
        assert_eq!(e.file, "team.filter");
        assert_eq!(e.reason, "filter file is truncated");
        let e = verify_list_file("notes.filter", b"hello").err().unwrap();
        assert_eq!(e.reason, "not an addrcheck filter file (wrong magic bytes)");
    }

    #[test]
    fn load_errors_keep_their_code_and_words() {
        let e = Unavailable::from_load_error(&LoadError::Corrupt);
        assert_eq!(e.code, "corrupt");
        assert_eq!(e.reason, "filter file is corrupt: SHA-256 mismatch");
        let e = Unavailable::from_load_error(&LoadError::Truncated);
        assert_eq!(e.code, "truncated");
    }
}
