//! Input cleaning: whitespace, invisible characters and payment-URI wrappers.
//!
//! Everything here narrows the input to a sub-slice; nothing is rewritten, so
//! cleaning never allocates. Characters that are invisible *inside* an address
//! are left alone: the parser then reports them as invalid characters rather
//! than silently accepting a string that differs from what the user sees.

/// Strip surrounding whitespace and invisible characters, and unwrap payment URIs
/// (`bitcoin:ADDR?amount=…`, `ethereum:pay-0xADDR@1/transfer?…`, `solana:ADDR`, ...).
///
/// For an ERC-20 transfer, `ethereum:TOKEN/transfer?address=RECIPIENT&uint256=…`,
/// the result is the recipient: the account the payment goes to, which is what
/// a screening is about (the token contract is only the means of payment).
pub fn clean(input: &str) -> &str {
    let s = trim(input);
    trim(unwrap_uri(s))
}

/// Whitespace (Unicode `White_Space`: includes U+00A0, U+202F, U+2000..U+200A,
/// U+3000), control characters, and format characters that render as nothing:
/// zero-width space/non-joiner/joiner and direction marks (U+200B..U+200F),
/// word joiner and invisible operators (U+2060..U+2064), bidi embeddings and
/// isolates (U+202A..U+202E, U+2066..U+2069), the BOM / zero-width no-break
/// space U+FEFF, soft hyphen U+00AD, combining grapheme joiner U+034F, Arabic
/// letter mark U+061C and Mongolian vowel separator U+180E.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{180E}'
        )
}

fn trim(s: &str) -> &str {
    // Fast path: visible ASCII at both ends (the usual paste) needs no trimming.
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim_matches(is_invisible),
    }
}

/// How a payment-URI scheme wraps its address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// `scheme:ADDR?query`: BIP-21 and its relatives (Solana Pay, Monero,
    /// ZIP-321, Tron, ...). `bitcoincash:` is one too: its payload is a
    /// CashAddr without prefix, whose checksum already covers `bitcoincash`.
    Plain,
    /// EIP-681: `ethereum:[pay-]ADDR[@chain_id][/function][?query]`.
    Ethereum,
    /// `bchtest:`/`bchreg:` are CashAddr prefixes that wallets also use as URI
    /// schemes: keep the prefix (the checksum needs it), drop the query.
    CashAddrPrefix,
}

const SCHEMES: &[(&str, Scheme)] = &[
    ("bitcoin", Scheme::Plain),
    ("bitcoincash", Scheme::Plain),
    ("bitcoinsv", Scheme::Plain),
    ("bitcoingold", Scheme::Plain),
    ("litecoin", Scheme::Plain),
    ("dogecoin", Scheme::Plain),
    ("dash", Scheme::Plain),
    ("verge", Scheme::Plain),
    ("zcash", Scheme::Plain),
    ("monero", Scheme::Plain),
    ("tron", Scheme::Plain),
    ("solana", Scheme::Plain),
    ("ripple", Scheme::Plain),
    ("xrpl", Scheme::Plain),
    ("xrp", Scheme::Plain),
    ("ethereum", Scheme::Ethereum),
    ("bchtest", Scheme::CashAddrPrefix),
    ("bchreg", Scheme::CashAddrPrefix),
];

/// The longest scheme name above, plus one for the colon.
const MAX_SCHEME: usize = 12;

fn unwrap_uri(s: &str) -> &str {
    let Some(colon) = s.bytes().take(MAX_SCHEME).position(|b| b == b':') else {
        return s;
    };
    let name = &s[..colon];
    let Some(&(_, scheme)) = SCHEMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) else {
        return s;
    };
    match scheme {
        Scheme::CashAddrPrefix => cut_at(s, b"?#"),
        Scheme::Plain => cut_at(strip_slashes(&s[colon + 1..]), b"?#"),
        Scheme::Ethereum => {
            let rest = strip_slashes(&s[colon + 1..]);
            let rest = match rest.get(..4) {
                Some(p) if p.eq_ignore_ascii_case("pay-") => &rest[4..],
                _ => rest,
            };
            transfer_recipient(rest).unwrap_or_else(|| cut_at(rest, b"@/?#"))
        }
    }
}

/// EIP-681: `ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?address=0x8e23ee67d1332ad560396262c48ffbb01f93d052&uint256=1`
/// "requests a transfer of 1 [token] to address 0x8e23…": the `address`
/// parameter of the `transfer` function.
fn transfer_recipient(rest: &str) -> Option<&str> {
    let slash = rest.find('/')?;
    let after = &rest[slash + 1..];
    let (function, query) = after.split_once('?')?;
    if !function.eq_ignore_ascii_case("transfer") {
        return None;
    }
    let query = cut_at(query, b"#");
    query.split('&').find_map(|pair| pair.strip_prefix("address="))
}

/// Some wallets write `bitcoin://ADDR`.
fn strip_slashes(s: &str) -> &str {
    s.strip_prefix("//").unwrap_or(s)
}

/// `s` up to the first of the (ASCII) `stops`.
fn cut_at<'a>(s: &'a str, stops: &[u8]) -> &'a str {
    match s.bytes().position(|b| stops.contains(&b)) {
        // An ASCII byte is always a character boundary.
        Some(i) => &s[..i],
        None => s,
    }
}
