//! The public job-café API the widget calls: upcoming cafés, signing up,
//! a signup's status, cancelling, and the calendar file.
//!
//! Browsers may call it only from the organisation's allowed origins (see
//! [`cors`]); there are no cookies, and the cancellation token is the only
//! key to a signup.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HOST};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use plugin_host::contract::vacaturecafe::{
    self, CafeList, CafeListing, FieldKind, Form, Refusal, SignupAnswer, SignupRequest,
};
use plugin_host::contract::{Ctx, Widget};
use tower_http::cors::{AllowOrigin, CorsLayer};
use wire::Lang;
use wire::TokenRequest;

use super::extract::{HasDb, JsonBody, Org, Params, find_org};
use crate::clock::Clock;
use crate::db::{self, Db, NewSignup, Notice, SignupOutcome, SignupStatus};
use crate::door_code::door_code;
use crate::error::ApiError;
use crate::first_screen::FirstScreens;
use crate::form_fields::FormFields;
use crate::names::OrgName;
use crate::rules_cache::RulesCache;
use crate::script_share::{ScriptShares, Share};
use crate::store::Store;
use crate::{ics, tokens};

/// What the public café handlers share.
#[derive(Debug)]
pub struct Cafes {
    /// The database.
    pub db: Db,
    /// Compiled rules per organisation.
    pub rules: RulesCache,
    /// Requests per client and [`Limited`] kind per minute; `None`: no limit.
    pub limiter: Option<DefaultKeyedRateLimiter<(IpAddr, Limited)>>,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Today: which cafés are still to come, `ctx.today`.
    pub clock: Clock,
    /// Where the organisations' hooks run, each within its share.
    pub shares: ScriptShares,
    /// Whether the server sends messages (it has a mail server).
    pub mail: bool,
    /// The first screen's answers sent with the rules.
    pub first_screens: FirstScreens,
    /// The signup form's fields per café, as the rules make them.
    pub form_fields: FormFields,
    /// What each organisation's scans take as figures.
    pub figure_terms: crate::figures::TermsCache,
}

impl Cafes {
    /// The shared state.
    pub fn new(db: Db, store: Arc<Store>, rate: RateLimit, clock: Clock) -> Self {
        Self {
            clock,
            shares: ScriptShares::new(Share::DEFAULT),
            mail: db.messages(),
            db,
            rules: RulesCache::new(store),
            first_screens: FirstScreens::default(),
            form_fields: FormFields::default(),
            figure_terms: crate::figures::TermsCache::default(),
            limiter: NonZeroU32::new(rate.per_minute)
                .map(|n| RateLimiter::keyed(Quota::per_minute(n))),
            trusted_proxies: rate.trusted_proxies,
        }
    }

    /// Who the client is: the peer, or, when the peer is a trusted proxy,
    /// the nearest address in `X-Forwarded-For` that is not one (each proxy
    /// appends the address it saw, so whatever stands left of the last
    /// untrusted one could be anything a client wrote).
    fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusted_proxies.contains(&peer) {
            return peer;
        }
        let forwarded = headers
            .get_all(X_FORWARDED_FOR)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for hop in forwarded.iter().rev() {
            match hop.parse::<IpAddr>() {
                Ok(ip) if self.trusted_proxies.contains(&ip) => client = ip,
                Ok(ip) => return ip,
                // Unreadable: believe nothing to its left.
                Err(_) => return client,
            }
        }
        client
    }
}

/// The signup rate limit.
#[derive(Debug, Clone, Default)]
pub struct RateLimit {
    /// Signups one client may send per minute; 0 turns the limit off.
    pub per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpAddr>,
}

/// `X-Forwarded-For`: not in `http`'s list of constants.
const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

impl HasDb for Arc<Cafes> {
    fn db(&self) -> &Db {
        &self.db
    }
}

type Shared = State<Arc<Cafes>>;

/// What a client's rate is counted for: each kind has its own count, so
/// sharing figures takes nothing from a person's signups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Signups, status and cancel requests.
    Signups,
    /// Shared figures.
    Figures,
}

/// A [`Limited`] kind, as a type: what [`WithinRate`] counts.
pub trait RateKind {
    /// The kind counted.
    const KIND: Limited;
}

/// [`WithinRate`] of signups.
#[derive(Debug)]
pub struct Signups;

impl RateKind for Signups {
    const KIND: Limited = Limited::Signups;
}

/// [`WithinRate`] of shared figures.
#[derive(Debug)]
pub struct Figures;

impl RateKind for Figures {
    const KIND: Limited = Limited::Figures;
}

/// The client is within its rate (`--signup-rate` a minute) of `K`. An
/// extractor, so it is checked before the path or the body is read: a client
/// sending garbage fast is limited like any other.
#[derive(Debug)]
pub struct WithinRate<K = Signups>(std::marker::PhantomData<K>);

impl<K: RateKind + Send> FromRequestParts<Arc<Cafes>> for WithinRate<K> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, cafes: &Arc<Cafes>) -> Result<Self, ApiError> {
        let Some(limiter) = &cafes.limiter else {
            return Ok(Self(std::marker::PhantomData));
        };
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(parts, cafes)
            .await
            .map_err(|e| {
                ApiError::internal("the client's address", std::io::Error::other(e.body_text()))
            })?;
        let client = cafes.client(peer.ip(), &parts.headers);
        limiter
            .check_key(&(client, K::KIND))
            .map_err(|_| ApiError::RateLimited)?;
        // One entry per client address: forget the idle ones now and then.
        if limiter.len() > 10_000 {
            limiter.retain_recent();
        }
        Ok(Self(std::marker::PhantomData))
    }
}

/// `GET /v1/orgs/{org}/cafes`: upcoming cafés that take signups, by date
/// ("upcoming" where the organisation is), with their words in every
/// language the organisation wrote (the widget shows the person's).
pub async fn list(State(cafes): Shared, Org(org): Org) -> Result<Json<CafeList>, ApiError> {
    let today = cafes.today(&org).await?;
    let list = cafes.db.cafes(org.as_str(), Some(&today), false).await?;
    Ok(Json(CafeList { cafes: list }))
}

impl Cafes {
    /// Today (`YYYY-MM-DD`) in the organisation's time zone.
    pub async fn today(&self, org: &OrgName) -> Result<String, ApiError> {
        Ok(self.clock.today_in(&self.zone(org).await?).to_string())
    }

    /// The organisation's time zone.
    async fn zone(&self, org: &OrgName) -> Result<String, ApiError> {
        Ok(self.db.time_zone(org.as_str()).await?)
    }
}

/// Which language a calendar file is in.
#[derive(Debug, serde::Deserialize)]
pub struct InLang {
    /// A tag of `Lang::ALL`; the organisation's first language when missing
    /// or unknown.
    pub lang: Option<String>,
}

/// The organisation's café; tells a missing organisation from a missing café.
async fn find_cafe(cafes: &Cafes, org: &str, id: &str) -> Result<(OrgName, CafeListing), ApiError> {
    find_in_org(cafes, org, id, async |org, id| {
        cafes.db.cafe(&org, id).await
    })
    .await
}

/// What `read` finds of café `id` of organisation `org` (the café, or more
/// about it); tells a missing organisation from a missing café.
async fn find_in_org<T>(
    cafes: &Cafes,
    org: &str,
    id: &str,
    read: impl AsyncFnOnce(String, i64) -> Result<Option<T>, db::DbError>,
) -> Result<(OrgName, T), ApiError> {
    let name = OrgName::parse(org).ok_or_else(|| ApiError::OrgNotFound(org.to_owned()))?;
    let found = match id.parse::<i64>() {
        Ok(id) => read(name.as_str().to_owned(), id).await?,
        Err(_) => None,
    };
    match found {
        Some(found) => Ok((name, found)),
        // Only on a miss: is it the café or the whole organisation?
        None => {
            find_org(&cafes.db, org).await?;
            Err(ApiError::CafeNotFound)
        }
    }
}

/// `GET /v1/orgs/{org}/cafes/{id}`: one café, also when closed or past.
pub async fn one(
    State(cafes): Shared,
    Params((org, id)): Params<(String, String)>,
) -> Result<Json<CafeListing>, ApiError> {
    Ok(Json(find_cafe(&cafes, &org, &id).await?.1))
}

/// `GET /v1/orgs/{org}/cafes/{id}/calendar.ics`: the café in a calendar file.
pub async fn calendar(
    State(cafes): Shared,
    Params((org, id)): Params<(String, String)>,
    lang: Result<Query<InLang>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (org, listing) = find_cafe(&cafes, &org, &id).await?;
    let lang = lang
        .ok()
        .and_then(|Query(l)| l.lang)
        .and_then(|tag| Lang::from_tag(&tag));
    let cafe = match lang {
        Some(lang) => listing.cafe.in_lang(lang),
        None => listing.cafe,
    };
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("bondgenoot");
    let ics = ics::calendar(&cafe, org.as_str(), host, &cafes.zone(&org).await?);
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"vacaturecafe.ics\""),
            ),
        ],
        ics,
    )
        .into_response())
}

/// `POST /v1/orgs/{org}/cafes/{id}/signups`: sign up. The rules check the
/// form and decide, within the organisation's share of script time; the
/// database holds the decision to the café's places and stores the signup.
pub async fn signup(
    State(cafes): Shared,
    _rate: WithinRate,
    Params((org, id)): Params<(String, String)>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<SignupRequest>,
) -> Result<Response, ApiError> {
    // The browser's token, or ours. Only the browser that made it knows it:
    // sent again, it finds that signup, and answers nothing about anyone else.
    let token = match request.token.clone() {
        Some(token) if tokens::is_well_formed(&token) => token,
        Some(_) => {
            return Err(ApiError::BadJson(
                "`token` must be 32 lower-case hex characters".into(),
            ));
        }
        None => tokens::new_token()
            .map_err(|e| ApiError::internal("making a token", std::io::Error::other(e)))?,
    };
    let cancel_hash = tokens::hash(&token);
    // The café, its organisation and a signup sent before, in one read.
    let (
        org,
        db::SignupStart {
            listing,
            org: org_row,
            sent,
            token_elsewhere,
        },
    ) = find_in_org(&cafes, &org, &id, async |org, id| {
        cafes.db.signup_start(&org, id, cancel_hash.clone()).await
    })
    .await?;
    if let Some(signup) = sent {
        let answer = answer(&signup, String::new(), Some(token), true, listing, &headers);
        return Ok((StatusCode::OK, Json(answer)).into_response());
    }
    if token_elsewhere {
        return Err(db::SignupError::TokenInUse.into());
    }
    let zone = org_row.time_zone.as_str();
    let today = cafes.clock.today_in(zone).to_string();
    // Before the scripts run: a closed café's form errors would be beside the point.
    db::takes_signups(&listing.cafe, &today)?;
    let rules = cafes.rules.get(&org, Widget::Vacaturecafe).await?;
    let ctx = Ctx {
        lang: request.lang,
        org: org.to_string(),
        today: today.clone(),
    };
    // The same checks as the browser, and the decision with the counts as
    // read: one turn in the organisation's share.
    // The rules see the café in the person's language, as their browser did.
    let (fields, form, decision) = {
        let (rules, ctx) = (Arc::clone(&rules), ctx.clone());
        let listing = listing.in_lang(request.lang);
        let state = Arc::clone(&cafes);
        cafes
            .shares
            .run(org.as_str(), move || {
                let fields = state
                    .form_fields
                    .get(&rules, &listing.cafe, &ctx)
                    .map_err(ApiError::RulesBroken)?;
                let form = check_form(&rules, &fields, &request.form, &listing.cafe, &ctx)?;
                let decision =
                    vacaturecafe::decide(&*rules, &form, &listing.cafe, &listing.counts, &ctx)
                        .map_err(ApiError::RulesBroken)?;
                Ok::<_, ApiError>((fields, form, decision))
            })
            .await??
    };
    let text_of = |kind| vacaturecafe::answer_of_kind(&fields, &form, kind);
    let name = match form.get("name") {
        Some(vacaturecafe::Value::Text(name)) => name.clone(),
        _ => text_of(FieldKind::Text).unwrap_or_default().to_owned(),
    };
    let email = text_of(FieldKind::Email).map(str::to_owned);
    let email_key = email.as_deref().map(vacaturecafe::email_key);
    let phone_key = text_of(FieldKind::Tel).map(vacaturecafe::phone_key);
    let events = org_row.webhook;
    let page = request
        .page
        .as_deref()
        .and_then(|page| page_on(page, &org_row.origins));
    // Told by e-mail when the server sends messages and the person gave an
    // address; nothing is written for a message otherwise.
    let notice = email.filter(|_| cafes.mail).map(|recipient| Notice {
        recipient,
        token: token.clone(),
    });
    let mail = notice.is_some();
    let form_json =
        serde_json::to_string(&form).map_err(|e| ApiError::internal("storing a form", e.into()))?;
    let new = NewSignup {
        org: org.to_string(),
        cafe_id: listing.cafe.id,
        today,
        name,
        email_key,
        phone_key,
        form: form_json,
        lang: request.lang.tag().to_owned(),
        cancel_hash,
        door_key: tokens::new_token()
            .map_err(|e| ApiError::internal("making a key", std::io::Error::other(e)))?,
        page,
        notice,
        events,
    };
    let form = Arc::new(form);
    let redecide = |listing: CafeListing| {
        let listing = listing.in_lang(ctx.lang);
        let (rules, form, ctx) = (Arc::clone(&rules), Arc::clone(&form), ctx.clone());
        let shares = &cafes.shares;
        let org = org.as_str();
        async move {
            shares
                .run(org, move || {
                    vacaturecafe::decide(&*rules, &form, &listing.cafe, &listing.counts, &ctx)
                })
                .await?
                .map_err(ApiError::RulesBroken)
        }
    };
    let result = cafes.db.signup(new, decision, redecide).await??;
    let cafe = result.cafe;
    let (status, answer) = match result.outcome {
        SignupOutcome::Created { signup, message } => (
            StatusCode::CREATED,
            SignupAnswer {
                mail,
                ..answer(&signup, message, Some(token), false, cafe, &headers)
            },
        ),
        SignupOutcome::Existing(signup) => (
            StatusCode::OK,
            answer(&signup, String::new(), Some(token), true, cafe, &headers),
        ),
        SignupOutcome::Rejected(message) => (
            StatusCode::OK,
            SignupAnswer {
                status: wire::SignupStatus::Rejected,
                message,
                position: None,
                cancel_token: None,
                already: false,
                cafe,
                mail: false,
                door: None,
            },
        ),
    };
    Ok((status, Json(answer)).into_response())
}

/// Runs `fields` and the shared form check; the cleaned form, or the error
/// to show beside the fields.
fn check_form(
    rules: &plugin_host::Rules,
    fields: &[vacaturecafe::Field],
    form: &Form,
    cafe: &vacaturecafe::Cafe,
    ctx: &Ctx,
) -> Result<Form, ApiError> {
    match vacaturecafe::check_form(rules, fields, form, cafe, ctx).map_err(ApiError::RulesBroken)? {
        Ok(form) => Ok(form),
        Err(Refusal::Problem(p)) => Err(ApiError::InvalidField {
            message: ui_texts::vacaturecafe::texts(ctx.lang)
                .problem(p.code)
                .to_owned(),
            field: p.field,
            problem: p.code,
        }),
        Err(Refusal::Errors(errors)) => Err(ApiError::Validation(errors)),
    }
}

/// The answer about `signup`; one with a place or waiting carries its
/// door code (see [`door_code`]), made for the server `headers` reached.
fn answer(
    signup: &SignupStatus,
    message: String,
    cancel_token: Option<String>,
    already: bool,
    cafe: CafeListing,
    headers: &HeaderMap,
) -> SignupAnswer {
    let door = match (signup.status, &signup.door_key) {
        (db::Status::Confirmed | db::Status::Waitlist, Some(key)) => {
            door_code(headers, signup.cafe_id, key)
        }
        _ => None,
    };
    SignupAnswer {
        status: signup.status.as_wire(),
        message,
        position: signup.position,
        cancel_token,
        already,
        cafe,
        mail: false,
        door,
    }
}

/// `page` without its `#…`, if it is a page on one of the organisation's
/// sites (`origins`): links in messages go only there.
fn page_on(page: &str, origins: &[String]) -> Option<String> {
    let page = page.split('#').next().unwrap_or_default();
    let fits = page.len() <= 2000
        && !page.chars().any(|c| c.is_control() || c.is_whitespace())
        && origins.iter().any(|origin| {
            page.strip_prefix(origin.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
        });
    fits.then(|| page.to_owned())
}

async fn by_token(
    cafes: &Cafes,
    org: &OrgName,
    TokenRequest { token }: TokenRequest,
    cancel: bool,
    headers: &HeaderMap,
) -> Result<Json<SignupAnswer>, ApiError> {
    if !tokens::is_well_formed(&token) {
        return Err(ApiError::SignupNotFound);
    }
    let hash = tokens::hash(&token);
    let signup = if cancel {
        cafes.db.cancel(org.as_str(), hash).await?
    } else {
        cafes.db.signup_by_token(org.as_str(), hash).await?
    }
    .ok_or(ApiError::SignupNotFound)?;
    let cafe = cafes
        .db
        .cafe(org.as_str(), signup.cafe_id)
        .await?
        .ok_or(ApiError::CafeNotFound)?;
    Ok(Json(answer(
        &signup,
        String::new(),
        None,
        false,
        cafe,
        headers,
    )))
}

/// `POST /v1/orgs/{org}/signups/status` with `{token}`: where a signup stands.
pub async fn status(
    State(cafes): Shared,
    Org(org): Org,
    headers: HeaderMap,
    JsonBody(request): JsonBody<TokenRequest>,
) -> Result<Json<SignupAnswer>, ApiError> {
    by_token(&cafes, &org, request, false, &headers).await
}

/// `POST /v1/orgs/{org}/signups/cancel` with `{token}`: cancel; the place
/// goes to the first person waiting.
pub async fn cancel(
    State(cafes): Shared,
    Org(org): Org,
    headers: HeaderMap,
    JsonBody(request): JsonBody<TokenRequest>,
) -> Result<Json<SignupAnswer>, ApiError> {
    by_token(&cafes, &org, request, true, &headers).await
}

/// CORS for the public café API: only the organisation's allowed origins,
/// looked up per request so an added origin works at once.
pub fn cors(db: Db) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::async_predicate(move |origin, parts| {
            let db = db.clone();
            // Under `nest("/orgs")` the URI has lost its prefix; the original has it.
            let path = parts
                .extensions
                .get::<OriginalUri>()
                .map_or(parts.uri.path(), |original| original.0.path());
            let org = org_in_path(path);
            async move {
                let Some(org) = org else { return false };
                match db.org(&org).await {
                    Ok(Some(org)) => origin
                        .to_str()
                        .is_ok_and(|o| org.origins.iter().any(|allowed| allowed == o)),
                    _ => false,
                }
            }
        }))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([CONTENT_TYPE])
}

/// `…/orgs/{org}/…` → the org segment.
fn org_in_path(path: &str) -> Option<String> {
    let mut segments = path.split('/');
    segments.find(|s| *s == "orgs")?;
    segments.next().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::page_on;

    #[test]
    fn links_in_messages_go_only_to_the_organisations_own_sites() {
        let origins = ["https://www.utrecht.nl".to_owned()];
        assert_eq!(
            page_on("https://www.utrecht.nl/werk?cafe=2#bg-cafe=2", &origins).as_deref(),
            Some("https://www.utrecht.nl/werk?cafe=2")
        );
        assert_eq!(
            page_on("https://www.utrecht.nl", &origins).as_deref(),
            Some("https://www.utrecht.nl")
        );
        for elsewhere in [
            "https://www.utrecht.nl.evil.example/werk",
            "https://evil.example/?https://www.utrecht.nl",
            "http://www.utrecht.nl/werk",
            "https://www.utrecht.nl/a b",
            "javascript:alert(1)",
        ] {
            assert_eq!(page_on(elsewhere, &origins), None, "{elsewhere}");
        }
    }
}
