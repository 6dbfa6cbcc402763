//! Accepting connections so that slow or greedy clients cannot keep others out.
//!
//! `axum::serve` sets no timeouts: a client that opens connections and never
//! finishes its headers holds them (and their file descriptors) for as long
//! as it likes, and once the process runs out of descriptors nobody else is
//! answered. So the server runs its own accept loop over hyper:
//!
//! - **header read** ([`Timeouts::header_read`]): a request's headers, and
//!   the next request on a kept-alive connection, must arrive in time, or
//!   hyper closes the connection;
//! - **body** ([`Timeouts::body_idle`]): a body that stops sending data is
//!   cut off (the handler answers `timeout`);
//! - **whole request** ([`Timeouts::request`]): no handler, however its body
//!   trickles in, takes longer (answered `timeout`);
//! - **writing** ([`Timeouts::write`]): a client that stops reading an answer
//!   (a large file) loses its connection once nothing more can be written
//!   for that long;
//! - **shutdown** ([`Timeouts::shutdown`]): open requests may finish, but
//!   no connection keeps the server from stopping for longer;
//! - **connections** ([`Caps`]): at most so many open at once, fewer than the
//!   open-file limit so the server keeps descriptors for its database and
//!   the files it sends; and at most so many per client address (an IPv6
//!   /64 counts as one; trusted proxies excepted), so one client cannot take
//!   them all. A connection over a cap
//!   is closed at once.
//!
//! HTTP/1.1 only: browsers speak HTTP/2 only over TLS, which a reverse proxy
//! in front of the server ends.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::Service as _;

use crate::error::ApiError;

/// How long the server waits for a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// For a request's headers, and between requests on a kept-alive connection.
    pub header_read: Duration,
    /// For the next piece of a request body.
    pub body_idle: Duration,
    /// For a whole request, from its headers to the answer's headers.
    pub request: Duration,
    /// For the client to take the next piece of an answer.
    pub write: Duration,
    /// For open requests to finish when the server stops.
    pub shutdown: Duration,
}

impl Timeouts {
    /// 10 s for headers and for each piece of a body: a phone on a slow
    /// mobile connection sends a signup (a few hundred bytes) in well under
    /// a second, and 10 s leaves room for a bad moment. 20 s for a whole
    /// request: the longest a signup waits for its organisation's rules is
    /// 3 s (`Share::max_wait`). 30 s for a client to take the next piece of
    /// an answer: the bundle is a few hundred kilobytes, sent in pieces of
    /// tens. 10 s for requests to finish when the server stops (a deploy).
    pub const DEFAULT: Self = Self {
        header_read: Duration::from_secs(10),
        body_idle: Duration::from_secs(10),
        request: Duration::from_secs(20),
        write: Duration::from_secs(30),
        shutdown: Duration::from_secs(10),
    };
}

/// How many connections the server keeps open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// In all.
    pub total: usize,
    /// From one client address (not counting trusted proxies).
    pub per_client: usize,
}

impl Caps {
    /// Descriptors kept back from connections: the database and its write-
    /// ahead log, the checkpoint connection, files being served, the log.
    pub const RESERVED_FILES: u64 = 128;
    /// Connections one address may hold: a browser opens about six per
    /// site, so this is room for dozens of people behind one address (an
    /// office or a mobile carrier's NAT), and far from all of them.
    pub const PER_CLIENT: usize = 256;

    /// The caps for a process that may open `open_files` descriptors: half
    /// of what is left after the reserve, as a connection that is sent a
    /// file holds a second descriptor for it.
    pub fn for_open_files(open_files: u64) -> Self {
        let total = (open_files.saturating_sub(Self::RESERVED_FILES) / 2).max(16);
        Self {
            total: usize::try_from(total).unwrap_or(usize::MAX),
            per_client: Self::PER_CLIENT,
        }
    }

    /// For this process's open-file limit as it is now.
    pub fn for_this_process() -> Self {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        Self::for_open_files(limit.current.unwrap_or(u64::MAX))
    }
}

/// Raises this process's open-file limit (soft) to the most it may have
/// (hard): each connection takes a descriptor, and many systems start
/// programs at 1,024. Returns the limit before and after.
pub fn raise_open_file_limit() -> std::io::Result<(Option<u64>, Option<u64>)> {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    let before = limit.current;
    if limit.current != limit.maximum {
        limit.current = limit.maximum;
        setrlimit(Resource::Nofile, limit)?;
    }
    Ok((before, getrlimit(Resource::Nofile).current))
}

/// Middleware: a request that takes longer than `limit` is answered
/// `timeout` (and its handler dropped).
pub async fn within(limit: Duration, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
}

/// Open connections per client address.
#[derive(Debug, Default)]
struct Open {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
}

/// One open connection's place in [`Open`]; gives it back when dropped.
struct Place {
    open: Arc<Mutex<Open>>,
    client: Option<IpAddr>,
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.total -= 1;
        if let Some(client) = self.client
            && let Some(n) = open.per_client.get_mut(&client)
        {
            *n -= 1;
            if *n == 0 {
                open.per_client.remove(&client);
            }
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets open
/// requests finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    caps: Caps,
    trusted_proxies: Vec<IpAddr>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeouts.header_read);
    let open = Arc::new(Mutex::new(Open::default()));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut warned = None;
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    wait_after_accept_error(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let ip = peer.ip().to_canonical();
        let client = (!trusted_proxies.contains(&ip)).then(|| client_key(ip));
        let place = match take_place(&open, client, caps) {
            Ok(place) => place,
            Err(full) => {
                // Closed at once: the client learns now, and keeps nothing open.
                drop(stream);
                // Once per spell of refusals, not once per connection.
                if warned != Some(full) {
                    match full {
                        Full::Total => tracing::warn!(
                            "refusing connections: {} are open, the most at once",
                            caps.total
                        ),
                        Full::Client => tracing::warn!(
                            client = %peer.ip(),
                            "refusing connections from one address: it holds {}, the most per address",
                            caps.per_client
                        ),
                    }
                    warned = Some(full);
                }
                continue;
            }
        };
        warned = None;
        let _ = stream.set_nodelay(true);
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(timeouts.write));
        let io = TokioIo::new(Box::pin(stream));
        let connection = http.serve_connection(io, service(app.clone(), peer));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(client = %peer, "connection ended: {e}");
            }
            drop(place);
        });
    }
    drop(listener);
    if tokio::time::timeout(timeouts.shutdown, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "stopping with requests still open after {:?}",
            timeouts.shutdown
        );
    }
}

/// Whose connections count together: an IPv4 address, or an IPv6 /64 (one
/// household or phone gets a whole /64, so its single addresses are cheap).
fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(prefix.into())
        }
    }
}

/// Which cap a refused connection met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Full {
    Total,
    Client,
}

fn take_place(open: &Arc<Mutex<Open>>, client: Option<IpAddr>, caps: Caps) -> Result<Place, Full> {
    let mut guard = open.lock().unwrap_or_else(PoisonError::into_inner);
    if guard.total >= caps.total {
        return Err(Full::Total);
    }
    if let Some(client) = client {
        let n = guard.per_client.entry(client).or_insert(0);
        if *n >= caps.per_client {
            return Err(Full::Client);
        }
        *n += 1;
    }
    guard.total += 1;
    Ok(Place {
        open: Arc::clone(open),
        client,
    })
}

/// The router as hyper calls it, with the client's address for
/// `ConnectInfo` (the signup rate limit).
fn service(
    app: Router,
    peer: SocketAddr,
) -> impl hyper::service::Service<
    hyper::Request<hyper::body::Incoming>,
    Response = Response,
    Error = Infallible,
    Future = impl Future<Output = Result<Response, Infallible>> + Send,
> + Clone {
    hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        // A Router is always ready: calling it needs no poll_ready first.
        let mut app = app.clone();
        async move { app.call(request.map(Body::new)).await }
    })
}

/// After a failed accept: a connection that failed before we took it is
/// nothing; out of descriptors (or memory), wait a little rather than spin.
async fn wait_after_accept_error(e: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!("accepting a connection: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_64_counts_as_one_client_and_a_mapped_ipv4_as_itself() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let b: IpAddr = "2001:db8:1:2:ffff::9"
            .parse()
            .unwrap_or(IpAddr::from([0; 4]));
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap_or(IpAddr::from([0; 4]));
        assert_eq!(
            client_key(mapped.to_canonical()),
            IpAddr::from([192, 0, 2, 7])
        );
    }

    #[test]
    fn over_the_per_client_cap_only_that_client_is_refused() {
        let open = Arc::new(Mutex::new(Open::default()));
        let caps = Caps {
            total: 10,
            per_client: 2,
        };
        let (one, two) = (IpAddr::from([10, 0, 0, 1]), IpAddr::from([10, 0, 0, 2]));
        let held = [
            take_place(&open, Some(one), caps),
            take_place(&open, Some(one), caps),
        ];
        assert!(held.iter().all(Result::is_ok));
        assert!(matches!(
            take_place(&open, Some(one), caps),
            Err(Full::Client)
        ));
        assert!(
            take_place(&open, Some(two), caps).is_ok(),
            "someone else still gets in"
        );
        drop(held);
        assert!(
            take_place(&open, Some(one), caps).is_ok(),
            "places come back when closed"
        );
    }
}
