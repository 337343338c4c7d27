//! Parse-then-print round trips for every family, input cleaning and payment
//! URIs, every error variant, and hostile input.

use addrcheck_core::address::{cashaddr, clean, parse, Address, AddressError, Chain, Key};

fn ok(s: &str) -> Address {
    parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

fn err(s: &str) -> AddressError {
    match parse(s) {
        Ok(a) => panic!("{s:?} should not parse, got {a:?}"),
        Err(e) => e,
    }
}

/// `input` parses to `chain`; its normalized text parses back to the same
/// address and is a fixed point.
fn round_trip(input: &str, chain: Chain) -> Address {
    let a = ok(input);
    assert_eq!(a.chain, chain, "{input}");
    let text = a.normalized();
    let b = parse(&text).unwrap_or_else(|e| panic!("{input} → {text:?}: {e}"));
    assert_eq!(b, a, "{input} → {text}");
    assert_eq!(b.normalized(), text, "normalized text is a fixed point");
    a
}

fn base58check(payload: &[u8]) -> String {
    bs58::encode(payload).with_check().into_string()
}

const HASH: [u8; 20] = [
    0x75, 0x1e, 0x76, 0xe8, 0x19, 0x91, 0x96, 0xd4, 0x54, 0x94, 0x1c, 0x45, 0xd1, 0xb3, 0xa3, 0x23, 0xf1, 0x43, 0x3b,
    0xd6,
];

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn round_trip_evm_all_forms() {
    let a = round_trip("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Chain::Evm);
    for form in [
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
        "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    ] {
        assert_eq!(round_trip(form, Chain::Evm).key, a.key, "{form}");
    }
    assert_eq!(a.normalized(), "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
}

#[test]
fn round_trip_bitcoin_legacy_and_testnet() {
    round_trip("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu", Chain::Bitcoin);
    round_trip("3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC", Chain::Bitcoin);
    // The genesis coinbase address.
    let genesis = round_trip("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Chain::Bitcoin);
    assert_eq!(hex::encode(genesis.key.payload()), "0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");
    round_trip(&base58check(&[&[0x6f][..], &HASH].concat()), Chain::Bitcoin);
    round_trip(&base58check(&[&[0xc4][..], &HASH].concat()), Chain::Bitcoin);
}

#[test]
fn round_trip_segwit_bitcoin_and_litecoin() {
    round_trip("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Chain::BitcoinSegwit);
    round_trip("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Chain::BitcoinSegwit);
    let regtest = bech32::segwit::encode_v0(bech32::hrp::BCRT, &HASH).expect("encode");
    round_trip(&regtest, Chain::BitcoinSegwit);
    for hrp in ["ltc", "tltc", "rltc"] {
        let h = bech32::Hrp::parse(hrp).expect("hrp");
        let v0 = bech32::segwit::encode_v0(h, &HASH).expect("encode");
        let a = round_trip(&v0, Chain::LitecoinSegwit);
        assert_eq!(a.key, Key::new(0x03, &[hrp.as_bytes(), &[0, 0], &HASH]));
        round_trip(&v0.to_ascii_uppercase(), Chain::LitecoinSegwit);
        let v1 = bech32::segwit::encode_v1(h, &[7u8; 32]).expect("encode");
        round_trip(&v1, Chain::LitecoinSegwit);
    }
    // Same program, different network: different keys.
    assert_ne!(ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").key, ok(&regtest).key);
}

#[test]
fn round_trip_base58_altcoins() {
    round_trip("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", Chain::Litecoin);
    round_trip(&base58check(&[&[0x32][..], &HASH].concat()), Chain::Litecoin);
    round_trip("DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z", Chain::Dogecoin);
    round_trip(&base58check(&[&[0x16][..], &HASH].concat()), Chain::Dogecoin);
    round_trip("XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2", Chain::Dash);
    round_trip(&base58check(&[&[0x10][..], &HASH].concat()), Chain::Dash);
    round_trip("GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", Chain::BitcoinGold);
    round_trip(&base58check(&[&[0x17][..], &HASH].concat()), Chain::BitcoinGold);
}

#[test]
fn round_trip_zcash_transparent_and_shielded() {
    round_trip("t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", Chain::Zcash);
    let t3 = base58check(&[&[0x1c, 0xbd][..], &HASH].concat());
    assert!(t3.starts_with("t3"), "{t3}");
    round_trip(&t3, Chain::Zcash);
    let payload: Vec<u8> = (0u8..43).collect();
    let zs = bech32::encode_lower::<bech32::Bech32>(bech32::Hrp::parse("zs").expect("hrp"), &payload).expect("encode");
    assert_eq!(zs.len(), 78);
    let a = round_trip(&zs, Chain::ZcashShielded);
    assert_eq!(a.key, Key::new(0x08, &[&payload]));
    round_trip(&zs.to_ascii_uppercase(), Chain::ZcashShielded);
}

#[test]
fn round_trip_tron_base58_and_hex() {
    // The USDT (TRC-20) contract, whose hex form is well known.
    let a = round_trip("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", Chain::Tron);
    assert_eq!(hex::encode(a.key.payload()), "41a614f803b6fd780986a42c78ec9c7f77e6ded13c");
    for form in [
        "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
        "0x41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
        "41A614F803B6FD780986A42C78EC9C7F77E6DED13C",
    ] {
        let h = round_trip(form, Chain::Tron);
        assert_eq!(h.key, a.key);
        assert_eq!(h.normalized(), "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }
}

fn monero_address(network: u8, extra: &[u8]) -> String {
    let mut raw = vec![network];
    raw.extend((0u8..64).map(|i| i.wrapping_mul(37)));
    raw.extend_from_slice(extra);
    base58_monero::encode_check(&raw).expect("encode")
}

#[test]
fn round_trip_monero_standard_subaddress_integrated() {
    round_trip(
        "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
        Chain::Monero,
    );
    round_trip(
        "84AwzjeFWXNEuhj8LWinXo93AqYr6wS8ZcnaBCoGhrL7EtvBMBovdhiUSV9xLhjrPA8t64hYSaMc8bHtWXoV9129EHUjU62",
        Chain::Monero,
    );
    // Integrated (network byte 19, + 8-byte payment ID) → its standard address.
    let standard = monero_address(18, &[]);
    let integrated = monero_address(19, &[1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!((standard.len(), integrated.len()), (95, 106));
    let s = round_trip(&standard, Chain::Monero);
    let i = ok(&integrated);
    assert_eq!(i.key, s.key);
    assert_eq!(i.normalized(), standard);
    // Testnet and stagenet.
    for (std, sub, int) in [(53u8, 63u8, 54u8), (24, 36, 25)] {
        let st = round_trip(&monero_address(std, &[]), Chain::Monero);
        round_trip(&monero_address(sub, &[]), Chain::Monero);
        assert_eq!(ok(&monero_address(int, &[9; 8])).key, st.key);
        assert_ne!(st.key, s.key);
    }
}

#[test]
fn round_trip_xrp() {
    // The genesis account of the XRP Ledger.
    let a = round_trip("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", Chain::Xrp);
    assert_eq!(hex::encode_upper(a.key.payload()), "B5F762798A53D543A014CAF8B297CFF8F2F937E8");
    round_trip("rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66", Chain::Xrp);
}

#[test]
fn round_trip_solana() {
    let system = round_trip("11111111111111111111111111111111", Chain::Solana);
    assert_eq!(system.key.payload(), &[0u8; 32]);
    round_trip("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", Chain::Solana);
    round_trip("So11111111111111111111111111111111111111112", Chain::Solana);
    for seed in 0u8..=255 {
        let key: Vec<u8> = (0u8..32).map(|i| i.wrapping_mul(seed).wrapping_add(seed)).collect();
        let s = bs58::encode(&key).into_string();
        // Keys that happen to start like a prefixed format still come out as Solana.
        assert_eq!(round_trip(&s, Chain::Solana).key.payload(), &key[..], "{s}");
    }
}

#[test]
fn solana_key_that_looks_like_a_prefixed_format_is_solana() {
    // 43 Base58 characters starting `bc1`/`tb1`/`zs1`/`bcrt1` decode to 32 bytes:
    // valid Solana keys, though they begin like segwit or Sapling addresses.
    const B58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let mut rng = Rng(99);
    for prefix in ["bc1", "tb1", "zs1", "bcrt1"] {
        for _ in 0..20 {
            let tail: String = (prefix.len()..43).map(|_| char::from(B58[rng.below(B58.len())])).collect();
            let s = format!("{prefix}{tail}");
            let key = bs58::decode(&s).into_vec().expect("base58");
            assert_eq!(key.len(), 32, "{s}");
            assert_eq!(round_trip(&s, Chain::Solana).key.payload(), &key[..], "{s}");
        }
    }
}

#[test]
fn round_trip_bitcoin_cash_all_forms() {
    let cash = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
    let a = round_trip(cash, Chain::BitcoinCash);
    assert_eq!(a.normalized(), cash);
    for form in [
        "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
        "QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A",
        "BITCOINCASH:QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A",
    ] {
        assert_eq!(round_trip(form, Chain::BitcoinCash).key, a.key, "{form}");
    }
    assert_eq!(ok("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu").key, a.key);
    // CashTokens-aware forms (types 2 and 3) of the same hashes.
    let hash = &a.key.payload()[1..];
    let token_p2pkh = cashaddr::encode("bitcoincash", 0x10, hash).expect("encode");
    assert!(token_p2pkh.starts_with("bitcoincash:z"), "{token_p2pkh}");
    assert_eq!(round_trip(&token_p2pkh, Chain::BitcoinCash).key, a.key);
    let p2sh = ok("bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq");
    let token_p2sh = cashaddr::encode("bitcoincash", 0x18, hash).expect("encode");
    assert!(token_p2sh.starts_with("bitcoincash:r"), "{token_p2sh}");
    assert_eq!(ok(&token_p2sh).key, p2sh.key);
    assert_eq!(ok(&token_p2sh["bitcoincash:".len()..]).key, p2sh.key, "bare `r…` is CashAddr, not XRP");
    // P2SH32.
    let p2sh32 = cashaddr::encode("bitcoincash", 0x0b, &[0xab; 32]).expect("encode");
    assert_eq!(round_trip(&p2sh32, Chain::BitcoinCash).key, Key::new(0x02, &[&[0x05], &[0xab; 32]]));
    assert_eq!(round_trip(&p2sh32["bitcoincash:".len()..], Chain::BitcoinCash).key.payload().len(), 33);
}

#[test]
fn hand_built_keys_print_without_panicking() {
    let odd = [
        Address { chain: Chain::Evm, key: Key::new(0x01, &[&[1, 2, 3]]) },
        Address { chain: Chain::Bitcoin, key: Key::new(0x02, &[&[0x99; 40]]) },
        Address { chain: Chain::BitcoinCash, key: Key::new(0x02, &[&[0x30], &[1; 20]]) },
        Address { chain: Chain::BitcoinSegwit, key: Key::new(0x03, &[b"bc", &[0, 0], &[1; 3]]) },
        Address { chain: Chain::Monero, key: Key::new(0x05, &[&[99; 65]]) },
        Address { chain: Chain::Xrp, key: Key::new(0x06, &[]) },
        Address { chain: Chain::Solana, key: Key::exact("whatever") },
    ];
    for a in odd {
        assert!(a.normalized().starts_with("key:"), "{a:?}");
    }
}

// ---------------------------------------------------------------------------
// Cleaning and payment URIs
// ---------------------------------------------------------------------------

const EVM: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const BTC: &str = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu";

/// `clean` returns a sub-slice of its input.
fn cleaned(input: &str) -> &str {
    let out = clean(input);
    let (start, end) = (input.as_ptr() as usize, input.as_ptr() as usize + input.len());
    assert!(out.is_empty() || (out.as_ptr() as usize >= start && out.as_ptr() as usize + out.len() <= end));
    out
}

#[test]
fn clean_strips_whitespace_and_invisible_characters_at_the_ends() {
    for wrapped in [
        format!("  {EVM}\n"),
        format!("\t{EVM}\r\n"),
        format!("\u{200B}{EVM}\u{200B}"),
        format!("\u{FEFF}{EVM}"),
        format!("\u{00A0}{EVM}\u{202F}"),
        format!(" \u{200C}\u{200D} {EVM} \u{2060}\u{FEFF} "),
        format!("\u{2066}{EVM}\u{2069}"),
        format!("\u{200E}{EVM}\u{00AD}"),
        format!("\u{3000}{EVM}\u{0000}"),
    ] {
        assert_eq!(cleaned(&wrapped), EVM, "{wrapped:?}");
        assert_eq!(ok(&wrapped).key, ok(EVM).key);
    }
}

#[test]
fn clean_leaves_invisible_characters_inside_and_parse_names_them() {
    let inside = "0x5aAeb6053F3E94C9b9A0\u{200B}9f33669435E7Ef1BeAed".to_string();
    assert_eq!(cleaned(&inside), inside);
    assert_eq!(err(&inside), AddressError::Character { chain: Chain::Evm, ch: '\u{200B}', pos: 22 });
}

#[test]
fn clean_unwraps_bip21_uris() {
    assert_eq!(cleaned(&format!("bitcoin:{BTC}")), BTC);
    assert_eq!(cleaned(&format!("bitcoin:{BTC}?amount=0.1&label=Caf%C3%A9")), BTC);
    assert_eq!(cleaned(&format!("BITCOIN:{BTC}?amount=1")), BTC);
    assert_eq!(cleaned(&format!("Bitcoin://{BTC}")), BTC);
    assert_eq!(cleaned(&format!("  bitcoin:{BTC}?amount=1  ")), BTC);
    assert_eq!(
        cleaned("bitcoin:BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4?amount=1"),
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"
    );
    assert_eq!(ok(&format!("bitcoin:{BTC}?amount=0.1")).key, ok(BTC).key);
}

#[test]
fn clean_unwraps_eip681_uris() {
    for uri in [
        format!("ethereum:{EVM}"),
        format!("ethereum:{EVM}@1"),
        format!("ethereum:pay-{EVM}@137?value=2.014e18"),
        format!("ETHEREUM:PAY-{EVM}"),
        format!("ethereum:{EVM}?value=1e18"),
        format!("ethereum:{EVM}/approve"),
    ] {
        assert_eq!(cleaned(&uri), EVM, "{uri}");
    }
}

/// EIP-681's ERC-20 example: the payment goes to the `address` parameter,
/// so that is what gets checked, not the token contract.
#[test]
fn clean_takes_the_recipient_of_an_erc20_transfer_uri() {
    let recipient = "0x8e23ee67d1332ad560396262c48ffbb01f93d052";
    let token = "0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7";
    for uri in [
        format!("ethereum:{token}/transfer?address={recipient}&uint256=1"),
        format!("ethereum:{token}@1/transfer?uint256=1&address={recipient}"),
        format!("ethereum:pay-{token}@137/Transfer?address={recipient}#note"),
    ] {
        assert_eq!(cleaned(&uri), recipient, "{uri}");
    }
    // Other functions, or a transfer without a recipient, name the target.
    assert_eq!(cleaned(&format!("ethereum:{token}/approve?address={recipient}")), token);
    assert_eq!(cleaned(&format!("ethereum:{token}/transfer?uint256=1")), token);
}

#[test]
fn clean_unwraps_other_chains_uris() {
    let cases = [
        ("litecoin:LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb?amount=2", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb"),
        ("dogecoin:DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z?amount=100", "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z"),
        ("tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t?amount=5", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
        (
            "solana:TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA?amount=1&label=Shop&memo=OrderId12345",
            "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
        ),
        (
            "monero:49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL?tx_amount=0.5",
            "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
        ),
        ("zcash:t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL?amount=1&memo=abc", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL"),
        ("dash:XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2?amount=1", "XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2"),
        ("ripple:rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh?dt=4", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"),
    ];
    for (uri, addr) in cases {
        assert_eq!(cleaned(uri), addr, "{uri}");
        assert_eq!(ok(uri).key, ok(addr).key, "{uri}");
    }
}

#[test]
fn clean_handles_bitcoincash_as_uri_and_as_prefix() {
    let bare = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
    assert_eq!(cleaned(&format!("bitcoincash:{bare}?amount=0.1")), bare);
    assert_eq!(cleaned(&format!("BitcoinCash:{bare}")), bare);
    let key = ok(bare).key;
    for input in [format!("bitcoincash:{bare}"), format!("bitcoincash:{bare}?amount=0.1&message=hi"), bare.to_string()]
    {
        assert_eq!(ok(&input).key, key, "{input}");
        assert_eq!(ok(&input).chain, Chain::BitcoinCash);
    }
    // `bchtest:` keeps its prefix (the checksum covers it), losing the query.
    let test = "bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t";
    assert_eq!(cleaned(&format!("{test}?amount=1")), test);
    assert_eq!(ok(&format!("{test}?amount=1")).key, ok(test).key);
}

#[test]
fn clean_leaves_unknown_schemes_and_plain_text_alone() {
    for s in ["mailto:someone@example.org", "https://example.org/0x1", "no colon here", "prefix:x64nx6hz", ""] {
        assert_eq!(cleaned(s), s.trim());
    }
}

// ---------------------------------------------------------------------------
// Every error variant, with the precise reason
// ---------------------------------------------------------------------------

#[test]
fn error_empty() {
    for s in ["", "   ", "\u{200B}\u{FEFF}", "\n\t", "bitcoin:", "ethereum:pay-"] {
        assert_eq!(err(s), AddressError::Empty, "{s:?}");
    }
}

#[test]
fn error_unrecognized() {
    for s in [
        "hello world",
        "vitalik.eth",
        "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320",
        "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",
        "u1qqqq",
        "12345",
        // Valid Base58Check of another coin (Ravencoin version 0x3c).
        &base58check(&[&[0x3c][..], &HASH].concat()),
    ] {
        assert_eq!(err(s), AddressError::Unrecognized, "{s:?}");
        assert_eq!(err(s).chain(), None);
    }
}

#[test]
fn error_checksum_in_every_checksummed_family() {
    let cases = [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", Chain::Evm),
        ("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggv", Chain::Bitcoin),
        ("3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzD", Chain::Bitcoin),
        ("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfc", Chain::Litecoin),
        ("DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7a", Chain::Dogecoin),
        ("XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz3", Chain::Dash),
        ("GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpT", Chain::BitcoinGold),
        ("t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWM", Chain::Zcash),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", Chain::Tron),
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTj", Chain::Xrp),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", Chain::BitcoinSegwit),
        ("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c", Chain::BitcoinCash),
        ("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c", Chain::BitcoinCash),
        (
            "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsM",
            Chain::Monero,
        ),
    ];
    for (s, chain) in cases {
        let e = err(s);
        assert_eq!(e, AddressError::Checksum { chain }, "{s}");
        assert!(e.to_string().contains("checksum mismatch, likely a typo"), "{e}");
    }
    let payload: Vec<u8> = (0u8..43).collect();
    let mut zs = bech32::encode_lower::<bech32::Bech32>(bech32::Hrp::parse("zs").expect("hrp"), &payload).expect("zs");
    let last = zs.pop().expect("non-empty");
    zs.push(if last == 'q' { 'p' } else { 'q' });
    assert_eq!(err(&zs), AddressError::Checksum { chain: Chain::ZcashShielded });
}

#[test]
fn error_length() {
    assert_eq!(err("0x123"), AddressError::Length { chain: Chain::Evm, len: 5 });
    assert_eq!(err(&format!("{EVM}0")), AddressError::Length { chain: Chain::Evm, len: 43 });
    assert_eq!(
        err("0x41a614f803b6fd780986a42c78ec9c7f77e6ded13c00"),
        AddressError::Length { chain: Chain::Evm, len: 46 }
    );
    let v0_16 = "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P";
    assert_eq!(err(v0_16), AddressError::Length { chain: Chain::BitcoinSegwit, len: v0_16.len() });
    // A Solana-length Base58 string that does not decode to 32 bytes.
    assert_eq!(err(&"Y".repeat(44)), AddressError::Length { chain: Chain::Solana, len: 44 });
    assert_eq!(err(&"Y".repeat(40)), AddressError::Length { chain: Chain::Solana, len: 40 });
    // Base58Check shapes decoding to the wrong size.
    assert_eq!(err("1111111111111111111111111111"), AddressError::Length { chain: Chain::Bitcoin, len: 28 });
    assert_eq!(err("rrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"), AddressError::Length { chain: Chain::Xrp, len: 30 });
    // A Monero integrated network byte in a standard-length address.
    let short_integrated = monero_address(19, &[]);
    assert_eq!(err(&short_integrated), AddressError::Length { chain: Chain::Monero, len: 95 });
    let long_standard = monero_address(18, &[0; 8]);
    assert_eq!(err(&long_standard), AddressError::Length { chain: Chain::Monero, len: 106 });
    // A Sapling-looking string of the wrong payload size.
    let zs = bech32::encode_lower::<bech32::Bech32>(bech32::Hrp::parse("zs").expect("hrp"), &[1; 42]).expect("zs");
    assert_eq!(err(&zs), AddressError::Length { chain: Chain::ZcashShielded, len: zs.len() });
}

#[test]
fn error_character() {
    let cases: [(&str, Chain, char, usize); 7] = [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", Chain::Evm, 'g', 41),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAé", Chain::Evm, 'é', 40),
        ("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVgg0", Chain::Bitcoin, '0', 33),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjOt", Chain::Tron, 'O', 32),
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTl", Chain::Xrp, 'l', 33),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3tb", Chain::BitcoinSegwit, 'b', 41),
        ("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6i", Chain::BitcoinCash, 'i', 41),
    ];
    for (s, chain, ch, pos) in cases {
        assert_eq!(err(s), AddressError::Character { chain, ch, pos }, "{s}");
    }
    // A `1` inside the data part (bech32 splits at the last `1`).
    assert_eq!(
        err("bc1qw508d6qejxtdg4y5r1zarvary0c5xw7kv8f3t4"),
        AddressError::Character { chain: Chain::BitcoinSegwit, ch: '1', pos: 21 }
    );
    let xmr = "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNs0";
    assert_eq!(err(xmr), AddressError::Character { chain: Chain::Monero, ch: '0', pos: 94 });
    let zs = format!("zs1{}", "i".repeat(75));
    assert_eq!(err(&zs), AddressError::Character { chain: Chain::ZcashShielded, ch: 'i', pos: 3 });
}

#[test]
fn error_mixed_case() {
    assert_eq!(
        err("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7KV8F3T4"),
        AddressError::MixedCase { chain: Chain::BitcoinSegwit }
    );
    assert_eq!(
        err("qpm2qsznhks23z7629mms6s4cwef74vcwvY22GDX6A"),
        AddressError::MixedCase { chain: Chain::BitcoinCash }
    );
    assert_eq!(
        err("bchtest:PR6M7J9NJLDWWZLG9V7V53UNLR4JKMX6EYVWC0UZ5T"),
        AddressError::MixedCase { chain: Chain::BitcoinCash }
    );
    let zs = bech32::encode_lower::<bech32::Bech32>(bech32::Hrp::parse("zs").expect("hrp"), &[1; 43]).expect("zs");
    let mixed = format!("{}{}", &zs[..40], zs[40..].to_ascii_uppercase());
    assert_eq!(err(&mixed), AddressError::MixedCase { chain: Chain::ZcashShielded });
}

#[test]
fn error_format() {
    assert_eq!(
        err("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R"),
        AddressError::Format { chain: Chain::BitcoinSegwit, detail: "invalid witness version" }
    );
    // A CashAddr of an undefined type (15) with a valid checksum.
    let undefined = cashaddr::encode("bchtest", 0x78, &[1; 20]).expect("encode");
    assert_eq!(err(&undefined), AddressError::Format { chain: Chain::BitcoinCash, detail: "unknown address type" });
    // A Monero block that overflows its 8 bytes.
    let overflow = format!("4{}", "z".repeat(94));
    assert_eq!(err(&overflow).chain(), Some(Chain::Monero));
    assert!(matches!(err(&overflow), AddressError::Format { chain: Chain::Monero, .. }));
}

#[test]
fn error_display_names_the_chain_and_reason() {
    assert_eq!(err("").to_string(), "empty input");
    assert_eq!(err("0x123").to_string(), "EVM (Ethereum, BSC, Arbitrum, ...) address: wrong length (5)");
    assert!(err("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVgg0").to_string().contains("invalid character '0' at position 33"));
    // Look-alikes and invisible characters are named by code point too.
    assert!(err("1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggа")
        .to_string()
        .contains("invalid character 'а' (U+0430) at position 33"));
    assert!(err("1BpEi6DfDAUFd7Gtitt\u{200B}dBeYJvcoaVgg1").to_string().contains("'\u{200B}' (U+200B) at position 19"));
    assert!(err("1BpEi6DfDAUFd7Gtitt\u{A0}LSdBeYJvcoaVgg1")
        .to_string()
        .contains("invalid character U+00A0 at position 19"));
    let e: Box<dyn std::error::Error> = Box::new(err("hello"));
    assert!(e.source().is_none());
}

// ---------------------------------------------------------------------------
// Hostile input: never panic, bounded work
// ---------------------------------------------------------------------------

#[path = "../benches/mix.rs"]
mod mix;
use mix::Rng;

const PIECES: &[&str] = &[
    "0",
    "x",
    "0x",
    "41",
    "1",
    "3",
    "T",
    "r",
    "q",
    "p",
    "z",
    "bc1",
    "tb1",
    "ltc1",
    "zs1",
    "bitcoincash:",
    "bchtest:",
    "ethereum:",
    "pay-",
    "@",
    "/",
    "?",
    ":",
    "a",
    "Z",
    "l",
    "I",
    "O",
    "9",
    "\u{200B}",
    "\u{FEFF}",
    " ",
    "\u{00A0}",
    "é",
    "ß",
    "中",
    "🙂",
    "\u{0}",
    "\u{7f}",
    "\u{202E}",
    "ـ",
    "z",
    "4",
    "8",
];

#[test]
fn random_garbage_never_panics() {
    let mut rng = Rng(7);
    let valid = [
        EVM,
        BTC,
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
        "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
        "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL",
        "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
    ];
    for _ in 0..50_000 {
        let s = match rng.below(3) {
            // Random concatenations of meaningful pieces.
            0 => (0..rng.below(40)).map(|_| PIECES[rng.below(PIECES.len())]).collect::<String>(),
            // A valid address with random edits (keeps shapes close to real ones).
            1 => {
                let mut chars: Vec<char> = valid[rng.below(valid.len())].chars().collect();
                for _ in 0..1 + rng.below(3) {
                    let i = rng.below(chars.len() + 1);
                    match rng.below(3) {
                        0 if i < chars.len() => {
                            chars.remove(i);
                        }
                        1 => chars.insert(i, PIECES[rng.below(PIECES.len())].chars().next().unwrap_or('x')),
                        _ if i < chars.len() => chars[i] = char::from(b'0' + rng.below(75) as u8),
                        _ => {}
                    }
                }
                chars.into_iter().collect()
            }
            // Arbitrary Unicode scalar values.
            _ => (0..rng.below(150)).filter_map(|_| char::from_u32(rng.next() as u32 % 0x11_0000)).collect(),
        };
        if let Ok(a) = parse(&s) {
            // Whatever parses must print and re-parse to itself.
            assert_eq!(parse(a.normalized()).as_ref(), Ok(&a), "{s:?}");
        }
    }
}

#[test]
fn long_input_is_rejected_quickly() {
    let start = std::time::Instant::now();
    for s in [
        "1".repeat(10_000_000),
        "0x".to_string() + &"a".repeat(1_000_000),
        " ".repeat(5_000_000),
        "bitcoin:".to_string() + &"z".repeat(3_000_000),
        format!("{}{EVM}", "\u{200B}".repeat(100_000)),
        "q".repeat(200),
        "a".repeat(129),
    ] {
        assert!(parse(&s).is_err());
    }
    assert!(start.elapsed().as_secs() < 2, "took {:?}", start.elapsed());
    // Just under the limits still parses.
    assert_eq!(ok(&format!("{}{EVM}{}", " ".repeat(2000), " ".repeat(2000))).key, ok(EVM).key);
}

// ---------------------------------------------------------------------------
// Random valid addresses of every family are recognised as that family
// ---------------------------------------------------------------------------

/// A Base58 address may begin with letters that look like another format's
/// prefix (Tron `TB1…` reads like testnet segwit `tb1`, Litecoin `Ltc1…` like
/// `ltc1`, XRP `rLtc1…` like `rltc1`): every random valid address of each
/// version must still come back as its own family.
#[test]
fn random_valid_addresses_parse_to_their_family() {
    let mut rng = Rng(2026);
    let versions: [(&[u8], Chain); 7] = [
        (&[0x00], Chain::Bitcoin),
        (&[0x05], Chain::Bitcoin),
        (&[0x30], Chain::Litecoin),
        (&[0x32], Chain::Litecoin),
        (&[0x1e], Chain::Dogecoin),
        (&[0x41], Chain::Tron),
        (&[0x1c, 0xb8], Chain::Zcash),
    ];
    for _ in 0..20_000 {
        let mut hash = [0u8; 20];
        for b in &mut hash {
            *b = rng.next() as u8;
        }
        for (version, chain) in versions {
            let text = base58check(&[version, &hash].concat());
            assert_eq!(parse(&text).map(|a| a.chain), Ok(chain), "{text}");
        }
        let xrp =
            bs58::encode([&[0u8][..], &hash].concat()).with_alphabet(bs58::Alphabet::RIPPLE).with_check().into_string();
        assert_eq!(parse(&xrp).map(|a| a.chain), Ok(Chain::Xrp), "{xrp}");
        let mut key = [0u8; 32];
        for b in &mut key {
            *b = rng.next() as u8;
        }
        let sol = bs58::encode(key).into_string();
        assert_eq!(parse(&sol).map(|a| a.chain), Ok(Chain::Solana), "{sol}");
    }
}

#[test]
fn tron_address_starting_like_testnet_segwit_is_tron() {
    // "TB1…" matches the segwit prefix `tb1` case-insensitively.
    let a = ok("TB1sJq9yCvDXPru88NRdSWD9peQKe9E75E");
    assert_eq!(a.chain, Chain::Tron);
    assert_eq!(a.normalized(), "TB1sJq9yCvDXPru88NRdSWD9peQKe9E75E");
}

/// `0x` and 40 hex digits skip cleaning; padding forces the full path. Both
/// must answer alike.
#[test]
fn plain_evm_input_parses_as_the_full_path_does() {
    let mut rng = mix::Rng(40);
    let mut inputs = Vec::new();
    for _ in 0..3_000 {
        let canonical = mix::evm_checksummed(&mut rng);
        let mut flipped = canonical.clone().into_bytes();
        let i = 2 + rng.below(40);
        flipped[i] = if flipped[i].is_ascii_uppercase() { flipped[i] + 32 } else { flipped[i].to_ascii_uppercase() };
        let mut bad_char = canonical.clone().into_bytes();
        bad_char[2 + rng.below(40)] = [b'g', b'G', b'x', b' ', b'-'][rng.below(5)];
        inputs.extend([
            canonical.to_ascii_lowercase(),
            format!("0x{}", canonical[2..].to_ascii_uppercase()),
            canonical.clone(),
            String::from_utf8(flipped).unwrap(),
            String::from_utf8(bad_char).unwrap(),
            format!("0X{}", &canonical[2..]),
        ]);
    }
    for input in &inputs {
        // Positions count in the cleaned text: padding does not shift them.
        assert_eq!(parse(input), parse(format!(" {input}\t")), "{input}");
    }
    // Sanity: the mutations did produce every kind of answer.
    let answers: Vec<_> = inputs.iter().map(parse).collect();
    assert!(answers.iter().any(|a| matches!(a, Err(AddressError::Checksum { .. }))));
    assert!(answers.iter().any(|a| matches!(a, Err(AddressError::Character { .. }))));
    assert!(answers.iter().filter(|a| a.is_ok()).count() > 3 * 3_000);
}
