//! `addrcheck`: build, inspect and check flagged-address filters on your own
//! machine, and fetch OFAC's list.
//!
//! Exit status: 0 success (for `check`: nothing flagged or possible),
//! 1 `check` found a flagged or possible address, 2 usage, I/O or format error.

mod commands;
mod input;
mod report;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "addrcheck",
    version,
    about = "Check crypto addresses against flagged-address lists (OFAC sanctions, ...) on your own machine",
    long_about = "Check crypto addresses against flagged-address lists (OFAC sanctions, ...) on your own \
machine, using a compact, verifiable Bloom filter file. Nothing is sent anywhere: \
only `addrcheck fetch` uses the network, to download OFAC's list.\n\n\
Exit status: 0 success (check: nothing flagged or possible), 1 check found a flagged or \
possible address, 2 usage, I/O or format error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Build(commands::build::BuildArgs),
    Inspect(commands::inspect::InspectArgs),
    Check(commands::check::CheckArgs),
    Fetch(commands::fetch::FetchArgs),
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Build(args) => {
            let sub = matches.subcommand_matches("build");
            commands::build::run(args, sub)
        }
        Command::Inspect(args) => commands::inspect::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Fetch(args) => commands::fetch::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}
