//! 素材包 (bundles): speeches, the writer's curated phrases, templates, 提法 rule packs and drafts
//! of one library as one file to hand to a colleague, and their merge into another library.
//! The format is documented in `docs/bundle-format.md`: a zip archive of JSON Lines files and
//! TOML packs, listed with their SHA-256 in `manifest.json`. An import checks every part while it
//! writes, in one transaction: a damaged or cut bundle leaves the library as it was.

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::checks::merge_pack;
use super::*;
use crate::check::{Layer, RulePack};
use crate::drafts::{DraftSource, RevisionReason};
use crate::store::draft_store;

/// The bundle format version this build writes, and the newest it reads.
pub const BUNDLE_VERSION: u32 = 1;
/// The file extension of bundles.
pub const BUNDLE_EXTENSION: &str = "gaoku";
const FORMAT: &str = "gaoku-bundle";
const MANIFEST: &str = "manifest.json";
const SPEECHES: &str = "speeches.jsonl";
const PHRASES: &str = "phrases.jsonl";
const TEMPLATES: &str = "templates.jsonl";
const DRAFTS: &str = "drafts.jsonl";
/// The largest record a bundle may hold (a speech of some 80 million characters).
const MAX_RECORD: usize = 256 << 20;
/// Largest manifest or rule pack read whole (a real one is a few KB; a hostile one inflates
/// to gigabytes).
const MAX_PART_TEXT: u64 = 16 << 20;

/// Reads at most `limit` bytes of UTF-8 into `text`; more is an error, not a longer read.
fn read_capped(part: impl Read, limit: u64, text: &mut String) -> std::io::Result<()> {
    part.take(limit + 1).read_to_string(text)?;
    if text.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "larger than {} MB",
            limit >> 20
        )));
    }
    Ok(())
}
const RULES: [(Layer, &str); 2] = [
    (Layer::Unit, "rules/unit.toml"),
    (Layer::Personal, "rules/personal.toml"),
];

/// What goes into a bundle.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BundleParts {
    /// Every speech of the library (else only `speech_ids`).
    pub all_speeches: bool,
    /// The speeches to include when not `all_speeches`.
    #[ts(type = "number[]")]
    pub speech_ids: Vec<i64>,
    /// The writer's phrases: starred, own or tagged ones (mined ones come back by themselves
    /// from the speeches).
    pub phrases: bool,
    /// The writer's own structure templates.
    pub templates: bool,
    /// The unit and personal 提法 rule packs.
    pub rules: bool,
    /// The drafts (their current text).
    pub drafts: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BundleInfo {
    /// The bundle file.
    pub path: String,
    /// Speeches in it.
    pub speeches: usize,
    /// Phrases in it.
    pub phrases: usize,
    /// Templates in it.
    pub templates: usize,
    /// 提法 rules in it (both packs).
    pub rules: usize,
    /// Drafts in it.
    pub drafts: usize,
    /// Size of the file.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A template that came in under another name because the library had one of that name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Renamed {
    /// Its name in the bundle.
    pub from: String,
    /// Its name in this library.
    pub to: String,
}

/// A speech a bundle import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BundleSpeech {
    /// Its id in this library.
    #[ts(type = "number")]
    pub id: i64,
    /// Its title.
    pub title: String,
}

/// What a bundle import brought in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BundleReport {
    /// The bundle file.
    pub path: String,
    /// Speeches added, in bundle order.
    pub speeches_added: Vec<BundleSpeech>,
    /// Speeches whose text the library had already (their tags merged, the rest kept).
    pub speeches_known: usize,
    /// Tags added to speeches the library had.
    pub tags_added: usize,
    /// Phrases new to the bank.
    pub phrases_added: usize,
    /// Phrases the bank had, given a star, an own mark or tags from the bundle.
    pub phrases_merged: usize,
    /// Templates added under their own name.
    pub templates_added: usize,
    /// Templates added under a new name (the library had another one of that name).
    pub templates_renamed: Vec<Renamed>,
    /// Templates the library had already, the same.
    pub templates_known: usize,
    /// 提法 rules added to the unit and personal packs.
    pub rules_added: usize,
    /// 提法 rules replaced (same id).
    pub rules_replaced: usize,
    /// Drafts added.
    pub drafts_added: usize,
    /// Drafts the library had already (same title and text).
    pub drafts_known: usize,
}

impl BundleReport {
    /// Did the import change nothing?
    pub fn is_empty(&self) -> bool {
        self.speeches_added.is_empty()
            && self.tags_added == 0
            && self.phrases_added == 0
            && self.phrases_merged == 0
            && self.templates_added == 0
            && self.templates_renamed.is_empty()
            && self.rules_added == 0
            && self.rules_replaced == 0
            && self.drafts_added == 0
    }
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    created_at: String,
    app: String,
    parts: Vec<PartEntry>,
}

#[derive(Serialize, Deserialize)]
struct PartEntry {
    file: String,
    count: usize,
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct SpeechRecord {
    title: String,
    date: Option<String>,
    year: Option<i32>,
    speaker: Option<String>,
    occasion: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    source_file: Option<String>,
    content_hash: String,
    paragraphs: Vec<String>,
}

impl SpeechRecord {
    /// What an import of a file would guarantee: a title and text without control characters,
    /// no line break inside a paragraph, the text within the size limit, a real date, and the
    /// hash recomputed from the text (a record cannot claim another speech's hash).
    fn validate(&self) -> std::result::Result<(), String> {
        if self.title.trim().is_empty() || self.paragraphs.is_empty() {
            return Err("a speech without title or text".into());
        }
        let fields = [&self.speaker, &self.occasion, &self.kind, &self.source_file];
        let names = std::iter::once(&self.title)
            .chain(fields.into_iter().flatten())
            .chain(&self.tags);
        for name in names {
            if name.chars().any(char::is_control) {
                return Err(format!("a control character in {name:?}"));
            }
        }
        if self.paragraphs.iter().any(|p| p.trim().is_empty()) {
            return Err(format!("a blank paragraph in {:?}", self.title));
        }
        if self
            .paragraphs
            .iter()
            .any(|p| p.chars().any(|c| c.is_control() && c != '\t'))
        {
            return Err(format!(
                "a line break or control character inside a paragraph of {:?}",
                self.title
            ));
        }
        let bytes: usize = self.paragraphs.iter().map(String::len).sum();
        if bytes as u64 > crate::ingest::MAX_TEXT_BYTES {
            return Err(format!(
                "{:?} holds {} MB of text; more than {} MB is not imported",
                self.title,
                bytes >> 20,
                crate::ingest::MAX_TEXT_BYTES >> 20
            ));
        }
        if let Some(date) = &self.date {
            let (iso, year) = super::speeches::parse_user_date(date)
                .map_err(|_| format!("the date {date:?} of {:?}", self.title))?;
            let stored_form = iso == *date;
            if !stored_form
                || !(1900..=2200).contains(&year)
                || self.year.is_some_and(|y| y != year)
            {
                return Err(format!("the date {date:?} of {:?}", self.title));
            }
        }
        let hex = |h: &str| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex(&self.content_hash) {
            return Err(format!("the hash of {:?} is no SHA-256", self.title));
        }
        Ok(())
    }
}

/// Whether two readings of one file are the same speech: the body agrees (the shorter text's
/// end is in the longer one) and the lengths differ by a few head lines at most.
fn same_speech(a: &[String], b: &[String]) -> bool {
    let squeeze = |ps: &[String]| -> Vec<char> {
        ps.iter()
            .flat_map(|p| p.chars())
            .filter(|c| !crate::zh::is_space(*c))
            .collect()
    };
    let (a, b) = (squeeze(a), squeeze(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let tail = &short[short.len().saturating_sub(200)..];
    short.len() * 10 >= long.len() * 9 && long.windows(tail.len().max(1)).any(|w| w == tail)
}

#[derive(Serialize, Deserialize)]
struct PhraseRecord {
    kind: PhraseKind,
    text: String,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    own: bool,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct TemplateRecord {
    #[serde(flatten)]
    template: Template,
    /// The content hash of the speech it was taken from (ids differ between libraries).
    source_hash: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct DraftRecord {
    title: String,
    body: String,
}

fn damaged(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::Library(LibraryError::BundleDamaged {
        path: path.display().to_string(),
        why: why.to_string(),
    })
}

fn hex(digest: impl AsRef<[u8]>) -> String {
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// One part being written: its lines go into the archive and its hash.
struct PartWriter<'z, W: Write + std::io::Seek> {
    zip: &'z mut zip::ZipWriter<W>,
    file: &'static str,
    hash: Sha256,
    count: usize,
}

impl<'z, W: Write + std::io::Seek> PartWriter<'z, W> {
    fn start(zip: &'z mut zip::ZipWriter<W>, file: &'static str) -> std::io::Result<Self> {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file(file, options)?;
        Ok(PartWriter {
            zip,
            file,
            hash: Sha256::new(),
            count: 0,
        })
    }

    fn bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.hash.update(bytes);
        self.zip.write_all(bytes)
    }

    fn line(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        // Records are strings, numbers and lists: serialising them cannot fail.
        let mut line = serde_json::to_vec(value).expect("a bundle record serialises");
        line.push(b'\n');
        self.count += 1;
        self.bytes(&line)
    }

    fn finish(self) -> PartEntry {
        PartEntry {
            file: self.file.to_string(),
            count: self.count,
            sha256: hex(self.hash.finalize()),
        }
    }
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

/// An opened bundle: its archive and manifest.
struct Opened {
    zip: zip::ZipArchive<BufReader<File>>,
    manifest: Manifest,
}

impl Opened {
    fn open(path: &Path) -> Result<Self> {
        // A regular file only: a FIFO would block the import forever, a device read forever.
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if !meta.is_file() {
            return Err(Error::File {
                path: path.to_path_buf(),
                source: if meta.is_dir() {
                    crate::error::ImportError::IsFolder
                } else {
                    crate::error::ImportError::NotRegular
                },
            });
        }
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        let not_bundle = || {
            Error::Library(LibraryError::NotABundle {
                path: path.display().to_string(),
            })
        };
        // A zip starts with a local header: anything else is not a bundle at all.
        let mut magic = [0u8; 4];
        if file.read_exact(&mut magic).is_err() || &magic != b"PK\x03\x04" {
            return Err(not_bundle());
        }
        let mut zip = match zip::ZipArchive::new(BufReader::new(file)) {
            Ok(zip) => zip,
            // A cut or damaged zip has no readable central directory; anything else is not a zip.
            Err(zip::result::ZipError::InvalidArchive(why)) => return Err(damaged(path, why)),
            Err(zip::result::ZipError::Io(e)) => return Err(Error::io(path, e)),
            Err(_) => return Err(not_bundle()),
        };
        let mut text = String::new();
        match zip.by_name(MANIFEST) {
            Ok(f) => read_capped(f, MAX_PART_TEXT, &mut text)
                .map_err(|e| damaged(path, format!("{MANIFEST}: {e}")))?,
            Err(zip::result::ZipError::FileNotFound) => return Err(not_bundle()),
            Err(e) => return Err(damaged(path, e)),
        };
        // The format and version first: a newer bundle may have a manifest this build cannot read.
        let head: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| damaged(path, format!("{MANIFEST}: {e}")))?;
        if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(not_bundle());
        }
        let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > BUNDLE_VERSION as u64 {
            return Err(Error::Library(LibraryError::BundleNewer {
                path: path.display().to_string(),
                found: version,
                known: BUNDLE_VERSION as u64,
            }));
        }
        let manifest: Manifest =
            serde_json::from_value(head).map_err(|e| damaged(path, format!("{MANIFEST}: {e}")))?;
        Ok(Opened { zip, manifest })
    }

    fn entry(&self, file: &str) -> Option<&PartEntry> {
        self.manifest.parts.iter().find(|p| p.file == file)
    }

    /// Calls `f` on each record of a JSON Lines part, then checks the part's count and hash.
    fn each<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &Path,
        file: &str,
        mut f: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let Some(entry) = self.entry(file) else {
            return Ok(());
        };
        let (count, sha) = (entry.count, entry.sha256.clone());
        let part = self
            .zip
            .by_name(file)
            .map_err(|e| damaged(path, format!("{file}: {e}")))?;
        let mut reader = BufReader::new(Hashing {
            inner: part,
            hash: Sha256::new(),
        });
        let mut line = String::new();
        let mut n = 0;
        loop {
            line.clear();
            // One record at most MAX_RECORD bytes: a hostile bundle's endless line stops here.
            let read = (&mut reader)
                .take(MAX_RECORD as u64 + 1)
                .read_line(&mut line)
                .map_err(|e| damaged(path, format!("{file}: {e}")))?;
            if read == 0 {
                break;
            }
            if read > MAX_RECORD {
                return Err(damaged(
                    path,
                    format!("{file}, line {}: a record over {MAX_RECORD} bytes", n + 1),
                ));
            }
            n += 1;
            let record = serde_json::from_str(line.trim_end_matches('\n'))
                .map_err(|e| damaged(path, format!("{file}, line {n}: {e}")))?;
            f(record)?;
        }
        let got = hex(reader.into_inner().hash.finalize());
        if got != sha || n != count {
            return Err(damaged(
                path,
                format!("{file} is not what the manifest lists ({n} of {count} records)"),
            ));
        }
        Ok(())
    }

    /// The text of a whole part, checked against the manifest.
    fn text(&mut self, path: &Path, file: &str) -> Result<Option<String>> {
        let Some(sha) = self.entry(file).map(|e| e.sha256.clone()) else {
            return Ok(None);
        };
        let mut text = String::new();
        let part = self
            .zip
            .by_name(file)
            .map_err(|e| damaged(path, format!("{file}: {e}")))?;
        read_capped(part, MAX_PART_TEXT, &mut text)
            .map_err(|e| damaged(path, format!("{file}: {e}")))?;
        if hex(Sha256::digest(text.as_bytes())) != sha {
            return Err(damaged(
                path,
                format!("{file} is not what the manifest lists"),
            ));
        }
        Ok(Some(text))
    }
}

impl Library {
    /// Writes a bundle of the chosen parts to `path` (a new file; written beside it first and
    /// renamed, so a cut export leaves no half bundle under the name).
    pub fn export_bundle(&self, path: &Path, parts: &BundleParts) -> Result<BundleInfo> {
        if path.exists() {
            return Err(Invalid::FileExists {
                path: path.display().to_string(),
            }
            .into());
        }
        let ids = if parts.all_speeches {
            self.store.all_ids()?
        } else {
            // Checked against the ids alone: the texts are read once, while writing.
            let known: std::collections::HashSet<i64> = self.store.all_ids()?.into_iter().collect();
            if let Some(&id) = parts.speech_ids.iter().find(|id| !known.contains(id)) {
                return Err(Error::not_found(Thing::Speech, id));
            }
            parts.speech_ids.clone()
        };
        let partial = path.with_file_name(format!(
            "{}.partial",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let result = self.write_bundle(&partial, parts, &ids);
        let info = match result {
            Ok(info) => info,
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                return Err(e);
            }
        };
        std::fs::rename(&partial, path).map_err(|e| Error::io(path, e))?;
        Ok(BundleInfo {
            path: path.display().to_string(),
            ..info
        })
    }

    fn write_bundle(&self, to: &Path, parts: &BundleParts, ids: &[i64]) -> Result<BundleInfo> {
        let io = |e: std::io::Error| Error::io(to, e);
        let zipped = |e: zip::result::ZipError| Error::io(to, std::io::Error::other(e));
        let file = File::create(to).map_err(io)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let mut entries = Vec::new();
        let mut info = BundleInfo {
            path: String::new(),
            speeches: 0,
            phrases: 0,
            templates: 0,
            rules: 0,
            drafts: 0,
            bytes: 0,
        };
        let mut hashes: HashMap<i64, String> = HashMap::new();
        if !ids.is_empty() {
            let mut part = PartWriter::start(&mut zip, SPEECHES).map_err(io)?;
            for &id in ids {
                let Some(s) = self.store.get(id)? else {
                    continue;
                };
                hashes.insert(id, s.content_hash.clone());
                part.line(&SpeechRecord {
                    title: s.meta.title,
                    date: s.meta.date,
                    year: s.meta.year,
                    speaker: s.meta.speaker,
                    occasion: s.meta.occasion,
                    kind: s.meta.kind,
                    tags: s.meta.tags,
                    source_file: s.source_file,
                    content_hash: s.content_hash,
                    paragraphs: s.paragraphs,
                })
                .map_err(io)?;
            }
            info.speeches = part.count;
            entries.push(part.finish());
        }
        if parts.phrases {
            let mut part = PartWriter::start(&mut zip, PHRASES).map_err(io)?;
            for (kind, text, starred, own, tags) in curated_phrases(self.store.conn())? {
                part.line(&PhraseRecord {
                    kind,
                    text,
                    starred,
                    own,
                    tags,
                })
                .map_err(io)?;
            }
            info.phrases = part.count;
            entries.push(part.finish());
        }
        if parts.templates {
            let mut part = PartWriter::start(&mut zip, TEMPLATES).map_err(io)?;
            for mut t in template_store::list(self.store.conn())? {
                let source_hash = match t.source_speech.take() {
                    Some(id) => match hashes.get(&id) {
                        Some(h) => Some(h.clone()),
                        None => self.store.get(id)?.map(|s| s.content_hash),
                    },
                    None => None,
                };
                part.line(&TemplateRecord {
                    template: t,
                    source_hash,
                })
                .map_err(io)?;
            }
            info.templates = part.count;
            entries.push(part.finish());
        }
        if parts.rules {
            for (layer, file) in RULES {
                let pack = self.rule_pack(layer)?;
                if pack.rules.is_empty() && pack.disable.is_empty() {
                    continue;
                }
                let mut part = PartWriter::start(&mut zip, file).map_err(io)?;
                part.bytes(pack.to_toml().as_bytes()).map_err(io)?;
                part.count = pack.rules.len();
                info.rules += pack.rules.len();
                entries.push(part.finish());
            }
        }
        if parts.drafts {
            let mut part = PartWriter::start(&mut zip, DRAFTS).map_err(io)?;
            for d in draft_store::list(self.store.conn(), None)? {
                let draft = draft_store::get(self.store.conn(), d.id)?;
                part.line(&DraftRecord {
                    title: draft.title,
                    body: draft.body,
                })
                .map_err(io)?;
            }
            info.drafts = part.count;
            entries.push(part.finish());
        }
        let manifest = Manifest {
            format: FORMAT.into(),
            version: BUNDLE_VERSION,
            created_at: crate::store::now(),
            app: format!("gaoku {}", env!("CARGO_PKG_VERSION")),
            parts: entries,
        };
        zip.start_file(MANIFEST, zip::write::SimpleFileOptions::default())
            .map_err(zipped)?;
        let text = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
        zip.write_all(&text).map_err(io)?;
        let file = zip.finish().map_err(zipped)?;
        let file = file.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        info.bytes = file.metadata().map_err(io)?.len();
        Ok(info)
    }

    /// Merges a bundle into the library: speeches new by their text added with their metadata
    /// (those the library has get the bundle's tags), phrases' stars and tags merged, templates
    /// renamed when the name is taken, rules added or replaced by id, drafts added. All in one
    /// transaction: a bundle that is damaged anywhere, or newer than this build, changes nothing.
    pub fn import_bundle(&mut self, path: &Path) -> Result<BundleReport> {
        if self.read_only() {
            return Err(Error::Library(LibraryError::ReadOnly));
        }
        let mut opened = Opened::open(path)?;
        let mut report = BundleReport {
            path: path.display().to_string(),
            ..Default::default()
        };
        // The rule packs merge outside SQL: merged first, written in the transaction below.
        let mut packs = Vec::new();
        for (layer, file) in RULES {
            if let Some(text) = opened.text(path, file)? {
                let incoming = RulePack::from_toml(&text).map_err(|e| damaged(path, e))?;
                let mut pack = self.rule_pack(layer)?;
                let (added, replaced, _) = merge_pack(&mut pack, incoming);
                report.rules_added += added;
                report.rules_replaced += replaced;
                packs.push((layer, pack.to_toml()));
            }
        }
        let builtin: BTreeSet<String> = crate::templates::builtin()
            .into_iter()
            .map(|t| t.name)
            .collect();
        let bundle_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tx = self.store.conn_mut().transaction()?;
        let mut seen_texts = std::collections::HashSet::new();
        // The library's speeches by their text: a record is known by what it says, not by the
        // hash it claims (built at the first record; a bundle without speeches costs nothing).
        let mut by_text: Option<std::collections::HashMap<String, i64>> = None;
        opened.each(path, SPEECHES, |r: SpeechRecord| {
            // Checked as an import checks a file, before anything of it is written.
            r.validate().map_err(|why| damaged(path, why))?;
            let text = crate::ingest::content_hash(&r.paragraphs);
            if !seen_texts.insert(text.clone()) {
                return Err(damaged(path, "the same speech twice"));
            }
            if by_text.is_none() {
                by_text = Some(crate::store::speeches_by_text(&tx)?);
            }
            let same_text = by_text.as_ref().and_then(|m| m.get(&text).copied());
            let claimed = crate::store::speech_by_hash(&tx, &r.content_hash)?;
            let known = match (claimed, same_text) {
                (Some(c), Some(t)) if c == t => Some(c),
                // A speech the library has, under a changed hash: still that speech.
                (None, Some(t)) => Some(t),
                // The same file read by another version of Gaoku (which may have taken one
                // more or one fewer line above the text for its title): the same speech.
                (Some(c), None)
                    if same_speech(&crate::store::paragraphs(&tx, c)?, &r.paragraphs) =>
                {
                    Some(c)
                }
                (Some(_), _) => {
                    return Err(damaged(
                        path,
                        format!("{:?} claims the hash of another speech", r.title),
                    ))
                }
                (None, None) => None,
            };
            let id = match known {
                Some(id) => {
                    report.speeches_known += 1;
                    id
                }
                None => {
                    let meta = SpeechMeta {
                        title: r.title.clone(),
                        date: r.date,
                        year: r.year,
                        speaker: r.speaker,
                        occasion: r.occasion,
                        kind: r.kind,
                        tags: Vec::new(),
                    };
                    let mined = crate::phrases::mine::mine(&meta.title, &r.paragraphs);
                    let id = crate::store::insert_speech(
                        &tx,
                        &NewSpeech {
                            meta: &meta,
                            source_file: r.source_file.as_deref(),
                            content_hash: &r.content_hash,
                            paragraphs: &r.paragraphs,
                            phrases: &mined,
                        },
                    )?;
                    report
                        .speeches_added
                        .push(BundleSpeech { id, title: r.title });
                    id
                }
            };
            let tagged = add_speech_tags(&tx, id, &r.tags)?;
            if known.is_some() {
                report.tags_added += tagged;
            }
            Ok(())
        })?;
        opened.each(path, PHRASES, |r: PhraseRecord| {
            if r.text.trim().is_empty() {
                return Err(damaged(path, "an empty phrase"));
            }
            match merge_phrase(&tx, &r)? {
                Merged::Added => report.phrases_added += 1,
                Merged::Changed => report.phrases_merged += 1,
                Merged::Same => {}
            }
            Ok(())
        })?;
        // The library's own templates, read once; those the bundle adds join them.
        let mut own = template_store::list(&tx)?;
        opened.each(path, TEMPLATES, |r: TemplateRecord| {
            let mut t = r.template;
            if t.name.trim().is_empty() {
                return Err(damaged(path, "a template without a name"));
            }
            t.builtin = false;
            t.source_speech = match &r.source_hash {
                Some(h) => crate::store::speech_by_hash(&tx, h)?,
                None => None,
            };
            let taken = |name: &str| builtin.contains(name) || own.iter().any(|o| o.name == name);
            if own.iter().any(|o| same_template(o, &t)) {
                report.templates_known += 1;
                return Ok(());
            }
            if taken(&t.name) {
                let from = t.name.clone();
                let to = (2..)
                    .map(|n| format!("{from}（{n}）"))
                    .find(|name| !taken(name))
                    .expect("some number is free");
                t.name = to.clone();
                report.templates_renamed.push(Renamed { from, to });
            } else {
                report.templates_added += 1;
            }
            template_store::insert(&tx, &t)?;
            own.push(t);
            Ok(())
        })?;
        opened.each(path, DRAFTS, |r: DraftRecord| {
            let known = tx
                .query_row(
                    "SELECT 1 FROM drafts WHERE title = ?1 AND body = ?2",
                    params![r.title, r.body],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if known {
                report.drafts_known += 1;
                return Ok(());
            }
            let chars = crate::zh::word_count(&r.body);
            let source = DraftSource::File(bundle_name.clone());
            let id = draft_store::insert(&tx, &r.title, &r.body, chars, Some(&source))?;
            draft_store::add_revision(&tx, id, &r.body, chars, RevisionReason::Created)?;
            report.drafts_added += 1;
            Ok(())
        })?;
        for (layer, text) in &packs {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![super::checks::pack_key(*layer), text],
            )?;
        }
        tx.commit()?;
        self.index.sync_quietly(&self.store);
        Ok(report)
    }
}

/// Adds tags to a speech; returns how many it did not have.
fn add_speech_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<usize> {
    let mut stmt =
        conn.prepare_cached("INSERT OR IGNORE INTO speech_tags (speech_id, tag) VALUES (?1, ?2)")?;
    let mut added = 0;
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        added += stmt.execute(params![id, tag])?;
    }
    Ok(added)
}

/// What merging a phrase did.
enum Merged {
    Added,
    Changed,
    Same,
}

/// Merges one phrase into the bank (a star or an own mark stays once given; tags are united;
/// a phrase the writer had deleted comes back, as it was shared on purpose).
fn merge_phrase(conn: &Connection, r: &PhraseRecord) -> Result<Merged> {
    let kind = r.kind.as_str();
    conn.execute(
        "DELETE FROM phrase_hidden WHERE kind = ?1 AND text = ?2",
        params![kind, r.text],
    )?;
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM phrases WHERE kind = ?1 AND text = ?2",
            params![kind, r.text],
            |row| row.get(0),
        )
        .optional()?;
    let mut changed = 0;
    let id = match existing {
        Some(id) => {
            changed += conn.execute(
                "UPDATE phrases SET starred = max(starred, ?2), user_added = max(user_added, ?3)
                 WHERE id = ?1 AND (starred < ?2 OR user_added < ?3)",
                params![id, r.starred, r.own],
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO phrases (kind, text, user_added, starred, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![kind, r.text, r.own, r.starred, crate::store::now()],
            )?;
            conn.last_insert_rowid()
        }
    };
    for tag in r.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        changed += conn.execute(
            "INSERT OR IGNORE INTO phrase_tags (phrase_id, tag) VALUES (?1, ?2)",
            params![id, tag],
        )?;
    }
    Ok(match (existing, changed) {
        (None, _) => Merged::Added,
        (Some(_), 0) => Merged::Same,
        (Some(_), _) => Merged::Changed,
    })
}

/// The writer's phrases: starred, own or tagged, as (kind, text, starred, own, tags).
type Curated = (PhraseKind, String, bool, bool, Vec<String>);

fn curated_phrases(conn: &Connection) -> Result<Vec<Curated>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.kind, p.text, p.starred, p.user_added FROM phrases p
         WHERE p.starred = 1 OR p.user_added = 1
            OR EXISTS (SELECT 1 FROM phrase_tags t WHERE t.phrase_id = p.id)
         ORDER BY p.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tags = conn.prepare("SELECT tag FROM phrase_tags WHERE phrase_id = ?1 ORDER BY tag")?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, kind, text, starred, own) in rows {
        let Ok(kind) = kind.parse::<PhraseKind>() else {
            continue;
        };
        let t = tags
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        out.push((kind, text, starred, own, t));
    }
    Ok(out)
}

/// Two templates with the same structure (whatever their names and source speeches): a template
/// that came in renamed is not added again by a second import.
fn same_template(a: &Template, b: &Template) -> bool {
    a.kind == b.kind && a.description == b.description && a.parts == b.parts
}
