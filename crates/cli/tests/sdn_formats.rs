//! OFAC's own formats, synthetic but schema-faithful: SDN_ADVANCED.XML (with
//! a namespace, feature types looked up by text, primary and other aliases)
//! and the legacy sdn.csv.

mod common;

use common::*;
use std::path::Path;

const BTC_1: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
const ETH_1: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
const BTC_2: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
const TRX_2: &str = "TAYhjpL8pPs8T84FSM329nffQpc6jD8GBM";

/// Two parties; the digital-currency feature types have IDs that differ from
/// each other and from OFAC's real ones; names are split in parts and scripts.
fn sdn_advanced_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Sanctions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
  <DateOfIssue CalendarTypeID="1"><Year>2025</Year><Month>3</Month><Day>21</Day></DateOfIssue>
  <ReferenceValueSets>
    <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType><AliasType ID="1403">Name</AliasType></AliasTypeValues>
    <FeatureTypeValues>
      <FeatureType ID="8" FeatureTypeGroupID="1">Birthdate</FeatureType>
      <FeatureType ID="901" FeatureTypeGroupID="1">Digital Currency Address - XBT</FeatureType>
      <FeatureType ID="1777" FeatureTypeGroupID="1">Digital Currency Address - ETH</FeatureType>
      <FeatureType ID="2020" FeatureTypeGroupID="1">Digital Currency Address - USDT</FeatureType>
      <FeatureType ID="25" FeatureTypeGroupID="1">Website</FeatureType>
    </FeatureTypeValues>
  </ReferenceValueSets>
  <Locations/>
  <IDRegDocuments/>
  <DistinctParties>
    <DistinctParty FixedRef="50001">
      <Comment/>
      <Profile ID="50001" PartySubTypeID="4">
        <Identity ID="7001" FixedRef="50001" Primary="true" False="false">
          <Alias FixedRef="50001" AliasTypeID="1403" Primary="true" LowQuality="false">
            <DocumentedName ID="1" FixedRef="50001" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="1" ScriptID="215" ScriptStatusID="1" Acronym="false">KARASAVIDI</NamePartValue></DocumentedNamePart>
              <DocumentedNamePart><NamePartValue NamePartGroupID="2" ScriptID="215" ScriptStatusID="1" Acronym="false">Dmitrii</NamePartValue></DocumentedNamePart>
            </DocumentedName>
            <DocumentedName ID="2" FixedRef="50001" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="3" ScriptID="220" ScriptStatusID="1" Acronym="false">КАРАСАВИДИ</NamePartValue></DocumentedNamePart>
              <DocumentedNamePart><NamePartValue NamePartGroupID="4" ScriptID="220" ScriptStatusID="1" Acronym="false">Дмитрий</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <Alias FixedRef="50001" AliasTypeID="1400" Primary="false" LowQuality="false">
            <DocumentedName ID="3" FixedRef="50001" DocNameStatusID="2">
              <DocumentedNamePart><NamePartValue NamePartGroupID="1" ScriptID="215" ScriptStatusID="1" Acronym="false">Karasavidi</NamePartValue></DocumentedNamePart>
              <DocumentedNamePart><NamePartValue NamePartGroupID="2" ScriptID="215" ScriptStatusID="1" Acronym="false">Dmitriy</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <NamePartGroups><MasterNamePartGroup><NamePartGroup ID="1" NamePartTypeID="1520"/></MasterNamePartGroup></NamePartGroups>
        </Identity>
        <Feature ID="9001" FeatureTypeID="8">
          <FeatureVersion ID="1" ReliabilityID="1">
            <DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false"/>
            <VersionDetail DetailTypeID="1430">{ETH_1}</VersionDetail>
          </FeatureVersion>
          <IdentityReference IdentityID="7001" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="9002" FeatureTypeID="901">
          <FeatureVersion ID="2" ReliabilityID="1"><VersionDetail DetailTypeID="1432">{BTC_1}</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7001" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="9003" FeatureTypeID="25">
          <FeatureVersion ID="3" ReliabilityID="1"><VersionDetail DetailTypeID="1432">www.example.ru</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7001" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <SanctionsEntryReference SanctionsEntryID="1"/>
      </Profile>
    </DistinctParty>
    <DistinctParty FixedRef="50002">
      <Profile ID="50002" PartySubTypeID="3">
        <Identity ID="7002" FixedRef="50002" Primary="true" False="false">
          <Alias FixedRef="50002" AliasTypeID="1400" Primary="false" LowQuality="false">
            <DocumentedName ID="4" FixedRef="50002" DocNameStatusID="2">
              <DocumentedNamePart><NamePartValue NamePartGroupID="5" ScriptID="215" ScriptStatusID="1" Acronym="false">Garantex</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <Alias FixedRef="50002" AliasTypeID="1403" Primary="true" LowQuality="false">
            <DocumentedName ID="5" FixedRef="50002" DocNameStatusID="1">
              <DocumentedNamePart><NamePartValue NamePartGroupID="5" ScriptID="215" ScriptStatusID="1" Acronym="false">GARANTEX EUROPE OU &amp; CO</NamePartValue></DocumentedNamePart>
            </DocumentedName>
          </Alias>
          <NamePartGroups><MasterNamePartGroup><NamePartGroup ID="5" NamePartTypeID="1525"/></MasterNamePartGroup></NamePartGroups>
        </Identity>
        <Feature ID="9004" FeatureTypeID="1777">
          <FeatureVersion ID="4" ReliabilityID="1"><VersionDetail DetailTypeID="1432">{ETH_1}</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7002" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="9005" FeatureTypeID="901">
          <FeatureVersion ID="5" ReliabilityID="1"><VersionDetail DetailTypeID="1432">{BTC_2}</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7002" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="9006" FeatureTypeID="2020">
          <FeatureVersion ID="6" ReliabilityID="1"><VersionDetail DetailTypeID="1432">{TRX_2}</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7002" IdentityFeatureLinkTypeID="1"/>
        </Feature>
        <Feature ID="9007" FeatureTypeID="1777">
          <FeatureVersion ID="7" ReliabilityID="1"><VersionDetail DetailTypeID="1432">0xNOT-AN-ADDRESS</VersionDetail></FeatureVersion>
          <IdentityReference IdentityID="7002" IdentityFeatureLinkTypeID="1"/>
        </Feature>
      </Profile>
    </DistinctParty>
  </DistinctParties>
  <ProfileRelationships/>
  <SanctionsEntries/>
  <SanctionsEntryLinks/>
</Sanctions>
"#
    )
}

fn sdn_csv() -> String {
    format!(
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
         24001,\"LAZARUS GROUP\",-0- ,\"DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'HIDDEN COBRA'; Digital Currency Address - ETH {ETH_1}; alt. Digital Currency Address - XBT {BTC_1}.\"\r\n\
         24002,\"SUEX OTC, S.R.O.\",\"-0- \",\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Website suex.io; Digital Currency Address - USDT {TRX_2}; alt. Digital Currency Address - XBT 1BADchecksum11111111111111111111; Organization Type: x.\"\r\n\
         \x1a"
    )
}

fn check(filter: &Path, inputs: &[&str]) -> Vec<serde_json::Value> {
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    check_json(filter, &inputs).1
}

#[test]
fn sdn_advanced_xml_addresses_with_names() {
    let tmp = tempfile::tempdir().unwrap();
    let xml = tmp.path().join("SDN_ADVANCED.XML");
    std::fs::write(&xml, sdn_advanced_xml()).unwrap();
    let filter = tmp.path().join("sdn.filter");
    // No --source, no --as-of: "OFAC SDN" and the DateOfIssue.
    let r = run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        filter.as_os_str(),
        xml.as_os_str(),
    ]);
    assert!(
        r.stdout.contains("\"OFAC SDN\" as of 2025-03-21"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("read 1 OFAC SDN_ADVANCED.XML"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("Feature ID 9007") && r.stderr.contains("kept as an exact-text key"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("5 keys"), "{}", r.stdout);

    let v = check(
        &filter,
        &[
            BTC_1,
            ETH_1,
            BTC_2,
            TRX_2,
            "0xNOT-AN-ADDRESS",
            "www.example.ru",
        ],
    );
    // BTC_1: party 1, primary name (both scripts) first, then the a.k.a.
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(
        label_names(&v[0]),
        vec![
            "KARASAVIDI Dmitrii КАРАСАВИДИ Дмитрий".to_string(),
            "Karasavidi Dmitriy".to_string()
        ]
    );
    assert_eq!(v[0]["labels"][0]["assets"], serde_json::json!(["XBT"]));
    // ETH_1 is party 1's *birthdate* feature (ignored) and party 2's ETH address.
    assert_eq!(v[1]["status"], "flagged");
    assert_eq!(
        label_names(&v[1]),
        vec![
            "GARANTEX EUROPE OU & CO".to_string(),
            "Garantex".to_string()
        ]
    );
    assert_eq!(v[1]["labels"][0]["assets"], serde_json::json!(["ETH"]));
    assert_eq!(v[2]["status"], "flagged");
    assert_eq!(label_names(&v[2])[0], "GARANTEX EUROPE OU & CO");
    assert_eq!(v[3]["status"], "flagged");
    assert_eq!(v[3]["labels"][0]["assets"], serde_json::json!(["USDT"]));
    assert_eq!(v[4]["status"], "flagged", "kept as exact text");
    assert_eq!(
        v[5]["status"], "unrecognized",
        "a Website feature is not an address"
    );

    let inspect = run_ok(["inspect".as_ref(), filter.as_os_str()]).stdout;
    assert!(
        inspect.contains("OFAC SDN, as of 2025-03-21: 5 entries"),
        "{inspect}"
    );
}

#[test]
fn sdn_xml_with_prefixed_namespace_and_late_feature_types() {
    let tmp = tempfile::tempdir().unwrap();
    let xml = sdn_advanced_xml();
    // Prefix every element, and move the reference values after the parties.
    let start = xml.find("  <ReferenceValueSets>").unwrap();
    let end = xml.find("  <Locations/>").unwrap();
    let refs = xml[start..end].to_string();
    let moved = xml
        .replace(&refs, "")
        .replace("</Sanctions>", &format!("{refs}</Sanctions>"));
    let prefixed = moved
        .replace("<Sanctions xmlns:xsi", "<s:Sanctions xmlns:xsi")
        .replace(" xmlns=\"", " xmlns:s=\"")
        .replace("</", "</s:")
        .replace("<s:/", "</")
        .replace('<', "<s:")
        .replace("<s:/s:", "</s:")
        .replace("<s:?xml", "<?xml")
        .replace("<s:s:", "<s:");
    assert!(prefixed.contains("<s:Feature ID=\"9002\""), "{prefixed}");
    let path = tmp.path().join("advanced.xml");
    std::fs::write(&path, prefixed).unwrap();
    let filter = tmp.path().join("f.filter");
    run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        filter.as_os_str(),
        path.as_os_str(),
    ]);
    let v = check(&filter, &[BTC_1, ETH_1]);
    assert_eq!(
        label_names(&v[0])[0],
        "KARASAVIDI Dmitrii КАРАСАВИДИ Дмитрий"
    );
    assert_eq!(label_names(&v[1])[0], "GARANTEX EUROPE OU & CO");
}

#[test]
fn legacy_sdn_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("sdn.csv");
    std::fs::write(&csv, sdn_csv()).unwrap();
    let filter = tmp.path().join("csv.filter");

    // sdn.csv states no date: --as-of is required.
    let r = run(
        [
            "build".as_ref(),
            "-o".as_ref(),
            filter.as_os_str(),
            csv.as_os_str(),
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--as-of"), "{}", r.stderr);
    assert!(!filter.exists());

    let r = run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        filter.as_os_str(),
        "--as-of".as_ref(),
        "2025-03-21".as_ref(),
        csv.as_os_str(),
    ]);
    assert!(
        r.stdout.contains("\"OFAC SDN\" as of 2025-03-21"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("read 1 OFAC sdn.csv"), "{}", r.stdout);
    assert!(
        r.stderr.contains("sdn.csv: line 3:"),
        "the bad checksum is reported with its line:\n{}",
        r.stderr
    );

    let v = check(
        &filter,
        &[
            ETH_1,
            BTC_1,
            TRX_2,
            "1BADchecksum11111111111111111111",
            BTC_2,
        ],
    );
    assert_eq!(label_names(&v[0]), vec!["LAZARUS GROUP".to_string()]);
    assert_eq!(v[0]["labels"][0]["assets"], serde_json::json!(["ETH"]));
    assert_eq!(
        label_names(&v[1]),
        vec!["LAZARUS GROUP".to_string()],
        "trailing full stop removed"
    );
    assert_eq!(label_names(&v[2]), vec!["SUEX OTC, S.R.O.".to_string()]);
    assert_eq!(v[3]["status"], "flagged", "exact text");
    assert_eq!(v[4]["status"], "clear");
}
