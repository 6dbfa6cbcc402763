//! Request handlers, one module per domain.

pub mod admin;
pub mod admin_scripts;
pub mod assets;
pub mod cafes;
pub mod door;
pub mod extract;
pub mod figures;
pub mod scripts;
