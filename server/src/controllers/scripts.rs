//! What a widget loads besides the bundle: the raw default and organisation
//! scripts, the layered rules in one request, the first screen's answers,
//! and the widget's own texts in one language.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use time::Date;

use plugin_host::contract::{Ctx, Lang};

use super::cafes::Cafes;
use super::extract::{Org, Params};
use crate::clock::parse_day;
use crate::error::ApiError;
use crate::etag;
use crate::names::Widget;
use crate::store::Store;

const TEXT: &str = "text/plain; charset=utf-8";
const JSON: &str = "application/json";

/// `GET /v1/scripts/{widget}.rhai`: the widget's default script.
pub async fn default_script(
    State(store): State<Arc<Store>>,
    Params(file): Params<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let widget = widget_from_file(&file)?;
    let source = store.default_script(widget).await?;
    Ok(etag::respond(&headers, TEXT, source).await)
}

/// `GET /v1/orgs/{org}/scripts/{widget}.rhai`: the organisation's override.
pub async fn org_script(
    State(store): State<Arc<Store>>,
    Org(org): Org,
    Params((_, file)): Params<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let widget = widget_from_file(&file)?;
    let source = store
        .org_script(&org, widget)
        .await?
        .ok_or_else(|| ApiError::NoOrgScript {
            org: org.to_string(),
            widget,
        })?;
    Ok(etag::respond(&headers, TEXT, source).await)
}

/// `GET /v1/orgs/{org}/rules/{widget}`: default and organisation layers.
pub async fn rules(
    State(store): State<Arc<Store>>,
    Org(org): Org,
    Params((_, widget)): Params<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let widget = Widget::parse(&widget).ok_or(ApiError::WidgetNotFound(widget))?;
    let layers = store.layers(&org, widget).await?;
    let body = wire::RulesBody {
        org: org.to_string(),
        widget: widget.name().to_owned(),
        layers,
    };
    let json = serde_json::to_string(&body)
        .map_err(|e| ApiError::internal("writing the rules as JSON", e.into()))?;
    Ok(etag::respond(&headers, JSON, json).await)
}

/// The day a first screen is asked for: `?today=YYYY-MM-DD`.
#[derive(Debug, serde::Deserialize)]
pub struct OnDay {
    /// The day where the person is, as embed.js gives it to the widget.
    pub today: Option<String>,
}

/// `GET /v1/orgs/{org}/rules/{widget}/first/{lang}?today=YYYY-MM-DD`: the
/// first screen's answers in one language, made by the organisation's
/// compiled rules (none when the scripts do not compile: the widget shows
/// the error itself once its engine has the layers), for the person's day
/// (see [`day_for`]).
pub async fn first_screen(
    State(cafes): State<Arc<Cafes>>,
    Org(org): Org,
    Params((_, widget, lang)): Params<(String, String, String)>,
    day: Result<Query<OnDay>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let widget = Widget::parse(&widget).ok_or(ApiError::WidgetNotFound(widget))?;
    let lang = Lang::from_tag(&lang).ok_or(ApiError::LangNotFound(lang))?;
    let answered = match cafes.rules.get(&org, widget).await {
        Ok(rules) => {
            let org_row = cafes.db.org(org.as_str()).await?;
            let zone = org_row.as_ref().map(|o| o.time_zone.as_str()).unwrap_or("");
            let asked = day.ok().and_then(|Query(d)| d.today);
            let ctx = Ctx {
                lang,
                org: org.to_string(),
                today: day_for(asked.as_deref(), cafes.clock.today_in(zone)).to_string(),
            };
            let answers = cafes
                .first_screens
                .get(&cafes.shares, widget, &rules, ctx)
                .await;
            answers.as_ref().clone()
        }
        Err(ApiError::RulesBroken(_)) => Vec::new(),
        Err(e) => return Err(e),
    };
    let body = wire::FirstScreen {
        org: org.to_string(),
        widget: widget.name().to_owned(),
        lang,
        answered,
    };
    let json = serde_json::to_string(&body)
        .map_err(|e| ApiError::internal("writing the first screen as JSON", e.into()))?;
    Ok(etag::respond(&headers, JSON, json).await)
}

/// The day a first screen is made for: the person's, `asked`, which the
/// widget gives its scripts as `ctx.today` (answers made for another day are
/// not theirs, and the widget would wait for its engine to make them), when
/// it is within a day of the organisation's day `there`, as it is for
/// anyone a time zone or two away. Any other day (a wrong clock, a missing
/// or garbled one, someone asking for many days to keep the organisation's
/// share busy) gets the organisation's day: at most three days are made per
/// script version and language.
fn day_for(asked: Option<&str>, there: Date) -> Date {
    asked
        .and_then(parse_day)
        .filter(|day| (*day - there).whole_days().abs() <= 1)
        .unwrap_or(there)
}

/// `GET /v1/texts/{widget}/{lang}`: the widget's own UI texts in `lang`, as
/// `ui_texts` writes and reads them (the UI module carries none). The same
/// for every organisation; tagged, so a repeat visit revalidates them for a
/// few bytes.
pub async fn texts(
    Params((widget, lang)): Params<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let widget = Widget::parse(&widget).ok_or(ApiError::WidgetNotFound(widget))?;
    let lang = Lang::from_tag(&lang).ok_or(ApiError::LangNotFound(lang))?;
    let json = ui_texts::WidgetTexts::json(widget, lang);
    Ok(etag::respond(&headers, JSON, json).await)
}

/// `netwerkscan.rhai` → the widget; axum cannot match `{widget}.rhai` itself.
fn widget_from_file(file: &str) -> Result<Widget, ApiError> {
    let stem = file.strip_suffix(".rhai").ok_or(ApiError::NotAScript)?;
    Widget::parse(stem).ok_or_else(|| ApiError::WidgetNotFound(stem.to_owned()))
}
