//! R6: a process killed with SIGKILL at random moments never loses an acknowledged commit
//! and never corrupts the database.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use plotline_core::{db, Store};

/// xorshift64*: deterministic for a printed seed, no extra dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_commit() {
    let (_t, dir) = temp_data_dir();
    drop(Store::open(&dir).unwrap());
    let seed = std::env::var("PLOTLINE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash test seed: {seed} (set PLOTLINE_CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let writer = env!("CARGO_BIN_EXE_plotline-crash-writer");
    let started = Instant::now();
    let mut acked_max = 0i64;
    let mut rounds = 0;
    // At least 200 rounds; stop adding rounds after ~60 s on a slow machine.
    while rounds < 200 || (rounds < 400 && started.elapsed() < Duration::from_secs(20)) {
        if rounds >= 200 && started.elapsed() > Duration::from_secs(60) {
            break;
        }
        rounds += 1;
        let mut child = Command::new(writer)
            .arg(dir.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = 0i64;
            for line in BufReader::new(stdout).lines() {
                match line.ok().and_then(|l| l.trim().parse().ok()) {
                    Some(n) => last = n,
                    None => break,
                }
            }
            last
        });
        // Kill anywhere from process start-up (mid-open/migration) to mid-commit.
        std::thread::sleep(Duration::from_micros(rng.next() % 25_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let last_acked = reader.join().unwrap();
        acked_max = acked_max.max(last_acked);

        let conn = db::open_connection(&dir.db_path()).unwrap();
        db::check_integrity(&conn).unwrap();
        let table_exists: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'crash_probe'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if table_exists == 0 {
            assert_eq!(
                acked_max, 0,
                "round {rounds}: acknowledged commits vanished"
            );
            continue;
        }
        let (count, max): (i64, i64) = conn
            .query_row(
                "SELECT count(*), coalesce(max(n), 0) FROM crash_probe",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(
            max >= acked_max,
            "round {rounds}: acknowledged commit {acked_max} lost (max in db {max})"
        );
        assert_eq!(count, max, "round {rounds}: gap in committed numbers");
    }
    eprintln!(
        "crash test: {rounds} rounds, {acked_max} acknowledged commits, {:?}",
        started.elapsed()
    );
    assert!(rounds >= 200);
    assert!(
        acked_max > 0,
        "the writer never got to commit: kill delays too short"
    );
}
