//! The verified lists of one checker. Checking them as one (flagged when any
//! list confirms, possible on unconfirmed hits only, else the address's own
//! status) is the core's `check_all`.
//!
//! Pure Rust (no wasm-bindgen): tested natively.

use addrcheck_core::filter::{check_all, Combined};
use addrcheck_core::{Filter, LoadError};

/// Why a list was not added.
#[derive(Debug, PartialEq, Eq)]
pub enum AddError {
    /// The bytes did not verify.
    Load(LoadError),
    /// A list with the same SHA-256 is already loaded: its labels would repeat.
    Duplicate { sha256: String },
}

/// The verified lists of one checker, in the order they were added.
#[derive(Debug)]
pub struct Lists {
    filters: Vec<Filter>,
}

/// The combined answer of every list for one input (the core's).
pub type Outcome<'f, 'i> = Combined<'f, 'i>;

impl Lists {
    /// Verify `bytes` and start with that list.
    pub fn new(bytes: &[u8]) -> Result<Lists, LoadError> {
        Ok(Lists {
            filters: vec![Filter::from_bytes(bytes)?],
        })
    }

    /// Verify `bytes` and add the list; nothing changes when it does not verify.
    pub fn add(&mut self, bytes: &[u8]) -> Result<(), AddError> {
        let filter = Filter::from_bytes(bytes).map_err(AddError::Load)?;
        let sha256 = filter.sha256_hex();
        if self.filters.iter().any(|f| f.sha256_hex() == sha256) {
            return Err(AddError::Duplicate { sha256 });
        }
        self.filters.push(filter);
        Ok(())
    }

    pub fn filters(&self) -> &[Filter] {
        &self.filters
    }

    /// Check one input against every list (`new` always holds one).
    pub fn check<'i>(&self, input: &'i str) -> Outcome<'_, 'i> {
        check_all(&self.filters, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use addrcheck_core::filter::Label;
    use addrcheck_core::{parse, FilterBuilder, Status};

    const A: &str = "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c";
    const B: &str = "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB";
    const CLEAR: &str = "0x0000000000000000000000000000000000000001";

    fn filter(name: &str, source: &str, details: bool, entries: &[(&str, &str)]) -> Vec<u8> {
        let mut b = FilterBuilder::new(name);
        b.details(details).built_at("2025-11-27");
        let src = b.add_source(source, "2025-11-27");
        for (address, who) in entries {
            let key = parse(address).expect("test address parses").key;
            b.insert(
                &key,
                Label {
                    source: src,
                    names: vec![who.to_string()],
                    assets: vec!["ETH".into()],
                },
            );
        }
        b.build().expect("builds")
    }

    #[test]
    fn one_list_answers_like_the_core() {
        let bytes = filter("one", "S1", true, &[(A, "Alice")]);
        let lists = Lists::new(&bytes).unwrap();
        let core = Filter::from_bytes(&bytes).unwrap();
        for input in [
            A,
            B,
            CLEAR,
            "0xdeadbeef",
            "hello",
            "",
            "0x4F47bc496083C727c5fbe3CE9CDf2B0f6496270C",
        ] {
            let o = lists.check(input);
            let v = core.check(input);
            assert_eq!(o.status, v.status, "{input:?}");
            assert_eq!(o.address, v.address, "{input:?}");
            assert_eq!(o.error, v.error, "{input:?}");
            assert_eq!(o.chain(), v.chain(), "{input:?}");
            assert_eq!(
                o.matches.iter().map(|m| m.1).collect::<Vec<_>>(),
                v.labels,
                "{input:?}"
            );
        }
    }

    #[test]
    fn flagged_by_any_list_keeps_every_lists_labels() {
        let mut lists = Lists::new(&filter("first", "S1", true, &[(A, "Alice")])).unwrap();
        lists
            .add(&filter("second", "S2", true, &[(A, "Alias"), (B, "Bob")]))
            .unwrap();
        let o = lists.check(A);
        assert_eq!(o.status, Status::Flagged);
        let who: Vec<(usize, &str)> = o
            .matches
            .iter()
            .map(|(i, l)| (*i, l.names[0].as_str()))
            .collect();
        assert_eq!(who, [(0, "Alice"), (1, "Alias")]);

        let o = lists.check(B);
        assert_eq!(o.status, Status::Flagged, "listed only by the second list");
        assert_eq!(o.matches.len(), 1);
        assert_eq!(o.matches[0].0, 1);
        assert_eq!(lists.check(CLEAR).status, Status::Clear);
        assert_eq!(lists.check("not an address").status, Status::Unrecognized);
    }

    #[test]
    fn possible_only_when_no_list_confirms() {
        let mut lists = Lists::new(&filter("named", "S1", true, &[(A, "Alice")])).unwrap();
        lists
            .add(&filter("bare", "S2", false, &[(A, "x"), (B, "y")]))
            .unwrap();
        let a = lists.check(A);
        assert_eq!(a.status, Status::Flagged, "confirmed by the first list");
        assert_eq!(a.possible, [1]);
        let b = lists.check(B);
        assert_eq!(b.status, Status::Possible);
        assert!(b.matches.is_empty());
        assert_eq!(b.possible, [1]);
        assert_eq!(lists.check(CLEAR).status, Status::Clear);
    }

    #[test]
    fn bad_or_repeated_lists_are_refused_and_change_nothing() {
        let bytes = filter("one", "S1", true, &[(A, "Alice")]);
        let mut lists = Lists::new(&bytes).unwrap();
        assert!(matches!(lists.add(&bytes), Err(AddError::Duplicate { .. })));
        let mut corrupt = filter("two", "S2", true, &[(B, "Bob")]);
        let mid = corrupt.len() / 2;
        corrupt[mid] ^= 1;
        assert_eq!(lists.add(&corrupt), Err(AddError::Load(LoadError::Corrupt)));
        assert_eq!(
            lists.add(&corrupt[..10]),
            Err(AddError::Load(LoadError::Truncated))
        );
        assert_eq!(lists.filters().len(), 1);
        assert_eq!(lists.check(B).status, Status::Clear);
        assert_eq!(
            Lists::new(b"not a filter").err(),
            Some(LoadError::WrongMagic)
        );
    }
}
