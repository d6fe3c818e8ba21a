//! `plotline-cli`: Plotline from the command line, for scripting and automation.
//! JSON on stdout; errors on stderr with a non-zero exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plotline_core::platforms::{self, recommend::recommend, recommend::WizardAnswers};
use plotline_core::workspace::Language;
use plotline_core::{demo, info, DataDir, Store};

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
    /// The platform catalogue (ids, names, limits, media specs, sources); no data folder needed.
    Platforms {
        #[command(subcommand)]
        action: Option<PlatformsAction>,
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
        Command::Platforms { .. } => unreachable!("handled before the data folder is opened"),
        Command::Restore { file } => {
            // Never swap the database under an open Plotline window.
            let _lock = dir.lock()?;
            to_json(store.restore_from(&file)?)
        }
    }
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
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("plotline-cli: {e}");
            ExitCode::FAILURE
        }
    }
}
