//! The app's logic end to end, natively: filters built in memory (and the
//! bundled one, with the raw OFAC lists from ../shared) go through the same
//! `State` transitions, checking, presentation and export the browser uses.

mod batch;
mod lists;
mod ofac;
mod single;

use addrcheck_core::filter::{FilterBuilder, Label};
use addrcheck_core::{parse, Filter};

use crate::age::Date;
use crate::load::interpret;
use crate::state::{Action, State};

pub const LISTED: &str = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
pub const TYPO: &str = "0x8589427373d6D84E98730D7795D8f6f8731FDA16";
pub const OTHER: &str = "0x52908400098527886e0f7030069857d2e4169ee7";
pub const BTC: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

pub fn today() -> Option<Date> {
    Date::parse("2026-11-24")
}

/// A list holding `LISTED` (Tornado Cash), as of 2025-11-27.
pub fn filter_bytes(details: bool) -> Vec<u8> {
    let mut b = FilterBuilder::new("OFAC sanctioned digital currency addresses");
    b.details(details);
    let src = b.add_source("OFAC SDN", "2025-11-27");
    let key = parse(LISTED).unwrap().key;
    b.insert(
        &key,
        Label {
            source: src,
            names: vec!["Tornado Cash".into(), "TC".into()],
            assets: vec!["ETH".into()],
        },
    );
    b.build().unwrap()
}

/// A team's own list holding `OTHER` and `LISTED`, as of 2026-11-20.
pub fn team_bytes(details: bool) -> Vec<u8> {
    let mut b = FilterBuilder::new("Team watchlist");
    b.details(details);
    b.fp_rate(1e-6);
    let src = b.add_source("Team", "2026-11-20");
    for (address, name) in [(OTHER, "Drainer 7"), (LISTED, "Mixer")] {
        let key = parse(address).unwrap().key;
        b.insert(
            &key,
            Label {
                source: src,
                names: vec![name.into()],
                assets: vec![],
            },
        );
    }
    b.build().unwrap()
}

pub fn filter(bytes: &[u8]) -> Box<Filter> {
    Box::new(interpret(200, bytes).unwrap())
}

/// The app with the bundled list loaded.
pub fn ready(details: bool) -> State {
    State::new(today()).apply(Action::Loaded(filter(&filter_bytes(details))))
}

/// Run every step of the current batch.
pub fn finish(mut s: State) -> State {
    while let Some(run) = s.running() {
        s = s.apply(Action::Step { run, chunks: 3 });
    }
    s
}

pub fn input(s: &State, text: &str) -> State {
    finish(s.apply(Action::Input(text.to_string())))
}
