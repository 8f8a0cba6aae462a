// A small Rust tool (std only) for the comparison with node:wasi: Rust's
// standard library goes through wasi-libc and WASI preview 1 for files,
// directories, arguments, the environment and stdio.
//
//   rstool wc FILE...          lines, words, bytes per file and the total
//   rstool grep PATTERN FILE...  matching lines as FILE:LINE:TEXT
//   rstool tree DIR            sorted recursive listing with sizes
//   rstool env                 the environment, sorted
// A file that cannot be read is reported on stderr; the exit status is 1.
use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

fn wc(files: &[String], out: &mut impl Write, failed: &mut bool) -> io::Result<()> {
    let mut total = (0usize, 0usize, 0usize);
    for path in files {
        match fs::read(path) {
            Ok(bytes) => {
                let lines = bytes.iter().filter(|&&b| b == b'\n').count();
                let words = String::from_utf8_lossy(&bytes).split_whitespace().count();
                writeln!(out, "{:>7} {:>7} {:>7} {}", lines, words, bytes.len(), path)?;
                total = (total.0 + lines, total.1 + words, total.2 + bytes.len());
            }
            Err(error) => {
                eprintln!("rstool: {}: {}", path, error);
                *failed = true;
            }
        }
    }
    writeln!(out, "{:>7} {:>7} {:>7} total", total.0, total.1, total.2)
}

fn grep(pattern: &str, files: &[String], out: &mut impl Write, failed: &mut bool) -> io::Result<()> {
    for path in files {
        match fs::read_to_string(path) {
            Ok(text) => {
                for (number, line) in text.lines().enumerate() {
                    if line.to_lowercase().contains(&pattern.to_lowercase()) {
                        writeln!(out, "{}:{}:{}", path, number + 1, line)?;
                    }
                }
            }
            Err(error) => {
                eprintln!("rstool: {}: {}", path, error);
                *failed = true;
            }
        }
    }
    Ok(())
}

fn tree(dir: &Path, depth: usize, out: &mut impl Write) -> io::Result<u64> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    let mut total = 0;
    for entry in entries {
        let meta = fs::symlink_metadata(entry.path())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if meta.is_dir() {
            writeln!(out, "{:indent$}{}/", "", name, indent = 2 * depth)?;
            total += tree(&entry.path(), depth + 1, out)?;
        } else {
            writeln!(out, "{:indent$}{} ({} bytes)", "", name, meta.len(), indent = 2 * depth)?;
            total += meta.len();
        }
    }
    Ok(total)
}

fn run(args: &[String], failed: &mut bool) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match (args.get(1).map(String::as_str), args.len()) {
        (Some("wc"), n) if n >= 3 => wc(&args[2..], &mut out, failed)?,
        (Some("grep"), n) if n >= 4 => grep(&args[2], &args[3..], &mut out, failed)?,
        (Some("tree"), 3) => {
            writeln!(out, "{}/", args[2])?;
            let total = tree(Path::new(&args[2]), 1, &mut out)?;
            writeln!(out, "{} bytes in files", total)?;
        }
        (Some("env"), 2) => {
            let vars: BTreeMap<String, String> = env::vars().collect();
            for (key, value) in vars {
                writeln!(out, "{}={}", key, value)?;
            }
        }
        _ => return Ok(false),
    }
    out.flush()?;
    Ok(true)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().collect();
    let mut failed = false;
    match run(&args, &mut failed) {
        Ok(true) if !failed => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Ok(false) => {
            eprintln!("usage: rstool wc|grep|tree|env ARGS...");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("rstool: {}", error);
            ExitCode::from(1)
        }
    }
}
