//! UI parts shared by the widgets.

pub mod error_notice;
pub mod lang_switch;
pub mod loading;
pub mod progress;
pub mod read_aloud;
pub mod remove_data;
pub mod share_figures;
