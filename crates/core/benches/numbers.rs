//! Size, builder speed and memory, and measured false-positive rates:
//! `cargo bench -p addrcheck-core --bench numbers` (add `-- --quick` to skip
//! the 10-million-key build). Under `cargo test --benches` (no `--bench`
//! argument) it runs a small smoke version so the test suite keeps it working.
//!
//! Targets:
//! - bits per key ≤ 1.45 × log2(1/ε) (plus the fixed header and details);
//! - 1 million synthetic addresses built in < 3 s; 10 million in < 40 s within 2 GB;
//! - false-positive rate measured over ≥ 1 million random valid non-members
//!   within 1.5× of the target.

mod mix;

use addrcheck_core::address::parse;
use addrcheck_core::filter::{Filter, FilterBuilder, Label};
use mix::Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their peak.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;

/// Parse `n` generated addresses, insert them, build the file.
fn build_synthetic(n: usize, fp: f64, seed: u64) -> (Vec<u8>, f64, f64) {
    let start_live = LIVE.load(Ordering::Relaxed);
    PEAK.store(start_live, Ordering::Relaxed);
    let t = Instant::now();
    let mut rng = Rng(seed);
    let mut b = FilterBuilder::new("synthetic");
    let s = b.add_source("synthetic", "2025-11-27");
    let label = Label { source: s, names: vec!["Synthetic entity".into()], assets: vec!["ETH".into()] };
    for _ in 0..n {
        let a = mix::realistic(&mut rng);
        let key = parse(&a).unwrap_or_else(|e| panic!("generated address {a} does not parse: {e}")).key;
        b.insert(&key, label.clone());
    }
    b.fp_rate(fp);
    let bytes = b.build().expect("build");
    let secs = t.elapsed().as_secs_f64();
    let peak = (PEAK.load(Ordering::Relaxed) - start_live) as f64 / MB;
    (bytes, secs, peak)
}

fn measured_fp(filter: &Filter, probes: usize, seed: u64) -> (usize, f64) {
    let mut rng = Rng(seed);
    let mut hits = 0;
    for _ in 0..probes {
        let a = mix::realistic(&mut rng);
        if filter.bloom_contains(&parse(&a).expect("parses").key) {
            hits += 1;
        }
    }
    (hits, hits as f64 / probes as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let smoke = !args.iter().any(|a| a == "--bench");
    let quick = smoke || args.iter().any(|a| a == "--quick");
    // Smoke mode (cargo test): the same code paths at a thousandth of the size.
    let scale = if smoke { 1_000 } else { 1 };
    println!("addrcheck-core numbers (one core){}\n", if smoke { ", smoke run: sizes / 1000" } else { "" });

    println!("## Builder (generate + parse + insert + build, realistic mix, ε = 1e-9)");
    let mut sizes = vec![1_000_000usize];
    if !quick {
        sizes.push(10_000_000);
    }
    for n in sizes {
        let n = n / scale;
        let (bytes, secs, peak) = build_synthetic(n, 1e-9, n as u64);
        let target = if n == 1_000_000 { "< 3 s" } else { "< 40 s, < 2048 MiB" };
        println!(
            "{:>10} keys: {secs:6.2} s, peak heap {peak:7.1} MiB, file {:.1} MiB   (target {target})",
            n,
            bytes.len() as f64 / MB
        );
    }

    println!("\n## Size (Bloom bits per key vs bound 1.45 × log2(1/ε))");
    for fp in [1e-3, 1e-6, 1e-9] {
        let n = 100_000 / scale;
        let (bytes, _, _) = build_synthetic(n, fp, 5);
        let f = Filter::from_bytes(&bytes).unwrap();
        let bound = 1.45 * (1.0 / fp).log2();
        println!(
            "ε = {fp:e}: {:.2} bits/key (bound {bound:.2}), k = {}, file {:.1} bytes/key with details",
            f.bits_per_key(),
            f.hash_count(),
            bytes.len() as f64 / n as f64
        );
    }

    println!("\n## Measured false-positive rate (random valid non-members, realistic mix)");
    for (fp, probes) in [(1e-3, 1_000_000usize), (1e-4, 2_000_000), (1e-9, 1_000_000)] {
        let (bytes, _, _) = build_synthetic(50_000 / scale, fp, 77);
        let f = Filter::from_bytes(&bytes).unwrap();
        let probes = probes / scale;
        let (hits, rate) = measured_fp(&f, probes, 1234);
        println!("target {fp:e}: {hits} hits in {probes} probes = {rate:.3e} (ratio {:.2}, limit 1.5)", rate / fp);
    }

    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/ofac.filter");
    if let Ok(bytes) = std::fs::read(bundled) {
        match Filter::from_bytes(&bytes) {
            Ok(f) => println!(
                "\n## Bundled filter www/ofac.filter\n{} keys, {} bytes ({:.2} Bloom bits/key, k = {}), SHA-256 {}",
                f.metadata().keys,
                f.size_bytes(),
                f.bits_per_key(),
                f.hash_count(),
                f.sha256_hex()
            ),
            Err(e) => println!("\nbundled filter does not load: {e}"),
        }
    }
}
