//! Native check throughput, including parsing and normalisation to a key:
//! `cargo bench -p addrcheck-core --bench check` (groups `check/`, `parse/`,
//! and `lookup/` for the Bloom filter alone on keys parsed beforehand).
//!
//! Targets (one core): ≥ 3 million checks/s on a realistic mix of formats,
//! ≥ 5 million/s on lower-case EVM addresses.

mod mix;

use addrcheck_core::address::{parse, Key};
use addrcheck_core::filter::{Filter, FilterBuilder, Label};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use mix::Rng;
use std::hint::black_box;

const BATCH: usize = 10_000;

/// A filter like the bundled one: a few thousand listed keys at 1e-9.
fn listed_filter(rng: &mut Rng) -> (Filter, Vec<String>) {
    let listed: Vec<String> = (0..3_000).map(|_| mix::realistic(rng)).collect();
    let mut b = FilterBuilder::new("bench");
    let s = b.add_source("bench", "2025-11-27");
    for a in &listed {
        let key = parse(a).expect("generated address parses").key;
        b.insert(&key, Label { source: s, names: vec!["Entity".into()], assets: vec![] });
    }
    (Filter::from_bytes(&b.build().unwrap()).unwrap(), listed)
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(2025);
    let (filter, listed) = listed_filter(&mut rng);

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(BATCH as u64));

    let lower: Vec<String> = (0..BATCH).map(|_| mix::evm_lower(&mut rng)).collect();
    group.bench_function("evm_lowercase", |b| {
        b.iter(|| {
            for a in &lower {
                black_box(filter.check(black_box(a)).status);
            }
        })
    });

    // 1% listed entries among the mix, as a batch screening would see.
    let mut mixed: Vec<String> = (0..BATCH).map(|_| mix::realistic(&mut rng)).collect();
    for i in (0..BATCH).step_by(100) {
        mixed[i] = listed[i % listed.len()].clone();
    }
    group.bench_function("realistic_mix", |b| {
        b.iter(|| {
            for a in &mixed {
                black_box(filter.check(black_box(a)).status);
            }
        })
    });

    group.bench_function("parse_only_realistic_mix", |b| {
        b.iter_batched(
            || (),
            |_| {
                for a in &mixed {
                    let _ = black_box(parse(black_box(a)));
                }
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    // Per-format parse cost, to see where a mix spends its time.
    let mut per = c.benchmark_group("parse");
    per.throughput(Throughput::Elements(1_000));
    let formats: [(&str, mix::Generator); 8] = [
        ("evm_lowercase", mix::evm_lower),
        ("evm_eip55", mix::evm_checksummed),
        ("base58check_p2pkh", |r| mix::base58check(r, &[0x00])),
        ("segwit_v0", |r| mix::segwit_v0(r, "bc")),
        ("taproot", mix::taproot),
        ("tron", mix::tron),
        ("cashaddr", mix::cashaddr),
        ("solana", mix::solana),
    ];
    for (name, make) in formats {
        let inputs: Vec<String> = (0..1_000).map(|_| make(&mut rng)).collect();
        per.bench_function(name, |b| {
            b.iter(|| {
                for a in &inputs {
                    let _ = black_box(parse(black_box(a)));
                }
            })
        });
    }
    per.finish();

    // The Bloom filter alone, on keys parsed beforehand: what a lookup costs
    // once the address is a key. Its own generator, so the inputs above stay.
    let mut rng = Rng(7);
    let mut lookup = c.benchmark_group("lookup");
    lookup.throughput(Throughput::Elements(BATCH as u64));
    let key = |a: &String| parse(a).expect("generated address parses").key;
    let absent: Vec<Key> = (0..BATCH).map(|_| key(&mix::realistic(&mut rng))).collect();
    let present: Vec<Key> = listed.iter().cycle().take(BATCH).map(key).collect();
    for (name, keys) in [("bloom_miss", &absent), ("bloom_hit", &present)] {
        lookup.bench_function(name, |b| {
            b.iter(|| {
                for k in keys {
                    black_box(filter.bloom_contains(black_box(k)));
                }
            })
        });
    }
    lookup.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
