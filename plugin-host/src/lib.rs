//! Sandboxed Rhai rule scripts for Bondgenoot, and the contract types that cross
//! browser ↔ server ↔ script.
//!
//! This crate knows nothing of the DOM or HTTP: the widgets (wasm32) and the
//! server (native) both call it, so the same script gives the same answer in both.

mod budget;
pub mod contract;
mod depth;
mod error;
mod limits;
mod log;
mod miscompiled;
pub mod plural;
pub mod review;
mod rules;
mod sandbox;
pub mod script_tests;

pub use budget::thread_time;
pub use error::{ErrorKind, ScriptError};
pub use limits::{LIMITS, Limits};
pub use log::{LogKind, LogLine};
pub use rules::{Layer, Rules};
