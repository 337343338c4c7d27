//! App state and the actions that change it (Yew `Reducible`, as in Yew's
//! function_todomvc example).
//!
//! All decisions live here and in the pure modules it calls; the components
//! only render the state. Pasted text lives only in memory (never in the URL,
//! storage or logs).

use std::rc::Rc;

use addrcheck_core::Filter;
use yew::{AttrValue, Reducible};

use crate::age::Date;
use crate::batch::{self, Batch, Order, Show};
use crate::format::group_digits;
use crate::input_box::{describe, is_large};
use crate::lists::{Lists, Origin, Refused};
use crate::load::Unavailable;
use crate::present::{self, Checked, VerdictView};
use crate::rows::{self, RowView};
use crate::split::{split, TooMuch};

/// Chunks checked at once when the text changes, before the page can paint:
/// a typed or pasted address (or a list of up to a thousand) shows its
/// verdict without waiting; bigger batches go on in steps.
pub const FIRST_STEP_CHUNKS: usize = 1;

/// Whether checking is possible at all.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Checker {
    /// Fetching and verifying the bundled filter.
    #[default]
    Loading,
    Ready,
    /// Fail closed: no verdicts are shown.
    Unavailable(Unavailable),
}

/// What the results area shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Results {
    /// No text, or nothing in it to check.
    #[default]
    Nothing,
    /// Every list is switched off: nothing can be checked.
    NoLists,
    /// The text is over a limit and was not checked.
    TooMuch(TooMuch),
    /// A large text, to be split into entries by the first step (so the
    /// paste itself stays quick and the page can show that it is working).
    Reading { run: u32 },
    /// Checking (or checked).
    Batch(Batch),
}

/// The table's settings and the rows it shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub show: Show,
    pub order: Order,
    pub page: usize,
    /// Entry indices shown, in order (all pages).
    pub view: Rc<[u32]>,
    /// The rows of the current page.
    pub rows: Rc<[RowView]>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// Today's date on this device (for the age of the lists).
    pub today: Option<Date>,
    pub checker: Checker,
    pub lists: Lists,
    /// The last list file that was refused, and why.
    pub list_refused: Option<Refused>,
    /// The last text file that could not be read, and why.
    pub file_refused: Option<String>,
    /// The text in the box.
    pub input: AttrValue,
    /// Bumped when the text is set other than by typing (a file, Clear).
    pub revision: u32,
    /// What the text is, when it is held outside the box (too large to show
    /// in it), e.g. "100,000 lines (4.1 MiB) pasted".
    pub held: Option<String>,
    /// The file the text came from, if it was opened rather than typed.
    pub from_file: Option<String>,
    /// Runs started so far (each new text or list change is a new run).
    pub runs: u32,
    pub results: Results,
    /// What the results were checked against.
    pub checked: Rc<Checked>,
    /// The CSV file is being prepared.
    pub exporting: bool,
    pub table: Table,
}

pub enum Action {
    /// The bundled filter downloaded and verified.
    Loaded(Box<Filter>),
    /// The bundled filter is missing, truncated or failed verification.
    Failed(Unavailable),
    /// The text changed (typing, paste, clear).
    Input(String),
    /// A paste too large for the box: the box's whole new text, held outside it.
    PasteLarge(String),
    /// Empty the box.
    Clear,
    /// A text file was read.
    OpenedText {
        name: String,
        text: String,
    },
    /// A dropped or picked file was not read.
    FileRefused(String),
    /// Check the text again (button, Enter).
    Check,
    /// Check `chunks` more chunks of run `run` (stale runs are ignored).
    Step {
        run: u32,
        chunks: usize,
    },
    /// A filter file from disk verified: add it as a list.
    AddList {
        file: String,
        filter: Box<Filter>,
    },
    /// A filter file from disk did not verify.
    ListRefused(Refused),
    /// Switch a list on or off.
    SetList {
        id: u32,
        on: bool,
    },
    /// Remove a list loaded from disk.
    RemoveList(u32),
    Show(Show),
    Order(Order),
    Page(usize),
    /// Preparing the CSV file started (true) or ended (false).
    Exporting(bool),
}

impl State {
    pub fn new(today: Option<Date>) -> State {
        State {
            today,
            ..State::default()
        }
    }

    pub fn can_check(&self) -> bool {
        self.checker == Checker::Ready
    }

    /// The batch being checked or checked.
    pub fn batch(&self) -> Option<&Batch> {
        match &self.results {
            Results::Batch(b) => Some(b),
            _ => None,
        }
    }

    /// The run still being read or checked, if any.
    pub fn running(&self) -> Option<u32> {
        match &self.results {
            Results::Reading { run } => Some(*run),
            Results::Batch(b) if !b.is_finished() => Some(b.run),
            _ => None,
        }
    }

    /// The verdict to show on its own, when the text holds exactly one entry.
    pub fn single_verdict(&self) -> Option<VerdictView> {
        let batch = self.batch().filter(|b| b.len() == 1)?;
        Some(present::verdict(batch.outcome(0)?, &self.checked))
    }

    /// What the live region announces: a verdict, or a batch's progress and counts.
    pub fn announcement(&self) -> String {
        if let Some(v) = self.single_verdict() {
            let who = v
                .matches
                .first()
                .and_then(|m| m.names.first())
                .map(|n| format!(" {n}."))
                .unwrap_or_default();
            return format!("{}. {}{who}", v.title, v.summary);
        }
        match &self.results {
            Results::Reading { .. } => "Reading the text…".to_string(),
            Results::Batch(b) if !b.is_finished() => {
                format!("Checking {} entries…", group_digits(b.len() as u64))
            }
            Results::Batch(b) => format!(
                "Checked {} entries: {}.",
                group_digits(b.len() as u64),
                rows::summary_line(&b.counts)
            ),
            Results::NoLists | Results::TooMuch(_) => "Nothing was checked.".to_string(),
            Results::Nothing => String::new(),
        }
    }

    fn checked_now(&self) -> Checked {
        Checked {
            lists: self.lists.enabled().len(),
            coverage: self.lists.coverage(),
            stale: self.lists.stale_notes(),
        }
    }

    /// Start checking the current text from the beginning.
    fn restart(&mut self) {
        self.runs += 1;
        self.checked = Rc::new(self.checked_now());
        self.table.page = 0;
        self.results = if !self.can_check() || self.input.trim().is_empty() {
            Results::Nothing
        } else if !self.lists.any_enabled() {
            Results::NoLists
        } else if is_large(&self.input) {
            Results::Reading { run: self.runs }
        } else {
            self.read(FIRST_STEP_CHUNKS)
        };
        self.refresh_table();
    }

    /// Split the text into entries and check the first `chunks` chunks.
    fn read(&self, chunks: usize) -> Results {
        match split(&self.input) {
            Err(too_much) => Results::TooMuch(too_much),
            Ok(s) if s.entries.is_empty() => Results::Nothing,
            Ok(s) => {
                let text: Rc<str> = match &self.input {
                    AttrValue::Rc(rc) => rc.clone(),
                    other => Rc::from(other.as_str()),
                };
                let batch = Batch::new(self.runs, text, s);
                Results::Batch(batch.step(&self.lists.enabled(), chunks))
            }
        }
    }

    /// Recompute the table's rows after the results or its settings changed.
    fn refresh_table(&mut self) {
        let (view, rows) = match &self.results {
            Results::Batch(b) => {
                let view: Rc<[u32]> = batch::view(b, self.table.show, self.table.order).into();
                self.table.page = self.table.page.min(rows::pages(view.len()) - 1);
                let rows = rows::page(b, &view, self.table.page).into();
                (view, rows)
            }
            _ => (Rc::from([]), Rc::from([])),
        };
        self.table.view = view;
        self.table.rows = rows;
    }

    /// The state after `action` (pure; what `Reducible::reduce` does).
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::Loaded(filter) => {
                s.checker = Checker::Ready;
                // The bundled list comes first; it cannot be refused (nothing is loaded yet).
                let _ = s.lists.add(*filter, Origin::Bundled, s.today);
                s.restart();
            }
            Action::Failed(why) => {
                s.checker = Checker::Unavailable(why);
                s.lists = Lists::default();
                s.restart();
            }
            Action::Input(text) => {
                s.input = AttrValue::from(text);
                s.held = None;
                s.from_file = None;
                s.file_refused = None;
                s.restart();
            }
            Action::PasteLarge(text) => {
                s.held = Some(describe(&text, None));
                s.input = AttrValue::from(text);
                s.revision += 1;
                s.from_file = None;
                s.file_refused = None;
                s.restart();
            }
            Action::Clear => {
                s.input = AttrValue::default();
                s.held = None;
                s.revision += 1;
                s.from_file = None;
                s.file_refused = None;
                s.restart();
            }
            Action::OpenedText { name, text } => {
                s.held = is_large(&text).then(|| describe(&text, Some(&name)));
                s.input = AttrValue::from(text);
                s.revision += 1;
                s.from_file = Some(name);
                s.file_refused = None;
                s.restart();
            }
            Action::FileRefused(why) => s.file_refused = Some(why),
            Action::Check => s.restart(),
            Action::Step { run, chunks } => {
                let lists = self.lists.enabled();
                match &self.results {
                    Results::Reading { run: current } if *current == run => {
                        // Splitting is this step's work; checking starts next step.
                        s.results = self.read(0);
                        s.refresh_table();
                    }
                    Results::Batch(b) if b.run == run && !b.is_finished() => {
                        s.results = Results::Batch(b.step(&lists, chunks));
                        s.refresh_table();
                    }
                    _ => return s,
                }
            }
            Action::AddList { file, filter } => {
                if s.can_check() {
                    match s.lists.add(*filter, Origin::File(file), s.today) {
                        Ok(_) => {
                            s.list_refused = None;
                            s.restart();
                        }
                        Err(refused) => s.list_refused = Some(refused),
                    }
                }
            }
            Action::ListRefused(refused) => s.list_refused = Some(refused),
            Action::SetList { id, on } => {
                if s.lists.set_enabled(id, on) {
                    s.restart();
                }
            }
            Action::RemoveList(id) => {
                if s.lists.remove(id) {
                    s.restart();
                }
            }
            Action::Show(show) => {
                s.table.show = show;
                s.table.page = 0;
                s.refresh_table();
            }
            Action::Order(order) => {
                s.table.order = order;
                s.table.page = 0;
                s.refresh_table();
            }
            Action::Page(page) => {
                s.table.page = page;
                s.refresh_table();
            }
            Action::Exporting(on) => s.exporting = on,
        }
        s
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A step for a run that is no longer current changes nothing: keep the
        // same Rc so nothing re-renders.
        if let Action::Step { run, .. } = action {
            if self.running() != Some(run) {
                return self;
            }
        }
        Rc::new(self.apply(action))
    }
}
