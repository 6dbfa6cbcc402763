//! Builds the browser bundle into `target/bundle/v1/`: the two wasm modules
//! (the UI, `widgets`, and the rules engine, `engine`) with their JS glue,
//! embed.js and widget.css, each with `.br` and `.gz` copies that the
//! server sends to browsers that accept them. Then the admin playground into
//! `target/bundle/admin/`: its page, and its JS with CodeMirror bundled by
//! esbuild (npm packages from `admin/package-lock.json`; nothing from a CDN).
//! And the WordPress plugin's zip beside the bundle (`wordpress`).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::{cargo, sh, tools};

/// Output folder; the server serves it at `/v1/`.
pub const OUT: &str = "target/bundle/v1";
/// The playground's output folder; the server serves it at `/admin/`.
pub const ADMIN_OUT: &str = "target/bundle/admin";

/// Sizes of one bundle file.
pub struct Size {
    /// File name.
    pub name: String,
    /// Bytes as built.
    pub raw: usize,
    /// Bytes gzip -9.
    pub gzip: usize,
    /// Bytes brotli quality 11.
    pub brotli: usize,
}

/// Builds the bundle and returns the size of each file.
pub fn build() -> Result<Vec<Size>> {
    tools::ensure_wasm_toolchain()?;
    // The crates are downloaded first, so their folder is there to remap.
    sh(cargo().args(["fetch", "--quiet"]))?;
    sh(cargo()
        .args([
            "build",
            "--package",
            "widgets",
            "--package",
            "engine",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "--config",
        ])
        .arg(remap_registry()))?;
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    fs::create_dir_all(OUT).context("creating the bundle folder")?;
    for (crate_name, out_name) in [("widgets", "bondgenoot"), ("engine", "bondgenoot_engine")] {
        let wasm = Path::new(&target)
            .join("wasm32-unknown-unknown/wasm-release")
            .join(format!("{crate_name}.wasm"));
        sh(Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                out_name,
                "--out-dir",
                OUT,
            ])
            .arg(&wasm))?;
    }
    // Each glue becomes a factory of instances (see `as_factory`), then
    // minified, as every byte before the first screen counts on a slow
    // connection: the glue, the stylesheet and (below) embed.js.
    let esbuild = esbuild()?;
    for glue in ["bondgenoot.js", "bondgenoot_engine.js"] {
        let path = Path::new(OUT).join(glue);
        let module = fs::read_to_string(&path).with_context(|| format!("reading {glue}"))?;
        let factory = as_factory(&module).with_context(|| format!("wrapping {glue}"))?;
        fs::write(&path, factory).with_context(|| format!("writing {glue}"))?;
        minify(&esbuild, &path, &path)?;
    }
    minify(
        &esbuild,
        Path::new("widgets/widget.css"),
        &Path::new(OUT).join("widget.css"),
    )?;
    // Versioned copies that never change, named by their content: the
    // server lets browsers keep them for a year (see the server's
    // `controllers::assets`). embed.js, whose address is fixed, names them.
    // They and their compressed copies are complete before embed.js names
    // them, and a version that exists is never written again (a browser may
    // be reading it, and would keep a half-written file for a year).
    let mut files = Vec::new();
    for (key, name) in [
        ("wasm", "bondgenoot_bg.wasm"),
        ("glue", "bondgenoot.js"),
        ("engine", "bondgenoot_engine_bg.wasm"),
        ("engineGlue", "bondgenoot_engine.js"),
        ("css", "widget.css"),
    ] {
        files.push((key, versioned_copy(&Path::new(OUT).join(name))?));
    }
    let embed = fs::read_to_string("www/embed.js").context("reading www/embed.js")?;
    let names = files
        .iter()
        .map(|(key, name)| format!("{key}: '{name}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let line = "var FILES = { wasm: 'bondgenoot_bg.wasm', glue: 'bondgenoot.js', \
                engine: 'bondgenoot_engine_bg.wasm', engineGlue: 'bondgenoot_engine.js', \
                css: 'widget.css' };";
    anyhow::ensure!(
        embed.matches(line).count() == 1,
        "www/embed.js should have the line `{line}` once, for the versioned names"
    );
    let embed = embed.replace(line, &format!("var FILES = {{ {names} }};"));
    // Written whole (and minified), then moved into place: a request never
    // gets half of it.
    let named = Path::new(OUT).join("embed.named.js");
    fs::write(&named, embed).context("writing embed.js")?;
    let staged = Path::new(OUT).join("embed.js.new");
    minify(&esbuild, &named, &staged)?;
    fs::remove_file(&named).context("removing the unminified embed.js")?;
    fs::rename(&staged, Path::new(OUT).join("embed.js")).context("moving embed.js into place")?;

    let mut sizes = Vec::new();
    for name in [
        "embed.js",
        "bondgenoot.js",
        "bondgenoot_bg.wasm",
        "bondgenoot_engine.js",
        "bondgenoot_engine_bg.wasm",
        "widget.css",
    ] {
        sizes.push(compress(&Path::new(OUT).join(name))?);
    }
    // The last builds' versions stay: a page that loaded an older embed.js
    // (cached for five minutes) or is still open across a deploy asks for
    // them.
    let current: Vec<String> = files.iter().map(|(_, name)| name.clone()).collect();
    prune_versioned(Path::new(OUT), KEEP_BUILDS, &current)?;
    crate::wordpress::zip_plugin(Path::new(OUT))?;
    println!("xtask: bundle ready in {OUT}/");
    playground()?;
    Ok(sizes)
}

/// A `--config` value that adds, to the wasm target's flags, a remap of the
/// crates' download folders (`registry/src/<index>/`) in the panic locations
/// the bundle carries: the same bytes on every machine (the size guard counts
/// them), and no builder's home folder in a file every visitor downloads.
/// Cargo joins it to the flags in `.cargo/config.toml`.
fn remap_registry() -> String {
    let home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    let sources = Path::new(&home).join("registry/src");
    let flags: Vec<String> = fs::read_dir(&sources)
        .into_iter()
        .flatten()
        .flatten()
        .map(|index| format!("\"--remap-path-prefix={}/=\"", index.path().display()))
        .collect();
    format!(
        "target.wasm32-unknown-unknown.rustflags=[{}]",
        flags.join(",")
    )
}

/// wasm-bindgen's glue (`--target web`) as a factory: its module body inside
/// `export default function () { …; return { its exports } }`.
///
/// Why: the glue keeps its wasm instance in module state, and a browser
/// evaluates a module once per URL. Every widget on a page has instances of
/// its own (one organisation's script that breaks its instance leaves the
/// others working), so embed.js used to import the glue under a new URL per
/// widget (`?instance=N`), and each further widget downloaded it again. Now
/// it is downloaded once, and each call makes a fresh instance of its state:
/// `const glue = factory(); await glue.default({ module_or_path })`.
///
/// wasm-bindgen writes each export on a line of its own, at the line's start
/// (`export function`, `export class`, `export { … }`, `export default …`);
/// any other top-level `export` or `import` fails the build, so a change in
/// wasm-bindgen's output is seen here, not in a browser.
fn as_factory(module: &str) -> Result<String> {
    let mut body = String::with_capacity(module.len() + 256);
    let mut exports: Vec<(String, String)> = Vec::new();
    let name_after = |rest: &str| -> Result<String> {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        anyhow::ensure!(!name.is_empty(), "an export without a name: {rest}");
        Ok(name)
    };
    for line in module.lines() {
        let declared = [
            "export function ",
            "export async function ",
            "export class ",
        ]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix).map(|rest| (prefix, rest)));
        if let Some((prefix, rest)) = declared {
            let name = name_after(rest)?;
            exports.push((name.clone(), name));
            body.push_str(&prefix["export ".len()..]);
            body.push_str(rest);
        } else if let Some(list) = line.strip_prefix("export {") {
            let list = list
                .trim_end()
                .strip_suffix("};")
                .with_context(|| format!("an export list over several lines: {line}"))?;
            for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                let (local, public) = item.split_once(" as ").unwrap_or((item, item));
                exports.push((public.trim().to_owned(), name_after(local.trim())?));
            }
            continue;
        } else if let Some(rest) = line.strip_prefix("export default ") {
            let local = name_after(rest)?;
            anyhow::ensure!(
                rest.trim_end() == format!("{local};"),
                "a default export that is not a name: {line}"
            );
            exports.push(("default".to_owned(), local));
            continue;
        } else {
            anyhow::ensure!(
                !line.starts_with("export") && !line.starts_with("import "),
                "a line the factory cannot wrap: {line}"
            );
            body.push_str(line);
        }
        body.push('\n');
    }
    anyhow::ensure!(
        exports.iter().any(|(public, _)| public == "default"),
        "the glue has no default export (its init)"
    );
    let returned = exports
        .iter()
        .map(|(public, local)| format!("{public}: {local}"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(format!(
        "export default function () {{\n{body}return {{ {returned} }};\n}}\n"
    ))
}

/// esbuild, from the playground's npm packages (installed if missing).
fn esbuild() -> Result<std::path::PathBuf> {
    let dir = Path::new("admin");
    tools::ensure_npm_packages(dir)?;
    std::fs::canonicalize(dir.join("node_modules/.bin/esbuild"))
        .context("esbuild is missing from admin/node_modules")
}

/// Minifies one JS or CSS file (whitespace, comments, names; the `/*!`
/// licence comment stays) from `from` into `to`.
fn minify(esbuild: &Path, from: &Path, to: &Path) -> Result<()> {
    let staged = to.with_extension("min.tmp");
    sh(Command::new(esbuild)
        .arg(from)
        .args(["--minify", "--log-level=warning"])
        .arg(format!("--outfile={}", staged.display())))?;
    fs::rename(&staged, to).with_context(|| format!("writing {}", to.display()))
}

/// The admin playground: `admin/src/main.js` and CodeMirror in one minified
/// module, beside its page and stylesheet.
pub fn playground() -> Result<()> {
    let dir = Path::new("admin");
    let esbuild = esbuild()?;
    fs::create_dir_all(ADMIN_OUT).context("creating the playground folder")?;
    let out = std::fs::canonicalize(ADMIN_OUT).context("the playground folder")?;
    sh(Command::new(esbuild)
        .args([
            "src/main.js",
            "--bundle",
            "--format=esm",
            "--minify",
            "--target=es2020",
        ])
        .arg(format!("--outfile={}", out.join("playground.js").display()))
        .current_dir(dir))?;
    for name in ["index.html", "playground.css"] {
        fs::copy(dir.join(name), Path::new(ADMIN_OUT).join(name))
            .with_context(|| format!("copying admin/{name}"))?;
    }
    let js = compress(&Path::new(ADMIN_OUT).join("playground.js"))?;
    println!(
        "xtask: playground ready in {ADMIN_OUT}/ (playground.js {} KB, {} KB brotli)",
        js.raw / 1024,
        js.brotli / 1024
    );
    Ok(())
}

/// Whether `name` is a versioned copy: `stem.<10 hex>.ext` (the server's
/// `controllers::assets::is_versioned` reads names the same way).
fn is_versioned(name: &str) -> bool {
    let mut parts = name.rsplit('.');
    let (_ext, hash) = (parts.next(), parts.next());
    hash.is_some_and(|h| h.len() == 10 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        && parts.next().is_some()
}

/// How many builds' versioned copies the bundle folder keeps.
const KEEP_BUILDS: usize = 3;

/// Removes versioned copies (and their `.br`/`.gz`) beyond the newest
/// `keep` of each file, by modification time; never the `current` build's
/// (an unchanged file keeps its old time: it is not written again).
fn prune_versioned(dir: &Path, keep: usize, current: &[String]) -> Result<()> {
    let mut by_stem: std::collections::BTreeMap<String, Vec<(std::time::SystemTime, String)>> =
        Default::default();
    for entry in fs::read_dir(dir).context("reading the bundle folder")? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_versioned(&name) || current.contains(&name) {
            continue;
        }
        let stem = name.split('.').next().unwrap_or_default().to_owned();
        let modified = entry.metadata()?.modified()?;
        by_stem.entry(stem).or_default().push((modified, name));
    }
    for mut versions in by_stem.into_values() {
        versions.sort_by_key(|v| std::cmp::Reverse(v.0));
        // `keep` builds in all: the current one and the newest before it.
        for (_, name) in versions.into_iter().skip(keep.saturating_sub(1)) {
            for file in [name.clone(), format!("{name}.br"), format!("{name}.gz")] {
                let path = dir.join(file);
                if path.exists() {
                    fs::remove_file(path)?;
                }
            }
        }
    }
    Ok(())
}

/// Copies `dir/stem.ext` to `dir/stem.<hash>.ext`, the hash the first ten hex
/// digits of its content's SHA-256; returns the new name.
fn versioned_copy(path: &Path) -> Result<String> {
    use sha2::Digest as _;
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let hash = sha2::Sha256::digest(&bytes);
    let hash: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let (stem, ext) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.rsplit_once('.'))
        .context("a bundle file without an extension")?;
    let name = format!("{stem}.{hash}.{ext}");
    let versioned = path.with_file_name(&name);
    if !versioned.exists() {
        // Staged under another name, compressed, then moved into place: a
        // version appears whole, with its .br and .gz, or not at all.
        let staged = path.with_file_name(format!("{name}.new"));
        fs::write(&staged, &bytes)?;
        let (gz, br) = (gzip(&bytes)?, brotli(&bytes)?);
        fs::write(path.with_file_name(format!("{name}.gz")), gz)?;
        fs::write(path.with_file_name(format!("{name}.br")), br)?;
        fs::rename(&staged, &versioned)?;
    }
    Ok(name)
}

/// Writes `.gz` and `.br` copies beside `path` and returns the three sizes.
fn compress(path: &Path) -> Result<Size> {
    let raw = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let gz = gzip(&raw)?;
    let br = brotli(&raw)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::write(path.with_file_name(format!("{name}.gz")), &gz)?;
    fs::write(path.with_file_name(format!("{name}.br")), &br)?;
    Ok(Size {
        name,
        raw: raw.len(),
        gzip: gz.len(),
        brotli: br.len(),
    })
}

fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data)?;
    Ok(enc.finish()?)
}

/// Brotli at its best quality, by the reference encoder (what the browser
/// downloads: every byte of it counts against the first widget's budget).
fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let encoder = brotlic::BrotliEncoderOptions::new()
        .quality(brotlic::Quality::best())
        .window_size(brotlic::WindowSize::new(22)?)
        .size_hint(u32::try_from(data.len()).unwrap_or(u32::MAX))
        .build()?;
    let mut w = brotlic::CompressorWriter::with_encoder(encoder, Vec::new());
    w.write_all(data)?;
    Ok(w.into_inner()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_becomes_a_factory_returning_every_export() -> Result<()> {
        let glue = "let wasm;\n\
                    export function mount(a) {\n  return wasm.mount(a);\n}\n\
                    export class Handle {\n  free() {}\n}\n\
                    function initSync(m) {}\n\
                    async function __wbg_init(m) {}\n\
                    export { initSync, Handle as Other };\n\
                    export default __wbg_init;\n";
        let factory = as_factory(glue)?;
        assert!(
            factory.starts_with("export default function () {\nlet wasm;\nfunction mount(a) {")
        );
        assert!(factory.contains("\nclass Handle {"));
        assert!(factory.ends_with(
            "return { mount: mount, Handle: Handle, initSync: initSync, Other: Handle, default: __wbg_init };\n}\n"
        ));
        assert_eq!(factory.matches("export").count(), 1, "{factory}");
        Ok(())
    }

    #[test]
    fn glue_the_factory_cannot_wrap_fails_the_build() {
        for glue in [
            "import { x } from './snippets/a.js';\nexport default init;\n",
            "export const x = 1;\nexport default init;\n",
            "export {\n  a,\n};\nexport default init;\n",
            "export function a() {}\n",
            "export default async function (m) {}\n",
        ] {
            assert!(as_factory(glue).is_err(), "{glue}");
        }
    }

    #[test]
    fn only_content_named_copies_count_as_versions() {
        assert!(is_versioned("bondgenoot_bg.0123abcdef.wasm"));
        assert!(!is_versioned("bondgenoot_bg.wasm"));
        assert!(!is_versioned("bondgenoot_bg.0123abcdef.wasm.br"));
        assert!(!is_versioned("bondgenoot_bg.0123abcdeg.wasm"));
        assert!(!is_versioned("0123abcdef.wasm"));
    }

    #[test]
    fn pruning_keeps_the_current_build_and_the_newest_before_it() -> Result<()> {
        let dir = tempfile::TempDir::new()?;
        // Four builds of one file, oldest first; the current build is the
        // oldest one (an unchanged file is not written again).
        let names = [
            "w.000000000a.wasm",
            "w.000000000b.wasm",
            "w.000000000c.wasm",
            "w.000000000d.wasm",
        ];
        for (i, name) in names.iter().enumerate() {
            for file in [name.to_string(), format!("{name}.br"), format!("{name}.gz")] {
                let path = dir.path().join(file);
                fs::write(&path, "x")?;
                let at = std::time::SystemTime::UNIX_EPOCH
                    + std::time::Duration::from_secs(1_000 + i as u64);
                fs::File::options()
                    .write(true)
                    .open(&path)?
                    .set_modified(at)?;
            }
        }
        fs::write(dir.path().join("w.wasm"), "x")?;
        prune_versioned(dir.path(), 3, &[names[0].to_owned()])?;
        let mut left: Vec<String> = fs::read_dir(dir.path())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let want = [
            "w.000000000a.wasm",
            "w.000000000a.wasm.br",
            "w.000000000a.wasm.gz",
            "w.000000000c.wasm",
            "w.000000000c.wasm.br",
            "w.000000000c.wasm.gz",
            "w.000000000d.wasm",
            "w.000000000d.wasm.br",
            "w.000000000d.wasm.gz",
            "w.wasm",
        ];
        assert_eq!(left, want);
        Ok(())
    }
}
