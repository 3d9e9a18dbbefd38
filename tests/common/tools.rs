//! The real programs the tests check documents with (LibreOffice, pandoc, poppler), from Debian's
//! packages: the test command installs them, and a test fails saying so when one is missing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The program's name, after checking it is installed.
pub fn tool(name: &str) -> &str {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{name} is not installed; ./scripts/test installs pandoc, libreoffice and poppler-utils"
    );
    name
}

/// Runs a command that must succeed; its standard output.
pub fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `soffice --convert-to TARGET` of several files at once into `out_dir`, in a profile folder of
/// its own (so tests never share or touch the user's); returns the converted files' paths.
pub fn soffice_convert(files: &[PathBuf], target: &str, out_dir: &Path) -> Vec<PathBuf> {
    let profile = out_dir.join("lo-profile");
    let said = run(Command::new(tool("soffice"))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", target, "--outdir"])
        .arg(out_dir)
        .args(files));
    let ext = target.split(':').next().unwrap_or(target);
    files
        .iter()
        .map(|f| {
            let out = out_dir.join(f.file_name().unwrap()).with_extension(ext);
            assert!(
                out.exists(),
                "soffice did not write {}; it said: {}",
                out.display(),
                String::from_utf8_lossy(&said)
            );
            out
        })
        .collect()
}
