use std::rc::Rc;

use addrcheck_core::Status;
use yew::prelude::*;

use crate::batch::Counts;
use crate::format::group_digits;
use crate::present::{glyph, Checked, Tone};
use crate::rows::summary_parts;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub total: usize,
    pub done: usize,
    pub counts: Counts,
    pub checked: Rc<Checked>,
    /// The header row that was skipped, if any.
    pub header: Option<AttrValue>,
}

/// Progress while checking, then the counts: "3 flagged · 495 not listed · 2 invalid".
#[function_component(BatchSummary)]
pub fn batch_summary(props: &Props) -> Html {
    let running = props.done < props.total;
    let entries = if props.total == 1 { "entry" } else { "entries" };
    html! {
        <div class="batch-summary" data-testid="batch-summary" data-state={if running { "running" } else { "done" }}>
            if running {
                <div class="progress" data-testid="progress">
                    <label for="progress-bar" class="progress__label">
                        <span class="spinner" aria-hidden="true"></span>
                        { format!("Checking… {} of {} {entries}", group_digits(props.done as u64), group_digits(props.total as u64)) }
                    </label>
                    <progress id="progress-bar" max={props.total.to_string()} value={props.done.to_string()}></progress>
                </div>
            } else {
                <p class="batch-summary__title">
                    { format!("{} {entries} checked", group_digits(props.total as u64)) }
                </p>
            }
            <ul class="counts" data-testid="summary" aria-label="Results by verdict">
                { for summary_parts(&props.counts).into_iter().map(|(status, words)| html! {
                    <li class={classes!("count", Tone::of(status).class())} data-testid={format!("count-{}", status.as_str())}
                        data-count={props.counts.get(status).to_string()}>
                        <span class="glyph" aria-hidden="true">{ glyph(status) }</span>
                        { words }
                    </li>
                }) }
            </ul>
            <p class="batch-summary__against muted" data-testid="checked-against">
                { format!("Checked against {}.", props.checked.coverage) }
                if props.counts.get(Status::Clear) > 0 {
                    { " “Not listed” means not on these lists as of those dates." }
                }
            </p>
            if let Some(header) = &props.header {
                <p class="note" data-testid="header-note">{ format!("Skipped the header row ({header}).") }</p>
            }
            { for props.checked.stale.iter().map(|note| html! {
                <p class="age-note" data-testid="batch-age">
                    <span class="glyph" aria-hidden="true">{ "!" }</span>
                    { format!("{note}. Anything listed or delisted since then is not reflected.") }
                </p>
            }) }
        </div>
    }
}
