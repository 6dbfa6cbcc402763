//! The data folder (`--data-dir`): created with its parents when missing, so
//! a fresh clone or a new server starts without a manual `mkdir`. When it
//! cannot be used, the error says which path, why, and what to do, because
//! the reader is the person starting the server, not a developer.

use std::io::ErrorKind;
use std::path::Path;

/// Creates `dir` (and its parents) if missing and checks that it is a
/// folder this process can write in.
pub fn ensure(dir: &Path) -> anyhow::Result<()> {
    let shown = dir.display();
    if let Err(e) = std::fs::create_dir_all(dir) {
        let (why, what_to_do) = explain(&e, dir);
        anyhow::bail!("cannot create the data folder {shown}: {why}. {what_to_do}");
    }
    // create_dir_all succeeds on an existing folder whatever its permissions;
    // SQLite's own error for a folder it cannot write in is "unable to open
    // database file", which names neither the folder nor the cause.
    let probe = dir.join(".bondgenoot-write-check");
    let written = std::fs::write(&probe, b"");
    let _ = std::fs::remove_file(&probe);
    if let Err(e) = written {
        let (why, what_to_do) = explain(&e, dir);
        anyhow::bail!("cannot write in the data folder {shown}: {why}. {what_to_do}");
    }
    Ok(())
}

/// The reason in words and what the person can do about it.
fn explain(e: &std::io::Error, dir: &Path) -> (String, String) {
    let other_folder = "Choose another folder with --data-dir (or BONDGENOOT_DATA_DIR)";
    let in_the_way = dir
        .ancestors()
        .find(|p| p.exists() && !p.is_dir())
        .map(|p| p.display().to_string());
    if let Some(file) = in_the_way {
        return (
            format!("{file} is a file, not a folder"),
            format!("Move that file away, or {}.", lower_first(other_folder)),
        );
    }
    match e.kind() {
        ErrorKind::PermissionDenied => (
            "this user has no permission to write there".to_owned(),
            format!("{other_folder}, or give this user write access."),
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "the disk is read-only".to_owned(),
            format!("{other_folder} on a writable disk."),
        ),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
            "the disk is full".to_owned(),
            format!("Free some space, or {}.", lower_first(other_folder)),
        ),
        _ => (e.to_string(), format!("{other_folder}.")),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
