//! At the door of a café, from the organiser console on a phone: ticking
//! people present, adding walk-ins, and the counts of who came. All need the
//! `cafes` role ([`CafesAdmin`]).
//!
//! Ticks and walk-ins may be made offline and sent later, so both can be
//! sent twice: a tick keeps its first time, and a walk-in is found again by
//! the key the console made for it.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plugin_host::contract::vacaturecafe;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use wire::console::{Attendance, PresenceRequest, SignupRow, WalkIn, WalkInRequest};

use super::cafes::Cafes;
use super::extract::{CafesAdmin, JsonBody, Params, log};
use crate::error::ApiError;

type Shared = State<Arc<Cafes>>;

/// `PUT /v1/admin/orgs/{org}/signups/{id}/presence` with `{present, at?}`:
/// ticks the person present (or takes the tick back); the signup as it is now.
pub async fn presence(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
    JsonBody(request): JsonBody<PresenceRequest>,
) -> Result<Json<SignupRow>, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::SignupNotFound)?;
    let at = request.present.then(|| tick_time(request.at.as_deref()));
    match cafes.db.set_presence(admin.org.as_str(), id, at).await? {
        None => return Err(ApiError::SignupNotFound),
        Some(Err(_cancelled)) => return Err(ApiError::SignupCancelled),
        Some(Ok(())) => {}
    }
    let what = if request.present {
        "present"
    } else {
        "not_present"
    };
    log(&cafes.db, &admin, what, format!("signup {id}")).await?;
    cafes
        .db
        .signup_row(admin.org.as_str(), id)
        .await?
        .map(Json)
        .ok_or(ApiError::SignupNotFound)
}

/// When a tick was made: the console's time for a tick sent later (made
/// offline), unless it is unreadable or in the future; else now.
fn tick_time(at: Option<&str>) -> String {
    let now = OffsetDateTime::now_utc();
    let at = at
        .and_then(|at| OffsetDateTime::parse(at, &Rfc3339).ok())
        .filter(|at| *at <= now)
        .unwrap_or(now);
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// `GET /v1/admin/orgs/{org}/cafes/{id}/walk-ins`.
pub async fn walk_ins(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
) -> Result<Json<Vec<WalkIn>>, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::CafeNotFound)?;
    if cafes.db.cafe(admin.org.as_str(), id).await?.is_none() {
        return Err(ApiError::CafeNotFound);
    }
    Ok(Json(cafes.db.walk_ins(admin.org.as_str(), id).await?))
}

/// `POST /v1/admin/orgs/{org}/cafes/{id}/walk-ins` with `{name, key}`:
/// someone who came without signing up.
pub async fn add_walk_in(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
    JsonBody(request): JsonBody<WalkInRequest>,
) -> Result<Response, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::CafeNotFound)?;
    let name = vacaturecafe::clean(&request.name, 100, false)
        .ok()
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| ApiError::InvalidCafe {
            field: "name".into(),
            message: "The name must be 1 to 100 characters, without < >, control or invisible characters.".into(),
        })?;
    if !wire::is_token(&request.key) {
        return Err(ApiError::BadJson(
            "`key` must be 32 hex characters, made once for each walk-in".into(),
        ));
    }
    let walk_in = cafes
        .db
        .add_walk_in(admin.org.as_str(), id, name, request.key)
        .await?
        .ok_or(ApiError::CafeNotFound)?;
    log(
        &cafes.db,
        &admin,
        "walk_in",
        format!("café {id}, walk-in {}", walk_in.id),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(walk_in)).into_response())
}

/// `DELETE /v1/admin/orgs/{org}/walk-ins/{id}`: a walk-in added by mistake.
pub async fn delete_walk_in(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    if !cafes.db.delete_walk_in(admin.org.as_str(), id).await? {
        return Err(ApiError::NotFound);
    }
    log(&cafes.db, &admin, "delete_walk_in", format!("walk-in {id}")).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/admin/orgs/{org}/attendance`: per café, by date, who had a
/// place, who came and who did not, and the walk-ins.
pub async fn attendance(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
) -> Result<Json<Vec<Attendance>>, ApiError> {
    let today = cafes.today(&admin.org).await?;
    Ok(Json(cafes.db.attendance(admin.org.as_str(), &today).await?))
}
