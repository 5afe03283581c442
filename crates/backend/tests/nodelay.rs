//! The server on a real loopback socket: a file on a kept-alive connection
//! answers at once. Without TCP_NODELAY its body (written after the
//! headers) waited for the client's delayed ACK: about 40 ms a file.

mod support;

use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use support::Server;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_on_a_kept_alive_connection_do_not_wait_for_delayed_acks() {
    let server = Server::new();
    let css = b".vlist__row { display: grid; }\n".repeat(600);
    std::fs::write(server.config.dist.join("app-0123456789abcdef.css"), css).expect("file");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(backend::serve(listener, server.router.clone()));

    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut times = Vec::new();
    for _ in 0..60 {
        let request = hyper::Request::get("/app-0123456789abcdef.css")
            .header("host", addr.to_string())
            .body(Empty::<Bytes>::new())
            .expect("request");
        sender.ready().await.expect("ready");
        let sent = Instant::now();
        let response = sender.send_request(request).await.expect("response");
        assert_eq!(response.status(), 200);
        response.into_body().collect().await.expect("body");
        times.push(sent.elapsed());
    }
    // Linux acknowledges at once for the first few segments of a connection
    // (quick ACK), then delays: without TCP_NODELAY most of these took 40+ ms.
    // A loaded machine may slow a few answers: allow 5 of 60.
    let slow = times
        .iter()
        .filter(|t| **t > Duration::from_millis(30))
        .count();
    assert!(slow <= 5, "{slow} of 60 files took over 30 ms: {times:?}");
}
