//! `bondgenoot`: the command line. All serving logic lives in the library.

use std::io::IsTerminal as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use plugin_host::contract::vacaturecafe::MAX_KEEP_DAYS;
use tracing_subscriber::EnvFilter;

/// A signup allocates a lot in small pieces (the request, the rules' values,
/// the answer), on several threads at once: with mimalloc the server takes
/// 10 to 14% more signups a second than with the system's allocator
/// (`signup_bench`, SQLite and PostgreSQL alike).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bondgenoot: embeddable widgets whose rules are Rhai scripts.
#[derive(Debug, Parser)]
#[command(name = "bondgenoot", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the widget bundle, the demo site and the rule scripts.
    Serve(ServeArgs),
    /// Personal data: delete what is kept longer than promised.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Try a rule script before publishing it: check, test or run one hook.
    #[command(subcommand)]
    Script(ScriptCommand),
    /// Manage organisations: add one, or give it a new admin token.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Move to PostgreSQL: copy the SQLite database in the data folder into
    /// a new, empty PostgreSQL database. Stop the server first; then start it
    /// with --database-url and the same --data-dir. The SQLite file stays as
    /// it was (brought to this version's tables first, as `serve` would).
    CopyData {
        /// The data folder whose SQLite database is copied, as for `serve`.
        #[arg(long, env = "BONDGENOOT_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
        /// The PostgreSQL database to copy into, holding no rows yet:
        /// postgres://user:password@host/database (the same variable as
        /// `serve --database-url` then reads).
        #[arg(long, env = "BONDGENOOT_DATABASE_URL")]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
enum RetentionCommand {
    /// Delete the personal details of past cafés' signups whose keeping time
    /// has ended, as the server does every hour; the counts stay.
    Run {
        #[command(flatten)]
        data: DataArgs,
        /// The default rule scripts, as for `serve`.
        #[arg(long, default_value = "scripts")]
        scripts_dir: PathBuf,
        /// The day to run for (YYYY-MM-DD); today (UTC) when left out.
        #[arg(long)]
        today: Option<String>,
        /// As for `serve`.
        #[arg(long, env = "BONDGENOOT_KEEP_DAYS", default_value_t = MAX_KEEP_DAYS,
              value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_KEEP_DAYS)))]
        keep_days: u32,
    },
}

#[derive(Debug, Subcommand)]
enum OrgCommand {
    /// Add an organisation (or update it) and print a new admin token.
    ///
    /// The token is shown once and stored only as a hash; running this again
    /// replaces it. `--origin` lists the sites that may embed the signup
    /// widget (e.g. https://www.example.nl); given, they replace earlier ones.
    Add {
        /// The organisation's name: lower-case letters, digits and -.
        name: String,
        /// A site allowed to call the signup API from the browser; repeat for more.
        #[arg(long = "origin")]
        origins: Vec<String>,
        #[command(flatten)]
        data: DataArgs,
        /// The default rule scripts, as for `serve`.
        #[arg(long, default_value = "scripts")]
        scripts_dir: PathBuf,
        /// Where its cafés are: their dates and times are local to this
        /// zone (default for a new organisation: Europe/Amsterdam).
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// Give one person their own admin token, printed once.
    ///
    /// With it they sign in to the console and the playground under their
    /// name (the history shows who did what). `--role cafes` manages cafés,
    /// signups and the door; `scripts` edits and publishes rule scripts;
    /// `all` does both and sets the webhook. Running it again for the same
    /// name gives a new token (the old one stops working) and the new role.
    AddAdmin {
        /// The organisation.
        org: String,
        /// Their name, as the history shows it.
        #[arg(long)]
        name: String,
        /// What they may do.
        #[arg(long, default_value = "cafes", value_parser = ["scripts", "cafes", "all"])]
        role: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Take an admin's token away: it stops working at once.
    RemoveAdmin {
        /// The organisation.
        org: String,
        /// The admin's name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List an organisation's admins and their roles (never their tokens).
    Admins {
        /// The organisation.
        org: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(Debug, Subcommand)]
enum ScriptCommand {
    /// Compile the script over its widget's default, and run its hooks once in every language.
    Check(ScriptFile),
    /// Run the script's test cases (`<script>.tests.json` beside it).
    Test {
        #[command(flatten)]
        script: ScriptFile,
        /// Another test file.
        #[arg(long)]
        tests: Option<PathBuf>,
    },
    /// Call one hook and print what it returns as JSON.
    Run {
        #[command(flatten)]
        script: ScriptFile,
        /// The hook, e.g. `score`.
        #[arg(long)]
        hook: String,
        /// JSON with the arguments: an array, or one value for the first; `ctx` is added.
        #[arg(long)]
        input: Option<PathBuf>,
        /// `ctx.lang`: nl, en, ar, uk or tr.
        #[arg(long, default_value = "nl")]
        lang: String,
        /// `ctx.org`.
        #[arg(long, default_value = "demo")]
        org: String,
        /// `ctx.today` as YYYY-MM-DD; default today.
        #[arg(long)]
        today: Option<String>,
    },
    /// Print the hooks' reference (from `scripts/reference.json`) as Markdown,
    /// or write it into the README's reference sections with `--readme`.
    Reference {
        /// The README to update in place.
        #[arg(long)]
        readme: Option<PathBuf>,
        /// The default rule scripts (where reference.json is).
        #[arg(long, default_value = "scripts")]
        scripts_dir: PathBuf,
    },
}

/// A rule script and where its widget's default script is.
#[derive(Debug, Args)]
struct ScriptFile {
    /// The script file, e.g. `scripts/examples/demo/netwerkscan.rhai`.
    file: PathBuf,
    /// Its widget; by default from the file name.
    #[arg(long)]
    widget: Option<String>,
    /// The default rule scripts.
    #[arg(long, default_value = "scripts")]
    scripts_dir: PathBuf,
}

/// Where organisations' data is kept (every command that opens it).
#[derive(Debug, Args)]
struct DataArgs {
    /// Organisations' data; created (with its parents) if missing. Holds the
    /// SQLite database unless --database-url is given.
    #[arg(long, env = "BONDGENOOT_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// A PostgreSQL database instead of SQLite, for several server processes
    /// on one database: postgres://user:password@host/database.
    #[arg(long, env = "BONDGENOOT_DATABASE_URL")]
    database_url: Option<String>,
}

impl DataArgs {
    fn storage(self) -> server::Storage {
        server::Storage {
            data_dir: self.data_dir,
            database_url: self.database_url,
        }
    }
}

/// Paths default to the repository layout, relative to the current folder.
#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    addr: IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "BONDGENOOT_PORT", default_value_t = 8080)]
    port: u16,
    #[command(flatten)]
    data: DataArgs,
    /// The demo organisation's site, served at `/`.
    #[arg(long, default_value = "www")]
    www_dir: PathBuf,
    /// The built bundle (`cargo xtask bundle`); its `v1/` is served at `/v1/`.
    #[arg(long, default_value = "target/bundle")]
    bundle_dir: PathBuf,
    /// The default rule scripts and their examples.
    #[arg(long, default_value = "scripts")]
    scripts_dir: PathBuf,
    /// Signups one client (IP address) may send per minute, and as many
    /// shared figures (counted apart); 0 turns the limits off.
    #[arg(long, env = "BONDGENOOT_SIGNUP_RATE", default_value_t = 20)]
    signup_rate: u32,
    /// A reverse proxy in front of the server (its IP address; repeat for
    /// more). Only from these is `X-Forwarded-For` believed, so the signup
    /// rate counts each client behind the proxy, not the proxy itself.
    #[arg(
        long = "trusted-proxy",
        env = "BONDGENOOT_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<IpAddr>,
    /// The most days after a café that its signups keep their personal details
    /// (names, contact details, answers); an organisation's script may keep
    /// them fewer. At most 30, what the default consent text promises.
    #[arg(long, env = "BONDGENOOT_KEEP_DAYS", default_value_t = MAX_KEEP_DAYS,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_KEEP_DAYS)))]
    keep_days: u32,
    /// The SMTP server messages to people go out through (confirmation,
    /// waiting list, a place free, reminder, cancelled):
    /// smtps://user:password@host, smtp://user:password@host:587?tls=required,
    /// or smtp://host:25 on a trusted network. Without it, no messages are sent.
    #[arg(long, env = "BONDGENOOT_SMTP_URL")]
    smtp_url: Option<String>,
    /// Who messages come from, e.g. "Vacaturecafé <cafe@example.nl>"; needed
    /// with --smtp-url.
    #[arg(long, env = "BONDGENOOT_MAIL_FROM")]
    mail_from: Option<String>,
    /// Set up the demo organisation (example scripts, three cafés) and print a
    /// playground sign-in link with a fresh demo token. For trying it out on
    /// your own machine, not for a real deployment.
    #[arg(long)]
    demo: bool,
}

/// Stack for every thread of the runtime: rule hooks run on the async
/// workers (`decide`, inside the database writer) and on blocking threads
/// (checks, reviews). The sandbox bounds what a script can do to at most a
/// quarter of `LIMITS.min_stack` (1 MiB, the browser's); 4 MiB is a wide margin
/// on top, chosen here rather than left to tokio's default.
const THREAD_STACK: usize = 4 * 1024 * 1024;

fn main() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK.max(plugin_host::LIMITS.min_stack))
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(run()),
        Err(e) => {
            eprintln!("bondgenoot: cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    // Logs go to stderr: stdout carries only the "serving" line scripts wait for.
    // PostgreSQL's notices are not news: "relation _sqlx_migrations already
    // exists, skipping" came at every start.
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx::postgres::notice=warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let result = match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::Script(command) => return script(command),
        Command::Org(command) => org(command).await,
        Command::Retention(command) => retention(command).await,
        Command::CopyData { data_dir, to } => copy_data(&data_dir, &to).await,
    };
    // One line with the whole context chain, not a backtrace: the reader is
    // the person starting the server.
    if let Err(e) = result {
        eprintln!("bondgenoot: {e:#}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn script(command: ScriptCommand) -> ExitCode {
    use server::script_cli::{self, Script};
    let to_script = |f: ScriptFile| -> Result<Script, String> {
        let widget = match f.widget {
            Some(name) => Some(plugin_host::contract::Widget::parse(&name).ok_or_else(|| {
                format!(
                    "--widget {name} is not one of {}",
                    plugin_host::contract::Widget::list()
                )
            })?),
            None => None,
        };
        Ok(Script {
            file: f.file,
            widget,
            scripts_dir: f.scripts_dir,
        })
    };
    let outcome = match command {
        ScriptCommand::Check(f) => to_script(f).map(|s| script_cli::check(&s)),
        ScriptCommand::Test { script, tests } => {
            to_script(script).map(|s| script_cli::test(&s, tests.as_deref()))
        }
        ScriptCommand::Run {
            script,
            hook,
            input,
            lang,
            org,
            today,
        } => {
            let lang = plugin_host::contract::Lang::from_tag(&lang).ok_or(format!(
                "--lang {lang} is not a language the widgets speak ({})",
                plugin_host::contract::Lang::list()
            ));
            lang.and_then(|lang| {
                let ctx = plugin_host::contract::Ctx {
                    lang,
                    org,
                    today: today.unwrap_or_else(script_cli::today),
                };
                to_script(script).map(|s| script_cli::run(&s, &hook, input.as_deref(), &ctx))
            })
        }
        ScriptCommand::Reference {
            readme,
            scripts_dir,
        } => script_cli::reference(&scripts_dir, readme.as_deref()),
    };
    match outcome {
        Ok(outcome) => {
            print!("{}", outcome.report);
            if outcome.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("bondgenoot: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    // Each connection takes a descriptor; 1,024 (a common default) is too few.
    let shown =
        |limit: Option<u64>| limit.map_or_else(|| "unlimited".to_owned(), |n| n.to_string());
    match server::listen::raise_open_file_limit() {
        Ok((before, after)) if before != after => tracing::info!(
            "raised the open-file limit from {} to {}",
            shown(before),
            shown(after)
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!("cannot raise the open-file limit: {e}"),
    }
    let addr = SocketAddr::new(args.addr, args.port);
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
        format!("listening on {addr} (is another server using the port? try --port)")
    })?;
    let config = server::Config {
        data_dir: args.data.data_dir,
        database_url: args.data.database_url,
        www_dir: args.www_dir,
        bundle_dir: args.bundle_dir,
        scripts_dir: args.scripts_dir,
        signup_rate_per_minute: args.signup_rate,
        trusted_proxies: args.trusted_proxies,
        demo: args.demo,
        clock: server::clock::Clock::system(),
        timeouts: server::listen::Timeouts::DEFAULT,
        keep_days: args.keep_days,
        mail: match (args.smtp_url, args.mail_from) {
            (Some(smtp_url), Some(from)) => Some(server::mail::MailConfig { smtp_url, from }),
            (Some(_), None) => anyhow::bail!(
                "--smtp-url needs --mail-from (BONDGENOOT_MAIL_FROM): who messages come from"
            ),
            (None, _) => None,
        },
        first_retry: server::mail::FIRST_RETRY,
    };
    server::serve(config, listener, shutdown_signal()).await
}

async fn retention(command: RetentionCommand) -> anyhow::Result<()> {
    let RetentionCommand::Run {
        data,
        scripts_dir,
        today,
        keep_days,
    } = command;
    let today = match today {
        Some(day) => server::clock::parse_day(&day)
            .with_context(|| format!("--today {day} is not a date like 2026-12-31"))?,
        None => server::clock::Clock::system().today(),
    };
    let done = server::retention_run(&data.storage(), &scripts_dir, today, keep_days).await?;
    println!(
        "{today}: deleted the personal details of {} signups of {} past cafés, and {} shared figures",
        done.signups, done.cafes, done.figures
    );
    Ok(())
}

async fn copy_data(data_dir: &Path, to: &str) -> anyhow::Result<()> {
    let copied = server::copy_data(data_dir, to, |table, rows| {
        eprintln!("{table}: {rows} {}", if rows == 1 { "row" } else { "rows" });
    })
    .await?;
    let rows: u64 = copied.iter().map(|(_, rows)| rows).sum();
    println!(
        "Copied {rows} rows into PostgreSQL. Start the server with --database-url and \
         --data-dir {}; keep the SQLite file until you have checked the console.",
        data_dir.display()
    );
    Ok(())
}

fn org_name(name: &str) -> anyhow::Result<server::names::OrgName> {
    server::names::OrgName::parse(name).with_context(|| {
        format!("'{name}' is not a valid name: use lower-case letters, digits and - (at most 64)")
    })
}

async fn org(command: OrgCommand) -> anyhow::Result<()> {
    let (name, origins, data, scripts_dir, time_zone) = match command {
        OrgCommand::Add {
            name,
            origins,
            data,
            scripts_dir,
            time_zone,
        } => (name, origins, data, scripts_dir, time_zone),
        OrgCommand::AddAdmin {
            org,
            name,
            role,
            data,
        } => {
            let org = org_name(&org)?;
            let role =
                wire::console::Role::parse(&role).context("--role: scripts, cafes or all")?;
            let token = server::org_add_admin(&data.storage(), &org, &name, role).await?;
            println!("{token}");
            eprintln!(
                "The admin token of {name} ({}) at '{org}' is printed above. It is shown only now: \
                 give it to them safely. `bondgenoot org remove-admin {org} --name …` takes it away.",
                role.as_str()
            );
            return Ok(());
        }
        OrgCommand::RemoveAdmin { org, name, data } => {
            let org = org_name(&org)?;
            server::org_remove_admin(&data.storage(), &org, &name).await?;
            eprintln!("{name} can no longer sign in to '{org}'.");
            return Ok(());
        }
        OrgCommand::Admins { org, data } => {
            let org = org_name(&org)?;
            let db = server::open_db(&data.storage()).await?;
            for admin in db.admins(org.as_str()).await? {
                println!(
                    "{}\t{}\tsince {}",
                    admin.name,
                    admin.role.as_str(),
                    admin.created_at
                );
            }
            return Ok(());
        }
    };
    let org = org_name(&name)?;
    for origin in &origins {
        let host = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"));
        anyhow::ensure!(
            host.is_some_and(|h| !h.is_empty() && !h.contains(['/', ' '])),
            "--origin {origin} should look like https://www.example.nl (scheme and host, no path)"
        );
    }
    let token = server::org_add(
        &data.storage(),
        &scripts_dir,
        &org,
        origins,
        time_zone.as_deref(),
    )
    .await?;
    println!("{token}");
    eprintln!("The admin token of '{org}' is printed above. It is shown only now; keep it safe.");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM (what `docker stop` and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut sigterm) => {
                sigterm.recv().await;
            }
            Err(e) => {
                tracing::warn!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}
