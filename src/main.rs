//! The `pressroom` command line: parses arguments, sets up logging, and calls the library.
//!
//! Exit codes: 0 success; 1 a runtime failure (store, disk, port in use); 2 a usage or
//! config error; 3 `ingest` finished but refused some files (see `failed/`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use pressroom::config::{self, Config};
use pressroom::{cli, daemon};

const EXIT_RUNTIME: u8 = 1;
const EXIT_CONFIG: u8 = 2;
const EXIT_REFUSED: u8 = 3;

/// pressroom turns a newspaper's e-paper page dumps (pdftotext output) into RSS 2.0, Atom 1.0
/// and JSON Feed 1.1 feeds and an HTML page per article, and serves them over HTTP.
///
/// Drop dumps into the inbox folder named in the config (rename them in when complete);
/// pressroom splits each into articles, stores them in SQLite, archives the original and
/// republishes. Exit codes: 0 ok, 1 runtime failure, 2 usage or config error, 3 some files refused.
#[derive(Parser)]
#[command(name = "pressroom", version, about, long_about)]
struct Cli {
    /// The config file; relative paths in it resolve against its folder.
    #[arg(
        long,
        short,
        global = true,
        default_value = "config.toml",
        value_name = "PATH"
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the daemon: watch the inbox, ingest complete files, serve the feeds (the default).
    ///
    /// Stops cleanly on SIGTERM or SIGINT (after the file in hand); SIGHUP reloads the config.
    /// Under systemd (Type=notify) it reports readiness and feeds the watchdog.
    Serve,
    /// Ingest the given dumps once, through the same path as the daemon, and republish.
    ///
    /// Each file is copied into the inbox (the original is left alone), then stored and
    /// archived, or refused into failed/ with a NAME.error saying why.
    Ingest {
        /// Page dumps to ingest.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print how a dump splits into articles, without storing anything.
    Split {
        /// The dump to split.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print the split as JSON (the contract in DESIGN.md) instead of a summary.
        #[arg(long, conflicts_with = "roles")]
        json: bool,
        /// Print what the splitter made of each line instead: role, unit start, paragraph
        /// end, width in ems and text, one line each (for tuning it on a new kind of page).
        #[arg(long)]
        roles: bool,
    },
    /// Re-split every archived dump into the store and republish (after a splitter upgrade).
    ///
    /// Ids stay the same for articles whose title did not change, so readers see updates,
    /// not duplicates; articles that no archived dump yields any more are removed.
    Rebuild,
    /// Validate the config file and print what it resolves to.
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Split { file, json, roles } = &command {
        let form = match (json, roles) {
            (true, _) => cli::SplitForm::Json,
            (_, true) => cli::SplitForm::Roles,
            _ => cli::SplitForm::Summary,
        };
        return report(cli::split(file, form), EXIT_RUNTIME);
    }
    let cfg = match config::load(&cli.config) {
        Ok(cfg) => cfg,
        Err(e) => {
            eprintln!("pressroom: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    init_logging(&cfg);
    match command {
        Command::Serve => report(serve(cfg), EXIT_RUNTIME),
        Command::Ingest { files } => match cli::ingest(cfg, &files) {
            Ok(0) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(EXIT_REFUSED),
            Err(e) => report(Err(e), EXIT_RUNTIME),
        },
        Command::Rebuild => report(cli::rebuild(cfg), EXIT_RUNTIME),
        Command::Check => report(check(&cli.config, &cfg), EXIT_CONFIG),
        Command::Split { .. } => unreachable!("handled above"),
    }
}

fn report(result: Result<()>, code: u8) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pressroom: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn serve(cfg: Config) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(cfg.server.listen)
            .await
            .with_context(|| format!("cannot listen on {} (server.listen)", cfg.server.listen))?;
        daemon::serve(cfg, listener).await
    })
}

fn check(path: &Path, cfg: &Config) -> Result<()> {
    println!("{}: ok", path.display());
    println!(
        "  site      {} ({}, {})",
        cfg.site.title, cfg.site.language, cfg.timezone
    );
    println!("  base_url  {}", cfg.site.base_url);
    println!("  listen    {}", cfg.server.listen);
    for (name, p) in [
        ("inbox", &cfg.paths.inbox),
        ("archive", &cfg.paths.archive),
        ("failed", &cfg.paths.failed),
        ("feeds", &cfg.paths.feeds),
        ("database", &cfg.paths.database),
    ] {
        println!("  {name:<9} {}", p.display());
    }
    Ok(())
}

/// Plain lines without colour unless stderr is a terminal (journald adds its own timestamps
/// and levels); the level comes from RUST_LOG when set, else from the config.
fn init_logging(cfg: &Config) {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new(format!("pressroom={},warn", cfg.log_level))
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
}
