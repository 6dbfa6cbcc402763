//! The Bondgenoot server: serves the widget bundle, the demo site and each
//! organisation's rule scripts.
//!
//! `main.rs` is only the CLI; everything here can be started from a test on
//! a port-0 listener with [`serve`].

use std::future::Future;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use axum::Router;
use axum::http::Method;
use axum::http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::routing::{any, get};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub mod clock;
pub mod controllers;
pub mod data_dir;
pub mod db;
pub mod demo;
pub mod door_code;
pub mod error;
pub mod etag;
pub mod figures;
pub mod first_screen;
pub mod form_fields;
pub mod ics;
pub mod kept;
pub mod leader;
pub mod listen;
pub mod mail;
pub mod names;
pub mod reference;
pub mod retention;
pub mod rules_cache;
pub mod script_cli;
pub mod script_share;
pub mod store;
pub mod tokens;
pub mod webhook;

use store::Store;

/// Where the server finds and keeps its files.
#[derive(Debug, Clone)]
pub struct Config {
    /// Organisations' data: the database `bondgenoot.sqlite3` (and, with
    /// `--demo`, the demo token); created with its parents if missing.
    pub data_dir: PathBuf,
    /// A PostgreSQL database instead of the SQLite file (see [`Storage`]).
    pub database_url: Option<String>,
    /// The demo organisation's site, served at `/`.
    pub www_dir: PathBuf,
    /// The built bundle; `<bundle-dir>/v1/` is served at `/v1/`.
    pub bundle_dir: PathBuf,
    /// The default rule scripts and `examples/demo/`.
    pub scripts_dir: PathBuf,
    /// Signups one client may send per minute; 0 turns the limit off.
    pub signup_rate_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` says who the client is.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Set up the demo organisation (example scripts, three cafés, a local
    /// admin token); off for a real deployment.
    pub demo: bool,
    /// Where today's date comes from: the system, or a fixed day in tests.
    pub clock: clock::Clock,
    /// How long the server waits for slow clients.
    pub timeouts: listen::Timeouts,
    /// The most days after a café that its signups keep their personal
    /// details (each organisation's `keep_days` may be fewer); at most 30.
    pub keep_days: u32,
    /// Where messages to people go out; `None`: no messages are sent.
    pub mail: Option<mail::MailConfig>,
    /// The wait after a message's or an event's first failed try
    /// ([`mail::FIRST_RETRY`]; shorter in tests).
    pub first_retry: std::time::Duration,
}

/// The database file in the data folder.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("bondgenoot.sqlite3")
}

/// Where organisations' data is kept: the data folder, and the database
/// in it or, with a URL, on a PostgreSQL server (which several server
/// processes can share).
#[derive(Debug, Clone)]
pub struct Storage {
    /// See [`Config::data_dir`].
    pub data_dir: PathBuf,
    /// `postgres://user:password@host/database`, or `None` for SQLite.
    pub database_url: Option<String>,
}

impl Storage {
    /// SQLite in `data_dir`.
    pub fn file(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            database_url: None,
        }
    }

    /// Where the database is.
    pub fn location(&self) -> db::Location {
        match &self.database_url {
            Some(url) => db::Location::Postgres(url.clone()),
            None => db::Location::File(database_path(&self.data_dir)),
        }
    }
}

impl Config {
    /// Where its data is kept.
    pub fn storage(&self) -> Storage {
        Storage {
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
        }
    }
}

/// What the router needs, checked and prepared by [`prepare`].
#[derive(Debug, Clone)]
pub struct AppState {
    /// The rule script store.
    pub store: Arc<Store>,
    /// See [`Config::www_dir`].
    pub www_dir: PathBuf,
    /// `<bundle-dir>/v1/`.
    pub bundle_v1_dir: PathBuf,
    /// The job-café API's shared state.
    pub cafes: Arc<controllers::cafes::Cafes>,
    /// The script admin API's shared state.
    pub scripts_admin: Arc<controllers::admin_scripts::ScriptsAdmin>,
    /// `<bundle-dir>/admin/`: the playground page.
    pub playground_dir: PathBuf,
    /// With [`Config::demo`]: how to sign in to the demo's playground.
    pub demo: Option<demo::DemoAccess>,
    /// See [`Config::timeouts`].
    pub timeouts: listen::Timeouts,
}

/// Checks the folders, opens (creating) the data folder and database, and
/// with [`Config::demo`] sets up the demo organisation.
pub async fn prepare(config: &Config) -> anyhow::Result<AppState> {
    require_dir(&config.scripts_dir, "rule scripts", "--scripts-dir")?;
    require_dir(&config.www_dir, "demo site", "--www-dir")?;
    let bundle_v1_dir = config.bundle_dir.join("v1");
    if !bundle_v1_dir.is_dir() {
        // The API still works without it; only the widgets cannot load.
        tracing::warn!(
            "the widget bundle {} is missing: /v1/embed.js will answer 404. \
             Build it with `cargo xtask bundle`, or use `cargo xtask serve`.",
            bundle_v1_dir.display()
        );
    }
    let reference = reference::Reference::load(&config.scripts_dir)?;
    let db = open_db(&config.storage())
        .await?
        .with_messages(config.mail.is_some());
    let store = Store::new(db.clone(), &config.data_dir, &config.scripts_dir);
    store.import_legacy().await?;
    let demo = if config.demo {
        Some(demo::set_up(&store, &config.data_dir, config.clock).await?)
    } else {
        if db.org_count().await? == 0 {
            tracing::warn!(
                "there are no organisations yet: add one with \
                 `bondgenoot org add NAME --origin https://your.site --data-dir {}`, \
                 or start with --demo to try the demo organisation",
                config.data_dir.display()
            );
        }
        None
    };
    let store = Arc::new(store);
    let cafes = controllers::cafes::Cafes::new(
        db,
        Arc::clone(&store),
        controllers::cafes::RateLimit {
            per_minute: config.signup_rate_per_minute,
            trusted_proxies: config.trusted_proxies.clone(),
        },
        config.clock,
    );
    let scripts_admin = controllers::admin_scripts::ScriptsAdmin {
        clock: config.clock,
        store: Arc::clone(&store),
        reference,
    };
    Ok(AppState {
        store,
        scripts_admin: Arc::new(scripts_admin),
        playground_dir: config.bundle_dir.join("admin"),
        www_dir: config.www_dir.clone(),
        bundle_v1_dir,
        cafes: Arc::new(cafes),
        demo,
        timeouts: config.timeouts,
    })
}

/// Opens the database, creating the data folder (and its parents) first: a
/// fresh clone has no `data/`, and a new server has no folder yet.
pub async fn open_db(storage: &Storage) -> anyhow::Result<db::Db> {
    data_dir::ensure(&storage.data_dir)?;
    db::Db::open(&storage.location()).await
}

fn require_dir(path: &Path, what: &str, flag: &str) -> anyhow::Result<()> {
    anyhow::ensure!(
        path.is_dir(),
        "the {what} folder {} does not exist (run from the repository root, or pass {flag})",
        path.display()
    );
    Ok(())
}

/// `bondgenoot copy-data`: copies the SQLite database in `data_dir` into
/// the PostgreSQL database at `to`, which must hold no rows yet (see
/// `db/copy.rs`), telling `copied` each table as it is done.
pub async fn copy_data(
    data_dir: &Path,
    to: &str,
    copied: impl FnMut(&str, u64),
) -> anyhow::Result<Vec<(&'static str, u64)>> {
    let file = database_path(data_dir);
    // Opening would make an empty database where there was none.
    anyhow::ensure!(
        file.is_file(),
        "there is no SQLite database at {} (pass the server's --data-dir)",
        file.display()
    );
    let from = db::Db::open(&db::Location::File(file)).await?;
    let into = db::Db::open(&db::Location::Postgres(to.to_owned()))
        .await
        .context("opening the PostgreSQL database")?;
    from.copy_into(&into, copied).await
}

/// `bondgenoot retention run`: deletes the personal details of past cafés'
/// signups as the server does every hour, for `today`.
pub async fn retention_run(
    storage: &Storage,
    scripts_dir: &Path,
    today: time::Date,
    keep_days: u32,
) -> anyhow::Result<retention::Summary> {
    let db = open_db(storage).await?;
    let store = Store::new(db.clone(), &storage.data_dir, scripts_dir);
    store.import_legacy().await?;
    let rules = rules_cache::RulesCache::new(Arc::new(store));
    Ok(retention::run(&db, &rules, today, keep_days).await?)
}

/// Adds organisation `org` or updates it:
/// a new admin token, returned once, its allowed origins (kept as they
/// were when `origins` is empty) and its time zone (kept when `None`).
pub async fn org_add(
    storage: &Storage,
    scripts_dir: &Path,
    org: &names::OrgName,
    origins: Vec<String>,
    time_zone: Option<&str>,
) -> anyhow::Result<String> {
    if let Some(zone) = time_zone {
        anyhow::ensure!(
            clock::is_time_zone(zone),
            "--time-zone {zone} is not a time zone: give a name such as Europe/Amsterdam"
        );
    }
    let db = open_db(storage).await?;
    Store::new(db.clone(), &storage.data_dir, scripts_dir)
        .import_legacy()
        .await?;
    db.ensure_org(org.as_str()).await?;
    let token = tokens::new_token()?;
    // No --origin given: keep the origins it had.
    let origins = (!origins.is_empty()).then_some(origins);
    db.set_org_access(org.as_str(), Some(tokens::hash(&token)), origins)
        .await?;
    if let Some(zone) = time_zone {
        db.set_time_zone(org.as_str(), zone).await?;
    }
    Ok(token)
}

/// Gives organisation `org` an admin called `name` with `role`, and returns
/// their own token, once (running it again for the same name replaces the
/// token and the role).
pub async fn org_add_admin(
    storage: &Storage,
    org: &names::OrgName,
    name: &str,
    role: wire::console::Role,
) -> anyhow::Result<String> {
    let name = name.trim();
    anyhow::ensure!(
        (1..=80).contains(&name.chars().count()) && !name.chars().any(char::is_control),
        "--name must be 1 to 80 characters"
    );
    let db = open_db(storage).await?;
    anyhow::ensure!(
        db.org(org.as_str()).await?.is_some(),
        "there is no organisation {org}: add it first with `bondgenoot org add {org}`"
    );
    let token = tokens::new_token()?;
    db.put_admin(org.as_str(), name, role, tokens::hash(&token))
        .await?;
    db.log_admin(
        org.as_str(),
        "",
        "add_admin",
        format!("{name} ({})", role.as_str()),
    )
    .await?;
    Ok(token)
}

/// Removes admin `name` of `org`: their token stops working at once.
pub async fn org_remove_admin(
    storage: &Storage,
    org: &names::OrgName,
    name: &str,
) -> anyhow::Result<()> {
    let db = open_db(storage).await?;
    anyhow::ensure!(
        db.remove_admin(org.as_str(), name.trim()).await?,
        "{org} has no admin called {name:?} (see `bondgenoot org admins {org}`)"
    );
    db.log_admin(org.as_str(), "", "remove_admin", name.trim().to_owned())
        .await?;
    Ok(())
}

/// All routes: `/healthz`, the `/v1/` API and bundle, and the demo site.
pub fn app(state: AppState) -> Router {
    let timeouts = state.timeouts;
    // Rule scripts: compressed, tagged, cached; any origin may read them.
    let scripts = |router: Router<Arc<Store>>| {
        router
            .with_state(Arc::clone(&state.store))
            .method_not_allowed_fallback(controllers::extract::method_not_allowed)
            .layer(CompressionLayer::new().br(true).gzip(true))
            // Outside compression, so it sees the encoding it chose.
            .layer(axum::middleware::map_response(etag::tag_encoding))
    };
    // With the default scripts: the widgets' own texts, the same for every
    // organisation, served and cached the same way.
    let default_scripts = scripts(
        Router::new()
            .route("/scripts/{file}", get(controllers::scripts::default_script))
            .route("/texts/{widget}/{lang}", get(controllers::scripts::texts)),
    );
    let org_scripts = scripts(
        Router::new()
            .route(
                "/{org}/scripts/{file}",
                get(controllers::scripts::org_script),
            )
            .route("/{org}/rules/{widget}", get(controllers::scripts::rules)),
    );
    // The first screen's answers are made with the organisation's compiled
    // rules, in its share: the cafés' state has those.
    let first_screens = Router::new()
        .route(
            "/{org}/rules/{widget}/first/{lang}",
            get(controllers::scripts::first_screen),
        )
        .with_state(Arc::clone(&state.cafes))
        .method_not_allowed_fallback(controllers::extract::method_not_allowed)
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::map_response(etag::tag_encoding));
    // Organisations embed the widget on their own sites: any origin may read
    // /v1/, and as there are no cookies there is nothing to leak.
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers([IF_NONE_MATCH, CONTENT_TYPE])
        .expose_headers([ETAG]);
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{delete, post, put};
    use controllers::{admin, admin_scripts, cafes, door};
    // Signups are small; anything bigger is refused before it is read.
    let limit = DefaultBodyLimit::max(16 * 1024);
    let public = Router::new()
        .route("/{org}/cafes", get(cafes::list))
        .route("/{org}/cafes/{id}", get(cafes::one))
        .route("/{org}/cafes/{id}/calendar.ics", get(cafes::calendar))
        .route("/{org}/cafes/{id}/signups", post(cafes::signup))
        .route("/{org}/signups/status", post(cafes::status))
        .route("/{org}/signups/cancel", post(cafes::cancel))
        .with_state(Arc::clone(&state.cafes))
        .method_not_allowed_fallback(controllers::extract::method_not_allowed)
        .layer(limit)
        .layer(cafes::cors(state.cafes.db.clone()));
    // Shared figures come from wherever the organisation put its scan: a
    // share holds nothing personal, so any origin may send one (the exact
    // shape and the rate limit guard the figures, not the page).
    let figures = Router::new()
        .route("/{org}/figures/{widget}", post(controllers::figures::share))
        .with_state(Arc::clone(&state.cafes))
        .method_not_allowed_fallback(controllers::extract::method_not_allowed)
        .layer(limit)
        .layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::any())
                .allow_methods([Method::POST, Method::OPTIONS])
                .allow_headers([CONTENT_TYPE]),
        );
    // Every address under /v1/orgs/ is the API's: an unknown one is JSON
    // `not_found`, never the bundle's file server.
    let orgs = org_scripts
        .merge(first_screens)
        .layer(cors.clone())
        .merge(public)
        .merge(figures)
        .fallback(controllers::extract::not_found);
    let admin = Router::new()
        .route("/orgs/{org}/cafes", get(admin::cafes).post(admin::create))
        .route("/orgs/{org}/cafes/{id}", put(admin::update))
        .route("/orgs/{org}/signups", get(admin::signups))
        .route("/orgs/{org}/signups.csv", get(admin::export))
        .route("/orgs/{org}/signups/{id}", delete(admin::delete_signup))
        .route("/orgs/{org}/signups/{id}/presence", put(door::presence))
        .route(
            "/orgs/{org}/cafes/{id}/walk-ins",
            get(door::walk_ins).post(door::add_walk_in),
        )
        .route("/orgs/{org}/walk-ins/{id}", delete(door::delete_walk_in))
        .route("/orgs/{org}/attendance", get(door::attendance))
        .route(
            "/orgs/{org}/figures/{widget}",
            get(controllers::figures::report),
        )
        .route("/orgs/{org}/forget", post(admin::forget))
        .route(
            "/orgs/{org}/webhook",
            get(admin::webhook)
                .put(admin::set_webhook)
                .delete(admin::delete_webhook),
        )
        .with_state(Arc::clone(&state.cafes))
        .layer(limit);
    // A script and its tests can be far larger than a signup.
    let script_limit = DefaultBodyLimit::max(256 * 1024);
    let admin_scripts = Router::new()
        .route("/orgs/{org}", get(admin_scripts::overview))
        .route("/orgs/{org}/log", get(admin_scripts::history))
        .route("/orgs/{org}/scripts/{widget}", get(admin_scripts::page))
        .route(
            "/orgs/{org}/scripts/{widget}/versions",
            post(admin_scripts::publish),
        )
        .route(
            "/orgs/{org}/scripts/{widget}/live",
            put(admin_scripts::make_live),
        )
        .with_state(Arc::clone(&state.scripts_admin))
        .layer(script_limit);
    // The admin API answers every address under it itself, in JSON and
    // without CORS: an unknown one is `not_found`, never a file.
    let admin_api = admin
        .merge(admin_scripts)
        .method_not_allowed_fallback(controllers::extract::method_not_allowed)
        .fallback(controllers::extract::not_found);
    let v1 = default_scripts
        .merge(controllers::assets::bundle(&state.bundle_v1_dir))
        .layer(cors)
        // `nest` takes /v1/orgs and what is below it, not /v1/orgs/ itself.
        .route("/orgs/", any(controllers::extract::not_found))
        .nest("/orgs", orgs)
        .nest("/admin", admin_api);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest("/v1", v1)
        .nest_service(
            "/admin",
            controllers::assets::playground(&state.playground_dir),
        )
        .merge(controllers::assets::www(&state.www_dir))
        .layer(axum::middleware::from_fn(
            controllers::assets::only_possible_paths,
        ))
        // Slow clients: a body that stops, a request that takes too long
        // (see `listen` for headers and connections).
        .layer(RequestBodyTimeoutLayer::new(timeouts.body_idle))
        .layer(axum::middleware::from_fn(move |request, next| {
            listen::within(timeouts.request, request, next)
        }))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

/// Prepares, announces `Bondgenoot is serving http://…/` on stdout and serves
/// on `listener` until `shutdown` completes, then finishes open requests.
///
/// Tests bind `127.0.0.1:0` themselves and read the port from the listener.
pub async fn serve(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = prepare(&config).await?;
    let addr = listener.local_addr().context("reading the bound address")?;
    announce(addr, state.demo.as_ref()).context("writing to stdout")?;
    // The background jobs stop with the server (a test starts several
    // servers in one process, one after another, on the same data).
    let (stopping, stop) = tokio::sync::watch::channel(());
    let db = &state.cafes.db;
    let leader = leader::Leader::elect(db, stop.clone());
    rules_cache::follow_publishes(db, Arc::clone(&state.store), stop.clone());
    mail::start(
        state.cafes.db.clone(),
        Arc::clone(&state.store),
        config.mail.as_ref(),
        config.first_retry,
        config.clock,
        leader.clone(),
        stop.clone(),
    )?;
    match &config.mail {
        Some(mail) => tracing::info!("messages go out through {}", shown_url(&mail.smtp_url)),
        None => tracing::warn!(
            "no --smtp-url: no messages are sent (people see their confirmation only on screen)"
        ),
    }
    retention::every_hour(
        state.cafes.db.clone(),
        Arc::clone(&state.store),
        config.clock,
        config.keep_days,
        leader,
        stop,
    );
    let trusted_proxies = config.trusted_proxies.clone();
    let caps = listen::Caps::for_this_process();
    tracing::info!(
        "taking at most {} connections at once, {} from one address",
        caps.total,
        caps.per_client
    );
    listen::serve(
        listener,
        app(state),
        config.timeouts,
        caps,
        trusted_proxies,
        shutdown,
    )
    .await;
    drop(stopping);
    Ok(())
}

/// A URL for the log and messages (SMTP, PostgreSQL), without its password.
pub(crate) fn shown_url(url: &str) -> String {
    match (url.split_once("://"), url.rfind('@')) {
        (Some((scheme, _)), Some(at)) => format!("{scheme}://…{}", &url[at..]),
        _ => url.to_owned(),
    }
}

/// The first line `serve` prints, before the address.
const SERVING: &str = "Bondgenoot is serving http://";

/// The address in the first line a starting server prints (for programs that
/// start the binary on port 0).
pub fn serving_address(line: &str) -> Option<std::net::SocketAddr> {
    line.trim()
        .strip_prefix(SERVING)?
        .strip_suffix('/')?
        .parse()
        .ok()
}

/// The line scripts and the e2e harness wait for, then (for the demo) where
/// everything is; flushed, as stdout may be a pipe.
fn announce(addr: std::net::SocketAddr, demo: Option<&demo::DemoAccess>) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{SERVING}{addr}/")?;
    if let Some(access) = demo {
        write!(stdout, "{}", demo::directions(addr, access))?;
    }
    stdout.flush()
}
