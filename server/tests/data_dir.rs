//! The real binary on a data folder that is missing, or in the way, as on a
//! fresh clone or a new server: `serve` and `org add` create it, explain what
//! they cannot use, and only `serve --demo` sets up the demo organisation.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn bondgenoot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bondgenoot"));
    cmd.env("RUST_LOG", "warn");
    cmd
}

/// `bondgenoot org add NAME` on `data`, as an admin runs it.
fn org_add(name: &str, data: &Path) -> Output {
    bondgenoot()
        .args(["org", "add", name, "--scripts-dir"])
        .arg(format!("{ROOT}/scripts"))
        .arg("--data-dir")
        .arg(data)
        .output()
        .expect("org add runs")
}

/// A running `serve`, with what it printed up to the blank line after its
/// directions (or just its first line without `--demo`).
struct Serving {
    child: Child,
    origin: String,
    printed: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(data: &Path, demo: bool) -> Serving {
    let mut cmd = bondgenoot();
    cmd.args(["serve", "--port", "0", "--data-dir"])
        .arg(data)
        .arg("--www-dir")
        .arg(format!("{ROOT}/www"))
        .arg("--scripts-dir")
        .arg(format!("{ROOT}/scripts"))
        .arg("--bundle-dir")
        .arg(data.join("no-bundle"));
    if demo {
        cmd.arg("--demo");
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut printed = String::new();
    let mut origin = String::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
        if let Some(url) = line.strip_prefix("Bondgenoot is serving ") {
            origin = url.trim_end_matches('/').to_owned();
        }
        printed.push_str(&line);
        printed.push('\n');
        let done = if demo {
            line.contains("org add") || line.contains("sign in at")
        } else {
            !origin.is_empty()
        };
        if done {
            break;
        }
    }
    assert!(!origin.is_empty(), "the server did not start:\n{printed}");
    Serving {
        child,
        origin,
        printed,
    }
}

async fn status(url: String) -> u16 {
    reqwest::get(url).await.expect("request").status().as_u16()
}

#[tokio::test]
async fn serve_creates_a_missing_data_folder_with_its_parents_and_starts_without_the_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("srv/bondgenoot/data");
    let server = serve(&data, false);
    assert!(data.join("bondgenoot.sqlite3").is_file());
    // A real deployment has no fake organisation that anyone can sign up to.
    let demo = status(format!("{}/v1/orgs/demo/cafes", server.origin)).await;
    assert_eq!(demo, 404);
    assert!(!server.printed.contains("/admin/#"), "{}", server.printed);
}

#[tokio::test]
async fn serve_demo_prints_where_everything_is_and_a_sign_in_link_that_works_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let link = |printed: &str| {
        printed
            .lines()
            .find_map(|l| l.trim().split_once("/admin/#"))
            .map(|(_, fragment)| fragment.to_owned())
            .expect("a sign-in link")
    };
    let first = serve(&data, true);
    for page in ["/vacaturecafe.html", "/alliantie.html", "/admin/"] {
        assert!(first.printed.contains(page), "{}", first.printed);
    }
    let fragment = link(&first.printed);
    let token = fragment
        .strip_prefix("org=demo&token=")
        .expect("org and token");
    let signed_in = reqwest::Client::new()
        .get(format!("{}/v1/admin/orgs/demo", first.origin))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(signed_in.status(), 200);
    let cafes = status(format!("{}/v1/orgs/demo/cafes", first.origin)).await;
    assert_eq!(cafes, 200);
    drop(first);

    let again = serve(&data, true);
    assert_eq!(
        link(&again.printed),
        fragment,
        "the same link after a restart"
    );
    drop(again);

    // An admin's own token for the demo is kept; no link is printed then.
    assert!(org_add("demo", &data).status.success());
    let own = serve(&data, true);
    assert!(!own.printed.contains("/admin/#"), "{}", own.printed);
    assert!(own.printed.contains("org add demo"), "{}", own.printed);
}

fn refused(output: &Output) -> String {
    assert!(!output.status.success(), "it should fail");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_file_in_the_way_of_the_data_folder_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("data");
    std::fs::write(&file, "not a folder").expect("a file");
    let wanted = file.join("inside");
    for args in [vec!["serve", "--port", "0"], vec!["org", "add", "acme"]] {
        let output = bondgenoot()
            .args(&args)
            .arg("--data-dir")
            .arg(&wanted)
            .arg("--scripts-dir")
            .arg(format!("{ROOT}/scripts"))
            .args(if args[0] == "serve" {
                vec!["--www-dir".to_owned(), format!("{ROOT}/www")]
            } else {
                vec![]
            })
            .output()
            .expect("runs");
        let said = refused(&output);
        assert!(
            said.contains(&wanted.display().to_string()),
            "{args:?}: {said}"
        );
        assert!(
            said.contains(&format!("{} is a file, not a folder", file.display())),
            "{args:?}: {said}"
        );
        assert!(said.contains("--data-dir"), "{args:?}: {said}");
    }
}

#[test]
fn org_add_creates_a_missing_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("new/data");
    let output = org_add("acme", &data);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim().len(), 32);
    assert!(data.join("bondgenoot.sqlite3").is_file());
}
