//! Guarded reading: files are parsed in a worker process (the same binary, started with
//! [`WORKER_ARG`]) under a memory limit, a time limit per file and a large stack, so a file that
//! aborts, overflows the stack, exhausts memory or loops costs that file only. The worker is kept
//! for the next file; a dead one is replaced.
//!
//! A binary turns the guard on by calling [`start`] first thing in `main`. Without it (the
//! library's own tests, other programs linking the core) files are read in the calling process.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Parsed;
use crate::error::ImportError;

/// The hidden first argument that makes a Gaoku binary a reading worker.
pub const WORKER_ARG: &str = "--gaoku-read-worker";

/// Address space a worker may add to what it maps at start, in MB; `GAOKU_READ_MEMORY_MB`
/// overrides it.
pub const MEMORY_MB: u64 = 3072;
/// Time one file may take to read, in seconds; `GAOKU_READ_TIMEOUT_SECS` overrides it.
pub const TIMEOUT_SECS: u64 = 60;
/// Stack of the thread that parses: deep enough for any legal document's nesting.
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// The `why` of a file the guard stopped (code `damaged`).
pub mod why {
    /// Reading needed more memory than the worker's limit (a bomb, or a broken size field).
    pub const TOO_LARGE: &str = "too_large";
    /// Nesting deeper than the stack holds (a loop in a page tree, a self-drawing object).
    pub const TOO_DEEP: &str = "too_deep";
    /// Reading took longer than the time limit.
    pub const TIMEOUT: &str = "timeout";
    /// The reader failed in another way (a panic or a crash of the worker).
    pub const CRASHED: &str = "crashed";
}

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Call first in `main`: in a worker (started with [`WORKER_ARG`]) this serves requests and
/// exits; otherwise it turns the guard on for this process, with this binary as the worker.
pub fn start() {
    serve_if_worker();
    if let Ok(exe) = std::env::current_exe() {
        install(exe);
    }
}

/// In a worker (started with [`WORKER_ARG`]): serves requests and exits. Otherwise returns at
/// once, the guard left as it is (a benchmark turns it on later with [`install`]).
pub fn serve_if_worker() {
    if std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG) {
        worker::serve();
    }
}

/// Turns the guard on with `program` (a binary that calls [`start`]) as the worker.
pub fn install(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

/// The limits in force (the environment may lower or raise them, for tests and odd machines).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Address space a worker may add to what it maps at start, in MB.
    pub memory_mb: u64,
    /// Time per file.
    pub timeout: Duration,
}

static SET_LIMITS: std::sync::Mutex<Option<Limits>> = std::sync::Mutex::new(None);

impl Limits {
    /// Sets the limits of the workers started from now on (tests lower them).
    pub fn set(limits: Limits) {
        *SET_LIMITS.lock().unwrap_or_else(|e| e.into_inner()) = Some(limits);
    }

    /// What [`Limits::set`] set, else the defaults or what `GAOKU_READ_MEMORY_MB` and
    /// `GAOKU_READ_TIMEOUT_SECS` say.
    pub fn current() -> Self {
        if let Some(set) = *SET_LIMITS.lock().unwrap_or_else(|e| e.into_inner()) {
            return set;
        }
        let var = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|v| *v > 0)
                .unwrap_or(default)
        };
        Limits {
            memory_mb: var("GAOKU_READ_MEMORY_MB", MEMORY_MB),
            timeout: Duration::from_secs(var("GAOKU_READ_TIMEOUT_SECS", TIMEOUT_SECS)),
        }
    }
}

/// Reads one file, in a worker when the guard is on.
pub fn read(path: &Path) -> Result<Parsed, ImportError> {
    #[cfg(unix)]
    if let Some(program) = PROGRAM.get() {
        return pool::read(program, path);
    }
    super::parse_file_here(path)
}

/// A request to a worker: the path as bytes (a file name need not be UTF-8).
#[derive(Serialize, Deserialize)]
struct Request {
    path: Vec<u8>,
}

/// A worker's answer.
#[derive(Serialize, Deserialize)]
enum Answer {
    #[serde(rename = "ok")]
    Ok(Parsed),
    #[serde(rename = "err")]
    Err(ImportError),
}

/// Marks the worker's answer lines: anything else a library prints on stdout is passed over.
const ANSWER_MARK: &str = "\u{1}gaoku-answer ";

/// A file the guard stopped.
fn stopped(path: &Path, why: &str) -> ImportError {
    ImportError::Damaged {
        format: super::extension(path),
        why: why.to_string(),
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

/// The parent's side: a pool of idle workers, each file sent to one.
#[cfg(unix)]
mod pool {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::path::Path;
    use std::process::{Child, ChildStdin, Command, Stdio};
    use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Idle workers kept for the next file (a few: imports read one file at a time).
    static IDLE: Mutex<Vec<Worker>> = Mutex::new(Vec::new());
    const KEEP_IDLE: usize = 2;
    /// The end of a worker's error output kept to tell why it died.
    const STDERR_TAIL: usize = 8192;

    struct Worker {
        child: Child,
        stdin: ChildStdin,
        answers: Receiver<String>,
        stderr: Arc<Mutex<Vec<u8>>>,
        /// The thread reading `stderr`: it ends when the worker has died and said all.
        stderr_done: Option<std::thread::JoinHandle<()>>,
    }

    impl Drop for Worker {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn spawn(program: &Path) -> std::io::Result<Worker> {
        let limits = Limits::current();
        let mut child = Command::new(program)
            .arg(WORKER_ARG)
            .env("GAOKU_READ_MEMORY_MB", limits.memory_mb.to_string())
            .env(
                "GAOKU_READ_TIMEOUT_SECS",
                limits.timeout.as_secs().to_string(),
            )
            // glibc: few malloc arenas, so the address-space ceiling is spent on the file.
            .env("MALLOC_ARENA_MAX", "2")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut errors = child.stderr.take().expect("piped stderr");
        let (tx, answers) = mpsc::channel();
        std::thread::Builder::new()
            .name("gaoku-read-answers".into())
            .spawn(move || {
                for line in BufReader::new(stdout).split(b'\n') {
                    let Ok(line) = line else { break };
                    let line = String::from_utf8_lossy(&line);
                    if let Some(answer) = line.strip_prefix(ANSWER_MARK) {
                        if tx.send(answer.to_string()).is_err() {
                            break;
                        }
                    }
                }
            })?;
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr);
        let stderr_done = std::thread::Builder::new()
            .name("gaoku-read-errors".into())
            .spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = errors.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let mut kept = tail.lock().unwrap_or_else(|e| e.into_inner());
                    kept.extend_from_slice(&buf[..n]);
                    let excess = kept.len().saturating_sub(STDERR_TAIL);
                    kept.drain(..excess);
                }
            })?;
        Ok(Worker {
            child,
            stdin,
            answers,
            stderr,
            stderr_done: Some(stderr_done),
        })
    }

    /// Reads in a worker; a worker that dies (or cannot start its reading thread) gets the file
    /// once more in a fresh worker before the file is blamed: a bomb fails twice, a passing
    /// shortage of the machine's does not.
    pub(super) fn read(program: &Path, path: &Path) -> Result<Parsed, ImportError> {
        match read_once(program, path, false) {
            Err(ImportError::Damaged { why: w, .. })
                if [why::TOO_LARGE, why::TOO_DEEP, why::CRASHED].contains(&w.as_str()) =>
            {
                read_once(program, path, true)
            }
            other => other,
        }
    }

    fn read_once(program: &Path, path: &Path, fresh: bool) -> Result<Parsed, ImportError> {
        let idle = if fresh {
            None
        } else {
            IDLE.lock().unwrap_or_else(|e| e.into_inner()).pop()
        };
        let mut worker = match idle {
            Some(w) => w,
            None => spawn(program).map_err(|e| ImportError::Unreadable {
                why: format!("the reading process could not start: {e}"),
            })?,
        };
        // Its last words, should it die, are about this file only.
        worker
            .stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let request = serde_json::to_string(&Request {
            path: path_bytes(path),
        })
        .expect("a request serializes");
        if writeln!(worker.stdin, "{request}")
            .and_then(|_| worker.stdin.flush())
            .is_err()
        {
            // An idle worker that died meanwhile: one new try.
            drop(worker);
            worker = spawn(program).map_err(|e| ImportError::Unreadable {
                why: format!("the reading process could not start: {e}"),
            })?;
            writeln!(worker.stdin, "{request}")
                .and_then(|_| worker.stdin.flush())
                .map_err(|e| ImportError::Unreadable {
                    why: format!("the reading process did not take the file: {e}"),
                })?;
        }
        match worker.answers.recv_timeout(Limits::current().timeout) {
            Ok(line) => {
                let answer: Answer = match serde_json::from_str(&line) {
                    Ok(a) => a,
                    Err(_) => return Err(stopped(path, why::CRASHED)),
                };
                let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
                if idle.len() < KEEP_IDLE {
                    idle.push(worker);
                }
                match answer {
                    Answer::Ok(parsed) => Ok(parsed),
                    Answer::Err(e) => Err(e),
                }
            }
            Err(RecvTimeoutError::Timeout) => Err(stopped(path, why::TIMEOUT)),
            Err(RecvTimeoutError::Disconnected) => {
                // The worker died: its last words tell why.
                let _ = worker.child.wait();
                if let Some(reading) = worker.stderr_done.take() {
                    let _ = reading.join();
                }
                let tail = String::from_utf8_lossy(
                    &worker.stderr.lock().unwrap_or_else(|e| e.into_inner()),
                )
                .into_owned();
                Err(stopped(path, death_cause(&tail)))
            }
        }
    }

    /// Why a worker died, from what the Rust runtime printed.
    fn death_cause(stderr: &str) -> &'static str {
        if stderr.contains("overflowed its stack") || stderr.contains("stack overflow") {
            why::TOO_DEEP
        } else if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
            why::TOO_LARGE
        } else {
            why::CRASHED
        }
    }
}

/// The worker's side: limits on itself, then one file per request line.
mod worker {
    use std::io::{BufRead, Write};

    use super::*;

    pub(super) fn serve() -> ! {
        let limits = Limits::current();
        #[cfg(unix)]
        limit_self(&limits);
        // A panic is this file's failure, answered as such: nothing to print.
        std::panic::set_hook(Box::new(|_| {}));
        let stdin = std::io::stdin();
        let mut stdout = std::io::stdout();
        for line in stdin.lock().split(b'\n') {
            let Ok(line) = line else { break };
            let Ok(request) = serde_json::from_slice::<Request>(&line) else {
                continue;
            };
            let answer = read_one(request, &limits);
            let json = serde_json::to_string(&answer).unwrap_or_else(|_| {
                serde_json::to_string(&Answer::Err(ImportError::Damaged {
                    format: String::new(),
                    why: why::CRASHED.into(),
                }))
                .expect("an error serializes")
            });
            if writeln!(stdout, "{ANSWER_MARK}{json}")
                .and_then(|_| stdout.flush())
                .is_err()
            {
                break;
            }
        }
        std::process::exit(0)
    }

    fn read_one(request: Request, limits: &Limits) -> Answer {
        #[cfg(unix)]
        let path = path_from(request.path);
        #[cfg(not(unix))]
        let path = PathBuf::from(String::from_utf8_lossy(&request.path).into_owned());
        let (tx, rx) = std::sync::mpsc::channel();
        let inner = path.clone();
        // Fault injection for the tests: a reader that never returns on the named file, as a
        // looping PDF does (the parent must kill this worker and go on with a new one).
        if std::env::var_os("GAOKU_READ_TEST_STALL")
            .is_some_and(|name| path.file_name() == Some(name.as_os_str()))
        {
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        }
        let spawned = std::thread::Builder::new()
            .name("gaoku-read".into())
            .stack_size(STACK_BYTES)
            .spawn(move || {
                let run = std::panic::catch_unwind(|| super::super::parse_file_here(&inner));
                let _ = tx.send(run);
            });
        if spawned.is_err() {
            return Answer::Err(stopped(&path, why::CRASHED));
        }
        // The parent stops waiting at the limit; this backstop ends a worker the parent lost.
        match rx.recv_timeout(limits.timeout + Duration::from_secs(5)) {
            Ok(Ok(Ok(parsed))) => Answer::Ok(parsed),
            Ok(Ok(Err(e))) => Answer::Err(e),
            Ok(Err(_)) => Answer::Err(stopped(&path, why::CRASHED)),
            Err(_) => std::process::exit(3),
        }
    }

    /// The address space this process maps now, in bytes (0 where the system does not say).
    #[cfg(unix)]
    fn mapped_now() -> u64 {
        let pages = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .unwrap_or(0);
        // SAFETY: sysconf only reads a configuration value.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        pages.saturating_mul(u64::try_from(page).unwrap_or(4096))
    }

    /// The worker's memory ceiling. (When the parent exits, the worker's input closes and it
    /// ends after the file at hand, or at the time limit's backstop.)
    #[cfg(unix)]
    fn limit_self(limits: &Limits) {
        // The ceiling is what reading may add to what the process already maps: the app's
        // binary maps its GUI libraries (about 450 MB of address space) before it knows it is a
        // worker, the CLI about 20 MB.
        let bytes = mapped_now().saturating_add(limits.memory_mb.saturating_mul(1024 * 1024));
        let rlim = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct it is given; lowering one's own limit is allowed.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &rlim);
        }
    }
}
