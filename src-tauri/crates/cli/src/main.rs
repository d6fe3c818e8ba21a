//! `plotline-cli`: Plotline from the command line, for scripting and automation.
//! JSON on stdout; errors on stderr with a non-zero exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plotline_core::platforms::{self, recommend::recommend, recommend::WizardAnswers};
use plotline_core::workspace::Language;
use plotline_core::{calendar, demo, info, media, personas, share, strategy, DataDir, Store};

#[derive(Parser)]
#[command(
    name = "plotline-cli",
    version,
    about = "Plotline from the command line (JSON output)."
)]
struct Cli {
    /// Data folder to use (default: $PLOTLINE_DATA_DIR, then the OS app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Seed the sample bakery into an empty data folder.
    Demo {
        #[arg(long, value_enum, default_value_t = Lang::En)]
        language: Lang,
    },
    /// Schema version, data folder and row counts of every table.
    Info,
    /// Write a verified backup of the database to FILE.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the data with a verified backup (a safety copy goes to backups/ first).
    Restore { file: PathBuf },
    /// Posts on the content calendar.
    Posts {
        #[command(subcommand)]
        command: PostsCommand,
    },
    /// The platform catalogue (ids, names, limits, media specs, sources); no data folder needed.
    Platforms {
        #[command(subcommand)]
        action: Option<PlatformsAction>,
    },
    /// Objectives (KGI) with their success factors and KPIs.
    Objective {
        #[command(subcommand)]
        action: ObjectiveAction,
    },
    /// Personas with their evidence.
    Persona {
        #[command(subcommand)]
        action: PersonaAction,
    },
    /// The Plan overview: each link of the chain, what is missing, and pitfalls.
    Plan,
    /// The photo library and per-platform image variants.
    Media {
        #[command(subcommand)]
        command: MediaCommand,
    },
    /// Export the plan: calendar file, spreadsheet, plan bundle or printable calendar.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Import a plan bundle or a spreadsheet of posts.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Publish the plan's dated posts to a team calendar.
    Publish {
        #[command(subcommand)]
        command: PublishCommand,
    },
    /// Results: analytics imports and the KPI summary.
    Results {
        #[command(subcommand)]
        command: ResultsCommand,
    },
}

#[derive(Subcommand)]
enum ResultsCommand {
    /// Import an analytics CSV export (matched to published posts by URL, UTM tag or date + text).
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        source: SourceArg,
        /// Show what would be imported (matches, unmatched rows, errors) without writing.
        #[arg(long)]
        dry_run: bool,
        /// Platform of every row when the file does not say (generic files).
        #[arg(long)]
        platform: Option<String>,
        /// Date the numbers were read, YYYY-MM-DD (default: today).
        #[arg(long)]
        captured_on: Option<String>,
    },
    /// KPI progress and per-platform engagement for a period (default: the last four weeks).
    Summary {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SourceArg {
    Meta,
    X,
    Linkedin,
    Generic,
}

#[derive(Subcommand)]
enum PublishCommand {
    /// Publish to a CalDAV calendar collection: one event per dated post; changed posts are
    /// updated, removed ones deleted; events Plotline did not create are never touched.
    /// Password: $PLOTLINE_CALDAV_PASSWORD (for scripts), else the keychain entry of the saved
    /// connection with this address and user name. Prints {dryRun, created, updated, deleted,
    /// unchanged, failures, plan}; exits with 3 when some events could not be published.
    Caldav {
        /// The calendar collection's CalDAV address (https://…).
        #[arg(long, value_name = "URL")]
        url: String,
        /// The user name on the calendar server.
        #[arg(long, value_name = "USER")]
        user: String,
        /// Only show what would be created, updated and deleted.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Set when a publish left some events unpublished (exit code 3).
static PARTIAL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn publish_caldav(
    store: &Store,
    url: &str,
    user: &str,
    dry_run: bool,
) -> plotline_core::Result<serde_json::Value> {
    use plotline_core::exchange::caldav::CalDavTarget;
    use plotline_core::publishing::caldav::{find_connection, publish_target};
    use plotline_core::secrets::{KeyringStore, Secret};
    let password = match std::env::var("PLOTLINE_CALDAV_PASSWORD") {
        Ok(pw) if !pw.is_empty() => Secret::new(pw),
        _ => {
            let id = store
                .read(|c| find_connection(c, url, user))?
                .ok_or_else(|| {
                    plotline_core::Error::field(
                    "password",
                    "No password: save this calendar in Plotline (Settings → Connections) so its \
                     password is in your keychain, or set PLOTLINE_CALDAV_PASSWORD for scripts.",
                )
                })?;
            store
                .read(|c| plotline_core::connections::target(c, &KeyringStore::new(), &id))?
                .password
        }
    };
    let summary = publish_target(store, &CalDavTarget::new(url, user, password), dry_run)?;
    if !summary.failures.is_empty() {
        PARTIAL.store(true, std::sync::atomic::Ordering::SeqCst);
    }
    to_json(summary)
}

#[derive(clap::Args)]
struct ExportArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// First local day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last local day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    to: Option<String>,
    /// Only these platforms (repeat or comma-separate).
    #[arg(long, value_delimiter = ',')]
    platform: Vec<String>,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Calendar file (ICS) with the events lane.
    Ics {
        #[command(flatten)]
        args: ExportArgs,
    },
    /// Spreadsheet (CSV) in Plotline's, Buffer's or Hootsuite's layout.
    Csv {
        #[command(flatten)]
        args: ExportArgs,
        #[arg(long, value_enum, default_value_t = CsvFormatArg::Plotline)]
        format: CsvFormatArg,
    },
    /// The whole plan as a .plotline bundle.
    Bundle {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The printable calendar (HTML; open it in a browser and print).
    Html {
        #[command(flatten)]
        args: ExportArgs,
        #[arg(long, value_enum, default_value_t = LayoutArg::Month)]
        layout: LayoutArg,
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
    },
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Merge a .plotline bundle (conflicts keep this side unless --take-theirs).
    Bundle {
        file: PathBuf,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// Resolve every conflict with the bundle's version.
        #[arg(long)]
        take_theirs: bool,
    },
    /// Posts from a Plotline or Buffer CSV (all or nothing).
    Csv {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CsvFormatArg {
    Plotline,
    Buffer,
    Hootsuite,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Month,
    Week,
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Subcommand)]
enum PostsCommand {
    /// List posts as a JSON array. Without dates: every post (scheduled by time, then the
    /// unscheduled backlog). With --from/--to: posts scheduled on those days (both
    /// inclusive, in the business's time zone).
    List {
        /// First day, YYYY-MM-DD (or an RFC 3339 instant).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day, YYYY-MM-DD, inclusive (or an RFC 3339 instant, exclusive).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Reschedule a post (same rules as dragging it on the calendar).
    Move {
        /// The post's id (from `posts list`).
        id: String,
        /// RFC 3339 time (2026-12-01T09:00:00+09:00), a wall time in the business's time
        /// zone (2026-12-01T09:00), or `none` to move it back to the unscheduled backlog.
        #[arg(long, value_name = "TIME")]
        to: String,
    },
}

#[derive(Subcommand)]
enum PlatformsAction {
    /// Rank the platforms for a wizard-answers JSON file (schema: README "Platform wizard input").
    Recommend {
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
    },
}

#[derive(Subcommand)]
enum ObjectiveAction {
    /// Every objective with its KPIs (JSON array).
    List,
}

#[derive(Subcommand)]
enum PersonaAction {
    /// Every persona with its evidence (JSON array).
    List,
}

#[derive(Subcommand)]
enum MediaCommand {
    /// Copy photos into the library (content-addressed: importing the same file twice is a
    /// no-op). Prints a JSON array of {id, width, height, format, ...}.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Make every platform size of one photo into a folder (no data folder needed).
    /// Prints a JSON array of {platform, placement, width, height, path, bytes, ...}.
    Variants {
        photo: PathBuf,
        /// "all" or comma-separated platform ids (instagram,x,linkedin,facebook,pinterest,
        /// youtube,google_business_profile).
        #[arg(long, default_value = "all")]
        platforms: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Point to keep in view when cropping, as X,Y fractions (0,0 = top left).
        #[arg(long, value_name = "X,Y")]
        focal: Option<String>,
        #[arg(long, value_enum, default_value_t = ModeArg::Fill)]
        mode: ModeArg,
        /// Padding for --mode fit: "blur" or a hex colour like "#ffffff".
        #[arg(long, default_value = "blur")]
        background: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    Fill,
    Fit,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    Ja,
}

fn run(cli: Cli) -> plotline_core::Result<serde_json::Value> {
    // The catalogue and the scoring model need no data folder.
    if let Command::Platforms { action } = &cli.command {
        return match action {
            None => to_json(platforms::catalog()),
            Some(PlatformsAction::Recommend { input }) => {
                let text = std::fs::read_to_string(input).map_err(|e| {
                    plotline_core::Error::io(format!("Could not read {}", input.display()), e)
                })?;
                let answers: WizardAnswers = serde_json::from_str(&text).map_err(|e| {
                    plotline_core::Error::Invalid(format!(
                        "{} is not a valid wizard-answers file: {e}. See README.md, \"Platform wizard input\".",
                        input.display()
                    ))
                })?;
                to_json(recommend(&answers)?)
            }
        };
    }
    // Variants need no library: they work without (and never create) a data folder.
    if let Command::Media {
        command:
            MediaCommand::Variants {
                photo,
                platforms,
                out,
                focal,
                mode,
                background,
            },
    } = cli.command
    {
        let targets = media::targets::select(&platforms)?;
        let opts = media::RenderOptions {
            mode: match mode {
                ModeArg::Fill => media::Mode::Fill,
                ModeArg::Fit => media::Mode::Fit,
            },
            focal: focal
                .as_deref()
                .map(parse_focal)
                .transpose()?
                .unwrap_or_default(),
            background: parse_background(&background)?,
        };
        let today = chrono::Local::now().date_naive();
        return to_json(media::export_variants(
            &photo, &targets, &opts, &out, today,
        )?);
    }
    let dir = DataDir::resolve(cli.data_dir)?;
    let store = Store::open(&dir)?;
    match cli.command {
        Command::Demo { language } => {
            let language = match language {
                Lang::En => Language::En,
                Lang::Ja => Language::Ja,
            };
            to_json(demo::seed_sample(&store, language)?)
        }
        Command::Info => to_json(info::data_info(&store)?),
        Command::Backup { out } => to_json(store.backup_to(&out)?),
        Command::Posts { command } => posts(&store, command),
        Command::Platforms { .. } => unreachable!("handled before the data folder is opened"),
        Command::Media {
            command: MediaCommand::Import { files },
        } => {
            let mut items = Vec::with_capacity(files.len());
            for file in files {
                items.push(media::library::import_file(&store, &file)?);
            }
            to_json(items)
        }
        Command::Media {
            command: MediaCommand::Variants { .. },
        } => Err(plotline_core::Error::Invalid(
            "media variants is handled before the data folder is opened".into(),
        )),
        Command::Restore { file } => {
            // Never swap the database under an open Plotline window.
            let _lock = dir.lock()?;
            to_json(store.restore_from(&file)?)
        }
        Command::Objective {
            action: ObjectiveAction::List,
        } => to_json(store.read(strategy::list)?),
        Command::Persona {
            action: PersonaAction::List,
        } => to_json(store.read(personas::list)?),
        Command::Plan => to_json(store.read(strategy::plan::overview)?),
        Command::Export { what } => export(&store, what),
        Command::Import { what } => import(&store, what),
        Command::Publish {
            command: PublishCommand::Caldav { url, user, dry_run },
        } => publish_caldav(&store, &url, &user, dry_run),
        Command::Results { command } => results_command(&store, command),
    }
}

fn results_command(
    store: &Store,
    command: ResultsCommand,
) -> plotline_core::Result<serde_json::Value> {
    use plotline_core::results::import::{self, ImportOptions, ImportSource};
    use plotline_core::results::summary;
    match command {
        ResultsCommand::Import {
            file,
            source,
            dry_run,
            platform,
            captured_on,
        } => {
            let size = std::fs::metadata(&file)
                .map_err(|e| {
                    plotline_core::Error::io(format!("Could not read {}", file.display()), e)
                })?
                .len();
            if size > import::MAX_IMPORT_BYTES as u64 {
                return Err(plotline_core::Error::Invalid(format!(
                    "{} is larger than {} MB; export a shorter period.",
                    file.display(),
                    import::MAX_IMPORT_BYTES / (1024 * 1024)
                )));
            }
            let bytes = std::fs::read(&file).map_err(|e| {
                plotline_core::Error::io(format!("Could not read {}", file.display()), e)
            })?;
            let mut options = ImportOptions::new(match source {
                SourceArg::Meta => ImportSource::Meta,
                SourceArg::X => ImportSource::X,
                SourceArg::Linkedin => ImportSource::Linkedin,
                SourceArg::Generic => ImportSource::Generic,
            });
            options.platform = platform;
            options.captured_on = captured_on;
            let preview = store.read(|c| import::preview(c, &bytes, &options))?;
            if dry_run {
                return to_json(serde_json::json!({ "dryRun": true, "preview": preview }));
            }
            let result = store.write(|tx| import::commit(tx, &bytes, &options))?;
            to_json(serde_json::json!({
                "dryRun": false,
                "written": result.written,
                "unmatched": preview.unmatched,
                "errors": preview.errors,
            }))
        }
        ResultsCommand::Summary { from, to } => {
            let s = store.read(|c| {
                let (f, t) = summary::parse_range(c, from.as_deref(), to.as_deref())?;
                summary::summary(c, f, t)
            })?;
            let kpis: Vec<serde_json::Value> = s
                .kpis
                .iter()
                .map(|k| {
                    serde_json::json!({
                        "id": k.kpi_id,
                        "name": k.name,
                        "objective": k.objective_statement,
                        "stage": k.stage,
                        "metric": k.metric,
                        "unit": k.unit,
                        "cadence": k.cadence,
                        "current": k.current,
                        "baseline": k.baseline,
                        "target": k.target,
                        "progress": k.progress,
                        "status": k.status,
                        "source": k.source,
                        "window": [k.window_start, k.window_end],
                    })
                })
                .collect();
            let platforms: Vec<serde_json::Value> = s
                .by_platform
                .iter()
                .map(|b| {
                    serde_json::json!({
                        "platform": b.key,
                        "posts": b.posts,
                        "measured": b.measured,
                        "reach": b.totals.reach,
                        "clicks": b.totals.clicks,
                        "engagement_rate": b.engagement_rate,
                        "avg_engagement_rate": b.avg_engagement_rate,
                        "avg_reach": b.avg_reach,
                    })
                })
                .collect();
            let titles = |v: &[summary::PublishedPost]| -> Vec<serde_json::Value> {
                v.iter()
                    .map(|p| serde_json::json!({ "title": p.title, "platform": p.platform, "engagement_rate": p.derived.engagement_rate }))
                    .collect()
            };
            to_json(serde_json::json!({
                "from": s.from,
                "to": s.to,
                "posts_published": s.posts_published,
                "posts_measured": s.posts_measured,
                "engagement_rate": s.totals_derived.engagement_rate,
                "kpis": kpis,
                "platforms": platforms,
                "top": titles(&s.ranking.top),
                "bottom": titles(&s.ranking.bottom),
                "explanation": s.ranking.explanation,
            }))
        }
    }
}

fn export_options(a: &ExportArgs) -> share::ExportOptions {
    share::ExportOptions {
        from: a.from.clone(),
        to: a.to.clone(),
        platforms: a.platform.clone(),
        statuses: vec![],
        include_events: true,
    }
}

fn export(store: &Store, what: ExportWhat) -> plotline_core::Result<serde_json::Value> {
    let done = |out: &std::path::Path,
                bytes: u64,
                posts: u32,
                events: u32,
                rows: u32,
                notes: Vec<String>| {
        to_json(share::ExportSummary {
            path: out.display().to_string(),
            posts,
            events,
            rows,
            bytes,
            notes,
        })
    };
    match what {
        ExportWhat::Ics { args } => {
            let (ics, posts, events) =
                store.read(|c| share::ics_export::export(c, &export_options(&args)))?;
            let bytes = share::write_file(&args.out, ics.as_bytes())?;
            done(&args.out, bytes, posts, events, posts + events, vec![])
        }
        ExportWhat::Csv { args, format } => {
            let format = match format {
                CsvFormatArg::Plotline => share::csv_export::CsvFormat::Plotline,
                CsvFormatArg::Buffer => share::csv_export::CsvFormat::Buffer,
                CsvFormatArg::Hootsuite => share::csv_export::CsvFormat::Hootsuite,
            };
            let (csv, posts, rows, notes) =
                store.read(|c| share::csv_export::export(c, &export_options(&args), format))?;
            let bytes = share::write_file(&args.out, &csv)?;
            done(&args.out, bytes, posts, 0, rows, notes)
        }
        ExportWhat::Bundle { out } => to_json(share::bundle::export(store, &out)?),
        ExportWhat::Html {
            args,
            layout,
            paper,
        } => {
            let layout = match layout {
                LayoutArg::Month => share::html::PrintLayout::Month,
                LayoutArg::Week => share::html::PrintLayout::Week,
            };
            let paper = match paper {
                PaperArg::A4 => share::html::PaperSize::A4,
                PaperArg::Letter => share::html::PaperSize::Letter,
            };
            let (doc, posts) =
                store.read(|c| share::html::export(c, &export_options(&args), layout, paper))?;
            let bytes = share::write_file(&args.out, doc.as_bytes())?;
            done(&args.out, bytes, posts, 0, posts, vec![])
        }
    }
}

fn import(store: &Store, what: ImportWhat) -> plotline_core::Result<serde_json::Value> {
    match what {
        ImportWhat::Bundle {
            file,
            dry_run,
            take_theirs,
        } => {
            let preview = share::bundle::preview(store, &file)?;
            if dry_run {
                return to_json(serde_json::json!({ "dryRun": true, "preview": preview }));
            }
            let take = if take_theirs {
                share::bundle::Resolution::Theirs
            } else {
                share::bundle::Resolution::Mine
            };
            let choices: Vec<share::ImportChoice> = preview
                .conflicts
                .iter()
                .map(|c| share::ImportChoice {
                    table: c.table.clone(),
                    key: c.key.clone(),
                    take,
                })
                .collect();
            let report = share::bundle::apply(store, &file, &choices)?;
            to_json(
                serde_json::json!({ "dryRun": false, "conflicts": preview.conflicts, "report": report }),
            )
        }
        ImportWhat::Csv { file, dry_run } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                plotline_core::Error::io(format!("Could not read {}", file.display()), e)
            })?;
            if dry_run {
                to_json(share::csv_import::preview(store, &bytes)?)
            } else {
                to_json(share::csv_import::apply(store, &bytes)?)
            }
        }
    }
}

fn post_json(item: &calendar::CalendarItem) -> serde_json::Value {
    serde_json::json!({
        "id": item.id,
        "title": item.title,
        "status": item.status,
        "platforms": item.platforms,
        "scheduled_at": item.scheduled_at,
        "pillar": item.pillar_name,
        "pillar_id": item.pillar_id,
        "content_type": item.content_type,
        "format": item.format,
        "campaign": item.campaign_slug,
        "series_id": item.series_id,
    })
}

/// `--to` as a date is the last day included: the range ends at the next midnight.
fn inclusive_end(to: &str) -> String {
    match chrono::NaiveDate::parse_from_str(to.trim(), "%Y-%m-%d") {
        Ok(d) => d
            .succ_opt()
            .map_or_else(|| to.to_string(), |d| d.to_string()),
        Err(_) => to.to_string(),
    }
}

fn posts(store: &Store, command: PostsCommand) -> plotline_core::Result<serde_json::Value> {
    match command {
        PostsCommand::List { from, to } => {
            let items = match (from, to) {
                (None, None) => store.read(calendar::all_items)?,
                (from, to) => {
                    let from = from.unwrap_or_else(|| "1970-01-01".into());
                    let to = to.map_or_else(|| "9999-12-31".into(), |t| inclusive_end(&t));
                    store.read(|c| calendar::range(c, &from, &to))?
                }
            };
            Ok(serde_json::Value::Array(
                items.iter().map(post_json).collect(),
            ))
        }
        PostsCommand::Move { id, to } => {
            let input = calendar::MoveInput {
                post_id: id,
                to: Some(to),
            };
            let out = store.write(|tx| calendar::move_post(tx, &input))?;
            let mut v = post_json(&out.item);
            v["changed"] = serde_json::Value::Bool(out.changed);
            Ok(v)
        }
    }
}

fn parse_focal(s: &str) -> plotline_core::Result<media::Focal> {
    let bad = || {
        plotline_core::Error::field(
            "focal",
            format!("\"{s}\" is not a focal point. Use X,Y between 0 and 1, e.g. 0.5,0.3."),
        )
    };
    let (x, y) = s.split_once(',').ok_or_else(bad)?;
    let x: f64 = x.trim().parse().map_err(|_| bad())?;
    let y: f64 = y.trim().parse().map_err(|_| bad())?;
    if !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y) {
        return Err(bad());
    }
    Ok(media::Focal { x, y })
}

fn parse_background(s: &str) -> plotline_core::Result<media::Background> {
    if s.eq_ignore_ascii_case("blur") {
        return Ok(media::Background::Blur);
    }
    let hex = s.trim_start_matches('#');
    let bad = || {
        plotline_core::Error::field(
            "background",
            format!("\"{s}\" is not a background. Use blur or a colour like #ffffff."),
        )
    };
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
    Ok(media::Background::Color([byte(0)?, byte(2)?, byte(4)?]))
}

fn to_json(value: impl serde::Serialize) -> plotline_core::Result<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|e| plotline_core::Error::Invalid(format!("The result could not be printed: {e}")))
}

#[allow(clippy::print_stdout)]
fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(value) => {
            println!("{value:#}");
            if PARTIAL.load(std::sync::atomic::Ordering::SeqCst) {
                eprintln!(
                    "plotline-cli: some events could not be published; see \"failures\" above."
                );
                return ExitCode::from(3);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("plotline-cli: {e}");
            ExitCode::FAILURE
        }
    }
}
