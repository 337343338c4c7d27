use yew::prelude::*;

use crate::format::group_digits;
use crate::rows::PAGE_SIZE;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Rows in the current view (all pages).
    pub rows: usize,
    pub page: usize,
    pub pages: usize,
    pub on_page: Callback<usize>,
}

/// "Rows 101–200 of 1,000" with previous and next.
#[function_component(Pager)]
pub fn pager(props: &Props) -> Html {
    if props.rows == 0 {
        return html! {};
    }
    let first = props.page * PAGE_SIZE + 1;
    let last = (first + PAGE_SIZE - 1).min(props.rows);
    let go = |page: usize| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(page))
    };
    html! {
        <nav class="pager" aria-label="Result pages">
            <p class="pager__status" data-testid="pager-status">
                { format!("Rows {}–{} of {}", group_digits(first as u64), group_digits(last as u64), group_digits(props.rows as u64)) }
            </p>
            if props.pages > 1 {
                <div class="pager__buttons">
                    <button type="button" class="button" onclick={go(props.page.saturating_sub(1))}
                        disabled={props.page == 0}>{ "Previous" }</button>
                    <span class="muted">{ format!("Page {} of {}", props.page + 1, group_digits(props.pages as u64)) }</span>
                    <button type="button" class="button" onclick={go(props.page + 1)}
                        disabled={props.page + 1 >= props.pages} data-testid="next-page">{ "Next" }</button>
                </div>
            }
        </nav>
    }
}
