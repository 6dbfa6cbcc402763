//! Anonymous figures over real HTTP with a real database: a person's shared
//! scores are taken only in the exact shape and only when the script offers
//! it, rate-limited apart from signups; admins read them per month, never a
//! figure about fewer than ten people and never another organisation's; and
//! they are deleted when the organisation's keeping time ends.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod support;
use support::*;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

impl Server {
    async fn report(&self, org: &str, token: &str, widget: &str) -> reqwest::Response {
        self.as_admin(
            token,
            Method::GET,
            &format!("/v1/admin/orgs/{org}/figures/{widget}"),
        )
        .send()
        .await
        .expect("request")
    }

    /// Publishes Netwerkscan terms for `org`: the offer on or off, kept six months.
    async fn offer(&self, org: &str, token: &str, on: bool) {
        let source = format!("fn figures() {{ #{{ offer: {on}, keep_months: 6 }} }}");
        self.publish_ok(org, token, "netwerkscan", &source).await;
    }

    async fn months(&self, org: &str, token: &str, widget: &str) -> Vec<Value> {
        let response = self.report(org, token, widget).await;
        assert_eq!(response.status(), StatusCode::OK);
        json_of(response).await["months"]
            .as_array()
            .expect("months")
            .clone()
    }
}

#[tokio::test]
async fn a_month_shows_figures_from_ten_people_on_and_only_to_its_own_organisation() {
    let mut dirs = Dirs::new();
    dirs.clock = server::clock::Clock::fixed(day("2026-12-03"));
    let acme = dirs.add_org("acme", &[]).await;
    let other = dirs.add_org("other", &[]).await;
    let reader = dirs
        .add_admin("acme", "Sanne", wire::console::Role::Cafes)
        .await;
    let server = Server::start(&dirs).await;

    // Nine people: bonding 10, 20, … 90; "tell-three" suggested to all.
    for n in 1..=9 {
        let sent = server
            .share(
                "acme",
                "netwerkscan",
                &share(n * 10, 50, &["tell-three", "buddy"]),
            )
            .await;
        assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    }
    let months = server.months("acme", &acme, "netwerkscan").await;
    assert_eq!(
        months,
        [
            json!({ "month": "2026-12", "shared": null, "counted": 0, "scores": [], "steps": [], "langs": [] })
        ],
        "nine people: not one figure"
    );

    // The tenth: the figures appear, for any admin role.
    server
        .share("acme", "netwerkscan", &share(100, 50, &["tell-three"]))
        .await;
    let months = server.months("acme", &reader, "netwerkscan").await;
    let month = &months[0];
    assert_eq!(month["shared"], 10);
    let bonding = &month["scores"][0];
    assert_eq!(bonding["id"], "bonding");
    // 10…100 by nearest rank: a quarter 30, the median 50, three quarters 80.
    assert_eq!(
        (&bonding["low"], &bonding["median"], &bonding["high"]),
        (&json!(30), &json!(50), &json!(80))
    );
    let ids: Vec<&str> = month["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, DIMENSIONS, "in the script's order");
    // "buddy" went to nine: not named.
    assert_eq!(month["steps"], json!([{ "id": "tell-three", "count": 10 }]));
    assert_eq!(month["langs"], json!([{ "lang": "ar", "count": 10 }]));

    // An eleventh share is counted but changes no figure until ten more
    // came: comparing two looks tells nothing about one person.
    server
        .share("acme", "netwerkscan", &share(0, 0, &["rare"]))
        .await;
    let again = &server.months("acme", &acme, "netwerkscan").await[0];
    assert_eq!(
        (&again["shared"], &again["counted"]),
        (&json!(11), &json!(10))
    );
    for part in ["scores", "steps", "langs"] {
        assert_eq!(again[part], month[part], "{part}");
    }

    // Another organisation's token reads nothing of acme's, and its own
    // figures are empty; nobody reads them without a token.
    let refused = server.report("acme", &other, "netwerkscan").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert!(
        server
            .months("other", &other, "netwerkscan")
            .await
            .is_empty()
    );
    let anonymous = server.get("/v1/admin/orgs/acme/figures/netwerkscan").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    // The Alliantiescan's figures are apart.
    assert!(
        server
            .months("acme", &acme, "alliantiescan")
            .await
            .is_empty()
    );
    server.stop().await;
}

#[tokio::test]
async fn only_the_exact_shape_is_taken_and_nothing_of_a_refused_share_is_kept() {
    let dirs = Dirs::new();
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let mut without_linking = share(50, 50, &[]);
    without_linking["scores"]
        .as_object_mut()
        .expect("scores")
        .remove("linking");
    let mut with_extra = share(50, 50, &[]);
    with_extra["scores"]["salary"] = json!(40);
    let mut with_name = share(50, 50, &[]);
    with_name["name"] = json!("Amal");
    let mut in_klingon = share(50, 50, &[]);
    in_klingon["lang"] = json!("tlh");
    let many: Vec<String> = (0..21).map(|i| format!("step-{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let refused = [
        (without_linking, "`scores` lacks `linking`"),
        (with_extra, "`salary`"),
        (share(101, 50, &[]), "from 0 to 100"),
        (share(50, -1, &[]), "from 0 to 100"),
        (with_name, "name"),
        (in_klingon, "tlh"),
        (share(50, 50, &["Call Amal on 0612345678"]), "not a step id"),
        (share(50, 50, &many), "at most 20"),
        (json!([1, 2, 3]), ""),
    ];
    for (body, says) in refused {
        let response = server.share("acme", "netwerkscan", &body).await;
        let message = assert_error(response, StatusCode::BAD_REQUEST, "bad_json").await;
        assert!(message.contains(says), "{body}: {message}");
    }
    // Only the scans have figures; an unknown organisation has none.
    let cafe = server
        .share("acme", "vacaturecafe", &share(50, 50, &[]))
        .await;
    assert_error(cafe, StatusCode::NOT_FOUND, "widget_not_found").await;
    let nobody = server
        .share("nobody", "netwerkscan", &share(50, 50, &[]))
        .await;
    assert_error(nobody, StatusCode::NOT_FOUND, "org_not_found").await;
    assert!(server.months("acme", &acme, "netwerkscan").await.is_empty());

    // Any page may send one (the scan is embedded wherever the
    // organisation put it): the preflight allows every origin.
    let preflight = server
        .http
        .request(
            Method::OPTIONS,
            server.url("/v1/orgs/acme/figures/netwerkscan"),
        )
        .header("Origin", "https://www.buurthuis.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .expect("request");
    assert_eq!(header(&preflight, "access-control-allow-origin"), "*");

    // The Alliantiescan's scores are its phases.
    let phases = json!({ "lang": "nl", "steps": ["make-agreements"], "scores":
        { "vormen": 100, "formeren": 60, "functioneren": 20, "transformeren": 0 } });
    let sent = server.share("acme", "alliantiescan", &phases).await;
    assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    let as_netwerkscan = server.share("acme", "netwerkscan", &phases).await;
    assert_error(as_netwerkscan, StatusCode::BAD_REQUEST, "bad_json").await;
    server.stop().await;
}

#[tokio::test]
async fn an_organisation_that_switches_the_offer_off_takes_no_figures() {
    let dirs = Dirs::new();
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    server.offer("acme", &acme, false).await;
    let response = server
        .share("acme", "netwerkscan", &share(50, 50, &[]))
        .await;
    let message = assert_error(response, StatusCode::FORBIDDEN, "figures_off").await;
    assert!(message.contains("does not collect figures"), "{message}");
    let report = json_of(server.report("acme", &acme, "netwerkscan").await).await;
    assert_eq!(report["offer"], false);
    assert_eq!(report["keep_months"], 6);
    assert_eq!(report["months"], json!([]));
    server.stop().await;
}

/// The terms a share is checked against are kept per script version: each
/// new script counts from the next share on.
#[tokio::test]
async fn a_share_is_checked_against_the_script_live_at_that_moment() {
    let dirs = Dirs::new();
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    let sent = server
        .share("acme", "netwerkscan", &share(50, 50, &[]))
        .await;
    assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    server.offer("acme", &acme, false).await;
    let refused = server
        .share("acme", "netwerkscan", &share(50, 50, &[]))
        .await;
    assert_error(refused, StatusCode::FORBIDDEN, "figures_off").await;
    server.offer("acme", &acme, true).await;
    let sent = server
        .share("acme", "netwerkscan", &share(50, 50, &[]))
        .await;
    assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    server.stop().await;
}

#[tokio::test]
async fn figures_have_their_own_rate_so_a_share_takes_nothing_from_a_signup() {
    let mut dirs = Dirs::new();
    dirs.signup_rate = 2;
    let acme = dirs.add_org("acme", &[]).await;
    let server = Server::start(&dirs).await;
    for _ in 0..2 {
        let sent = server
            .share("acme", "netwerkscan", &share(50, 50, &[]))
            .await;
        assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    }
    let third = server
        .share("acme", "netwerkscan", &share(50, 50, &[]))
        .await;
    assert_error(third, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // The same client still signs up.
    let cafe = server.admin_cafe("acme", &acme, "2099-01-05", 5).await;
    let signup = server
        .http
        .post(server.url(&format!("/v1/orgs/acme/cafes/{cafe}/signups")))
        .json(&json!({ "form": { "name": "Amal", "email": "amal@example.nl", "consent": true }, "lang": "ar" }))
        .send()
        .await
        .expect("request");
    assert!(signup.status().is_success(), "{}", signup.status());
    server.stop().await;
}

#[tokio::test]
async fn shares_are_deleted_when_the_keeping_time_promised_ends() {
    let mut dirs = Dirs::new();
    dirs.clock = server::clock::Clock::fixed(day("2026-12-03"));
    let acme = dirs.add_org("acme", &[]).await;
    let brief = dirs.add_org("brief", &[]).await;
    let later = dirs.add_org("later", &[]).await;
    let server = Server::start(&dirs).await;
    server
        .publish_ok(
            "brief",
            &brief,
            "netwerkscan",
            "fn figures() { #{ offer: true, keep_months: 2 } }",
        )
        .await;
    for org in ["acme", "brief", "later"] {
        for _ in 0..10 {
            server.share(org, "netwerkscan", &share(50, 50, &[])).await;
        }
    }
    // "later" shortens its keeping time after they came: the shorter holds.
    server
        .publish_ok(
            "later",
            &later,
            "netwerkscan",
            "fn figures() { #{ offer: true, keep_months: 1 } }",
        )
        .await;
    server.stop().await;

    // "later" now keeps one month: December's go in January.
    let done = retention_run(&dirs, "2027-01-01", &[]).await;
    assert!(done.contains("and 10 shared figures"), "{done}");
    // "brief" keeps them two months: December and January.
    let done = retention_run(&dirs, "2027-01-31", &[]).await;
    assert!(done.contains("and 0 shared figures"), "{done}");
    let done = retention_run(&dirs, "2027-02-01", &[]).await;
    assert!(done.contains("and 10 shared figures"), "{done}");
    let server = Server::start(&dirs).await;
    for (org, token) in [("brief", &brief), ("later", &later)] {
        assert!(
            server.months(org, token, "netwerkscan").await.is_empty(),
            "{org}"
        );
    }
    // The default: 24 months.
    assert_eq!(server.months("acme", &acme, "netwerkscan").await.len(), 1);
    server.stop().await;
    retention_run(&dirs, "2028-11-30", &[]).await;
    let server = Server::start(&dirs).await;
    assert_eq!(server.months("acme", &acme, "netwerkscan").await.len(), 1);
    server.stop().await;
    let done = retention_run(&dirs, "2028-12-01", &[]).await;
    assert!(done.contains("and 10 shared figures"), "{done}");
}
