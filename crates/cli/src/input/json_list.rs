//! JSON lists: an array of address strings (`["0xabc", ...]`) or of objects
//! (`[{"address": "0xabc", "name": "A;B"}, ...]`; `names` as an array is
//! accepted too). The array is streamed item by item; the reader is wrapped in
//! a [`super::guard::Guard`] by the caller so no single string can be huge.

use super::{push_name, split_names, Collector, Location, ReadError};
use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;
use std::io::Read;

pub fn read<R: Read>(
    reader: R,
    asset: Option<&str>,
    out: &mut Collector<'_>,
) -> Result<(), ReadError> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    let visitor = ListVisitor { asset, out };
    de.deserialize_seq(visitor).map_err(json_error)?;
    de.end().map_err(json_error)?;
    Ok(())
}

fn json_error(e: serde_json::Error) -> ReadError {
    if e.is_io() {
        // Keep the guard's message ("... longer than N bytes").
        return ReadError::Format(format!("{e}"));
    }
    ReadError::Format(format!("invalid JSON list: {e}"))
}

struct ListVisitor<'a, 'v> {
    asset: Option<&'a str>,
    out: &'a mut Collector<'v>,
}

impl<'de> Visitor<'de> for ListVisitor<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of address strings or {\"address\", \"name\"} objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index: u64 = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            index += 1;
            let location = Location::Item(index);
            let asset = self.asset;
            match item {
                Value::String(s) => self.out.entry(&s, &[], asset, location),
                Value::Object(map) => match map.get("address") {
                    Some(Value::String(address)) => {
                        let mut names = Vec::new();
                        match map.get("name") {
                            Some(Value::String(n)) => names = split_names(n),
                            Some(Value::Array(list)) => list
                                .iter()
                                .filter_map(Value::as_str)
                                .for_each(|n| push_name(&mut names, n)),
                            _ => {}
                        }
                        if let Some(Value::Array(list)) = map.get("names") {
                            list.iter()
                                .filter_map(Value::as_str)
                                .for_each(|n| push_name(&mut names, n));
                        }
                        self.out.entry(address, &names, asset, location);
                    }
                    _ => self
                        .out
                        .issue(location, "object without an \"address\" string, skipped"),
                },
                other => self.out.issue(
                    location,
                    format!(
                        "expected an address string or object, found {}, skipped",
                        kind(&other)
                    ),
                ),
            }
        }
        Ok(())
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::Collected;

    fn read_str(s: &str) -> Result<Collected, ReadError> {
        Collected::read_with(|c| read(s.as_bytes(), None, c))
    }

    #[test]
    fn strings_and_objects() {
        let c = read_str(
            r#"[ "0xaaa", {"address": "1bbb", "name": "A;B"}, {"address": "1ccc", "names": ["C", "C"]}, 5, {"x": 1} ]"#,
        )
        .unwrap();
        let got: Vec<_> = c
            .entries
            .iter()
            .map(|e| (e.text.clone(), e.names.clone(), e.location.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("0xaaa".to_string(), vec![], Location::Item(1)),
                (
                    "1bbb".to_string(),
                    vec!["A".to_string(), "B".to_string()],
                    Location::Item(2)
                ),
                ("1ccc".to_string(), vec!["C".to_string()], Location::Item(3)),
            ]
        );
        assert_eq!(c.issues.len(), 2);
        assert_eq!(c.issues[0].location, Location::Item(4));
    }

    #[test]
    fn errors_are_clean() {
        assert!(read_str(r#"{"a": 1}"#).is_err());
        let e = read_str(r#"["a", "b""#).err().unwrap().to_string();
        assert!(e.starts_with("invalid JSON list"), "{e}");
        assert!(read_str(r#"["a"] trailing"#).is_err());
        let deep = "[".repeat(10_000);
        assert!(read_str(&deep).is_err());
    }
}
