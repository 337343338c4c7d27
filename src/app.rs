//! The root component: loads the bundled list once, keeps a running batch
//! going in steps (yielding to the browser between them), and renders the state.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::File;
use yew::prelude::*;

use crate::batch::{next_step_size, Order, Show, FIRST_STEP_SIZE};
use crate::browser;
use crate::components::{
    batch_summary::BatchSummary, checker_input::CheckerInput, how_it_works::HowItWorks,
    lists_panel::ListsPanel, pager::Pager, privacy_footer::PrivacyFooter,
    result_notice::ResultNotice, results_table::ResultsTable, results_toolbar::ResultsToolbar,
    site_header::SiteHeader, status_notice::StatusNotice, verdict_card::VerdictCard,
};
use crate::csv;
use crate::present::{no_lists, too_much, Notice};
use crate::rows::{header_note, pages};
use crate::state::{Action, Checker, Results, State};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(browser::today()));
    // Chunks per step, adapted to how long the last step took.
    let step_size = use_mut_ref(|| FIRST_STEP_SIZE);

    // Fetch and verify the bundled filter once, on mount. This is the only
    // request the app makes; checking afterwards is local.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match crate::load::fetch_filter().await {
                    Ok(filter) => dispatcher.dispatch(Action::Loaded(Box::new(filter))),
                    Err(why) => dispatcher.dispatch(Action::Failed(why)),
                }
            });
        });
    }

    // While a batch is unfinished, check the next chunks after yielding to the
    // browser (so it can paint the progress and handle input), then again.
    {
        let dispatcher = state.dispatcher();
        let running = state.running();
        // Changes at every step (reading, then each chunk), so each step schedules the next.
        let progress = state.batch().map(|b| b.done() + 1).unwrap_or(0);
        let step_size = step_size.clone();
        use_effect_with((running, progress), move |&(running, _)| {
            let timeout = running.map(|run| {
                Timeout::new(0, move || {
                    let chunks = *step_size.borrow();
                    let started = browser::now_ms();
                    dispatcher.dispatch(Action::Step { run, chunks });
                    *step_size.borrow_mut() = next_step_size(chunks, browser::now_ms() - started);
                })
            });
            move || drop(timeout)
        });
    }

    // Callbacks that only dispatch are made once (the dispatcher never
    // changes), so a step re-renders only what its results changed.
    let dispatcher = state.dispatcher();
    let on_input = use_callback(dispatcher.clone(), |text: String, d| {
        d.dispatch(Action::Input(text))
    });
    let on_large_paste = use_callback(dispatcher.clone(), |text: String, d| {
        d.dispatch(Action::PasteLarge(text))
    });
    let on_clear = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::Clear));
    let on_check = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::Check));
    let on_files = use_callback(dispatcher.clone(), |files: Vec<File>, d| {
        browser::open_files(files, d.clone())
    });
    let on_show = use_callback(dispatcher.clone(), |show: Show, d| {
        d.dispatch(Action::Show(show))
    });
    let on_order = use_callback(dispatcher.clone(), |order: Order, d| {
        d.dispatch(Action::Order(order))
    });
    let on_page = use_callback(dispatcher.clone(), |page: usize, d| {
        d.dispatch(Action::Page(page))
    });
    let on_set = use_callback(dispatcher.clone(), |(id, on): (u32, bool), d| {
        d.dispatch(Action::SetList { id, on })
    });
    let on_remove = use_callback(dispatcher, |id: u32, d| d.dispatch(Action::RemoveList(id)));
    let on_copy = use_callback((), |text: String, _| browser::copy(&text));
    // Export CSV: built in parts from a snapshot of the results (yielding
    // between parts), saved from a blob: URL made in the page.
    let on_export = {
        let state = state.clone();
        Callback::from(move |()| {
            let Some(batch) = state
                .batch()
                .filter(|b| b.is_finished() && !state.exporting)
                .cloned()
            else {
                return;
            };
            browser::save_csv(
                batch,
                state.checked.clone(),
                csv::file_name(state.today),
                state.dispatcher(),
            );
        })
    };

    let results = match (&state.checker, &state.results, state.single_verdict()) {
        (Checker::Ready, Results::Nothing, _) => html! { <ResultNotice notice={Notice::Empty} /> },
        (Checker::Ready, Results::NoLists, _) => html! { <ResultNotice notice={no_lists()} /> },
        (Checker::Ready, Results::TooMuch(t), _) => {
            html! { <ResultNotice notice={too_much(*t)} /> }
        }
        (Checker::Ready, Results::Reading { .. }, _) => {
            html! { <ResultNotice notice={Notice::Reading} /> }
        }
        (Checker::Ready, Results::Batch(_), Some(view)) => html! {
            <VerdictCard view={Rc::new(view)} stale={Rc::new(state.checked.stale.clone())} />
        },
        (Checker::Ready, Results::Batch(batch), None) => html! {
            <>
                <BatchSummary total={batch.len()} done={batch.done()} counts={batch.counts}
                    checked={state.checked.clone()} header={header_note(batch).map(AttrValue::from)} />
                <ResultsToolbar show={state.table.show} order={state.table.order} counts={batch.counts}
                    finished={batch.is_finished()} exporting={state.exporting} {on_show} {on_order} {on_export} />
                <ResultsTable rows={state.table.rows.clone()} {on_copy} />
                <Pager rows={state.table.view.len()} page={state.table.page}
                    pages={pages(state.table.view.len())} {on_page} />
            </>
        },
        (checker, _, _) => html! { <StatusNotice checker={checker.clone()} /> },
    };

    html! {
        <>
            <SiteHeader />
            <main class="container" id="main">
                <section class="card checker" aria-labelledby="check-title">
                    <h2 id="check-title" class="card-title">{ "Check addresses" }</h2>
                    <CheckerInput
                        value={state.input.clone()}
                        revision={state.revision}
                        held={state.held.clone().map(AttrValue::from)}
                        disabled={!state.can_check()}
                        from_file={state.from_file.clone().map(AttrValue::from)}
                        file_refused={state.file_refused.clone().map(AttrValue::from)}
                        {on_input}
                        {on_check}
                        {on_clear}
                        {on_large_paste}
                        on_files={on_files.clone()}
                    />
                    <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announce">
                        { state.announcement() }
                    </p>
                    <div class="result" data-testid="result">{ results }</div>
                </section>
                if state.can_check() {
                    <ListsPanel lists={state.lists.clone()} refused={state.list_refused.clone()}
                        {on_set} {on_remove} {on_files} />
                }
                <HowItWorks />
            </main>
            <PrivacyFooter />
        </>
    }
}
