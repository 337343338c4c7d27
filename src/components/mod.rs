//! One component a file. Components render the state; they decide nothing.

pub mod add_list;
pub mod batch_summary;
pub mod checker_input;
pub mod how_it_works;
pub mod list_card;
pub mod lists_panel;
pub mod match_list;
pub mod pager;
pub mod privacy_footer;
pub mod result_notice;
pub mod result_row;
pub mod results_table;
pub mod results_toolbar;
pub mod site_header;
pub mod status_notice;
pub mod verdict_card;
