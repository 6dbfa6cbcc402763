//! The admin API for rule scripts: what the playground reads, publishes and
//! rolls back. Same token check and admin log as the cafés' admin API
//! ([`super::admin`]); a token only ever opens its own organisation.
//!
//! Publishing runs [`plugin_host::review`] on the server, with the same
//! sandbox as the browser: a script that does not compile, fails a hook,
//! breaks a limit or fails one of its tests is refused with the review, and
//! the live version stays as it was.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use plugin_host::review::{self, Review};
use serde::{Deserialize, Serialize};

use super::extract::{Admin, AdminOrg, HasDb, JsonBody, Params, ScriptsAdminOf, log};
use crate::clock::Clock;
use crate::db::{NewVersion, ScriptVersion};
use crate::error::ApiError;
use crate::names::{OrgName, Widget};
use crate::reference::{Reference, WidgetReference};
use crate::store::{self, Store};

/// The script admin's shared state.
#[derive(Debug)]
pub struct ScriptsAdmin {
    /// Default scripts and versions.
    pub store: Arc<Store>,
    /// The hooks' reference, for the playground's panel.
    pub reference: Reference,
    /// Today, for `ctx.today` in a review.
    pub clock: Clock,
}

impl HasDb for Arc<ScriptsAdmin> {
    fn db(&self) -> &crate::db::Db {
        self.store.db()
    }
}

type Shared = State<Arc<ScriptsAdmin>>;

/// The longest note and author name kept with a version.
const MAX_NOTE: usize = 500;
const MAX_AUTHOR: usize = 80;

/// `GET /v1/admin/orgs/{org}`: signs the playground and the console in:
/// who signed in, which widgets have a live version, and the organisation's
/// time zone and today there.
#[derive(Serialize)]
pub struct OrgOverview {
    org: String,
    me: wire::console::Me,
    time_zone: String,
    today: String,
    widgets: Vec<WidgetOverview>,
}

#[derive(Serialize)]
struct WidgetOverview {
    widget: Widget,
    live: Option<i64>,
}

/// `GET /v1/admin/orgs/{org}`.
pub async fn overview(
    State(admin): Shared,
    AdminOrg(who): AdminOrg,
) -> Result<Json<OrgOverview>, ApiError> {
    let org = &who.org;
    let zone = admin.store.db().time_zone(org.as_str()).await?;
    let today = admin.clock.today_in(&zone).to_string();
    let mut widgets = Vec::new();
    for widget in Widget::ALL {
        let live = admin.store.db().live_script(org.as_str(), widget).await?;
        widgets.push(WidgetOverview {
            widget,
            live: live.map(|v| v.number),
        });
    }
    Ok(Json(OrgOverview {
        org: org.to_string(),
        me: who.me.clone(),
        time_zone: zone,
        today,
        widgets,
    }))
}

/// `GET /v1/admin/orgs/{org}/log`: the last 200 admin actions, newest
/// first, with who made them (any admin may read it).
pub async fn history(
    State(admin): Shared,
    AdminOrg(who): AdminOrg,
) -> Result<Json<Vec<wire::console::LogEntry>>, ApiError> {
    Ok(Json(
        admin
            .store
            .db()
            .admin_log_entries(who.org.as_str(), 200)
            .await?,
    ))
}

/// Everything the playground needs to edit one widget's script.
#[derive(Serialize)]
pub struct ScriptPage<'a> {
    org: String,
    widget: Widget,
    /// The layer name errors refer to, `org:<name>`.
    layer: String,
    /// The default script and its tests, which the organisation's layers over.
    default: Default,
    /// The version the widgets load now, if the organisation has one.
    live: Option<ScriptVersion>,
    /// Every version, newest first.
    versions: Vec<ScriptVersion>,
    /// The widget's hooks and helpers.
    reference: Option<&'a WidgetReference>,
}

#[derive(Serialize)]
struct Default {
    source: String,
    tests: String,
}

/// `GET /v1/admin/orgs/{org}/scripts/{widget}`.
pub async fn page(
    State(admin): Shared,
    OrgWidget { admin: who, widget }: OrgWidget,
) -> Result<Response, ApiError> {
    let org = &who.org;
    let db = admin.store.db();
    let page = ScriptPage {
        layer: store::org_layer(org),
        default: Default {
            source: admin.store.default_script(widget).await?,
            tests: admin.store.default_tests(widget).await?,
        },
        live: db.live_script(org.as_str(), widget).await?,
        versions: db.script_versions(org.as_str(), widget).await?,
        reference: admin.reference.widget(widget),
        org: org.to_string(),
        widget,
    };
    Ok(Json(page).into_response())
}

/// What the playground publishes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The organisation's layer.
    pub source: String,
    /// Its test cases (JSON text); may be empty.
    #[serde(default)]
    pub tests: String,
    /// What changed.
    #[serde(default)]
    pub note: String,
    /// Who publishes.
    #[serde(default)]
    pub author: String,
}

/// The answer to a publish: the new live version and the review it passed.
#[derive(Serialize)]
pub struct Published {
    version: ScriptVersion,
    review: Review,
}

/// `POST /v1/admin/orgs/{org}/scripts/{widget}/versions`: reviews the script
/// and, if it passes, makes it the live version.
pub async fn publish(
    State(admin): Shared,
    OrgWidget { admin: who, widget }: OrgWidget,
    JsonBody(input): JsonBody<Publish>,
) -> Result<Response, ApiError> {
    let org = &who.org;
    // An admin signed in with their own token is named by it; the
    // organisation's shared token says what the playground typed.
    let author = who
        .me
        .name
        .clone()
        .unwrap_or_else(|| input.author.trim().to_owned());
    let note = input.note.trim().to_owned();
    if note.chars().count() > MAX_NOTE {
        return Err(ApiError::InvalidVersion(format!(
            "The note is longer than {MAX_NOTE} characters."
        )));
    }
    if author.chars().count() > MAX_AUTHOR {
        return Err(ApiError::InvalidVersion(format!(
            "The name is longer than {MAX_AUTHOR} characters."
        )));
    }
    let review = review_version(&admin, org, widget, &input.source, &input.tests).await?;
    if !review.passed() {
        log(
            admin.store.db(),
            &who,
            "publish_refused",
            format!("{widget}: {}", review.problems().join(" · ")),
        )
        .await?;
        return Err(ApiError::ScriptRefused(Box::new(review)));
    }
    let new = NewVersion {
        source: input.source,
        tests: input.tests,
        note,
        author,
    };
    let db = admin.store.db();
    let number = db
        .publish_script(org.as_str(), widget, new, false)
        .await?
        .ok_or(ApiError::VersionNotFound)?;
    // Live here from the next request on, not within the cache's second.
    admin.store.heard_publish();
    let version = db
        .script_version(org.as_str(), widget, number)
        .await?
        .ok_or(ApiError::VersionNotFound)?;
    log(
        db,
        &who,
        "publish",
        format!("{widget} version {number} by '{}'", version.author),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Published { version, review })).into_response())
}

/// Which version to make live.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeLive {
    /// Its number.
    pub number: i64,
}

/// `PUT /v1/admin/orgs/{org}/scripts/{widget}/live`: rolls back (or forward)
/// to a stored version. It is reviewed again first, with its own tests: the
/// default script may have changed since it was published (a new release),
/// and a version that no longer works must not go live.
pub async fn make_live(
    State(admin): Shared,
    OrgWidget { admin: who, widget }: OrgWidget,
    JsonBody(MakeLive { number }): JsonBody<MakeLive>,
) -> Result<Json<ScriptVersion>, ApiError> {
    let org = &who.org;
    let db = admin.store.db();
    let version = db
        .script_version(org.as_str(), widget, number)
        .await?
        .ok_or(ApiError::VersionNotFound)?;
    let review = review_version(&admin, org, widget, &version.source, &version.tests).await?;
    if !review.passed() {
        let problems = review.problems().join(" · ");
        log(
            db,
            &who,
            "make_live_refused",
            format!("{widget} version {number}: {problems}"),
        )
        .await?;
        return Err(ApiError::ScriptRefused(Box::new(review)));
    }
    if !db.set_live_script(org.as_str(), widget, number).await? {
        return Err(ApiError::VersionNotFound);
    }
    admin.store.heard_publish();
    log(db, &who, "make_live", format!("{widget} version {number}")).await?;
    Ok(Json(ScriptVersion {
        live: true,
        ..version
    }))
}

/// Reviews `source` (over the widget's default) with `tests`, on a blocking
/// thread: compiling and running hooks is CPU work.
async fn review_version(
    admin: &ScriptsAdmin,
    org: &OrgName,
    widget: Widget,
    source: &str,
    tests: &str,
) -> Result<Review, ApiError> {
    let default = admin.store.default_script(widget).await?;
    let layers = store::layers(org, default, Some(source.to_owned()));
    let (tests, org_name) = (tests.to_owned(), org.to_string());
    // `ctx.today` where the organisation is, as its signups get it.
    let zone = admin.store.db().time_zone(org.as_str()).await?;
    let today = admin.clock.today_in(&zone).to_string();
    tokio::task::spawn_blocking(move || review::review(widget, &layers, &tests, &org_name, &today))
        .await
        .map_err(|e| ApiError::internal("reviewing a script", std::io::Error::other(e)))
}

/// The organisation (the admin's token and `scripts` role checked) and the
/// widget in the path.
#[derive(Debug)]
pub struct OrgWidget {
    admin: Admin,
    widget: Widget,
}

#[derive(serde::Deserialize)]
struct WidgetParam {
    widget: String,
}

impl FromRequestParts<Arc<ScriptsAdmin>> for OrgWidget {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<ScriptsAdmin>,
    ) -> Result<Self, ApiError> {
        // The token first: an unknown widget must not tell a stranger anything.
        let ScriptsAdminOf(admin) = ScriptsAdminOf::from_request_parts(parts, state).await?;
        let Params(WidgetParam { widget }) = Params::from_request_parts(parts, state).await?;
        let widget = Widget::parse(&widget).ok_or(ApiError::WidgetNotFound(widget))?;
        Ok(Self { admin, widget })
    }
}
