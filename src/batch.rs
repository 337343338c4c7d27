//! A batch: the entries of one text, checked a few thousand at a time so the
//! page stays responsive, with running counts.
//!
//! Results are stored in fixed-size chunks shared by `Rc`: each step makes a
//! new `Batch` that reuses every finished chunk, so the reducer stays pure
//! without copying 100,000 results at every step.

use std::rc::Rc;

use addrcheck_core::Status;

use crate::check::{check, Outcome};
use crate::lists::List;
use crate::split::{Span, Split};

/// Entries per stored chunk (and the unit of work of a step).
pub const CHUNK: usize = 1024;

/// Chunks in the first step that yields to the browser.
pub const FIRST_STEP_SIZE: usize = 4;
/// The most chunks in one step.
pub const MAX_STEP_SIZE: usize = 64;

/// The size of the next step, from how long the last one took: aim for
/// 15–50 ms of work between yields (well under the 200 ms that makes a page
/// feel frozen, and long enough that yielding costs little).
pub fn next_step_size(chunks: usize, took_ms: f64) -> usize {
    if took_ms < 15.0 {
        (chunks * 2).clamp(1, MAX_STEP_SIZE)
    } else if took_ms > 50.0 {
        (chunks / 2).max(1)
    } else {
        chunks.clamp(1, MAX_STEP_SIZE)
    }
}

/// How many entries had each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub flagged: usize,
    pub possible: usize,
    pub clear: usize,
    pub invalid: usize,
    pub unrecognized: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        *self.get_mut(status) += 1;
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Flagged => &mut self.flagged,
            Status::Possible => &mut self.possible,
            Status::Clear => &mut self.clear,
            Status::Invalid => &mut self.invalid,
            Status::Unrecognized => &mut self.unrecognized,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Flagged => self.flagged,
            Status::Possible => self.possible,
            Status::Clear => self.clear,
            Status::Invalid => self.invalid,
            Status::Unrecognized => self.unrecognized,
        }
    }

    pub fn total(&self) -> usize {
        self.flagged + self.possible + self.clear + self.invalid + self.unrecognized
    }
}

/// Every status, most serious first: the "flagged first" order.
pub const SEVERITY: [Status; 5] = [
    Status::Flagged,
    Status::Possible,
    Status::Invalid,
    Status::Unrecognized,
    Status::Clear,
];

/// The entries of a text and the results so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// Which run this is (a newer text or list change starts a new run).
    pub run: u32,
    pub text: Rc<str>,
    pub split: Rc<Split>,
    chunks: Vec<Rc<[Outcome]>>,
    pub counts: Counts,
}

impl Batch {
    pub fn new(run: u32, text: Rc<str>, split: Split) -> Batch {
        Batch {
            run,
            text,
            split: Rc::new(split),
            chunks: Vec::new(),
            counts: Counts::default(),
        }
    }

    /// Entries in the text.
    pub fn len(&self) -> usize {
        self.split.entries.len()
    }

    /// Entries checked so far.
    pub fn done(&self) -> usize {
        self.chunks.iter().map(|c| c.len()).sum()
    }

    pub fn is_finished(&self) -> bool {
        self.done() == self.len()
    }

    pub fn span(&self, i: usize) -> Span {
        self.split.entries[i]
    }

    /// The text of entry `i`.
    pub fn entry(&self, i: usize) -> &str {
        self.split.entries[i].text(&self.text)
    }

    /// The result for entry `i`, once checked.
    pub fn outcome(&self, i: usize) -> Option<&Outcome> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    /// Every result so far, in entry order.
    pub fn outcomes(&self) -> impl Iterator<Item = &Outcome> + '_ {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// Check up to `chunks` more chunks of entries against `lists` (none: just
    /// the batch as it is).
    pub fn step(&self, lists: &[&List], chunks: usize) -> Batch {
        let mut next = self.clone();
        for _ in 0..chunks {
            let start = next.done();
            if start == next.len() {
                break;
            }
            let end = (start + CHUNK).min(next.len());
            let chunk: Vec<Outcome> = (start..end).map(|i| check(lists, next.entry(i))).collect();
            for outcome in &chunk {
                next.counts.add(outcome.status);
            }
            next.chunks.push(chunk.into());
        }
        next
    }
}

/// Which results the table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// Flagged and possible matches.
    Hits,
    /// Invalid and unrecognised entries.
    Problems,
}

impl Show {
    pub fn includes(self, status: Status) -> bool {
        match self {
            Show::All => true,
            Show::Hits => status.is_hit(),
            Show::Problems => matches!(status, Status::Invalid | Status::Unrecognized),
        }
    }
}

/// The order of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// As entered.
    #[default]
    Entered,
    /// Most serious first (flagged, possible, invalid, unrecognised, not listed),
    /// as entered within each.
    FlaggedFirst,
}

/// The indices of the checked entries the table shows, in its order.
pub fn view(batch: &Batch, show: Show, order: Order) -> Vec<u32> {
    let shown = batch
        .outcomes()
        .enumerate()
        .filter(|(_, o)| show.includes(o.status));
    match order {
        Order::Entered => shown.map(|(i, _)| i as u32).collect(),
        Order::FlaggedFirst => {
            // A stable bucket sort by severity.
            let mut buckets: [Vec<u32>; 5] = Default::default();
            for (i, o) in shown {
                let rank = SEVERITY.iter().position(|s| *s == o.status).unwrap_or(4);
                buckets[rank].push(i as u32);
            }
            buckets.concat()
        }
    }
}
