//! Official test vectors, one named test each: EIP-55, BIP-173 and BIP-350
//! segwit addresses, and the CashAddr specification.

use addrcheck_core::address::{cashaddr, parse, Address, AddressError, Chain, Key};

fn ok(s: &str) -> Address {
    parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

fn err(s: &str) -> AddressError {
    match parse(s) {
        Ok(a) => panic!("{s:?} should not parse, got {a:?}"),
        Err(e) => e,
    }
}

fn from_hex(s: &str) -> Vec<u8> {
    hex::decode(s).expect("test vector hex")
}

// ---------------------------------------------------------------------------
// EIP-55 (ERC-55) "Test Cases": three groups. Each address is its own
// checksummed form: it parses, prints back identically, its lower-case form
// gives the same key, and flipping the case of any one letter breaks it.
// ---------------------------------------------------------------------------

fn eip55_vector(addr: &str) {
    let a = ok(addr);
    assert_eq!(a.chain, Chain::Evm);
    assert_eq!(a.normalized(), addr, "EIP-55 encoding");
    assert_eq!(a.key.payload(), &from_hex(&addr[2..])[..]);
    assert_eq!(ok(&addr.to_ascii_lowercase()).key, a.key);
    assert_eq!(ok(&addr[2..]).key, a.key, "without 0x");

    let has_lower = addr[2..].bytes().any(|b| b.is_ascii_lowercase());
    let has_upper = addr[2..].bytes().any(|b| b.is_ascii_uppercase());
    for (i, c) in addr.char_indices().skip(2).filter(|(_, c)| c.is_ascii_alphabetic()) {
        let mut flipped = addr.to_string();
        let f = if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
        flipped.replace_range(i..i + 1, &f.to_string());
        let now_lower = flipped[2..].bytes().any(|b| b.is_ascii_lowercase());
        let now_upper = flipped[2..].bytes().any(|b| b.is_ascii_uppercase());
        if now_lower && now_upper {
            assert_eq!(err(&flipped), AddressError::Checksum { chain: Chain::Evm }, "{flipped}");
        } else {
            // Flipping the only odd-one-out letter back to uniform case: no checksum to check.
            assert!(!(has_lower && has_upper) || parse(&flipped).is_ok());
        }
    }
}

macro_rules! eip55 {
    ($($name:ident: $addr:literal;)*) => {$(
        #[test]
        fn $name() { eip55_vector($addr); }
    )*};
}

eip55! {
    eip55_all_caps_52908400: "0x52908400098527886E0F7030069857D2E4169EE7";
    eip55_all_caps_8617e340: "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
    eip55_all_lower_de709f21: "0xde709f2102306220921060314715629080e2fb77";
    eip55_all_lower_27b1fdb0: "0x27b1fdb04752bbc536007a920d24acb045561c26";
    eip55_normal_5aaeb605: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    eip55_normal_fb691609: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    eip55_normal_dbf03b40: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
    eip55_normal_d1220a0c: "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb";
}

#[test]
fn eip55_all_upper_hex_of_a_normal_address_is_accepted_without_checksum() {
    let a = ok("0xD1220A0CF47C7B9BE7A2E6BA89F429762E7B9ADB");
    assert_eq!(a.normalized(), "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");
}

// ---------------------------------------------------------------------------
// BIP-173 and BIP-350 segwit address vectors. The valid ones give the
// scriptPubKey they translate to: OP_n, push length, witness program.
// ---------------------------------------------------------------------------

/// The key a valid vector must produce, from its scriptPubKey.
fn segwit_key(hrp: &str, script_pubkey_hex: &str) -> Key {
    let script = from_hex(script_pubkey_hex);
    let version = match script[0] {
        0 => 0,
        op @ 0x51..=0x60 => op - 0x50,
        op => panic!("not a witness version opcode: {op:#x}"),
    };
    assert_eq!(usize::from(script[1]), script.len() - 2);
    Key::new(0x03, &[hrp.as_bytes(), &[0, version], &script[2..]])
}

fn segwit_valid(addr: &str, hrp: &str, script_pubkey_hex: &str) {
    let a = ok(addr);
    assert_eq!(a.chain, Chain::BitcoinSegwit);
    assert_eq!(a.key, segwit_key(hrp, script_pubkey_hex));
    assert_eq!(a.normalized(), addr.to_ascii_lowercase());
}

fn segwit_invalid(addr: &str, expected: AddressError) {
    assert_eq!(err(addr), expected, "{addr}");
}

const BTC: Chain = Chain::BitcoinSegwit;

fn checksum() -> AddressError {
    AddressError::Checksum { chain: BTC }
}

fn length(addr: &str) -> AddressError {
    AddressError::Length { chain: BTC, len: addr.len() }
}

fn format(detail: &'static str) -> AddressError {
    AddressError::Format { chain: BTC, detail }
}

#[test]
fn bip173_valid_p2wpkh_uppercase() {
    segwit_valid("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc", "0014751e76e8199196d454941c45d1b3a323f1433bd6");
}

#[test]
fn bip173_valid_testnet_p2wsh() {
    segwit_valid(
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "tb",
        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
    );
}

#[test]
fn bip173_valid_testnet_p2wsh_leading_zeros() {
    segwit_valid(
        "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        "tb",
        "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    );
}

// BIP-173 listed these v1+ addresses as valid with the Bech32 checksum;
// BIP-350 replaces it with Bech32m for v1+, so they are now checksum failures.
#[test]
fn bip173_valid_v1_bech32_rejected_by_bip350() {
    segwit_invalid("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", checksum());
}

#[test]
fn bip173_valid_v16_bech32_rejected_by_bip350() {
    segwit_invalid("BC1SW50QA3JX3S", checksum());
}

#[test]
fn bip173_valid_v2_bech32_rejected_by_bip350() {
    segwit_invalid("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", checksum());
}

#[test]
fn bip173_invalid_hrp_tc() {
    // Not a segwit HRP we know: nothing recognises it.
    segwit_invalid("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", AddressError::Unrecognized);
}

#[test]
fn bip173_invalid_checksum() {
    segwit_invalid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", checksum());
}

#[test]
fn bip173_invalid_witness_version_17() {
    segwit_invalid("BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", format("invalid witness version"));
}

#[test]
fn bip173_invalid_program_length_1_byte() {
    // v3 with Bech32 is also a checksum failure under BIP-350, found first.
    let e = err("bc1rw5uspcuh");
    assert!(matches!(e, AddressError::Checksum { chain: BTC } | AddressError::Length { chain: BTC, .. }), "{e:?}");
}

#[test]
fn bip173_invalid_program_length_41_bytes() {
    let a = "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90";
    let e = err(a);
    assert!(matches!(e, AddressError::Checksum { chain: BTC } | AddressError::Length { chain: BTC, .. }), "{e:?}");
}

#[test]
fn bip173_invalid_v0_program_length_16_bytes() {
    segwit_invalid("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", length("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"));
}

#[test]
fn bip173_invalid_mixed_case() {
    segwit_invalid(
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
        AddressError::MixedCase { chain: BTC },
    );
}

#[test]
fn bip173_invalid_zero_padding_more_than_4_bits() {
    // v2 with a Bech32 checksum: under BIP-350 the checksum already fails.
    let e = err("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du");
    assert!(matches!(e, AddressError::Checksum { chain: BTC } | AddressError::Format { chain: BTC, .. }), "{e:?}");
}

#[test]
fn bip173_invalid_nonzero_padding() {
    segwit_invalid("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", format("invalid padding"));
}

#[test]
fn bip173_invalid_empty_data_section() {
    let e = err("bc1gmk9yu");
    assert_eq!(e.chain(), Some(BTC), "{e:?}");
}

#[test]
fn bip350_valid_p2wpkh_uppercase() {
    segwit_valid("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc", "0014751e76e8199196d454941c45d1b3a323f1433bd6");
}

#[test]
fn bip350_valid_testnet_p2wsh() {
    segwit_valid(
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "tb",
        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
    );
}

#[test]
fn bip350_valid_v1_40_byte_program() {
    segwit_valid(
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
        "bc",
        "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
    );
}

#[test]
fn bip350_valid_v16_2_byte_program() {
    segwit_valid("BC1SW50QGDZ25J", "bc", "6002751e");
}

#[test]
fn bip350_valid_v2_16_byte_program() {
    segwit_valid("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "bc", "5210751e76e8199196d454941c45d1b3a323");
}

#[test]
fn bip350_valid_testnet_p2wsh_leading_zeros() {
    segwit_valid(
        "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        "tb",
        "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    );
}

#[test]
fn bip350_valid_testnet_taproot() {
    segwit_valid(
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        "tb",
        "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    );
}

#[test]
fn bip350_valid_mainnet_taproot() {
    segwit_valid(
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "bc",
        "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    );
}

#[test]
fn bip350_invalid_hrp_tc() {
    segwit_invalid("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", AddressError::Unrecognized);
}

#[test]
fn bip350_invalid_v1_bech32_checksum() {
    segwit_invalid("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", checksum());
}

#[test]
fn bip350_invalid_v2_bech32_checksum_testnet() {
    segwit_invalid("tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", checksum());
}

#[test]
fn bip350_invalid_v16_bech32_checksum_uppercase() {
    segwit_invalid("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", checksum());
}

#[test]
fn bip350_invalid_v0_bech32m_checksum() {
    segwit_invalid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", checksum());
}

#[test]
fn bip350_invalid_v0_bech32m_checksum_testnet() {
    segwit_invalid("tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", checksum());
}

#[test]
fn bip350_invalid_character_in_checksum() {
    segwit_invalid(
        "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
        AddressError::Character { chain: BTC, ch: 'o', pos: 59 },
    );
}

#[test]
fn bip350_invalid_witness_version_17() {
    segwit_invalid("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", format("invalid witness version"));
}

#[test]
fn bip350_invalid_program_length_1_byte() {
    segwit_invalid("bc1pw5dgrnzv", length("bc1pw5dgrnzv"));
}

#[test]
fn bip350_invalid_program_length_41_bytes() {
    let a = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav";
    segwit_invalid(a, length(a));
}

#[test]
fn bip350_invalid_v0_program_length_16_bytes() {
    segwit_invalid("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", length("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"));
}

#[test]
fn bip350_invalid_mixed_case() {
    segwit_invalid(
        "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
        AddressError::MixedCase { chain: BTC },
    );
}

#[test]
fn bip350_invalid_zero_padding_more_than_4_bits() {
    segwit_invalid("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", format("invalid padding"));
}

#[test]
fn bip350_invalid_nonzero_padding() {
    segwit_invalid("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", format("invalid padding"));
}

#[test]
fn bip350_invalid_empty_data_section() {
    let e = err("bc1gmk9yu");
    assert_eq!(e.chain(), Some(BTC), "{e:?}");
}

// ---------------------------------------------------------------------------
// CashAddr specification, "Examples of address translation": the legacy and
// CashAddr forms of one hash give one key, and each prints as itself.
// ---------------------------------------------------------------------------

fn cashaddr_translation(legacy: &str, cash: &str) {
    let l = ok(legacy);
    let c = ok(cash);
    assert_eq!(l.chain, Chain::Bitcoin);
    assert_eq!(c.chain, Chain::BitcoinCash);
    assert_eq!(l.key, c.key, "legacy and CashAddr give one key");
    assert_eq!(c.normalized(), cash);
    assert_eq!(l.normalized(), legacy);
    // Without the prefix, and upper case, it is the same address.
    let bare = cash.strip_prefix("bitcoincash:").expect("prefixed vector");
    assert_eq!(ok(bare).key, c.key);
    assert_eq!(ok(&bare.to_ascii_uppercase()).key, c.key);
    // As the legacy form, printed from the CashAddr's key.
    assert_eq!(Address { chain: Chain::Bitcoin, key: c.key }.normalized(), legacy);
}

#[test]
fn cashaddr_translation_p2pkh_1bpei6df() {
    cashaddr_translation(
        "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu",
        "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
    );
}

#[test]
fn cashaddr_translation_p2pkh_1kxrwxci() {
    cashaddr_translation(
        "1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR",
        "bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy",
    );
}

#[test]
fn cashaddr_translation_p2pkh_16w1d5wr() {
    cashaddr_translation("16w1D5WRVKJuZUsSRzdLp9w3YGcgoxDXb", "bitcoincash:qqq3728yw0y47sqn6l2na30mcw6zm78dzqre909m2r");
}

#[test]
fn cashaddr_translation_p2sh_3cwfddi6() {
    cashaddr_translation(
        "3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC",
        "bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq",
    );
}

#[test]
fn cashaddr_translation_p2sh_3ldss579() {
    cashaddr_translation(
        "3LDsS579y7sruadqu11beEJoTjdFiFCdX4",
        "bitcoincash:pr95sy3j9xwd2ap32xkykttr4cvcu7as4yc93ky28e",
    );
}

#[test]
fn cashaddr_translation_p2sh_31nwvkzw() {
    cashaddr_translation(
        "31nwvkZwyPdgzjBJZXfDmSWsC4ZLKpYyUw",
        "bitcoincash:pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37",
    );
}

// "The following addresses can be used as test vectors for checksum
// computation since they have a valid checksum but purposely do not have a
// valid payload."

macro_rules! cashaddr_checksum {
    ($($name:ident: $addr:literal;)*) => {$(
        #[test]
        fn $name() {
            assert!(cashaddr::has_valid_checksum($addr, cashaddr::DEFAULT_PREFIX));
            assert!(cashaddr::has_valid_checksum(&$addr.to_ascii_uppercase(), cashaddr::DEFAULT_PREFIX));
            // One changed character breaks it.
            let mut broken = $addr.to_string();
            let last = broken.pop().expect("non-empty");
            broken.push(if last == 'q' { 'p' } else { 'q' });
            assert!(!cashaddr::has_valid_checksum(&broken, cashaddr::DEFAULT_PREFIX));
        }
    )*};
}

cashaddr_checksum! {
    cashaddr_checksum_prefix_empty_payload: "prefix:x64nx6hz";
    cashaddr_checksum_one_letter_prefix: "p:gpf8m4h7";
    cashaddr_checksum_bitcoincash_whole_alphabet: "bitcoincash:qpzry9x8gf2tvdw0s3jn54khce6mua7lcw20ayyn";
    cashaddr_checksum_bchtest: "bchtest:testnetaddress4d6njnut";
    cashaddr_checksum_bchreg: "bchreg:555555555555555555555555555555555555555555555udxmlmrz";
}

// "Larger test vectors" (hash sizes 160..512 bits) and "Undefined types":
// decode gives prefix, type and data; encode gives the address back.

fn cashaddr_codec(addr: &str, kind: u8, size_bits: u8, data_hex: &str) {
    let data = from_hex(data_hex);
    let d = cashaddr::decode(addr, cashaddr::DEFAULT_PREFIX).unwrap_or_else(|e| panic!("{addr}: {e}"));
    let prefix = &addr[..addr.find(':').expect("prefixed")];
    assert_eq!(d.prefix(), prefix);
    assert_eq!(d.kind(), kind);
    assert_eq!(d.version_byte(), (kind << 3) | size_bits);
    assert_eq!(d.data(), &data[..]);
    assert_eq!(cashaddr::encode(prefix, d.version_byte(), &data).as_deref(), Some(addr));
    // Upper case decodes too; a mixture does not.
    let upper = addr.to_ascii_uppercase();
    assert_eq!(cashaddr::decode(&upper, cashaddr::DEFAULT_PREFIX).map(|d| d.data().to_vec()), Ok(data));
    let mut mixed = addr.to_string();
    mixed.replace_range(0..1, &addr[0..1].to_ascii_uppercase());
    assert_eq!(
        cashaddr::decode(&mixed, cashaddr::DEFAULT_PREFIX).map(|d| d.version_byte()),
        Err(AddressError::MixedCase { chain: Chain::BitcoinCash })
    );
}

/// Size bits for a hash of `n` bytes (spec table).
fn size_bits(n: usize) -> u8 {
    [20, 24, 28, 32, 40, 48, 56, 64].iter().position(|&s| s == n).expect("defined size") as u8
}

macro_rules! cashaddr_larger {
    ($($name:ident: $size:literal, $kind:literal, $addr:literal, $hex:literal;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!($hex.len(), 2 * $size);
            cashaddr_codec($addr, $kind, size_bits($size), $hex);
        }
    )*};
}

cashaddr_larger! {
    cashaddr_larger_20_bytes_type0_bitcoincash: 20, 0, "bitcoincash:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg2", "F5BF48B397DAE70BE82B3CCA4793F8EB2B6CDAC9";
    cashaddr_larger_20_bytes_type1_bchtest: 20, 1, "bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t", "F5BF48B397DAE70BE82B3CCA4793F8EB2B6CDAC9";
    cashaddr_larger_20_bytes_type1_pref: 20, 1, "pref:pr6m7j9njldwwzlg9v7v53unlr4jkmx6ey65nvtks5", "F5BF48B397DAE70BE82B3CCA4793F8EB2B6CDAC9";
    cashaddr_larger_24_bytes_type0_bitcoincash: 24, 0, "bitcoincash:q9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2ws4mr9g0", "7ADBF6C17084BC86C1706827B41A56F5CA32865925E946EA";
    cashaddr_larger_24_bytes_type1_bchtest: 24, 1, "bchtest:p9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2u94tsynr", "7ADBF6C17084BC86C1706827B41A56F5CA32865925E946EA";
    cashaddr_larger_24_bytes_type1_pref: 24, 1, "pref:p9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2khlwwk5v", "7ADBF6C17084BC86C1706827B41A56F5CA32865925E946EA";
    cashaddr_larger_28_bytes_type0_bitcoincash: 28, 0, "bitcoincash:qgagf7w02x4wnz3mkwnchut2vxphjzccwxgjvvjmlsxqwkcw59jxxuz", "3A84F9CF51AAE98A3BB3A78BF16A6183790B18719126325BFC0C075B";
    cashaddr_larger_28_bytes_type1_bchtest: 28, 1, "bchtest:pgagf7w02x4wnz3mkwnchut2vxphjzccwxgjvvjmlsxqwkcvs7md7wt", "3A84F9CF51AAE98A3BB3A78BF16A6183790B18719126325BFC0C075B";
    cashaddr_larger_28_bytes_type1_pref: 28, 1, "pref:pgagf7w02x4wnz3mkwnchut2vxphjzccwxgjvvjmlsxqwkcrsr6gzkn", "3A84F9CF51AAE98A3BB3A78BF16A6183790B18719126325BFC0C075B";
    cashaddr_larger_32_bytes_type0_bitcoincash: 32, 0, "bitcoincash:qvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq5nlegake", "3173EF6623C6B48FFD1A3DCC0CC6489B0A07BB47A37F47CFEF4FE69DE825C060";
    cashaddr_larger_32_bytes_type1_bchtest: 32, 1, "bchtest:pvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq7fqng6m6", "3173EF6623C6B48FFD1A3DCC0CC6489B0A07BB47A37F47CFEF4FE69DE825C060";
    cashaddr_larger_32_bytes_type1_pref: 32, 1, "pref:pvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq4k9m7qf9", "3173EF6623C6B48FFD1A3DCC0CC6489B0A07BB47A37F47CFEF4FE69DE825C060";
    cashaddr_larger_40_bytes_type0_bitcoincash: 40, 0, "bitcoincash:qnq8zwpj8cq05n7pytfmskuk9r4gzzel8qtsvwz79zdskftrzxtar994cgutavfklv39gr3uvz", "C07138323E00FA4FC122D3B85B9628EA810B3F381706385E289B0B25631197D194B5C238BEB136FB";
    cashaddr_larger_40_bytes_type1_bchtest: 40, 1, "bchtest:pnq8zwpj8cq05n7pytfmskuk9r4gzzel8qtsvwz79zdskftrzxtar994cgutavfklvmgm6ynej", "C07138323E00FA4FC122D3B85B9628EA810B3F381706385E289B0B25631197D194B5C238BEB136FB";
    cashaddr_larger_40_bytes_type1_pref: 40, 1, "pref:pnq8zwpj8cq05n7pytfmskuk9r4gzzel8qtsvwz79zdskftrzxtar994cgutavfklv0vx5z0w3", "C07138323E00FA4FC122D3B85B9628EA810B3F381706385E289B0B25631197D194B5C238BEB136FB";
    cashaddr_larger_48_bytes_type0_bitcoincash: 48, 0, "bitcoincash:qh3krj5607v3qlqh5c3wq3lrw3wnuxw0sp8dv0zugrrt5a3kj6ucysfz8kxwv2k53krr7n933jfsunqex2w82sl", "E361CA9A7F99107C17A622E047E3745D3E19CF804ED63C5C40C6BA763696B98241223D8CE62AD48D863F4CB18C930E4C";
    cashaddr_larger_48_bytes_type1_bchtest: 48, 1, "bchtest:ph3krj5607v3qlqh5c3wq3lrw3wnuxw0sp8dv0zugrrt5a3kj6ucysfz8kxwv2k53krr7n933jfsunqnzf7mt6x", "E361CA9A7F99107C17A622E047E3745D3E19CF804ED63C5C40C6BA763696B98241223D8CE62AD48D863F4CB18C930E4C";
    cashaddr_larger_48_bytes_type1_pref: 48, 1, "pref:ph3krj5607v3qlqh5c3wq3lrw3wnuxw0sp8dv0zugrrt5a3kj6ucysfz8kxwv2k53krr7n933jfsunqjntdfcwg", "E361CA9A7F99107C17A622E047E3745D3E19CF804ED63C5C40C6BA763696B98241223D8CE62AD48D863F4CB18C930E4C";
    cashaddr_larger_56_bytes_type0_bitcoincash: 56, 0, "bitcoincash:qmvl5lzvdm6km38lgga64ek5jhdl7e3aqd9895wu04fvhlnare5937w4ywkq57juxsrhvw8ym5d8qx7sz7zz0zvcypqscw8jd03f", "D9FA7C4C6EF56DC4FF423BAAE6D495DBFF663D034A72D1DC7D52CBFE7D1E6858F9D523AC0A7A5C34077638E4DD1A701BD017842789982041";
    cashaddr_larger_56_bytes_type1_bchtest: 56, 1, "bchtest:pmvl5lzvdm6km38lgga64ek5jhdl7e3aqd9895wu04fvhlnare5937w4ywkq57juxsrhvw8ym5d8qx7sz7zz0zvcypqs6kgdsg2g", "D9FA7C4C6EF56DC4FF423BAAE6D495DBFF663D034A72D1DC7D52CBFE7D1E6858F9D523AC0A7A5C34077638E4DD1A701BD017842789982041";
    cashaddr_larger_56_bytes_type1_pref: 56, 1, "pref:pmvl5lzvdm6km38lgga64ek5jhdl7e3aqd9895wu04fvhlnare5937w4ywkq57juxsrhvw8ym5d8qx7sz7zz0zvcypqsammyqffl", "D9FA7C4C6EF56DC4FF423BAAE6D495DBFF663D034A72D1DC7D52CBFE7D1E6858F9D523AC0A7A5C34077638E4DD1A701BD017842789982041";
    cashaddr_larger_64_bytes_type0_bitcoincash: 64, 0, "bitcoincash:qlg0x333p4238k0qrc5ej7rzfw5g8e4a4r6vvzyrcy8j3s5k0en7calvclhw46hudk5flttj6ydvjc0pv3nchp52amk97tqa5zygg96mtky5sv5w", "D0F346310D5513D9E01E299978624BA883E6BDA8F4C60883C10F28C2967E67EC77ECC7EEEAEAFC6DA89FAD72D11AC961E164678B868AEEEC5F2C1DA08884175B";
    cashaddr_larger_64_bytes_type1_bchtest: 64, 1, "bchtest:plg0x333p4238k0qrc5ej7rzfw5g8e4a4r6vvzyrcy8j3s5k0en7calvclhw46hudk5flttj6ydvjc0pv3nchp52amk97tqa5zygg96mc773cwez", "D0F346310D5513D9E01E299978624BA883E6BDA8F4C60883C10F28C2967E67EC77ECC7EEEAEAFC6DA89FAD72D11AC961E164678B868AEEEC5F2C1DA08884175B";
    cashaddr_larger_64_bytes_type1_pref: 64, 1, "pref:plg0x333p4238k0qrc5ej7rzfw5g8e4a4r6vvzyrcy8j3s5k0en7calvclhw46hudk5flttj6ydvjc0pv3nchp52amk97tqa5zygg96mg7pj3lh8", "D0F346310D5513D9E01E299978624BA883E6BDA8F4C60883C10F28C2967E67EC77ECC7EEEAEAFC6DA89FAD72D11AC961E164678B868AEEEC5F2C1DA08884175B";
}

macro_rules! cashaddr_undefined {
    ($($name:ident: $size:literal, $bits:literal, $addr:literal, $hex:literal;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!($hex.len(), 2 * $size);
            cashaddr_codec($addr, 15, $bits, $hex);
        }
    )*};
}

cashaddr_undefined! {
    cashaddr_undefined_type15_size0_0_bytes: 0, 0, "prefix:0qxsg0rgpa", "";
    cashaddr_undefined_type15_size7_0_bytes: 0, 7, "prefix:0uwa85v9fp", "";
    cashaddr_undefined_type15_size0_32_bytes: 32, 0, "prefix:0zeuqqwwk0xjclsv4lzljpye09m74gv4darmzluu6g4yxxk5eja92nup8dp7p", "B3C001CEB3CD2C7E0CAFC5F904997977EAA1956F47B17F9CD22A431AD4CCBA55";
    cashaddr_undefined_type15_size7_32_bytes: 32, 7, "prefix:07euqqwwk0xjclsv4lzljpye09m74gv4darmzluu6g4yxxk5eja922n8zkmjh", "B3C001CEB3CD2C7E0CAFC5F904997977EAA1956F47B17F9CD22A431AD4CCBA55";
    cashaddr_undefined_type15_size0_64_bytes: 64, 0, "prefix:0p9l93rdpjunztm99mne67xhtejj5a2eanlj83mg0a7njunwf0ka0raa6ct6f6w42aw23a067gmaa45xwxc5q85tz8p3rhderusc62vp4atp3rk5", "4BF2C46D0CB9312F652EE79D78D75E652A7559ECFF23C7687F7D39726E4BEDD78FBDD617A4E9D5575CA8F5FAF237DED68671B1401E8B11C311DDB91F218D2981";
    cashaddr_undefined_type15_size7_64_bytes: 64, 7, "prefix:0a9l93rdpjunztm99mne67xhtejj5a2eanlj83mg0a7njunwf0ka0raa6ct6f6w42aw23a067gmaa45xwxc5q85tz8p3rhderusc62vpf9plewfm", "4BF2C46D0CB9312F652EE79D78D75E652A7559ECFF23C7687F7D39726E4BEDD78FBDD617A4E9D5575CA8F5FAF237DED68671B1401E8B11C311DDB91F218D2981";
    cashaddr_undefined_type15_size0_96_bytes: 96, 0, "prefix:0z06ttpztfp6ume9d83ppl004mz2mlz6sqp9pmhhds5n248h9fls8t93h4xppaf2kyp29x5fnftldan0m40yw2udjk4ytu0kxjq8t9zanwh5mchjpvzae45m70xc9kw6pfj55376jvj4h6dmt257lvaar5gs3y97wet6", "9FA5AC225A43AE6F2569E210FDEFAEC4ADFC5A800250EEF76C293554F72A7F03ACB1BD4C10F52AB102A29A899A57F6F66FDD5E472B8D95AA45F1F6348075945D9BAF4DE2F20B05DCD69BF3CD82D9DA0A654A47DA93255BE9BB5AA9EFB3BD1D11";
    cashaddr_undefined_type15_size7_96_bytes: 96, 7, "prefix:0706ttpztfp6ume9d83ppl004mz2mlz6sqp9pmhhds5n248h9fls8t93h4xppaf2kyp29x5fnftldan0m40yw2udjk4ytu0kxjq8t9zanwh5mchjpvzae45m70xc9kw6pfj55376jvj4h6dmt257lvaar5gsq7lehjd3", "9FA5AC225A43AE6F2569E210FDEFAEC4ADFC5A800250EEF76C293554F72A7F03ACB1BD4C10F52AB102A29A899A57F6F66FDD5E472B8D95AA45F1F6348075945D9BAF4DE2F20B05DCD69BF3CD82D9DA0A654A47DA93255BE9BB5AA9EFB3BD1D11";
    cashaddr_undefined_type15_size0_128_bytes: 128, 0, "prefix:0p3hj0ygup9txk5nd4dvkr6me839cr44wy5kzpcsgarrqlks4dsysaeup5zvf90e7jfhr8uux7ztcruws04rsvjzvg73x9t5gwyl9sc2htyl8qdzz96mutcjuufmnh54dvh2nfr3kcysn0u65qz75cf9ecqcvk65r9fnj65fy93yem57575lht3gykrp52zx565cmzd5xh4vvfsr769jn3q", "63793C88E04AB35A936D5ACB0F5BC9E25C0EB571296107104746307ED0AB6048773C0D04C495F9F493719F9C3784BC0F8E83EA383242623D1315744389F2C30ABAC9F381A21175BE2F12E713B9DE956B2EA9A471B60909BF9AA005EA6125CE01865B541953396A8921624CEE9EA7A9FBAE2825861A2846A6A98D89B435EAC626";
    cashaddr_undefined_type15_size7_128_bytes: 128, 7, "prefix:0a3hj0ygup9txk5nd4dvkr6me839cr44wy5kzpcsgarrqlks4dsysaeup5zvf90e7jfhr8uux7ztcruws04rsvjzvg73x9t5gwyl9sc2htyl8qdzz96mutcjuufmnh54dvh2nfr3kcysn0u65qz75cf9ecqcvk65r9fnj65fy93yem57575lht3gykrp52zx565cmzd5xh4vvfsxqnxxshr", "63793C88E04AB35A936D5ACB0F5BC9E25C0EB571296107104746307ED0AB6048773C0D04C495F9F493719F9C3784BC0F8E83EA383242623D1315744389F2C30ABAC9F381A21175BE2F12E713B9DE956B2EA9A471B60909BF9AA005EA6125CE01865B541953396A8921624CEE9EA7A9FBAE2825861A2846A6A98D89B435EAC626";
    cashaddr_undefined_type15_size0_160_bytes: 160, 0, "prefix:0p4xy8n9zp62vs767wwwwvu2lumcpfa5a9m5mp7xpevqtzn0vvvw5z6cvyha28dffua2zaj0ekp8l4wp9va3f5j5hn2j5kt803e9srxrkeg0qy9w6p6nfgxh5t76gdlxltsjln69r5ptwd4e894m24k4wp7s6juu9uslym9yltz8cans2zlasq0umkkykcz97v0wdm8f95ffsf6szzf6xxtpju7fnchjjtzfy7dztvpx8xxvy499pfxs2q2ptrrr0gh2p2l0t4", "6A621E651074A643DAF39CE7338AFF3780A7B4E9774D87C60E58058A6F6318EA0B58612FD51DA94F3AA1764FCD827FD5C12B3B14D254BCD52A59677C72580CC3B650F010AED07534A0D7A2FDA437E6FAE12FCF451D02B736B9396BB556D5707D0D4B9C2F21F26CA4FAC47C767050BFD801FCDDAC4B6045F31EE6ECE92D129827501093A31961973C99E2F292C49279A25B026398CC254A50A4D05014158C637A";
    cashaddr_undefined_type15_size7_160_bytes: 160, 7, "prefix:0a4xy8n9zp62vs767wwwwvu2lumcpfa5a9m5mp7xpevqtzn0vvvw5z6cvyha28dffua2zaj0ekp8l4wp9va3f5j5hn2j5kt803e9srxrkeg0qy9w6p6nfgxh5t76gdlxltsjln69r5ptwd4e894m24k4wp7s6juu9uslym9yltz8cans2zlasq0umkkykcz97v0wdm8f95ffsf6szzf6xxtpju7fnchjjtzfy7dztvpx8xxvy499pfxs2q2ptrrr0gdwzg26z3", "6A621E651074A643DAF39CE7338AFF3780A7B4E9774D87C60E58058A6F6318EA0B58612FD51DA94F3AA1764FCD827FD5C12B3B14D254BCD52A59677C72580CC3B650F010AED07534A0D7A2FDA437E6FAE12FCF451D02B736B9396BB556D5707D0D4B9C2F21F26CA4FAC47C767050BFD801FCDDAC4B6045F31EE6ECE92D129827501093A31961973C99E2F292C49279A25B026398CC254A50A4D05014158C637A";
    cashaddr_undefined_type15_size0_192_bytes: 192, 0, "prefix:0p904fe2mf7rdc26x5w7anqaagkgza8dewrzkhhgmpxapl3e3eaymg93me09a9xa5a66nvyentphtdclutq2nlk0dmewun0uq6y0wu8ru2e0d6x8d86mfg5z6j5e42vp33027q0eqn30fs0vwtvwn2rqhm57rcmnjfycw6fn6r535vcqs772qg3dzet79lq0335xh22ddt3dl5zh9gd6gzfqx42sgly7nsvcl75lv6uelt8hzgh72gc7p4qjqks7ukz68af0jkp5lzsukmy3tqt4y0x9w6pfd3dc2vcy80wjpras3gszvkahludu7", "4AFAA72ADA7C36E15A351DEECC1DEA2C8174EDCB862B5EE8D84DD0FE398E7A4DA0B1DE5E5E94DDA775A9B0999AC375B71FE2C0A9FECF6EF2EE4DFC0688F770E3E2B2F6E8C769F5B4A282D4A99AA9818C5EAF01F904E2F4C1EC72D8E9A860BEE9E1E3739249876933D0E91A330087BCA0222D1657E2FC0F8C686BA94D6AE2DFD0572A1BA409203555047C9E9C198FFA9F66B99FACF7122FE5231E0D41205A1EE585A3F52F95834F8A1CB6C915817523CC5768296C5B8533043BDD208FB08A2026";
    cashaddr_undefined_type15_size7_192_bytes: 192, 7, "prefix:0a904fe2mf7rdc26x5w7anqaagkgza8dewrzkhhgmpxapl3e3eaymg93me09a9xa5a66nvyentphtdclutq2nlk0dmewun0uq6y0wu8ru2e0d6x8d86mfg5z6j5e42vp33027q0eqn30fs0vwtvwn2rqhm57rcmnjfycw6fn6r535vcqs772qg3dzet79lq0335xh22ddt3dl5zh9gd6gzfqx42sgly7nsvcl75lv6uelt8hzgh72gc7p4qjqks7ukz68af0jkp5lzsukmy3tqt4y0x9w6pfd3dc2vcy80wjpras3gszv3d6nzg9c", "4AFAA72ADA7C36E15A351DEECC1DEA2C8174EDCB862B5EE8D84DD0FE398E7A4DA0B1DE5E5E94DDA775A9B0999AC375B71FE2C0A9FECF6EF2EE4DFC0688F770E3E2B2F6E8C769F5B4A282D4A99AA9818C5EAF01F904E2F4C1EC72D8E9A860BEE9E1E3739249876933D0E91A330087BCA0222D1657E2FC0F8C686BA94D6AE2DFD0572A1BA409203555047C9E9C198FFA9F66B99FACF7122FE5231E0D41205A1EE585A3F52F95834F8A1CB6C915817523CC5768296C5B8533043BDD208FB08A2026";
    cashaddr_undefined_type15_size0_224_bytes: 224, 0, "prefix:0rgc7srrr5hswp4y250drsxyvxm2ru6yteyxjkg938e8gxwaqxktrr5pup390udy69g82c608n53ly4rs9cvmyaewt77xl320ygurqdc02qmq9nlgvceq7ppde035478szfs446yj4m9x3rf57nzuv0qs0cgvnkudnhylenpe3r0p0ffq0u9cr77usf7d6uh0zlx2ycaw4l2a90l5h9n8ggwpnvrxj23j8elygs0gzf70gw2verzjrpr0h438rlqsccqd6kcfq5m6h5tmw9qdup2fsg3m29tfvp2528qy5ryg4msekfn7jefwcvghqj652jl69j3u3jtk6ne4wwae8209yyjvgnudaar83agjv8k8m8g", "D18F40631D2F0706A4551ED1C0C461B6A1F3445E4869590589F27419DD01ACB18E81E06257F1A4D15075634F3CE91F92A38170CD93B972FDE37E2A7911C181B87A81B0167F43319078216E5F1A57C780930AD7449576534469A7A62E31E083F0864EDC6CEE4FE661CC46F0BD2903F85C0FDEE413E6EB9778BE65131D757EAE95FFA5CB33A10E0CD833495191F3F2220F4093E7A1CA6646290C237DEB138FE0863006EAD84829BD5E8BDB8A06F02A4C111DA8AB4B02AA28E02506445770CD933F4B2976188B825AA2A5FD1651E464BB6A79AB9DDC9D4F290926227C6F7A33C7A8";
    cashaddr_undefined_type15_size7_224_bytes: 224, 7, "prefix:0lgc7srrr5hswp4y250drsxyvxm2ru6yteyxjkg938e8gxwaqxktrr5pup390udy69g82c608n53ly4rs9cvmyaewt77xl320ygurqdc02qmq9nlgvceq7ppde035478szfs446yj4m9x3rf57nzuv0qs0cgvnkudnhylenpe3r0p0ffq0u9cr77usf7d6uh0zlx2ycaw4l2a90l5h9n8ggwpnvrxj23j8elygs0gzf70gw2verzjrpr0h438rlqsccqd6kcfq5m6h5tmw9qdup2fsg3m29tfvp2528qy5ryg4msekfn7jefwcvghqj652jl69j3u3jtk6ne4wwae8209yyjvgnudaar83ag3w3lql4v", "D18F40631D2F0706A4551ED1C0C461B6A1F3445E4869590589F27419DD01ACB18E81E06257F1A4D15075634F3CE91F92A38170CD93B972FDE37E2A7911C181B87A81B0167F43319078216E5F1A57C780930AD7449576534469A7A62E31E083F0864EDC6CEE4FE661CC46F0BD2903F85C0FDEE413E6EB9778BE65131D757EAE95FFA5CB33A10E0CD833495191F3F2220F4093E7A1CA6646290C237DEB138FE0863006EAD84829BD5E8BDB8A06F02A4C111DA8AB4B02AA28E02506445770CD933F4B2976188B825AA2A5FD1651E464BB6A79AB9DDC9D4F290926227C6F7A33C7A8";
}

// The 20- and 32-byte P2PKH/P2SH rows are also real Bitcoin Cash addresses:
// they parse, and the testnet ones map to the testnet legacy versions.

#[test]
fn cashaddr_larger_20_bytes_parse_to_legacy_keys() {
    let hash = from_hex("F5BF48B397DAE70BE82B3CCA4793F8EB2B6CDAC9");
    let main = ok("bitcoincash:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg2");
    assert_eq!(main.key, Key::new(0x02, &[&[0x00], &hash]));
    let test = ok("bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t");
    assert_eq!(test.key, Key::new(0x02, &[&[0xc4], &hash]));
    assert_eq!(test.normalized(), "bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t");
}

#[test]
fn cashaddr_larger_32_bytes_p2sh32_parses_and_p2pkh32_does_not() {
    let hash = from_hex("3173EF6623C6B48FFD1A3DCC0CC6489B0A07BB47A37F47CFEF4FE69DE825C060");
    let p2sh32 = ok("bchtest:pvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq7fqng6m6");
    assert_eq!(p2sh32.key, Key::new(0x02, &[&[0xc4], &hash]));
    assert_eq!(p2sh32.normalized(), "bchtest:pvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq7fqng6m6");
    assert_eq!(
        err("bitcoincash:qvch8mmxy0rtfrlarg7ucrxxfzds5pamg73h7370aa87d80gyhqxq5nlegake"),
        AddressError::Format { chain: Chain::BitcoinCash, detail: "unsupported hash size" }
    );
}

#[test]
fn cashaddr_pref_prefix_is_not_bitcoin_cash() {
    // A valid CashAddr for some other network: the codec reads it, parse()
    // does not take it for Bitcoin Cash.
    assert!(parse("pref:pr6m7j9njldwwzlg9v7v53unlr4jkmx6ey65nvtks5").is_err());
}
