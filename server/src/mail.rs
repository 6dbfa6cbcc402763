//! Messages to people, by e-mail through the organisation's SMTP server
//! (`--smtp-url`, `--mail-from`), and events to organisations' webhooks
//! (see [`crate::webhook`]): one outbox, one sender.
//!
//! Nothing is lost and nothing is sent twice: a message is written to the
//! outbox in the same transaction as the signup change it tells about
//! (`db::outbox`), and this sender takes it from there. It writes the text
//! with the organisation's `message` hook, attaches the calendar file where
//! the person has a place, and hands it to the SMTP server; only when the
//! server has taken it does the message leave the outbox. SMTP down, or the
//! process killed: the message stays and goes out later, with backoff
//! (`--smtp-url` down for an hour costs a few tries, not thousands). A
//! message the SMTP server refuses for good (a wrong address) is dropped
//! and logged. A reminder is written the day before each café.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
use plugin_host::contract::vacaturecafe::{self, MessageKind, MessageSignup};
use plugin_host::contract::{Ctx, Lang, Widget};

use crate::clock::Clock;
use crate::db::{Db, Queued};
use crate::leader::Leader;
use crate::names::OrgName;
use crate::rules_cache::RulesCache;
use crate::store::Store;

/// Where messages go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    /// `smtp://host:port`, `smtps://user:pass@host`, `smtp://…?tls=required`.
    pub smtp_url: String,
    /// The sender, e.g. `Vacaturecafé <cafe@gemeente.nl>`.
    pub from: String,
}

/// The wait after a message's first failed try; it doubles each time, up
/// to [`MAX_WAIT`].
pub const FIRST_RETRY: Duration = Duration::from_secs(5);

/// The longest wait between two tries of one message.
pub const MAX_WAIT: Duration = Duration::from_secs(10 * 60);

/// The SMTP transport and the sender's address, or a clear error at start-up.
fn connect(config: &MailConfig) -> anyhow::Result<(AsyncSmtpTransport<Tokio1Executor>, Mailbox)> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
        .with_context(|| {
            "--smtp-url should look like smtp://host:25, smtps://user:password@host \
             or smtp://user:password@host:587?tls=required"
        })?
        .build();
    let from = config.from.parse::<Mailbox>().with_context(|| {
        format!(
            "--mail-from {} should be an address, like \"Vacaturecafé <cafe@example.nl>\"",
            config.from
        )
    })?;
    Ok((transport, from))
}

/// Starts the outbox's sender (e-mail with `mail`, webhooks always) and,
/// with `mail`, the daily reminders, until `stop`'s sender is dropped;
/// `first_retry` as [`FIRST_RETRY`]. Fails at once on a wrong `mail`.
pub fn start(
    db: Db,
    store: Arc<Store>,
    mail: Option<&MailConfig>,
    first_retry: Duration,
    clock: Clock,
    leader: Leader,
    stop: tokio::sync::watch::Receiver<()>,
) -> anyhow::Result<()> {
    let smtp = mail.map(connect).transpose()?;
    let http = reqwest::Client::builder()
        .user_agent("Bondgenoot webhook")
        .build()
        .context("the webhook client")?;
    if smtp.is_some() {
        tokio::spawn(remind_every_hour(
            db.clone(),
            clock,
            leader.clone(),
            stop.clone(),
        ));
    }
    let sender = Arc::new(Sender {
        db,
        rules: RulesCache::new(store),
        smtp,
        http,
        first_retry,
        clock,
    });
    tokio::spawn(sender.run(leader, stop));
    Ok(())
}

/// Writes the reminders for tomorrow's cafés now and every hour.
/// Only the leader writes them (see [`crate::leader`]).
async fn remind_every_hour(
    db: Db,
    clock: Clock,
    mut leader: Leader,
    mut stop: tokio::sync::watch::Receiver<()>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        tokio::select! {
            () = async { tick.tick().await; leader.wait().await } => {}
            _ = stop.changed() => return,
        }
        // "Tomorrow" where each organisation is.
        let zones = match db.time_zones().await {
            Ok(zones) => zones,
            Err(e) => {
                tracing::error!(error = %e, "reading time zones for reminders");
                continue;
            }
        };
        for zone in zones {
            let Some(tomorrow) = clock.today_in(&zone).next_day().map(|d| d.to_string()) else {
                continue;
            };
            match db.write_reminders(&zone, &tomorrow).await {
                Ok(0) => {}
                Ok(n) => tracing::info!("wrote {n} reminders for the cafés of {tomorrow} ({zone})"),
                Err(e) => tracing::error!(error = %e, "writing reminders"),
            }
        }
    }
}

struct Sender {
    db: Db,
    rules: RulesCache,
    /// The SMTP server and the sender's address, with `--smtp-url`.
    smtp: Option<(AsyncSmtpTransport<Tokio1Executor>, Mailbox)>,
    http: reqwest::Client,
    first_retry: Duration,
    clock: Clock,
}

/// Why a message did not go out.
enum Failed {
    /// It never can (a wrong address, a café that is gone): dropped.
    ForGood(String),
    /// It may later (SMTP down, the rules failing): tried again.
    ForNow(String),
}

impl Sender {
    /// Sends while this process leads (see [`crate::leader`]).
    async fn run(self: Arc<Self>, mut leader: Leader, mut stop: tokio::sync::watch::Receiver<()>) {
        loop {
            if stop.has_changed().is_err() {
                return;
            }
            tokio::select! {
                () = leader.wait() => {}
                _ = stop.changed() => return,
            }
            let now = time::OffsetDateTime::now_utc();
            // Sending takes seconds at most; a message claimed by a sender
            // that died is taken again after this.
            let until = now + Duration::from_secs(120);
            let due = self
                .db
                .outbox_claim(&rfc3339(now), &rfc3339(until), 20)
                .await;
            match due {
                Ok(due) if due.is_empty() => {
                    tokio::select! {
                        () = tokio::time::sleep(Duration::from_millis(300)) => {}
                        _ = stop.changed() => return,
                    }
                }
                Ok(due) => {
                    for queued in due {
                        self.deliver(queued).await;
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "reading the outbox");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    async fn deliver(&self, queued: Queued) {
        let outcome = match &queued.event {
            Some(event) => self.post(&queued.message.org, event.clone()).await,
            None => self.mail(&queued).await,
        };
        let m = &queued.message;
        let done = match outcome {
            Ok(()) => {
                tracing::info!(org = m.org, kind = m.kind.as_str(), "message sent");
                self.db.outbox_sent(queued.id).await
            }
            Err(Failed::ForGood(why)) => {
                tracing::warn!(
                    org = m.org,
                    kind = m.kind.as_str(),
                    "message dropped: {why}"
                );
                self.db.outbox_sent(queued.id).await
            }
            Err(Failed::ForNow(why)) => {
                let wait = self
                    .first_retry
                    .saturating_mul(1 << queued.attempts.clamp(0, 16))
                    .min(MAX_WAIT);
                tracing::warn!(
                    org = m.org,
                    kind = m.kind.as_str(),
                    "message not sent, again in {wait:?}: {why}"
                );
                let next = time::OffsetDateTime::now_utc() + wait;
                self.db.outbox_retry(queued.id, rfc3339(next), why).await
            }
        };
        if let Err(e) = done {
            tracing::error!(error = %e, "updating the outbox");
        }
    }

    async fn mail(&self, queued: &Queued) -> Result<(), Failed> {
        let Some((transport, _)) = &self.smtp else {
            return Err(Failed::ForGood("no --smtp-url any more".into()));
        };
        let email = self.compose(queued).await?;
        transport.send(email).await.map(drop).map_err(|e| {
            if e.is_permanent() {
                Failed::ForGood(format!("the mail server refused it: {e}"))
            } else {
                Failed::ForNow(format!("the mail server: {e}"))
            }
        })
    }

    /// POSTs `event` to the organisation's webhook as it is set now.
    async fn post(&self, org: &str, event: String) -> Result<(), Failed> {
        let webhook = self
            .db
            .webhook(org)
            .await
            .map_err(|e| Failed::ForNow(e.to_string()))?;
        let Some((url, secret)) = webhook else {
            return Err(Failed::ForGood(
                "the organisation has no webhook any more".into(),
            ));
        };
        match crate::webhook::post(&self.http, &url, &secret, event).await {
            crate::webhook::Posted::Received => Ok(()),
            crate::webhook::Posted::Refused(why) => Err(Failed::ForGood(why)),
            crate::webhook::Posted::Failed(why) => Err(Failed::ForNow(why)),
        }
    }

    /// The e-mail for `queued`: its text from the organisation's rules, the
    /// calendar file where the person has a place.
    async fn compose(&self, queued: &Queued) -> Result<Message, Failed> {
        let m = &queued.message;
        let to = m
            .recipient
            .parse::<Mailbox>()
            .map_err(|e| Failed::ForGood(format!("not an e-mail address: {e}")))?;
        let org =
            OrgName::parse(&m.org).ok_or_else(|| Failed::ForGood("no such organisation".into()))?;
        let listing = self
            .db
            .cafe(&m.org, m.cafe_id)
            .await
            .map_err(|e| Failed::ForNow(e.to_string()))?
            .ok_or_else(|| Failed::ForGood("the café is gone".into()))?;
        let rules = self
            .rules
            .get(&org, Widget::Vacaturecafe)
            .await
            .map_err(|e| Failed::ForNow(format!("the rules: {e}")))?;
        let signup = MessageSignup {
            name: m.name.clone(),
            position: m.position,
            cancel_link: match (&m.page, &m.cancel_token) {
                (Some(page), Some(token)) => format!("{page}#bg-cancel={token}"),
                _ => String::new(),
            },
        };
        let zone = self
            .db
            .time_zone(&m.org)
            .await
            .map_err(|e| Failed::ForNow(e.to_string()))?;
        let ctx = Ctx {
            lang: Lang::from_tag(&m.lang).unwrap_or_default(),
            org: m.org.clone(),
            today: self.clock.today_in(&zone).to_string(),
        };
        // The café in the person's language, in the message and the calendar file.
        let (kind, cafe) = (m.kind, listing.cafe.in_lang(ctx.lang));
        let local = cafe.clone();
        let mail = tokio::task::spawn_blocking(move || {
            vacaturecafe::message(&*rules, kind, &signup, &cafe, &ctx)
        })
        .await
        .map_err(|e| Failed::ForNow(e.to_string()))?
        .map_err(|e| Failed::ForNow(format!("the message hook: {e}")))?;
        let from = self.smtp.as_ref().map(|(_, from)| from.clone());
        let from = from.ok_or_else(|| Failed::ForGood("no --mail-from".into()))?;
        let builder = Message::builder().from(from).to(to).subject(mail.subject);
        let with_calendar = matches!(
            m.kind,
            MessageKind::Confirmed | MessageKind::MovedUp | MessageKind::Reminder
        );
        let built = if with_calendar {
            let ics = crate::ics::calendar(&local, &m.org, "bondgenoot", &zone);
            let calendar = ContentType::parse("text/calendar; charset=utf-8")
                .map_err(|e| Failed::ForGood(e.to_string()))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(mail.text))
                    .singlepart(Attachment::new("vacaturecafe.ics".into()).body(ics, calendar)),
            )
        } else {
            builder.singlepart(SinglePart::plain(mail.text))
        };
        built.map_err(|e| Failed::ForGood(format!("building the message: {e}")))
    }
}

/// As the outbox stores times.
fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
