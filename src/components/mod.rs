//! One component a file. Components render the state; they decide nothing.

pub mod address_input;
pub mod list_info;
pub mod privacy_footer;
pub mod site_header;
pub mod status_notice;
pub mod verdict_card;
