//! Hostile-input robustness for the import parsers (R10, R11, R13): thousands of deterministic
//! mutations of realistic files (bit flips, truncations, splices, inserted BEGIN/END/quote
//! lines, invalid UTF-8) must each end in `Ok` or a clear `Err` — never a panic or a hang.
//! A stand-in for the cargo-fuzz targets (which need a nightly toolchain), run on every test.
#![allow(clippy::unwrap_used)]

use std::io::Cursor;

use plotline_core::exchange::archive::{extract_safely, ExtractLimits};
use plotline_core::exchange::csv::{read_csv, CsvLimits};
use plotline_core::exchange::ics_import::{read_events, IcsLimits};

/// xorshift64*: deterministic, so a failure is reproducible from its iteration number.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&[u8]] = &[
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"BEGIN:VCALENDAR\r\n",
    b"END:VCALENDAR\r\n",
    b"DTSTART;TZID=Asia/Tokyo:20260101T090000\r\n",
    b"DTSTART;VALUE=DATE:2026",
    b"\r\n ",
    b"\"",
    b"\"\"",
    b",",
    b"\n",
    b"\xff\xfe",
    b"\xe6\x97",
    b"\x82\xa0",
    b";;;:::",
    b"=cmd|",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v.truncate(i);
            }
            2 => {
                let i = rng.below(v.len() + 1);
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                v.splice(i..i, s.iter().copied());
            }
            3 if v.len() > 2 => {
                let a = rng.below(v.len());
                let b = (a + rng.below(64)).min(v.len());
                v.drain(a..b);
            }
            _ => {
                let i = rng.below(v.len() + 1);
                let n = rng.below(20);
                let s = SNIPPETS[rng.below(4)];
                for _ in 0..n {
                    v.splice(i..i, s.iter().copied());
                }
            }
        }
    }
    v
}

const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n\
BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;VALUE=DATE:20260429\r\nDTEND;VALUE=DATE:20260430\r\nSUMMARY:昭和の日\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART;TZID=Asia/Tokyo:20260501T090000\r\nDTEND:20260501T010000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\n\
SUMMARY:Market\\, Yoyogi\r\nDESCRIPTION:long line long line long line long line long line long line long l\r\n ine 🥐\r\n\
CATEGORIES:a,b\\,c\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

const CSV: &str = "date,title,text,link\r\n2026-04-01 09:00,\"Croissant, fresh\",\"Line 1\r\nLine 2 \"\"quoted\"\"\",https://x\r\n\
2026-04-02 10:00,新作パン,朝7時から,\r\n";

#[test]
fn mutated_calendar_files_never_panic() {
    let mut rng = Rng(0x5EED_1CA1);
    let limits = IcsLimits::default();
    let (mut ok, mut refused) = (0, 0);
    for i in 0..4_000 {
        let input = mutate(&mut rng, ICS.as_bytes());
        let r = std::panic::catch_unwind(|| read_events(&input, &limits).map(|(e, _)| e.len()));
        match r {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) => {
                assert!(!e.to_string().is_empty());
                refused += 1
            }
            Err(_) => panic!(
                "iteration {i} panicked on input {:?}",
                String::from_utf8_lossy(&input)
            ),
        }
    }
    assert!(
        ok > 0 && refused > 0,
        "both paths exercised: ok={ok} refused={refused}"
    );
}

#[test]
fn mutated_spreadsheets_never_panic() {
    let mut rng = Rng(0xC5F_F00D);
    let limits = CsvLimits::default();
    let (mut ok, mut refused) = (0, 0);
    for i in 0..6_000 {
        let input = mutate(&mut rng, CSV.as_bytes());
        match std::panic::catch_unwind(|| read_csv(&input, &limits).map(|t| t.rows.len())) {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(_)) => refused += 1,
            Err(_) => panic!(
                "iteration {i} panicked on input {:?}",
                String::from_utf8_lossy(&input)
            ),
        }
    }
    assert!(
        ok > 0 && refused > 0,
        "both paths exercised: ok={ok} refused={refused}"
    );
}

#[test]
fn mutated_archives_never_panic_or_escape() {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("plan.json", opts).unwrap();
    w.write_all(b"{\"version\":1,\"posts\":[]}").unwrap();
    w.start_file(
        "media/a.txt",
        opts.compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    w.write_all(&[7u8; 300]).unwrap();
    let seed = w.finish().unwrap().into_inner();
    let mut rng = Rng(0x21F_5AFE);
    let root = tempfile::tempdir().unwrap();
    for i in 0..1_500 {
        let mut input = seed.clone();
        for _ in 0..=rng.below(3) {
            let j = rng.below(input.len());
            input[j] ^= 1 << rng.below(8);
        }
        let target = root.path().join(format!("t{i}"));
        std::fs::create_dir(&target).unwrap();
        let limits = ExtractLimits {
            max_total_bytes: 1024 * 1024,
            ..ExtractLimits::default()
        };
        let r = std::panic::catch_unwind(|| {
            extract_safely(Cursor::new(input.clone()), &target, &limits).map(|f| f.len())
        });
        assert!(r.is_ok(), "iteration {i} panicked");
    }
    // Nothing was ever written next to the target folders.
    for e in std::fs::read_dir(root.path()).unwrap() {
        let e = e.unwrap();
        assert!(e.file_type().unwrap().is_dir(), "stray file {:?}", e.path());
        assert!(e.file_name().to_string_lossy().starts_with('t'));
    }
}
