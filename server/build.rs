//! `sqlx::migrate!` embeds `migrations/` when the crate compiles: without
//! this, a new migration file alone does not make cargo compile it again.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
