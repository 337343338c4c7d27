use web_sys::File;
use yew::prelude::*;

use crate::components::{add_list::AddList, list_card::ListCard};
use crate::lists::{Lists, Refused};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lists: Lists,
    pub refused: Option<Refused>,
    pub on_set: Callback<(u32, bool)>,
    pub on_remove: Callback<u32>,
    pub on_files: Callback<Vec<File>>,
}

/// Every loaded list, side by side, and the control to add one.
#[function_component(ListsPanel)]
pub fn lists_panel(props: &Props) -> Html {
    let all = props.lists.all();
    let on = all.iter().filter(|l| l.enabled).count();
    html! {
        <section class="card lists" aria-labelledby="lists-title" data-testid="lists">
            <div class="card-head">
                <h2 id="lists-title" class="card-title">{ if all.len() == 1 { "The list" } else { "The lists" } }</h2>
                <p class="muted card-head__meta" data-testid="lists-count">
                    { format!("{} loaded · {} in use", all.len(), on) }
                </p>
            </div>
            <div class={classes!("lists__grid", (all.len() > 1).then_some("lists__grid--two"))}>
                { for all.iter().map(|list| html! {
                    <ListCard key={list.id} list={list.clone()} on_set={props.on_set.clone()} on_remove={props.on_remove.clone()} />
                }) }
            </div>
            <AddList refused={props.refused.clone()} on_files={props.on_files.clone()} />
        </section>
    }
}
