//! Request handlers, one module per domain.

pub mod assets;
pub mod scripts;
