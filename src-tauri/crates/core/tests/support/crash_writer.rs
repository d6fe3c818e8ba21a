//! Test helper for `tests/crash.rs`: commit numbered transactions through the real `Store`
//! and print each number only after its commit returned, until the parent kills us.

use std::io::Write;

use plotline_core::{DataDir, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: plotline-crash-writer DATA_DIR")?;
    let store = Store::open(&DataDir::at(dir))?;
    store.write(|tx| {
        Ok(tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS crash_probe (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)",
        )?)
    })?;
    let start: i64 = store.read(|c| {
        Ok(
            c.query_row("SELECT coalesce(max(n), 0) FROM crash_probe", [], |r| {
                r.get(0)
            })?,
        )
    })?;
    let mut out = std::io::stdout().lock();
    for n in start + 1.. {
        store.write(|tx| {
            tx.execute(
                "INSERT INTO crash_probe (n, pad) VALUES (?1, ?2)",
                rusqlite::params![n, "p".repeat((n % 7 * 300) as usize)],
            )?;
            Ok(())
        })?;
        writeln!(out, "{n}")?;
        out.flush()?;
    }
    Ok(())
}
