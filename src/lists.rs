//! The loaded lists: the bundled one and any the user added from disk, each
//! verified before it is listed, each switchable on and off.

use std::fmt;
use std::rc::Rc;

use addrcheck_core::Filter;

use crate::age::Date;
use crate::present::{self, FilterSummary};

/// Where a list came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with the page (`ofac.filter`).
    Bundled,
    /// Loaded from the user's disk: its file name.
    File(String),
}

/// One verified list.
#[derive(Clone)]
pub struct List {
    /// Stable within the page (0 is the bundled list).
    pub id: u32,
    pub filter: Rc<Filter>,
    pub summary: Rc<FilterSummary>,
    pub origin: Origin,
    pub enabled: bool,
}

impl List {
    /// How the page names this list: the file's list name.
    pub fn name(&self) -> &str {
        &self.summary.list_name
    }
}

impl PartialEq for List {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.enabled == other.enabled
            && Rc::ptr_eq(&self.filter, &other.filter)
    }
}

impl fmt::Debug for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("id", &self.id)
            .field("name", &self.name())
            .field("origin", &self.origin)
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

/// Why a list was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub file: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Lists {
    items: Vec<List>,
    next_id: u32,
}

impl Lists {
    pub fn all(&self) -> &[List] {
        &self.items
    }

    /// The lists that are switched on, in the order shown.
    pub fn enabled(&self) -> Vec<&List> {
        self.items.iter().filter(|l| l.enabled).collect()
    }

    pub fn any_enabled(&self) -> bool {
        self.items.iter().any(|l| l.enabled)
    }

    /// Add a verified filter, switched on. The same file twice is refused.
    pub fn add(
        &mut self,
        filter: Filter,
        origin: Origin,
        today: Option<Date>,
    ) -> Result<u32, Refused> {
        let sha256 = filter.sha256_hex();
        if let Some(same) = self.items.iter().find(|l| l.summary.sha256 == sha256) {
            let file = match &origin {
                Origin::File(name) => name.clone(),
                Origin::Bundled => "the bundled list".to_string(),
            };
            return Err(Refused {
                file,
                reason: format!("this exact file is already loaded (as “{}”)", same.name()),
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        let summary = Rc::new(present::summarize(&filter, today));
        self.items.push(List {
            id,
            filter: Rc::new(filter),
            summary,
            origin,
            enabled: true,
        });
        Ok(id)
    }

    /// Switch a list on or off; `false` when there is no such list.
    pub fn set_enabled(&mut self, id: u32, on: bool) -> bool {
        match self.items.iter_mut().find(|l| l.id == id) {
            Some(list) => {
                list.enabled = on;
                true
            }
            None => false,
        }
    }

    /// Remove a list loaded from disk (the bundled list stays).
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.items.len();
        self.items
            .retain(|l| l.id != id || l.origin == Origin::Bundled);
        self.items.len() != before
    }

    /// What the enabled lists cover, e.g. "OFAC SDN as of 2025-11-27; ScamSniffer as of 2025-11-01".
    pub fn coverage(&self) -> String {
        self.enabled()
            .iter()
            .map(|l| l.summary.coverage.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The age notes of enabled lists older than the warning threshold,
    /// e.g. "OFAC SDN (as of 2025-11-27): list is 362 days old".
    pub fn stale_notes(&self) -> Vec<String> {
        self.enabled()
            .iter()
            .flat_map(|l| l.summary.sources.iter())
            .filter_map(|s| {
                s.age
                    .as_ref()
                    .filter(|a| a.stale)
                    .map(|a| format!("{} (as of {}): {}", s.name, s.as_of, a.text))
            })
            .collect()
    }
}
