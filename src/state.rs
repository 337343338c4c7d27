//! App state and the actions that change it (Yew `Reducible`).
//!
//! All decisions live here and in [`crate::present`]: the components only
//! render the state. The typed address lives only in memory (never in the
//! URL, storage or logs).

use std::fmt;
use std::rc::Rc;

use addrcheck_core::Filter;
use yew::Reducible;

use crate::load::Unavailable;
use crate::present::{self, FilterSummary, VerdictView};

/// A verified filter, shared cheaply. Equal when it is the same load.
#[derive(Clone)]
pub struct Loaded {
    pub filter: Rc<Filter>,
    pub summary: Rc<FilterSummary>,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.filter, &other.filter)
    }
}

impl fmt::Debug for Loaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Loaded")
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

/// Whether checking is possible.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum FilterState {
    /// Fetching and verifying the bundled filter.
    #[default]
    Loading,
    Ready(Loaded),
    /// Fail closed: no verdicts are shown.
    Unavailable(Unavailable),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub filter: FilterState,
    /// The text in the address box.
    pub input: String,
    /// The verdict for `input`; only ever `Some` while the filter is ready.
    pub verdict: Option<VerdictView>,
}

pub enum Action {
    /// The filter downloaded and verified.
    Loaded(Box<Filter>),
    /// The filter is missing, truncated or failed verification.
    Failed(Unavailable),
    /// The address box changed (typing, paste, Enter, clear).
    Input(String),
}

impl State {
    pub fn can_check(&self) -> bool {
        matches!(self.filter, FilterState::Ready(_))
    }

    /// The verdict for `input` against the current filter.
    fn verdict_for(filter: &FilterState, input: &str) -> Option<VerdictView> {
        match filter {
            FilterState::Ready(loaded) if !input.trim().is_empty() => {
                let verdict = loaded.filter.check(input);
                present::present(&loaded.filter, input, &verdict)
            }
            _ => None,
        }
    }

    /// The state after `action` (pure; what `Reducible::reduce` does).
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::Loaded(filter) => {
                let summary = Rc::new(present::summarize(&filter));
                let filter = FilterState::Ready(Loaded {
                    filter: Rc::from(filter),
                    summary,
                });
                let verdict = Self::verdict_for(&filter, &self.input);
                State {
                    filter,
                    input: self.input.clone(),
                    verdict,
                }
            }
            Action::Failed(why) => State {
                filter: FilterState::Unavailable(why),
                input: self.input.clone(),
                verdict: None,
            },
            Action::Input(input) => {
                let verdict = Self::verdict_for(&self.filter, &input);
                State {
                    filter: self.filter.clone(),
                    input,
                    verdict,
                }
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_loading_without_verdict() {
        let s = State::default();
        assert_eq!(s.filter, FilterState::Loading);
        assert!(!s.can_check());
        assert!(s.verdict.is_none());
    }

    #[test]
    fn typing_before_the_filter_is_ready_gives_no_verdict() {
        let s = State::default().apply(Action::Input("0xabc".into()));
        assert_eq!(s.input, "0xabc");
        assert!(s.verdict.is_none());
    }

    #[test]
    fn failure_fails_closed() {
        let why = Unavailable {
            code: "corrupt",
            reason: "filter file is corrupt".into(),
        };
        let s = State::default()
            .apply(Action::Input("0xabc".into()))
            .apply(Action::Failed(why.clone()));
        assert_eq!(s.filter, FilterState::Unavailable(why));
        assert!(!s.can_check());
        assert!(s.verdict.is_none());
        let s = s.apply(Action::Input("0xdef".into()));
        assert!(s.verdict.is_none());
    }
}
