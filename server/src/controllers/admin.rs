//! The admin API for cafés: an organisation manages its cafés and signups,
//! checks people in at the door and counts who came. The organiser console
//! (`admin/`) uses only this API.
//!
//! Every request carries the organisation's admin token or an admin's own
//! one (`Authorization: Bearer …`), checked by the extractors in
//! [`super::extract`]: [`CafesAdmin`] for everything here, [`OwnerAdmin`] for
//! the webhook. A token only ever opens its own organisation. There is no
//! CORS here on purpose: no other site's page can call it from a browser.
//! Every change is written, with who made it, to the admin log and to the
//! server log.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use plugin_host::contract::vacaturecafe::{self, CafeListing, Value};
use serde::{Deserialize, Serialize};

use super::cafes::Cafes;
use super::extract::{CafesAdmin, JsonBody, OwnerAdmin, Params, log};
use crate::db::{CafeInput, SignupRow};
use crate::error::ApiError;

type Shared = State<Arc<Cafes>>;

/// `GET /v1/admin/orgs/{org}/cafes`: every café, closed and past ones too.
pub async fn cafes(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
) -> Result<Json<Vec<CafeListing>>, ApiError> {
    Ok(Json(cafes.db.cafes(admin.org.as_str(), None, true).await?))
}

/// `POST /v1/admin/orgs/{org}/cafes`: a new café.
pub async fn create(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    JsonBody(body): JsonBody<CafeBody>,
) -> Result<Response, ApiError> {
    let input = cafe_from(body)?;
    let cafe = cafes.db.create_cafe(admin.org.as_str(), input).await?;
    log(
        &cafes.db,
        &admin,
        "create_cafe",
        format!("café {}", cafe.cafe.id),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(cafe)).into_response())
}

/// `PUT /v1/admin/orgs/{org}/cafes/{id}`: change a café (also to close it).
pub async fn update(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
    JsonBody(body): JsonBody<CafeBody>,
) -> Result<Json<CafeListing>, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::CafeNotFound)?;
    let input = cafe_from(body)?;
    let cafe = cafes
        .db
        .update_cafe(admin.org.as_str(), id, input)
        .await?
        .ok_or(ApiError::CafeNotFound)?;
    log(&cafes.db, &admin, "update_cafe", format!("café {id}")).await?;
    Ok(Json(cafe))
}

/// Which café's signups; all when missing.
#[derive(Debug, Deserialize)]
pub struct Which {
    /// A café id.
    pub cafe: Option<i64>,
    /// Cancelled signups too (the console's history); not in the CSV.
    #[serde(default)]
    pub cancelled: bool,
}

/// `GET /v1/admin/orgs/{org}/signups[?cafe=ID]`: the signups, as JSON.
pub async fn signups(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    query: Result<Query<Which>, QueryRejection>,
) -> Result<Json<Vec<SignupRow>>, ApiError> {
    let Query(which) = query.map_err(|e| ApiError::BadJson(e.body_text()))?;
    Ok(Json(
        cafes
            .db
            .signups(admin.org.as_str(), which.cafe, which.cancelled)
            .await?,
    ))
}

/// `GET /v1/admin/orgs/{org}/signups.csv[?cafe=ID]`: the signups for Excel.
///
/// UTF-8 with a byte-order mark and `;` between columns: what Excel in a
/// Dutch locale opens correctly by double-clicking, names with accents and
/// Arabic script included.
pub async fn export(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    query: Result<Query<Which>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(which) = query.map_err(|e| ApiError::BadJson(e.body_text()))?;
    let rows = cafes
        .db
        .signups(admin.org.as_str(), which.cafe, false)
        .await?;
    let csv = to_csv(&rows).map_err(|e| ApiError::internal("writing CSV", e))?;
    log(
        &cafes.db,
        &admin,
        "export",
        format!("{} signups", rows.len()),
    )
    .await?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"aanmeldingen.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}

fn to_csv(rows: &[SignupRow]) -> std::io::Result<Vec<u8>> {
    let keys: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.form.keys().map(String::as_str))
        .filter(|k| *k != "name")
        .collect();
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let mut header = vec!["id", "cafe_date", "cafe", "status", "name"];
        header.extend(keys.iter().copied());
        header.extend(["lang", "signed_up_at", "duplicate_of"]);
        csv.write_record(&header)?;
        for r in rows {
            let mut record = vec![
                r.id.to_string(),
                r.cafe_date.clone(),
                r.cafe_title.clone(),
                r.status.as_str().to_owned(),
                r.name.clone(),
            ];
            for key in &keys {
                record.push(match r.form.get(*key) {
                    Some(Value::Text(s)) => s.clone(),
                    Some(Value::Check(b)) => if *b { "yes" } else { "no" }.into(),
                    Some(Value::List(items)) => items.join(", "),
                    None => String::new(),
                });
            }
            record.extend([
                r.lang.clone(),
                r.created_at.clone(),
                r.duplicate_of.map(|id| id.to_string()).unwrap_or_default(),
            ]);
            csv.write_record(record.iter().map(|cell| defuse(cell)))?;
        }
        csv.flush()?;
    }
    Ok(out)
}

/// A cell Excel would run as a formula (`=HYPERLINK(…)` typed as a name)
/// gets a leading apostrophe, so it shows as text.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// `DELETE /v1/admin/orgs/{org}/signups/{id}`: delete one signup.
pub async fn delete_signup(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    Params((_, id)): Params<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::SignupNotFound)?;
    if !cafes.db.delete_signup(admin.org.as_str(), id).await? {
        return Err(ApiError::SignupNotFound);
    }
    log(&cafes.db, &admin, "delete_signup", format!("signup {id}")).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whose data to delete.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Their e-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Their phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// How many signups were deleted.
#[derive(Debug, Serialize, Deserialize)]
pub struct Deleted {
    /// The number.
    pub deleted: u64,
}

/// `POST /v1/admin/orgs/{org}/forget` with `{email, phone}`: delete every
/// signup of one person, on their request.
pub async fn forget(
    State(cafes): Shared,
    CafesAdmin(admin): CafesAdmin,
    JsonBody(person): JsonBody<Person>,
) -> Result<Json<Deleted>, ApiError> {
    let email = person
        .email
        .as_deref()
        .map(vacaturecafe::email_key)
        .filter(|k| !k.is_empty());
    let phone = person
        .phone
        .as_deref()
        .map(vacaturecafe::phone_key)
        .filter(|k| !k.is_empty());
    if email.is_none() && phone.is_none() {
        return Err(ApiError::BadJson("give the person's email or phone".into()));
    }
    let deleted = cafes.db.forget(admin.org.as_str(), email, phone).await?;
    log(&cafes.db, &admin, "forget", format!("{deleted} signups")).await?;
    Ok(Json(Deleted { deleted }))
}

/// `GET /v1/admin/orgs/{org}/webhook`: where events go (never the secret).
pub async fn webhook(
    State(cafes): Shared,
    OwnerAdmin(admin): OwnerAdmin,
) -> Result<Json<wire::Webhook>, ApiError> {
    let url = cafes
        .db
        .webhook(admin.org.as_str())
        .await?
        .map(|(url, _)| url);
    Ok(Json(wire::Webhook { url, secret: None }))
}

/// `PUT /v1/admin/orgs/{org}/webhook` with `{ url }`: events go there from
/// now on, signed with a new secret, shown only in this answer.
pub async fn set_webhook(
    State(cafes): Shared,
    OwnerAdmin(admin): OwnerAdmin,
    JsonBody(request): JsonBody<wire::WebhookRequest>,
) -> Result<Json<wire::Webhook>, ApiError> {
    if !crate::webhook::is_url(&request.url) {
        return Err(ApiError::BadJson(
            "`url` should be an address like https://sms.example.nl/bondgenoot".into(),
        ));
    }
    let secret = crate::tokens::new_token()
        .map_err(|e| ApiError::internal("making a secret", std::io::Error::other(e)))?;
    cafes
        .db
        .set_webhook(
            admin.org.as_str(),
            Some((request.url.clone(), secret.clone())),
        )
        .await?;
    // Only the host: a webhook address may carry a secret, and every admin
    // may read the history.
    let host = request
        .url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_owned();
    log(&cafes.db, &admin, "set_webhook", host).await?;
    Ok(Json(wire::Webhook {
        url: Some(request.url),
        secret: Some(secret),
    }))
}

/// `DELETE /v1/admin/orgs/{org}/webhook`: no more events (those waiting in
/// the outbox are dropped when their turn comes).
pub async fn delete_webhook(
    State(cafes): Shared,
    OwnerAdmin(admin): OwnerAdmin,
) -> Result<Json<wire::Webhook>, ApiError> {
    cafes.db.set_webhook(admin.org.as_str(), None).await?;
    log(&cafes.db, &admin, "delete_webhook", String::new()).await?;
    Ok(Json(wire::Webhook {
        url: None,
        secret: None,
    }))
}

/// A café as an admin sends it, before its fields are known to be a café's.
type CafeBody = serde_json::Map<String, serde_json::Value>;

/// The café in an admin's body. A field the café does not have is refused,
/// not ignored: a typo such as `languagse` would otherwise make a café
/// without languages. (`CafeDetails` is flattened into `Cafe`, where serde
/// cannot deny unknown fields, so the names are checked here.)
fn cafe_from(body: CafeBody) -> Result<CafeInput, ApiError> {
    let mut example = vacaturecafe::Cafe::example().details;
    example.texts.insert(wire::Lang::En, Default::default());
    let known: Vec<String> = match serde_json::to_value(example) {
        Ok(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    };
    if let Some(unknown) = body.keys().find(|k| !known.contains(k)) {
        return Err(invalid(
            unknown,
            format!(
                "A café has no field `{unknown}`. Its fields are: {}.",
                known.join(", ")
            ),
        ));
    }
    let input = serde_json::from_value(serde_json::Value::Object(body))
        .map_err(|e| ApiError::BadJson(e.to_string()))?;
    check_cafe(input)
}

fn invalid(field: &str, message: String) -> ApiError {
    ApiError::InvalidCafe {
        field: field.to_owned(),
        message,
    }
}

/// The one cleaner signup forms use too: no markup, no control characters,
/// nothing that hides or turns text around (U+202E would reach the widget,
/// the calendar file and the CSV).
fn text_ok(t: &str, max: usize) -> bool {
    vacaturecafe::clean(t, max, false).is_ok()
}

fn check_list(field: &str, list: &[String]) -> Result<(), ApiError> {
    if list.len() > 30 || list.iter().any(|v| v.trim().is_empty() || !text_ok(v, 80)) {
        return Err(invalid(
            field,
            format!("`{field}` takes at most 30 items of 1 to 80 characters"),
        ));
    }
    Ok(())
}

fn check_description(field: &str, text: &str) -> Result<(), ApiError> {
    if vacaturecafe::clean(text, 2000, true).is_err() {
        return Err(invalid(
            field,
            format!(
                "`{field}` must be at most 2000 characters, without < >, control or invisible characters"
            ),
        ));
    }
    Ok(())
}

/// Checks an admin's café; the error names the field and says what to fix.
fn check_cafe(c: CafeInput) -> Result<CafeInput, ApiError> {
    for (name, value, max) in [
        ("title", &c.title, 120),
        ("place", &c.place, 200),
        ("address", &c.address, 200),
    ] {
        if value.trim().is_empty() || !text_ok(value, max) {
            return Err(invalid(
                name,
                format!(
                    "`{name}` must be 1 to {max} characters, without < >, control or invisible characters"
                ),
            ));
        }
    }
    check_description("description", &c.description)?;
    for (name, list) in [
        ("sectors", &c.sectors),
        ("employers", &c.employers),
        ("languages", &c.languages),
    ] {
        check_list(name, list)?;
    }
    for (lang, text) in c.texts.iter() {
        let field = |name: &str| format!("texts.{}.{name}", lang.tag());
        let title = field("title");
        if !text.title.is_empty() && (text.title.trim().is_empty() || !text_ok(&text.title, 120)) {
            return Err(invalid(
                &title,
                format!(
                    "`{title}` must be 1 to 120 characters, without < >, control or invisible characters (or empty: the first language's)"
                ),
            ));
        }
        check_description(&field("description"), &text.description)?;
        check_list(&field("sectors"), &text.sectors)?;
        check_list(&field("employers"), &text.employers)?;
    }
    if crate::clock::parse_day(&c.date).is_none() {
        return Err(invalid(
            "date",
            "`date` must be a date as YYYY-MM-DD".into(),
        ));
    }
    let clock = time::macros::format_description!("[hour]:[minute]");
    match (
        time::Time::parse(&c.start, &clock),
        time::Time::parse(&c.end, &clock),
    ) {
        (Ok(start), Ok(end)) if start < end => {}
        (Ok(_), Ok(_)) => {
            return Err(invalid("end", "the end must be after the start".into()));
        }
        (Err(_), _) => return Err(invalid("start", "`start` must be a time as HH:MM".into())),
        (_, Err(_)) => return Err(invalid("end", "`end` must be a time as HH:MM".into())),
    }
    if !(1..=10_000).contains(&c.capacity) {
        return Err(invalid("capacity", "`capacity` must be 1 to 10000".into()));
    }
    Ok(c)
}
