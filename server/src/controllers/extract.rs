//! What the handlers take from a request, each checked once here instead of
//! in every handler: the path's parameters (unreadable: `bad_path`), the
//! organisation the path names (unknown: `org_not_found`), the organisation
//! an admin token opens (`unauthorized` for a missing organisation, token or
//! a wrong one alike), and a JSON body (`bad_json`, `too_large`).
//!
//! Extractors that read the request's head run before the body's, so an
//! admin request's token is checked before its body is read.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::db::Db;
use crate::error::ApiError;
use crate::names::OrgName;
use crate::store::Store;
use crate::tokens;
use wire::console::{Me, Role};

/// A router state that reaches the database (each controller's state says
/// how, beside its definition).
pub trait HasDb {
    /// The database.
    fn db(&self) -> &Db;
}

impl HasDb for Arc<Store> {
    fn db(&self) -> &Db {
        Store::db(self)
    }
}

/// The path's parameters as `T` (a tuple, or a struct by name).
#[derive(Debug)]
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| Self(value))
            .map_err(|_| ApiError::BadPath)
    }
}

/// The `{org}` the path names, as written.
async fn org_param<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<String, ApiError> {
    let Params(mut params) =
        Params::<HashMap<String, String>>::from_request_parts(parts, state).await?;
    params.remove("org").ok_or(ApiError::BadPath)
}

/// The organisation the path names; it exists.
#[derive(Debug)]
pub struct Org(pub OrgName);

impl<S: HasDb + Send + Sync> FromRequestParts<S> for Org {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let name = org_param(parts, state).await?;
        find_org(state.db(), &name).await.map(Self)
    }
}

/// Who signed in to the admin API, for which organisation.
#[derive(Debug, Clone)]
pub struct Admin {
    /// The organisation the path names (the token opens only it).
    pub org: OrgName,
    /// The admin: their name and role.
    pub me: Me,
}

impl Admin {
    /// Their name for the logs and the history; empty for the
    /// organisation's own token.
    pub fn who(&self) -> &str {
        self.me.name.as_deref().unwrap_or("")
    }
}

/// Any admin of the organisation the path names, whatever their role: the
/// request carries the organisation's token or one of its admins' tokens.
#[derive(Debug)]
pub struct AdminOrg(pub Admin);

impl<S: HasDb + Send + Sync> FromRequestParts<S> for AdminOrg {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let name = org_param(parts, state).await?;
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim);
        authorize(state.db(), &name, token).await.map(Self)
    }
}

/// An admin whose role allows one area; `forbidden` for the others. A
/// handler takes the extractor of its area, so no handler can forget the check.
macro_rules! area_admin {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name(pub Admin);

        impl<S: HasDb + Send + Sync> FromRequestParts<S> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
                let AdminOrg(admin) = AdminOrg::from_request_parts(parts, state).await?;
                if admin.me.role.allows($role) {
                    Ok(Self(admin))
                } else {
                    tracing::warn!(org = %admin.org, who = admin.who(), needed = $role.as_str(), "admin request refused: role");
                    Err(ApiError::Forbidden($role))
                }
            }
        }
    };
}

area_admin!(
    /// An admin who may manage cafés, signups and check-in (`cafes` or `all`).
    CafesAdmin,
    Role::Cafes
);
area_admin!(
    /// An admin who may edit and publish rule scripts (`scripts` or `all`).
    ScriptsAdminOf,
    Role::Scripts
);
area_admin!(
    /// An admin who may do everything, the webhook too (`all`).
    OwnerAdmin,
    Role::All
);

/// A JSON body, with the reasons it could not be read as stable errors.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let (parts, body) = request.into_parts();
        let bytes = match Bytes::from_request(Request::from_parts(parts.clone(), body), state).await
        {
            Ok(bytes) => bytes,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::TooLarge);
            }
            Err(e) if body_timed_out(&e) => return Err(ApiError::Timeout),
            Err(e) => return Err(ApiError::BadJson(e.body_text())),
        };
        if has_nul(&bytes) {
            return Err(ApiError::BadJson(
                "text may not contain the character U+0000 (NUL)".into(),
            ));
        }
        match Json::<T>::from_request(Request::from_parts(parts, Body::from(bytes)), state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(e) => Err(ApiError::BadJson(e.body_text())),
        }
    }
}

/// Whether a JSON body's text holds the NUL character (`\u0000`). No text
/// column keeps one (PostgreSQL refuses it outright), so it is refused here
/// with the other bad input, the same on either database. Only a body with
/// those six bytes in it is parsed to look.
fn has_nul(body: &[u8]) -> bool {
    fn any_nul(value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::String(s) => s.contains('\0'),
            serde_json::Value::Array(items) => items.iter().any(any_nul),
            serde_json::Value::Object(fields) => fields
                .iter()
                .any(|(key, value)| key.contains('\0') || any_nul(value)),
            _ => false,
        }
    }
    // A body that holds the six bytes but does not parse as a value is
    // refused too: better a clear "no NUL" than a NUL let through.
    body.windows(6).any(|w| w == b"\\u0000")
        && serde_json::from_slice::<serde_json::Value>(body).map_or(true, |v| any_nul(&v))
}

/// Whether the body stopped arriving (`RequestBodyTimeoutLayer`), rather
/// than being wrong.
fn body_timed_out(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(e);
    while let Some(e) = source {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        source = e.source();
    }
    false
}

/// An API address that does not take this method: JSON like every error.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// No API at this address: JSON like every error.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// The organisation called `name`, if the name is valid and it exists.
pub async fn find_org(db: &Db, name: &str) -> Result<OrgName, ApiError> {
    let not_found = || ApiError::OrgNotFound(name.to_owned());
    let org = OrgName::parse(name).ok_or_else(not_found)?;
    db.org(org.as_str()).await?.ok_or_else(not_found)?;
    Ok(org)
}

/// The organisation called `name` and the admin `token` signs in: the
/// organisation's own token (an `all` admin without a name) or one of its
/// admins' personal tokens.
async fn authorize(db: &Db, name: &str, token: Option<&str>) -> Result<Admin, ApiError> {
    // Same answer for a missing org, a missing token and a wrong one, so the
    // API does not tell which organisations exist.
    let org = match find_org(db, name).await {
        Err(ApiError::OrgNotFound(_)) => return Err(ApiError::Unauthorized),
        other => other?,
    };
    let refused = || {
        tracing::warn!(%org, "admin request refused: missing or wrong token");
        ApiError::Unauthorized
    };
    let token = token
        .filter(|t| tokens::is_well_formed(t))
        .ok_or_else(refused)?;
    let stored = db.org(org.as_str()).await?.and_then(|o| o.token_hash);
    if stored.is_some_and(|stored| tokens::matches(token, &stored)) {
        let me = Me {
            name: None,
            role: Role::All,
        };
        return Ok(Admin { org, me });
    }
    match db.admin_by_token(org.as_str(), tokens::hash(token)).await? {
        Some(me) => Ok(Admin { org, me }),
        None => Err(refused()),
    }
}

/// Who the admin log names for the organisation's own token (an action
/// with no name was the server's own, or the command line's).
pub const ORG_TOKEN: &str = "organisation token";

/// Writes an admin action, with who did it, to the server log and the
/// admin log table.
pub async fn log(db: &Db, admin: &Admin, action: &str, detail: String) -> Result<(), ApiError> {
    let org = &admin.org;
    let who = admin.me.name.as_deref().unwrap_or(ORG_TOKEN);
    tracing::info!(%org, who, action, %detail, "admin");
    db.log_admin(org.as_str(), who, action, detail).await?;
    Ok(())
}
