//! Finds or installs the tools the build needs, so a fresh clone works with
//! `cargo xtask serve`: the wasm32 target, the wasm-bindgen CLI matching
//! Cargo.lock, the npm packages of the end-to-end tests, and Chromium.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::sh;

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("reading Cargo.lock")?;
    let lines: Vec<&str> = lock.lines().collect();
    let version = lines.windows(2).find_map(|pair| match pair {
        ["name = \"wasm-bindgen\"", v] => v
            .strip_prefix("version = \"")
            .map(|v| v.trim_end_matches('"')),
        _ => None,
    });
    if let Some(v) = version {
        return Ok(v.to_owned());
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

/// Installs the wasm32 target and the matching wasm-bindgen CLI if missing.
pub fn ensure_wasm_toolchain() -> Result<()> {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    let has_target = targets
        .as_ref()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"));
    if !has_target {
        sh(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let want = locked_wasm_bindgen()?;
    let have = Command::new("wasm-bindgen")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    if have
        .as_deref()
        .is_none_or(|v| v.split_whitespace().nth(1) != Some(want.as_str()))
    {
        println!(
            "xtask: installing wasm-bindgen-cli {want} (matches Cargo.lock; takes a few minutes once)"
        );
        // Not --locked: the registry copy's lock file pins a yanked dependency.
        sh(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    Ok(())
}

/// Installs the end-to-end tests' npm packages from package-lock.json.
pub fn ensure_npm_packages(dir: &Path) -> Result<()> {
    let marker = dir.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(&marker),
        std::fs::metadata(dir.join("package-lock.json")),
    ) {
        (Ok(m), Ok(l)) => m.modified().ok() < l.modified().ok(),
        _ => true,
    };
    if stale {
        sh(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir))?;
    }
    Ok(())
}

/// Debian's Chromium; browser downloads do not work on these machines.
pub fn chromium() -> Result<String> {
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(path).exists() {
            return Ok(path.to_owned());
        }
    }
    bail!("Chromium is not installed: run `apt-get install -y chromium` (as .ci/run does)")
}
