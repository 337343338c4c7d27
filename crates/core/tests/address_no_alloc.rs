//! `parse` (cleaning, every family, success and error paths) never touches the
//! heap: a counting global allocator sees no allocation while it runs. The
//! exception is Monero, whose block Base58 the `base58-monero` crate decodes
//! into a `Vec`; it is rare on the check path.

use addrcheck_core::address::parse;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the thread-local may be gone while a thread shuts down.
        let _ = ARMED.try_with(|armed| {
            if armed.get() {
                let _ = COUNT.try_with(|c| c.set(c.get() + 1));
            }
        });
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    COUNT.with(|c| c.set(0));
    ARMED.with(|a| a.set(true));
    f();
    ARMED.with(|a| a.set(false));
    COUNT.with(|c| c.get())
}

const INPUTS: &[&str] = &[
    "0x52908400098527886e0f7030069857d2e4169ee7",
    "0x52908400098527886E0F7030069857D2E4169EE7",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
    "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu",
    "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggv",
    "3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC",
    "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb",
    "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
    "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
    "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a?amount=1",
    "bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t",
    "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
    "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
    "zs1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn3tzvwv5d87eqhlfqz8hvxqyxpvzcrs8lcxhkcqyqqql2k0hm",
    "ethereum:pay-0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1/transfer?value=1",
    "\u{200B} 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed \u{FEFF}",
    "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320",
    "not an address at all",
    "",
];

#[test]
fn parse_does_not_allocate() {
    // Warm up lazily initialised state (CPU feature detection in sha2, ...).
    for s in INPUTS {
        let _ = parse(s);
    }
    for s in INPUTS {
        let n = allocations(|| {
            let _ = std::hint::black_box(parse(std::hint::black_box(*s)));
        });
        assert_eq!(n, 0, "parse({s:?}) allocated {n} times");
    }
}

#[test]
fn the_counter_sees_allocations() {
    let n = allocations(|| {
        let v = std::hint::black_box(vec![1u8; 10]);
        drop(v);
    });
    assert_eq!(n, 1);
}
