//! The Bloom filter of address keys: a standard Bloom filter probed with one
//! keyed 128-bit hash per key.
//!
//! # Sizing
//!
//! For `n` keys and a target false-positive rate `p`, the optimum:
//!
//! ```text
//! m = ceil(-n · ln p / (ln 2)²)    bits      (≈ 1.44 · log2(1/p) per key: 43.13 at p = 1e-9)
//! k = round(m / n · ln 2)          hashes    (clamped to 1 ..= MAX_HASHES; 30 at p = 1e-9)
//! ```
//!
//! giving an expected false-positive rate of `(1 - e^(-k·n/m))^k ≈ p`.
//!
//! # Probing
//!
//! A key's bytes are hashed once, with SipHash-1-3 in its 128-bit variant keyed
//! with the filter's 16-byte seed; the two 64-bit halves give the `k` probes
//! by double hashing (Kirsch and Mitzenmacher, "Less hashing, same
//! performance", 2006), each mapped onto `0 .. m` by a multiply-shift instead
//! of a division (Lemire, "Fast random integer generation in an interval", 2019):
//!
//! ```text
//! (h1, h2) = SipHash-1-3-128(seed, key bytes)   h1 the low 64 bits, h2 the high
//! h2'      = h2 | 1                             odd, so never 0: the g_i all differ
//! g_i      = h1 + i · h2'  (mod 2^64)           i = 0 .. k-1
//! bit_i    = floor(g_i · m / 2^64)              = (g_i as u128 * m as u128) >> 64
//! ```
//!
//! Bit `j` is bit `j mod 64` of word `j / 64`. A lookup tests the first four
//! probes together (when k ≥ 4), then stops at the first unset bit, so most
//! non-members cost one hash and four probes.
//!
//! # Limit
//!
//! Double hashing puts a floor under the false-positive rate: when the step
//! `h2' · m / 2^64` lies within about `1/k` of 0 modulo `m` (or of a small
//! fraction of `m`: `m/2`, `m/3`, ...), the `k` probes collapse onto one bit
//! or a few, which a non-member then finds set with probability about a half
//! (a quarter, ...). Measured, the floor is about `2.6 / (k · m)`: negligible
//! for large filters or loose targets (the 1e-3 and 1e-4 tests), but it
//! dominates for a few hundred keys at ε = 1e-9 (2.7e-6 measured at 743 keys,
//! m = 32,048, k = 30; the format-1 `bloomfilter` crate, also double hashing,
//! measured 2.6e-6). With a details section such hits are ruled out by the
//! key's fingerprint, so they cost time, not correctness.
//!
//! # Encoding (the file's Bloom section, integers little-endian)
//!
//! ```text
//! u32                 k
//! u64                 m
//! [u8; 16]            seed: the SipHash key, derived from the keys (`builder.rs`)
//! u64 × ceil(m / 64)  the bits; those at positions ≥ m are zero
//! ```
//!
//! Loading is strict: exactly that length, `1 ≤ k ≤ MAX_HASHES`, `m > 0`,
//! and zero bits past `m`; so one filter has one encoding.

use super::codec::{Reader, Writer};
use super::error::LoadError;
use core::f64::consts::LN_2;
use siphasher::sip128::SipHasher13;

/// More hash functions than this means a corrupt header (1e-18 needs 60).
pub(crate) const MAX_HASHES: u32 = 128;
/// Probes [`Bloom::contains`] tests together, without branching on each.
const PREFIX: u32 = 4;
/// Bytes before the words: k, m, seed.
const HEADER_LEN: usize = 4 + 8 + 16;
/// The section is a u32-length blob: the words may take what is left of it.
const MAX_WORDS: u64 = (u32::MAX as u64 - HEADER_LEN as u64) / 8;

/// Why a Bloom filter could not be sized or loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BloomError {
    /// No keys, or a false-positive rate outside (0, 1).
    Parameters,
    /// More bits than the section holds (or this target can address).
    TooLarge,
    /// The section's length is not the one its k and m call for.
    Length,
    /// k is 0 or more than [`MAX_HASHES`].
    HashCount,
    /// m is 0.
    NoBits,
    /// A bit at a position ≥ m is set.
    TailBits,
}

impl From<BloomError> for LoadError {
    fn from(e: BloomError) -> LoadError {
        LoadError::Malformed(match e {
            BloomError::Parameters => "Bloom filter parameters",
            BloomError::TooLarge => "Bloom filter too large",
            BloomError::Length => "Bloom filter section length",
            BloomError::HashCount => "Bloom filter hash count",
            BloomError::NoBits => "Bloom filter has no bits",
            BloomError::TailBits => "Bloom filter bits set past its size",
        })
    }
}

/// A Bloom filter over byte strings.
#[derive(Clone)]
pub(crate) struct Bloom {
    /// Hash functions (probes per key).
    k: u32,
    /// Bits.
    m: u64,
    seed: [u8; 16],
    /// Keyed with `seed`, ready to hash.
    sip: SipHasher13,
    /// `ceil(m / 64)` words; bits past `m` stay zero.
    words: Vec<u64>,
}

/// The optimal `(m, k)` for `n` keys at false-positive rate `p`.
pub(crate) fn optimal_size(n: u64, p: f64) -> Result<(u64, u32), BloomError> {
    if n == 0 || !(p > 0.0 && p < 1.0) {
        return Err(BloomError::Parameters);
    }
    let m = (-(n as f64) * p.ln() / (LN_2 * LN_2)).ceil();
    if !m.is_finite() || m > (MAX_WORDS * 64) as f64 {
        return Err(BloomError::TooLarge);
    }
    let m = (m as u64).max(1);
    let k = (m as f64 / n as f64 * LN_2).round().clamp(1.0, MAX_HASHES as f64) as u32;
    Ok((m, k))
}

/// `floor(g · m / 2^64)`: `g` spread over `0 .. m` without a division.
#[inline(always)]
fn reduce(g: u64, m: u64) -> u64 {
    #[cfg(not(target_pointer_width = "64"))]
    if m <= u64::from(u32::MAX) {
        return reduce_small(g, m);
    }
    ((g as u128 * m as u128) >> 64) as u64
}

/// [`reduce`] for `m < 2^32`, exactly, from two 64-bit products. With
/// `g = g1 · 2^32 + g0`: `g · m = (g1 · m + floor(g0 · m / 2^32)) · 2^32 +
/// (g0 · m mod 2^32)`, and the last term cannot carry into bit 64.
///
/// On wasm32 the `u128` product is a call to `__multi3` per probe (LLVM
/// turns a 32-bit-halves expansion of it back into that call); this stays
/// inline, making a Bloom hit (k probes) about 2.4 times as fast in V8.
#[cfg_attr(target_pointer_width = "64", allow(dead_code))]
#[inline(always)]
fn reduce_small(g: u64, m: u64) -> u64 {
    ((g >> 32) * m + (((g & 0xFFFF_FFFF) * m) >> 32)) >> 32
}

impl Bloom {
    /// An empty filter of `m` bits probed `k` times.
    pub(crate) fn new(m: u64, k: u32, seed: [u8; 16]) -> Result<Bloom, BloomError> {
        if m == 0 {
            return Err(BloomError::NoBits);
        }
        if !(1..=MAX_HASHES).contains(&k) {
            return Err(BloomError::HashCount);
        }
        let words = m.div_ceil(64);
        if words > MAX_WORDS {
            return Err(BloomError::TooLarge);
        }
        let words = usize::try_from(words).map_err(|_| BloomError::TooLarge)?;
        Ok(Bloom { k, m, seed, sip: SipHasher13::new_with_key(&seed), words: vec![0; words] })
    }

    /// An empty filter sized for `n` keys at false-positive rate `p`.
    pub(crate) fn with_rate(n: u64, p: f64, seed: [u8; 16]) -> Result<Bloom, BloomError> {
        let (m, k) = optimal_size(n, p)?;
        Bloom::new(m, k, seed)
    }

    /// `(h1, h2')`: the start and the (odd) step of a key's probe sequence.
    #[inline(always)]
    fn hashes(&self, item: &[u8]) -> (u64, u64) {
        // The one-shot form of `write(item)` then `Hasher128::finish128()`.
        let h = self.sip.hash(item);
        (h.h1, h.h2 | 1)
    }

    pub(crate) fn insert(&mut self, item: &[u8]) {
        let (mut g, step) = self.hashes(item);
        for _ in 0..self.k {
            let bit = reduce(g, self.m);
            self.words[(bit / 64) as usize] |= 1 << (bit % 64);
            g = g.wrapping_add(step);
        }
    }

    /// Whether `item` may have been inserted (no false negatives). Does not
    /// allocate; past the first [`PREFIX`] probes, stops at the first unset bit.
    #[inline]
    pub(crate) fn contains(&self, item: &[u8]) -> bool {
        let (mut g, step) = self.hashes(item);
        let mut rest = self.k;
        // The first probes without a branch each: for a non-member, which
        // probe meets the first unset bit is a coin toss, so a branch per
        // probe is mispredicted about once a lookup (more than these probes
        // cost). Their bits ANDed; a member, or one non-member in 2^PREFIX at
        // a half-full filter, goes on to the rest one by one.
        if rest >= PREFIX {
            let mut all = 1;
            for _ in 0..PREFIX {
                let bit = reduce(g, self.m);
                all &= self.words[(bit / 64) as usize] >> (bit % 64);
                g = g.wrapping_add(step);
            }
            if all & 1 == 0 {
                return false;
            }
            rest -= PREFIX;
        }
        for _ in 0..rest {
            let bit = reduce(g, self.m);
            if self.words[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
                return false;
            }
            g = g.wrapping_add(step);
        }
        true
    }

    pub(crate) fn bits(&self) -> u64 {
        self.m
    }

    pub(crate) fn hash_count(&self) -> u32 {
        self.k
    }

    /// The encoded section, as [`Bloom::decode`] reads it.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.u32(self.k);
        w.u64(self.m);
        w.bytes(&self.seed);
        w.buf.reserve(self.words.len() * 8);
        for word in &self.words {
            w.u64(*word);
        }
    }

    /// Parse a section, strictly: see the module documentation.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Bloom, BloomError> {
        let mut r = Reader::new(bytes, LoadError::Truncated);
        let (Ok(k), Ok(m), Ok(seed)) = (r.u32(), r.u64(), r.array::<16>()) else {
            return Err(BloomError::Length);
        };
        if !(1..=MAX_HASHES).contains(&k) {
            return Err(BloomError::HashCount);
        }
        if m == 0 {
            return Err(BloomError::NoBits);
        }
        // Lengths compared before anything is allocated.
        let words = m.div_ceil(64);
        if words > MAX_WORDS || (r.remaining() as u64) != words * 8 {
            return Err(BloomError::Length);
        }
        let rest = r.take(r.remaining()).map_err(|_| BloomError::Length)?;
        let words: Vec<u64> = rest
            .chunks_exact(8)
            .map(|c| {
                let mut word = [0u8; 8];
                word.copy_from_slice(c);
                u64::from_le_bytes(word)
            })
            .collect();
        let used = m % 64;
        if used != 0 && words.last().is_some_and(|&last| last >> used != 0) {
            return Err(BloomError::TailBits);
        }
        Ok(Bloom { k, m, seed, sip: SipHasher13::new_with_key(&seed), words })
    }
}

impl core::fmt::Debug for Bloom {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Bloom").field("m", &self.m).field("k", &self.k).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::xorshift;
    use core::hash::Hasher;
    use siphasher::sip128::Hasher128;

    const SEED: [u8; 16] = *b"0123456789abcdef";

    /// Distinct test items: a tag byte and a counter.
    fn item(tag: u8, i: u64) -> [u8; 9] {
        let mut b = [tag; 9];
        b[1..].copy_from_slice(&i.to_le_bytes());
        b
    }

    fn filled(n: u64, p: f64, order: impl Iterator<Item = u64>) -> Bloom {
        let mut b = Bloom::with_rate(n, p, SEED).unwrap();
        for i in order {
            b.insert(&item(1, i));
        }
        b
    }

    fn encoded(b: &Bloom) -> Vec<u8> {
        let mut w = Writer::default();
        b.encode(&mut w);
        w.buf
    }

    /// A section from its parts, for the strictness tests.
    fn section(k: u32, m: u64, words: &[u64]) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(k);
        w.u64(m);
        w.bytes(&SEED);
        for &word in words {
            w.u64(word);
        }
        w.buf
    }

    #[test]
    fn sizing_follows_the_formulas() {
        let (m, k) = optimal_size(1_000, 1e-9).unwrap();
        assert_eq!(m, (1_000.0 * 1e9f64.ln() / (LN_2 * LN_2)).ceil() as u64);
        assert_eq!((m as f64 / 1_000.0 * 100.0).round(), 4313.0, "43.13 bits per key");
        assert_eq!(k, 30);
        assert_eq!(optimal_size(10_000, 1e-3).unwrap().1, 10);
        assert_eq!(optimal_size(1, 0.5).unwrap(), (2, 1), "the smallest filter");
        assert_eq!(optimal_size(1, 1e-300).unwrap().1, MAX_HASHES, "k is clamped");
        for p in [0.0, 1.0, -0.1, f64::NAN, f64::INFINITY] {
            assert_eq!(optimal_size(1, p).unwrap_err(), BloomError::Parameters, "{p}");
        }
        assert_eq!(optimal_size(0, 0.1).unwrap_err(), BloomError::Parameters);
        assert_eq!(optimal_size(u64::MAX, 1e-9).unwrap_err(), BloomError::TooLarge);
        assert_eq!(optimal_size(2_000_000_000, 1e-9).unwrap_err(), BloomError::TooLarge);
    }

    #[test]
    fn multiply_shift_stays_in_range() {
        for m in [1u64, 2, 63, 64, 65, 43_133, u32::MAX as u64, u64::MAX] {
            assert_eq!(reduce(0, m), 0);
            assert_eq!(reduce(u64::MAX, m), m - 1);
            assert_eq!(reduce(1 << 63, m), m / 2);
        }
    }

    #[test]
    fn both_reductions_are_the_u128_product() {
        let edges = [0, 1, 2, 63, 64, 0xFFFF_FFFF, 1 << 32, 1 << 63, u64::MAX - 1, u64::MAX];
        let mut random = core::iter::repeat_with(xorshift(0x2545_F491_4F6C_DD1D));
        let pairs = edges
            .iter()
            .flat_map(|&g| edges.iter().map(move |&m| (g, m)))
            .chain((0..100_000).map(|_| (random.next().unwrap(), random.next().unwrap())));
        for (g, m) in pairs {
            let exact = ((u128::from(g) * u128::from(m)) >> 64) as u64;
            assert_eq!(reduce(g, m), exact, "{g} · {m}");
            let small = m & 0xFFFF_FFFF;
            let exact = ((u128::from(g) * u128::from(small)) >> 64) as u64;
            assert_eq!(reduce_small(g, small), exact, "{g} · {small}");
        }
    }

    #[test]
    fn the_hash_is_siphash13_128_of_the_bytes() {
        let mut streamed = SipHasher13::new_with_key(&SEED);
        streamed.write(b"some key bytes");
        let h = streamed.finish128();
        let b = Bloom::new(64, 1, SEED).unwrap();
        assert_eq!(b.hashes(b"some key bytes"), (h.h1, h.h2 | 1));
    }

    #[test]
    fn probes_follow_the_documented_formula() {
        // The module documentation's formulas, written out the long way.
        let (n, m, k) = (200u64, 5_003u64, 7u32);
        let mut b = Bloom::new(m, k, SEED).unwrap();
        let mut bits = vec![false; m as usize];
        for i in 0..n {
            let key = item(2, i);
            b.insert(&key);
            let mut h = SipHasher13::new_with_key(&SEED);
            h.write(&key);
            let h = h.finish128().as_u128();
            let (h1, h2) = (h as u64, (h >> 64) as u64 | 1);
            for j in 0..k as u64 {
                let g = h1.wrapping_add(j.wrapping_mul(h2));
                bits[((u128::from(g) * u128::from(m)) >> 64) as usize] = true;
            }
        }
        for (j, &set) in bits.iter().enumerate() {
            assert_eq!((b.words[j / 64] >> (j % 64)) & 1 == 1, set, "bit {j}");
        }
        let bytes = encoded(&b);
        assert_eq!(&bytes[12 + 16..20 + 16], &b.words[0].to_le_bytes(), "words little-endian");
    }

    #[test]
    fn empty_and_one_key() {
        let empty = Bloom::with_rate(1, 1e-9, SEED).unwrap();
        assert!((0..1_000).all(|i| !empty.contains(&item(1, i))), "an empty filter holds nothing");
        assert!(!empty.contains(b""));
        let mut one = empty.clone();
        one.insert(&item(1, 0));
        assert!(one.contains(&item(1, 0)));
        // Rare, though far above ε at 44 bits: see "Limit" in the module documentation.
        let hits = (1..10_000).filter(|&i| one.contains(&item(1, i))).count();
        assert!(hits < 100, "{hits} of 10,000 non-members hit a one-key filter");
        assert_eq!((one.bits(), one.hash_count()), (44, 30));
        let mut blank = empty.clone();
        blank.insert(b"");
        assert!(blank.contains(b""), "the empty string is a key like any other");
    }

    /// `contains` by its definition: all `k` probed bits set.
    fn contains_by_definition(b: &Bloom, key: &[u8]) -> bool {
        let (h1, h2) = b.hashes(key);
        (0..u64::from(b.k)).all(|j| {
            let bit = ((u128::from(h1.wrapping_add(j.wrapping_mul(h2))) * u128::from(b.m)) >> 64) as u64;
            (b.words[(bit / 64) as usize] >> (bit % 64)) & 1 == 1
        })
    }

    #[test]
    fn probes_tested_together_answer_as_one_by_one() {
        // k on both sides of PREFIX, and fills from sparse to nearly full, so
        // every way out of `contains` is taken by members and non-members.
        for k in [1, 2, PREFIX - 1, PREFIX, PREFIX + 1, 9, 30] {
            for n in [1u64, 20, 200] {
                let mut b = Bloom::new(1_000, k, SEED).unwrap();
                (0..n).for_each(|i| b.insert(&item(1, i)));
                let mut hits = 0;
                for i in 0..20_000 {
                    let key = item(if i < n { 1 } else { 4 }, i);
                    let found = b.contains(&key);
                    assert_eq!(found, contains_by_definition(&b, &key), "k={k} n={n} i={i}");
                    hits += u32::from(found);
                }
                assert!(hits >= n as u32, "k={k} n={n}: members are found");
            }
        }
    }

    #[test]
    fn no_false_negatives() {
        let n = 100_000;
        let b = filled(n, 1e-6, 0..n);
        assert!((0..n).all(|i| b.contains(&item(1, i))));
    }

    #[test]
    fn measured_false_positive_rate_near_target() {
        for (p, probes) in [(1e-3, 1_000_000u64), (1e-4, 2_000_000)] {
            let b = filled(20_000, p, 0..20_000);
            let hits = (0..probes).filter(|&i| b.contains(&item(3, i))).count();
            let rate = hits as f64 / probes as f64;
            assert!(rate <= 1.5 * p && rate >= p / 1.5, "target {p}: measured {rate}");
        }
    }

    #[test]
    fn same_keys_in_any_order_give_the_same_bytes() {
        let n = 5_000;
        let forward = encoded(&filled(n, 1e-6, 0..n));
        let backward = encoded(&filled(n, 1e-6, (0..n).rev()));
        let strided = encoded(&filled(n, 1e-6, (0..n).map(|i| i * 7919 % n)));
        assert_eq!(forward, backward);
        assert_eq!(forward, strided);
        let mut twice = filled(n, 1e-6, 0..n);
        twice.insert(&item(1, 3));
        assert_eq!(encoded(&twice), forward, "inserting again changes nothing");
    }

    #[test]
    fn round_trip_is_byte_identical() {
        for (n, p) in [(1, 0.5), (1, 1e-9), (64, 0.1), (3_000, 1e-9)] {
            let b = filled(n, p, 0..n);
            let bytes = encoded(&b);
            assert_eq!(bytes.len(), HEADER_LEN + b.bits().div_ceil(64) as usize * 8);
            let back = Bloom::decode(&bytes).unwrap();
            assert_eq!((back.bits(), back.hash_count()), (b.bits(), b.hash_count()));
            assert_eq!(encoded(&back), bytes, "n={n} p={p}");
            assert!((0..n).all(|i| back.contains(&item(1, i))));
        }
    }

    #[test]
    fn strict_loading() {
        // Well formed: 100 bits in two words, the last one's top 28 bits clear.
        assert!(Bloom::decode(&section(3, 100, &[u64::MAX, (1 << 36) - 1])).is_ok());
        assert!(Bloom::decode(&section(MAX_HASHES, 64, &[u64::MAX])).is_ok());

        // Wrong length: a word short or over, a stray byte, a cut header.
        assert_eq!(Bloom::decode(&section(3, 100, &[0])).unwrap_err(), BloomError::Length);
        assert_eq!(Bloom::decode(&section(3, 100, &[0, 0, 0])).unwrap_err(), BloomError::Length);
        let mut stray = section(3, 100, &[0, 0]);
        stray.push(0);
        assert_eq!(Bloom::decode(&stray).unwrap_err(), BloomError::Length);
        let full = section(3, 100, &[0, 0]);
        for len in 0..full.len() {
            assert!(Bloom::decode(&full[..len]).is_err(), "prefix {len}");
        }
        assert_eq!(Bloom::decode(&section(3, u64::MAX, &[0])).unwrap_err(), BloomError::Length);
        assert_eq!(Bloom::decode(&section(3, 1 << 40, &[0])).unwrap_err(), BloomError::Length);

        // Bad k, no bits.
        assert_eq!(Bloom::decode(&section(0, 64, &[0])).unwrap_err(), BloomError::HashCount);
        assert_eq!(Bloom::decode(&section(MAX_HASHES + 1, 64, &[0])).unwrap_err(), BloomError::HashCount);
        assert_eq!(Bloom::decode(&section(u32::MAX, 64, &[0])).unwrap_err(), BloomError::HashCount);
        assert_eq!(Bloom::decode(&section(3, 0, &[])).unwrap_err(), BloomError::NoBits);

        // Bits past m.
        assert_eq!(Bloom::decode(&section(3, 100, &[0, 1 << 36])).unwrap_err(), BloomError::TailBits);
        assert_eq!(Bloom::decode(&section(3, 100, &[0, 1 << 63])).unwrap_err(), BloomError::TailBits);
        assert_eq!(Bloom::decode(&section(3, 1, &[2])).unwrap_err(), BloomError::TailBits);

        // Each is named as a malformed section.
        assert_eq!(LoadError::from(BloomError::TailBits), LoadError::Malformed("Bloom filter bits set past its size"));
    }

    #[test]
    fn construction_checks_its_bounds() {
        assert_eq!(Bloom::new(0, 1, SEED).unwrap_err(), BloomError::NoBits);
        assert_eq!(Bloom::new(64, 0, SEED).unwrap_err(), BloomError::HashCount);
        assert_eq!(Bloom::new(64, MAX_HASHES + 1, SEED).unwrap_err(), BloomError::HashCount);
        assert_eq!(Bloom::new(u64::MAX, 1, SEED).unwrap_err(), BloomError::TooLarge);
    }

    #[test]
    fn arbitrary_sections_never_panic() {
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for len in 0..200usize {
            for _ in 0..20 {
                let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                if len >= 12 && next().is_multiple_of(2) {
                    // Plausible k and m, so the length and tail checks are reached.
                    bytes[..4].copy_from_slice(&(1 + next() as u32 % MAX_HASHES).to_le_bytes());
                    bytes[4..12].copy_from_slice(&((len as u64).saturating_sub(28) * 8).to_le_bytes());
                }
                if let Ok(b) = Bloom::decode(&bytes) {
                    let _ = b.contains(b"anything");
                    assert_eq!(encoded(&b), bytes);
                }
            }
        }
    }
}
