//! `plotline-cli`: Plotline from the command line, for scripting and automation.
//! JSON on stdout; errors on stderr with a non-zero exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plotline_core::workspace::Language;
use plotline_core::{demo, info, personas, strategy, DataDir, Store};

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

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    Ja,
}

fn run(cli: Cli) -> plotline_core::Result<serde_json::Value> {
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
