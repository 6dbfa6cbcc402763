//! Anonymous figures: a person's scores, shared by their choice at the end
//! of a scan (public, rate-limited, only the exact shape), and what the
//! organisation's admins read back per month (any admin role; no figure
//! about fewer than `wire::figures::MIN_PEOPLE` people, whoever asks).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use plugin_host::contract::Widget;
use plugin_host::contract::figures::shared_by;
use wire::figures::{FiguresReport, FiguresShare, MIN_PEOPLE};

use super::cafes::{self, Cafes, WithinRate};
use super::extract::{AdminOrg, JsonBody, Org, Params};
use crate::db::NewFigures;
use crate::error::ApiError;
use crate::figures::{self, Terms};
use crate::names::OrgName;

/// A scan that has figures: the Netwerkscan or the Alliantiescan.
fn scan(name: String) -> Result<Widget, ApiError> {
    Widget::parse(&name)
        .filter(|w| shared_by(*w))
        .ok_or(ApiError::WidgetNotFound(name))
}

/// The organisation's terms for `widget`, from its live script, run with
/// `today` (the organisation's) in `ctx`.
async fn terms(
    cafes: &Cafes,
    org: &OrgName,
    widget: Widget,
    today: String,
) -> Result<Arc<Terms>, ApiError> {
    let rules = cafes.rules.get(org, widget).await?;
    cafes
        .figure_terms
        .get(&cafes.shares, org.as_str(), widget, &rules, today)
        .await
}

/// `POST /v1/orgs/{org}/figures/{widget}`: stores one person's scores
/// (`204`); `403 figures_off` when the script does not offer it, `400
/// bad_json` for anything but the exact shape. The month is the server's.
pub async fn share(
    State(cafes): State<Arc<Cafes>>,
    _rate: WithinRate<cafes::Figures>,
    Org(org): Org,
    Params((_, widget)): Params<(String, String)>,
    JsonBody(share): JsonBody<FiguresShare>,
) -> Result<StatusCode, ApiError> {
    let widget = scan(widget)?;
    let today = cafes.today(&org).await?;
    let terms = terms(&cafes, &org, widget, today.clone()).await?;
    if !terms.figures.offer {
        return Err(ApiError::FiguresOff);
    }
    figures::check(&share, &terms).map_err(ApiError::BadJson)?;
    let month = wire::figures::month_of(&today).to_owned();
    let scores = serde_json::to_string(&share.scores)
        .map_err(|e| ApiError::internal("writing figures as JSON", e.into()))?;
    let steps = serde_json::to_string(&share.steps)
        .map_err(|e| ApiError::internal("writing figures as JSON", e.into()))?;
    cafes
        .db
        .add_figures(
            org.as_str(),
            NewFigures {
                widget: widget.name().to_owned(),
                delete_from: figures::months_after(&month, terms.figures.keep_months),
                month,
                lang: share.lang.tag().to_owned(),
                scores,
                steps,
            },
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/admin/orgs/{org}/figures/{widget}`: the months' figures, newest
/// first, for any admin of the organisation.
pub async fn report(
    State(cafes): State<Arc<Cafes>>,
    AdminOrg(admin): AdminOrg,
    Params((_, widget)): Params<(String, String)>,
) -> Result<Json<FiguresReport>, ApiError> {
    let widget = scan(widget)?;
    let today = cafes.today(&admin.org).await?;
    let terms = terms(&cafes, &admin.org, widget, today).await?;
    let rows = cafes.db.figures(admin.org.as_str(), widget.name()).await?;
    Ok(Json(FiguresReport {
        min_people: MIN_PEOPLE,
        keep_months: terms.figures.keep_months,
        offer: terms.figures.offer,
        months: figures::months(&rows, &terms.score_ids),
    }))
}
