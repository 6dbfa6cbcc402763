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

/// The organisation the path names, when the request carries its admin token.
#[derive(Debug)]
pub struct AdminOrg(pub OrgName);

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

/// A JSON body, with the reasons it could not be read as stable errors.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::TooLarge),
            Err(e) if body_timed_out(&e) => Err(ApiError::Timeout),
            Err(e) => Err(ApiError::BadJson(e.body_text())),
        }
    }
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

/// The organisation called `name`, if `token` is its admin token.
async fn authorize(db: &Db, name: &str, token: Option<&str>) -> Result<OrgName, ApiError> {
    // Same answer for a missing org, a missing token and a wrong one, so the
    // API does not tell which organisations exist.
    let org = match find_org(db, name).await {
        Err(ApiError::OrgNotFound(_)) => return Err(ApiError::Unauthorized),
        other => other?,
    };
    let stored = db.org(org.as_str()).await?.and_then(|o| o.token_hash);
    match (token, stored) {
        (Some(token), Some(stored)) if tokens::matches(token, &stored) => Ok(org),
        _ => {
            tracing::warn!(%org, "admin request refused: missing or wrong token");
            Err(ApiError::Unauthorized)
        }
    }
}

/// Writes an admin action to the server log and the admin log table.
pub async fn log(db: &Db, org: &OrgName, action: &str, detail: String) -> Result<(), ApiError> {
    tracing::info!(%org, action, %detail, "admin");
    db.log_admin(org.as_str(), action, detail).await?;
    Ok(())
}
