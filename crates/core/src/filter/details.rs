//! The details section: 64-bit fingerprints of the keys mapped to labels, so a
//! Bloom hit can be confirmed and explained.

/// Who flagged an address.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label {
    /// Index into [`crate::filter::Metadata::sources`].
    pub source: u16,
    /// Entity names (primary first, then aliases).
    pub names: Vec<String>,
    /// OFAC asset codes (XBT, ETH, USDT, ...) the list gave for the address.
    pub assets: Vec<String>,
}
