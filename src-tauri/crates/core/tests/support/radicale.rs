//! A real Radicale CalDAV server for tests (pip `radicale==3.9.0`, installed by scripts/test.sh):
//! 127.0.0.1 on a free port, a temporary storage folder, plain htpasswd users `alice:wonderland`
//! and `bob:builder`. Stopped by its PID when dropped (also when the test panics), and started
//! under `setpriv --pdeathsig KILL` so the kernel kills it if the test thread dies without
//! unwinding (SIGKILL of the test binary, abort).
#![allow(dead_code, clippy::unwrap_used)]

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Radicale {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Radicale {
    pub fn start() -> Radicale {
        let dir = tempfile::tempdir().unwrap();
        let users = dir.path().join("users");
        std::fs::write(&users, "alice:wonderland\nbob:builder\n").unwrap();
        let config = dir.path().join("config");
        std::fs::write(&config, "").unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("setpriv")
            .args([
                "--pdeathsig",
                "KILL",
                "--",
                "python3",
                "-m",
                "radicale",
                "--config",
            ])
            .arg(&config)
            .args(["--server-hosts", &format!("127.0.0.1:{port}")])
            .arg("--storage-filesystem-folder")
            .arg(dir.path().join("collections"))
            .args(["--auth-type", "htpasswd", "--auth-htpasswd-filename"])
            .arg(&users)
            .args([
                "--auth-htpasswd-encryption",
                "plain",
                "--auth-delay",
                "0",
                "--rights-type",
                "owner_only",
                "--logging-level",
                "warning",
            ])
            .env("HOME", dir.path())
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(dir.path().join("radicale.log")).unwrap())
            .stderr(std::fs::File::create(dir.path().join("radicale.err")).unwrap())
            .spawn()
            .expect("start `python3 -m radicale` (scripts/test.sh installs it with pip)");
        let mut r = Radicale { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = r.child.try_wait().unwrap() {
                let err =
                    std::fs::read_to_string(r.dir.path().join("radicale.err")).unwrap_or_default();
                panic!("Radicale exited ({status}): {err}");
            }
            assert!(Instant::now() < deadline, "Radicale did not start in 30 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        r
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Raw HTTP as another calendar app (user alice) would send it.
    pub fn raw(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .allow_non_standard_methods(true)
                .build(),
        );
        let req = ureq::http::Request::builder()
            .method(ureq::http::Method::from_bytes(method.as_bytes()).unwrap())
            .uri(self.url(path))
            .header("Authorization", "Basic YWxpY2U6d29uZGVybGFuZA==") // alice:wonderland
            .header("Depth", "1")
            .header("Content-Type", "text/calendar; charset=utf-8")
            .body(body.unwrap_or("").to_string())
            .unwrap();
        let mut res = agent.run(req).unwrap();
        let status = res.status().as_u16();
        (status, res.body_mut().read_to_string().unwrap_or_default())
    }

    /// Create alice's calendar collection at `path` (e.g. `/alice/plan/`).
    pub fn make_calendar(&self, path: &str) {
        let body = r#"<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>Plan</d:displayname></d:prop></d:set></c:mkcalendar>"#;
        let (st, out) = self.raw("MKCALENDAR", path, Some(body));
        assert_eq!(st, 201, "MKCALENDAR {path}: {out}");
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        // Stop exactly the process this test started (by its PID), then reap it.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
