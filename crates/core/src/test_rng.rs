//! Marsaglia's xorshift64 for the unit tests: random inputs, the same every run.

/// The numbers after `seed` (not zero), one per call.
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
