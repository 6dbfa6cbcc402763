//! The WordPress plugin as the zip an administrator uploads (Plugins → Add
//! New → Upload Plugin): `integrations/wordpress/bondgenoot/`, under one
//! folder `bondgenoot/` as WordPress expects, written into the bundle folder
//! so the server serves it at `/v1/bondgenoot-wordpress.zip`. The same files
//! make the same bytes (sorted names, fixed times).

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use zip::write::SimpleFileOptions;

/// The plugin's folder in the repository.
const SOURCE: &str = "integrations/wordpress/bondgenoot";
/// The zip's name in the bundle folder.
pub const ZIP: &str = "bondgenoot-wordpress.zip";

/// Writes the zip into `out_dir`, whole, then moves it into place.
pub fn zip_plugin(out_dir: &Path) -> Result<()> {
    let mut names = Vec::new();
    for entry in fs::read_dir(SOURCE).with_context(|| format!("reading {SOURCE}"))? {
        let entry = entry?;
        anyhow::ensure!(
            entry.file_type()?.is_file(),
            "{SOURCE} should hold files only: {:?} is not one",
            entry.file_name()
        );
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    let staged = out_dir.join(format!("{ZIP}.new"));
    let mut zip = zip::ZipWriter::new(fs::File::create(&staged).context("creating the zip")?);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    zip.add_directory("bondgenoot/", options.unix_permissions(0o755))?;
    for name in &names {
        zip.start_file(format!("bondgenoot/{name}"), options)?;
        zip.write_all(&fs::read(Path::new(SOURCE).join(name))?)?;
    }
    zip.finish().context("writing the zip")?;
    fs::rename(&staged, out_dir.join(ZIP)).context("moving the zip into place")?;
    Ok(())
}
