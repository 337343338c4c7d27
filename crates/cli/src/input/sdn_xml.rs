//! OFAC's SDN_ADVANCED.XML, streamed with quick-xml (the real file is over
//! 100 MB; it is never loaded whole).
//!
//! Structure used (see shared/spec/sdn_advanced.xsd; elements are matched on
//! their local names because the namespace has changed over the years):
//!
//! ```text
//! Sanctions
//!   DateOfIssue/{Year,Month,Day}
//!   ReferenceValueSets/FeatureTypeValues/FeatureType[@ID]  text "Digital Currency Address - XBT"
//!   DistinctParties/DistinctParty/Profile
//!     Identity[@ID]/Alias[@Primary]/DocumentedName/DocumentedNamePart/NamePartValue
//!     Feature[@ID, @FeatureTypeID]
//!       FeatureVersion/VersionDetail            text = the address
//!       IdentityReference[@IdentityID]          -> Identity
//! ```
//!
//! Feature types are looked up by their text, not by ID (IDs differ between
//! assets and over time). Features are collected as (type ID, addresses,
//! identity IDs) and resolved at the end, so the order of the sections in the
//! file does not matter.

use super::{push_name, Collector, Location, ReadError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::BufRead;

/// Deepest element nesting accepted (the real file nests about 10 deep).
pub const MAX_DEPTH: usize = 256;

const FEATURE_TYPE_PREFIX: &str = "Digital Currency Address - ";

#[derive(Default)]
struct Alias {
    primary: bool,
    /// One string per DocumentedName (its parts joined by spaces).
    documented: Vec<String>,
}

#[derive(Default)]
struct IdentityState {
    id: String,
    aliases: Vec<Alias>,
}

#[derive(Default)]
struct FeatureState {
    id: String,
    type_id: String,
    addresses: Vec<String>,
    identities: Vec<String>,
}

/// What text is being collected right now.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Capture {
    #[default]
    None,
    FeatureType,
    NamePart,
    VersionDetail,
    DatePart,
}

#[derive(Default)]
struct State {
    stack: Vec<String>,
    root_seen: bool,
    /// FeatureType ID -> asset code, for digital-currency types.
    currency_types: HashMap<String, String>,
    /// Whether the FeatureTypeValues table has been read completely.
    feature_types_done: bool,
    /// Identity ID -> names (primary alias first).
    identity_names: HashMap<String, Vec<String>>,
    features: Vec<FeatureState>,
    feature_type: Option<(String, String)>,
    identity: Option<IdentityState>,
    name_parts: Option<Vec<String>>,
    feature: Option<FeatureState>,
    date: [Option<u32>; 3],
    in_date_of_issue: bool,
    capture: Capture,
    text: String,
}

pub fn read<R: BufRead>(reader: R, out: &mut Collector<'_>) -> Result<(), ReadError> {
    let mut xml = Reader::from_reader(reader);
    xml.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut st = State::default();
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(&xml, e))?;
        match event {
            Event::Start(e) => {
                start(&mut st, &e)?;
            }
            Event::Empty(e) => {
                start(&mut st, &e)?;
                end(&mut st);
            }
            Event::End(_) => end(&mut st),
            Event::Text(t) => {
                if st.capture != Capture::None {
                    let text = t
                        .xml10_content()
                        .map_err(|e| ReadError::Format(format!("invalid XML text: {e}")))?;
                    st.text.push_str(&text);
                }
            }
            Event::CData(t) => {
                if st.capture != Capture::None {
                    let text = t
                        .decode()
                        .map_err(|e| ReadError::Format(format!("invalid XML text: {e}")))?;
                    st.text.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                if st.capture != Capture::None {
                    let resolved = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().map(String::from)
                    } else {
                        r.decode()
                            .ok()
                            .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                            .map(str::to_string)
                    };
                    match resolved {
                        Some(s) => st.text.push_str(&s),
                        None => {
                            let name = String::from_utf8_lossy(&r).into_owned();
                            return Err(ReadError::Format(format!(
                                "unknown XML entity &{name}; at byte {}",
                                xml.buffer_position()
                            )));
                        }
                    }
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
        buf.clear();
    }
    if !st.root_seen {
        return Err(ReadError::Format("no XML element found".into()));
    }
    if !st.stack.is_empty() {
        return Err(ReadError::Format(format!(
            "XML ends inside <{}>",
            st.stack.join("/")
        )));
    }
    finish(st, out);
    Ok(())
}

fn xml_error<R>(xml: &Reader<R>, e: quick_xml::Error) -> ReadError {
    match e {
        quick_xml::Error::Io(io) => match std::sync::Arc::try_unwrap(io) {
            Ok(io) => ReadError::Io(io),
            Err(shared) => ReadError::Format(shared.to_string()),
        },
        other => ReadError::Format(format!(
            "invalid XML at byte {}: {other}",
            xml.error_position()
        )),
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

fn start(st: &mut State, e: &BytesStart<'_>) -> Result<(), ReadError> {
    let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    if !st.root_seen {
        st.root_seen = true;
        if local != "Sanctions" {
            return Err(ReadError::Format(format!(
                "XML root element is <{local}>, not <Sanctions>: not SDN_ADVANCED.XML"
            )));
        }
    }
    if st.stack.len() >= MAX_DEPTH {
        return Err(ReadError::Format(format!(
            "XML nested deeper than {MAX_DEPTH} elements"
        )));
    }
    let parent = st.stack.last().map(String::as_str).unwrap_or("");
    match (parent, local.as_str()) {
        ("Sanctions", "DateOfIssue") => st.in_date_of_issue = true,
        ("DateOfIssue", "Year" | "Month" | "Day") if st.in_date_of_issue => {
            begin(st, Capture::DatePart)
        }
        ("FeatureTypeValues", "FeatureType") => {
            st.feature_type = Some((attr(e, b"ID").unwrap_or_default(), String::new()));
            begin(st, Capture::FeatureType);
        }
        ("Profile", "Identity") => {
            st.identity = Some(IdentityState {
                id: attr(e, b"ID").unwrap_or_default(),
                aliases: Vec::new(),
            });
        }
        ("Identity", "Alias") => {
            if let Some(identity) = st.identity.as_mut() {
                let primary =
                    attr(e, b"Primary").is_some_and(|v| v.trim() == "true" || v.trim() == "1");
                identity.aliases.push(Alias {
                    primary,
                    documented: Vec::new(),
                });
            }
        }
        ("Alias", "DocumentedName") => st.name_parts = Some(Vec::new()),
        ("DocumentedNamePart", "NamePartValue") if st.name_parts.is_some() => {
            begin(st, Capture::NamePart)
        }
        ("Profile", "Feature") => {
            st.feature = Some(FeatureState {
                id: attr(e, b"ID").unwrap_or_default(),
                type_id: attr(e, b"FeatureTypeID").unwrap_or_default(),
                ..FeatureState::default()
            });
        }
        ("FeatureVersion", "VersionDetail") if st.feature.is_some() => {
            begin(st, Capture::VersionDetail)
        }
        ("Feature", "IdentityReference") => {
            if let (Some(feature), Some(id)) = (st.feature.as_mut(), attr(e, b"IdentityID")) {
                feature.identities.push(id);
            }
        }
        _ => {}
    }
    st.stack.push(local);
    Ok(())
}

fn begin(st: &mut State, capture: Capture) {
    st.capture = capture;
    st.text.clear();
}

fn end(st: &mut State) {
    let Some(local) = st.stack.pop() else { return };
    let parent = st.stack.last().map(String::as_str).unwrap_or("");
    let text = std::mem::take(&mut st.text);
    let capture = std::mem::replace(&mut st.capture, Capture::None);
    match (parent, local.as_str()) {
        ("Sanctions", "DateOfIssue") => st.in_date_of_issue = false,
        ("DateOfIssue", part @ ("Year" | "Month" | "Day")) if capture == Capture::DatePart => {
            let i = match part {
                "Year" => 0,
                "Month" => 1,
                _ => 2,
            };
            st.date[i] = text.trim().parse().ok();
        }
        (_, "FeatureTypeValues") => st.feature_types_done = true,
        ("FeatureTypeValues", "FeatureType") => {
            if let Some((id, _)) = st.feature_type.take() {
                if let Some(code) = text.trim().strip_prefix(FEATURE_TYPE_PREFIX) {
                    st.currency_types.insert(id, code.trim().to_string());
                }
            }
        }
        ("DocumentedNamePart", "NamePartValue") if capture == Capture::NamePart => {
            if let Some(parts) = st.name_parts.as_mut() {
                let part = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !part.is_empty() {
                    parts.push(part);
                }
            }
        }
        ("Alias", "DocumentedName") => {
            if let (Some(parts), Some(identity)) = (st.name_parts.take(), st.identity.as_mut()) {
                if let Some(alias) = identity.aliases.last_mut() {
                    if !parts.is_empty() {
                        alias.documented.push(parts.join(" "));
                    }
                }
            }
        }
        ("Profile", "Identity") => {
            if let Some(identity) = st.identity.take() {
                let mut names = Vec::new();
                for alias in identity.aliases.iter().filter(|a| a.primary) {
                    push_name(&mut names, &alias.documented.join(" "));
                }
                for alias in identity.aliases.iter().filter(|a| !a.primary) {
                    push_name(&mut names, &alias.documented.join(" "));
                }
                st.identity_names.insert(identity.id, names);
            }
        }
        ("FeatureVersion", "VersionDetail") if capture == Capture::VersionDetail => {
            if let Some(feature) = st.feature.as_mut() {
                feature.addresses.push(text);
            }
        }
        ("Profile", "Feature") => {
            if let Some(feature) = st.feature.take() {
                // Most features (birth dates, nationalities, ...) are not
                // addresses; once the feature types are known, drop them early.
                let keep = !feature.addresses.is_empty()
                    && (!st.feature_types_done || st.currency_types.contains_key(&feature.type_id));
                if keep {
                    st.features.push(feature);
                }
            }
        }
        _ => {}
    }
}

fn finish(st: State, out: &mut Collector<'_>) {
    if let [Some(y), Some(m), Some(d)] = st.date {
        let date = format!("{y:04}-{m:02}-{d:02}");
        if super::is_iso_date(&date) {
            out.set_as_of(date);
        }
    }
    if st.currency_types.is_empty() {
        out.issue(
            Location::File,
            "no \"Digital Currency Address\" feature types in this file: no addresses read",
        );
        return;
    }
    for feature in st.features {
        let Some(asset) = st.currency_types.get(&feature.type_id) else {
            continue;
        };
        let mut names = Vec::new();
        for id in &feature.identities {
            match st.identity_names.get(id) {
                Some(list) => list.iter().for_each(|n| push_name(&mut names, n)),
                None => out.issue(
                    Location::Feature(feature.id.clone()),
                    format!("IdentityReference to unknown Identity {id}; no name recorded"),
                ),
            }
        }
        for address in &feature.addresses {
            out.entry(
                address,
                &names,
                Some(asset),
                Location::Feature(feature.id.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Collected;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
  <DateOfIssue><Year>2025</Year><Month>11</Month><Day>7</Day></DateOfIssue>
  <ReferenceValueSets>
    <FeatureTypeValues>
      <FeatureType ID="8" FeatureTypeGroupID="1">Birthdate</FeatureType>
      <FeatureType ID="344" FeatureTypeGroupID="1">Digital Currency Address - XBT</FeatureType>
      <FeatureType ID="345" FeatureTypeGroupID="1">Digital Currency Address - ETH</FeatureType>
    </FeatureTypeValues>
  </ReferenceValueSets>
  <DistinctParties>
    <DistinctParty FixedRef="1">
      <Profile ID="1" PartySubTypeID="4">
        <Identity ID="11" FixedRef="1" Primary="true" False="false">
          <Alias FixedRef="1" AliasTypeID="1400" Primary="false" LowQuality="false">
            <DocumentedName ID="1" FixedRef="1" DocNameStatusID="2">
              <DocumentedNamePart><NamePartValue NamePartGroupID="1" ScriptID="215" ScriptStatusID="1" Acronym="false">Fast &amp; Loose</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <Alias FixedRef="1" AliasTypeID="1403" Primary="true" LowQuality="false">
            <DocumentedName ID="2" FixedRef="1" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="1" ScriptID="215" ScriptStatusID="1" Acronym="false">DOE</NamePartValue></DocumentedNamePart>
              <DocumentedNamePart><NamePartValue NamePartGroupID="2" ScriptID="215" ScriptStatusID="1" Acronym="false">John</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
        </Identity>
        <Feature ID="100" FeatureTypeID="8">
          <FeatureVersion ID="1" ReliabilityID="1"><VersionDetail DetailTypeID="1">1970</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="11" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="101" FeatureTypeID="344">
          <FeatureVersion ID="2" ReliabilityID="1"><VersionDetail DetailTypeID="1431"> 1AbcD </VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="11" IdentityFeatureLinkTypeID="1"/>
        </Feature>
      </Profile>
    </DistinctParty>
  </DistinctParties>
</Sanctions>"#;

    #[test]
    fn reads_addresses_names_and_date() {
        let c = Collected::read_with(|c| read(SAMPLE.as_bytes(), c)).unwrap();
        assert_eq!(c.as_of.as_deref(), Some("2025-11-07"));
        assert_eq!(c.entries.len(), 1, "{:?}", c.entries);
        let e = &c.entries[0];
        assert_eq!(e.text, "1AbcD");
        assert_eq!(
            e.names,
            vec!["DOE John".to_string(), "Fast & Loose".to_string()]
        );
        assert_eq!(e.asset.as_deref(), Some("XBT"));
        assert_eq!(e.location, Location::Feature("101".into()));
    }

    #[test]
    fn parties_before_feature_types() {
        // Move ReferenceValueSets after DistinctParties: same result.
        let start = SAMPLE.find("  <ReferenceValueSets>").unwrap();
        let end = SAMPLE.find("  <DistinctParties>").unwrap();
        let refs = &SAMPLE[start..end];
        let moved = SAMPLE
            .replace(refs, "")
            .replace("</Sanctions>", &format!("{refs}</Sanctions>"));
        let c = Collected::read_with(|c| read(moved.as_bytes(), c)).unwrap();
        assert_eq!(c.entries.len(), 1);
        assert_eq!(c.entries[0].names[0], "DOE John");
    }

    #[test]
    fn prefixed_namespace() {
        let prefixed = SAMPLE
            .replace("<Sanctions xmlns=", "<s:Sanctions xmlns:s=")
            .replace("</Sanctions>", "</s:Sanctions>")
            .replace("<Feature ", "<s:Feature ")
            .replace("</Feature>", "</s:Feature>");
        let c = Collected::read_with(|c| read(prefixed.as_bytes(), c)).unwrap();
        assert_eq!(c.entries.len(), 1);
    }

    #[test]
    fn hostile_xml() {
        let mut visit = |_: crate::input::Entry<'_>| {};
        let mut c = Collector::new(&mut visit);
        let deep = format!("<Sanctions>{}", "<a>".repeat(100_000));
        let e = read(deep.as_bytes(), &mut c).err().unwrap().to_string();
        assert!(e.contains("nested deeper"), "{e}");
        let e = read("<Sanctions><a></b></Sanctions>".as_bytes(), &mut c)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("invalid XML"), "{e}");
        let e = read("<html/>".as_bytes(), &mut c)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("not SDN_ADVANCED"), "{e}");
        let e = read("<Sanctions><a>".as_bytes(), &mut c)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("ends inside"), "{e}");
        assert!(read("".as_bytes(), &mut c).is_err());
    }
}
