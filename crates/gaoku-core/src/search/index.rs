//! The tantivy index: derived data in `<library>/search-index`, rebuilt from SQLite whenever it is
//! missing, unreadable, damaged or of an older schema. It never holds anything SQLite does not.

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};

use tantivy::collector::DocSetCollector;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::DocSet;

use crate::model::Speech;

use super::normalize::fold_str;
use super::positional::{count_matches, literal_starts, DocPositions};
use super::query::{Pattern, Piece};
use super::tokenizer::{after_prefix, GramTokenizer, GRAM_TOKENIZER, PARAGRAPH_BREAK};

/// Bumped whenever the schema or the tokenizers change: an index of another version is rebuilt.
pub const INDEX_VERSION: u32 = 3;
const PAYLOAD_PREFIX: &str = "gaoku-search";
/// Writer memory: the minimum tantivy allows per thread, plenty for speeches.
const WRITER_MEMORY: usize = 50_000_000;

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    bi: Field,
    title_bi: Field,
    year: Field,
    date_key: Field,
    body_len: Field,
    speaker: Field,
    kind: Field,
    tag: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        id: b.add_u64_field("id", INDEXED | FAST | STORED),
        bi: b.add_text_field("bi", text(GRAM_TOKENIZER)),
        title_bi: b.add_text_field("title_bi", text(GRAM_TOKENIZER)),
        year: b.add_i64_field("year", INDEXED | FAST),
        date_key: b.add_u64_field("date_key", FAST),
        body_len: b.add_u64_field("body_len", FAST),
        speaker: b.add_text_field("speaker", STRING),
        kind: b.add_text_field("kind", STRING),
        tag: b.add_text_field("tag", STRING),
    };
    (b.build(), fields)
}

/// `2020-07-15` → 20200715, `2020-07` → 20200700, `2020` → 20200000; unknown → 0.
pub fn date_key(date: Option<&str>) -> u64 {
    let Some(d) = date else { return 0 };
    let mut parts = d.split('-').map(|p| p.parse::<u64>().unwrap_or(0));
    let y = parts.next().unwrap_or(0);
    let m = parts.next().unwrap_or(0);
    let day = parts.next().unwrap_or(0);
    y * 10000 + m * 100 + day
}

/// Filters that narrow a search.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// From this year on.
    pub year_from: Option<i32>,
    /// Up to this year.
    pub year_to: Option<i32>,
    /// Only this speaker.
    pub speaker: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only speeches with this tag.
    pub tag: Option<String>,
}

/// How hits are ordered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "SearchSort")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// The open index.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    f: Fields,
    /// Names this build of the index: a rebuild swaps in another folder with another generation,
    /// which handles still holding this one notice in [`SearchIndex::state`].
    generation: String,
    /// Opstamp of the commit the reader shows; reloading is skipped while it is current.
    loaded_opstamp: AtomicU64,
}

/// Why the index could not be used as it is.
pub type IndexResult<T> = Result<T, tantivy::TantivyError>;

/// What the index folder holds now, as seen from an open handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexState {
    /// This build, reflecting the library up to this change sequence number.
    At(i64),
    /// Another build was swapped into the folder (a rebuild by some process): reopen it.
    Replaced,
    /// A commit this build cannot read (another version): rebuild.
    Unknown,
}

/// How much the open checks: every file's checksum (after a crash or an unknown past), or
/// nothing beyond the metadata (an index this process has just built).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Checksums of every file and one read of every segment.
    Full,
    /// Trust the files (just written and synced by this process).
    Trusted,
}

impl SearchIndex {
    /// Opens the index in `dir`. `Ok(None)` when there is none, or it is of another version or
    /// damaged: the caller builds a new one (it is derived data). Never deletes anything.
    pub fn open(dir: &Path, verify: Verify) -> IndexResult<Option<(Self, i64)>> {
        if !dir.join("meta.json").is_file() {
            return Ok(None);
        }
        let index = Index::open_in_dir(dir)?;
        let (expected, f) = schema();
        if index.schema() != expected {
            return Ok(None);
        }
        let Some(stamp) = parse_payload(index.load_metas()?.payload.as_deref()) else {
            return Ok(None);
        };
        // Every file's checksum: garbage written into the index is found here, not mid-search.
        // Reading a 300 MB index costs most of a short command's time, so a check that passed
        // is remembered beside the index with each file's size and time: it is repeated only
        // when a file changed (a commit, a crash mid-write, damage) or the record is missing.
        let seen = fingerprint(dir);
        let record = dir.with_extension("verified");
        let verified = seen.is_some() && std::fs::read_to_string(&record).ok() == seen;
        let full = verify == Verify::Full && !verified;
        if full && !index.validate_checksum()?.is_empty() {
            return Ok(None);
        }
        let opened = Self::wrap(dir, index, f, stamp.generation)?;
        if full {
            // Touch every segment once so unreadable structures fail now.
            let searcher = opened.reader.searcher();
            for seg in searcher.segment_readers() {
                seg.fast_fields().u64("id")?;
                seg.inverted_index(f.bi)?;
                seg.inverted_index(f.title_bi)?;
            }
        }
        if !verified {
            if let Some(seen) = seen {
                // A read-only library cannot keep the record: it is checked on each open.
                let _ = std::fs::write(&record, seen);
            }
        }
        Ok(Some((opened, stamp.seq)))
    }

    /// Creates an empty index with a new generation in `dir`, which must not hold one.
    pub fn create(dir: &Path) -> IndexResult<Self> {
        std::fs::create_dir_all(dir)?;
        let (schema, f) = schema();
        let index = Index::create_in_dir(dir, schema)?;
        Self::wrap(dir, index, f, new_generation())
    }

    fn wrap(dir: &Path, index: Index, f: Fields, generation: String) -> IndexResult<Self> {
        index
            .tokenizers()
            .register(GRAM_TOKENIZER, TextAnalyzer::builder(GramTokenizer).build());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let loaded_opstamp = AtomicU64::new(index.load_metas()?.opstamp);
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            f,
            generation,
            loaded_opstamp,
        })
    }

    /// The folder of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the folder holds now (as last committed by any process); the reader is moved to
    /// the latest commit of this build if it shows an older one.
    pub fn state(&self) -> IndexResult<IndexState> {
        let metas = self.index.load_metas()?;
        let Some(stamp) = parse_payload(metas.payload.as_deref()) else {
            return Ok(IndexState::Unknown);
        };
        if stamp.generation != self.generation {
            return Ok(IndexState::Replaced);
        }
        if metas.opstamp != self.loaded_opstamp.load(Ordering::Relaxed) {
            self.reader.reload()?;
            self.loaded_opstamp.store(metas.opstamp, Ordering::Relaxed);
        }
        Ok(IndexState::At(stamp.seq))
    }

    /// A writer for a few changes; fails with `LockFailure` while another process writes.
    pub fn writer(&self) -> IndexResult<IndexWriter> {
        self.index.writer_with_num_threads(1, WRITER_MEMORY)
    }

    /// A writer for a full rebuild: one indexing thread per core (at most two).
    pub fn bulk_writer(&self) -> IndexResult<IndexWriter> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
        self.index
            .writer_with_num_threads(threads, WRITER_MEMORY * threads)
    }

    /// Deletes (and, when given, re-adds) speeches in `writer`.
    pub fn stage(
        &self,
        writer: &mut IndexWriter,
        id: i64,
        doc: Option<&Speech>,
    ) -> IndexResult<()> {
        writer.delete_term(Term::from_field_u64(self.f.id, id as u64));
        if let Some(d) = doc {
            self.add(writer, d)?;
        }
        Ok(())
    }

    /// Adds a speech to a new, empty build (nothing to delete first).
    pub fn add(&self, writer: &mut IndexWriter, doc: &Speech) -> IndexResult<()> {
        writer.add_document(self.document(doc))?;
        Ok(())
    }

    /// Commits staged changes, recording the library sequence number they bring the index to.
    pub fn commit(&self, mut writer: IndexWriter, seq: i64) -> IndexResult<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&format!(
            "{PAYLOAD_PREFIX} v{INDEX_VERSION} seq={seq} gen={}",
            self.generation
        ));
        prepared.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.loaded_opstamp
            .store(self.index.load_metas()?.opstamp, Ordering::Relaxed);
        Ok(())
    }

    /// What the index stores of one speech: its folded text and title, and the filter fields.
    fn document(&self, s: &Speech) -> TantivyDocument {
        let d = &s.meta;
        let f = self.f;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, s.id as u64);
        let mut body = String::new();
        for (i, p) in s.paragraphs.iter().enumerate() {
            if i > 0 {
                body.push(PARAGRAPH_BREAK);
            }
            body.push_str(&fold_str(p));
        }
        let title = fold_str(&d.title);
        doc.add_u64(f.body_len, body.chars().count() as u64);
        doc.add_text(f.bi, &body);
        doc.add_text(f.title_bi, &title);
        if let Some(y) = d.year {
            doc.add_i64(f.year, y as i64);
        }
        doc.add_u64(f.date_key, date_key(d.date.as_deref()));
        if let Some(who) = &d.speaker {
            doc.add_text(f.speaker, who);
        }
        if let Some(k) = &d.kind {
            doc.add_text(f.kind, k);
        }
        for t in &d.tags {
            doc.add_text(f.tag, t);
        }
        doc
    }

    /// How the index finds a folded literal in the body (or the title).
    fn grams(&self, folded: &str, title: bool) -> Grams {
        let field = if title { self.f.title_bi } else { self.f.bi };
        let chars: Vec<char> = folded.chars().collect();
        match chars.len() {
            0 => Grams::Nothing,
            1 => Grams::Char {
                from: Term::from_field_text(field, folded),
                to: after_prefix(chars[0]).map(|t| Term::from_field_text(field, &t)),
            },
            n => {
                // Pairs at even offsets plus the last one: every character is covered, and with
                // their offsets the whole literal is fixed.
                let mut offsets: Vec<usize> = (0..n - 1).step_by(2).collect();
                if *offsets.last().expect("n >= 2") != n - 2 {
                    offsets.push(n - 2);
                }
                Grams::Pairs(
                    offsets
                        .into_iter()
                        .map(|o| {
                            let gram: String = chars[o..o + 2].iter().collect();
                            (o, Term::from_field_text(field, &gram))
                        })
                        .collect(),
                )
            }
        }
    }

    /// How many speeches hold each folded body bigram (0 for one that no speech holds).
    pub fn gram_doc_freqs(&self, grams: &[String]) -> IndexResult<Vec<u64>> {
        let searcher = self.reader.searcher();
        grams
            .iter()
            .map(|g| searcher.doc_freq(&Term::from_field_text(self.f.bi, g)))
            .collect()
    }

    /// The ids of the speeches whose body holds a folded bigram.
    pub fn speeches_with_gram(&self, gram: &str) -> IndexResult<Vec<i64>> {
        let searcher = self.reader.searcher();
        let term = Term::from_field_text(self.f.bi, gram);
        let mut out = Vec::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(self.f.bi)?;
            let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)?
            else {
                continue;
            };
            let ids = seg.fast_fields().u64("id")?;
            let alive = seg.alive_bitset();
            let mut doc = postings.doc();
            while doc != tantivy::TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    if let Some(id) = ids.first(doc) {
                        out.push(id as i64);
                    }
                }
                doc = postings.advance();
            }
        }
        Ok(out)
    }

    /// The exact-phrase query for one folded term over the body (or the title).
    pub fn phrase(&self, folded: &str, title: bool) -> Box<dyn Query> {
        match self.grams(folded, title) {
            Grams::Nothing => Box::new(BooleanQuery::new(vec![])),
            // Every term that starts with the character (a constant score: one character says
            // little about relevance).
            Grams::Char { from, to } => Box::new(RangeQuery::new(
                Bound::Included(from),
                to.map_or(Bound::Unbounded, Bound::Excluded),
            )),
            Grams::Pairs(mut pairs) if pairs.len() == 1 => Box::new(TermQuery::new(
                pairs.remove(0).1,
                IndexRecordOption::WithFreqs,
            )),
            Grams::Pairs(pairs) => Box::new(PhraseQuery::new_with_offset(pairs)),
        }
    }

    /// Speeches matching a pattern, found from positions alone: `(id, matches, date key)` for
    /// every speech with at least one match. `literals` are the pattern's literal parts, in order.
    pub fn pattern_hits(
        &self,
        pattern: &Pattern,
        literals: &[String],
        filters: &Filters,
    ) -> IndexResult<Vec<(i64, usize, u64)>> {
        let searcher = self.reader.searcher();
        // The candidates: speeches holding every literal of two characters or more (a lone
        // character's speeches are a union over every term starting with it, and nearly every
        // speech has it anyway); the positions below decide.
        let long: Vec<String> = literals
            .iter()
            .filter(|l| l.chars().nth(1).is_some())
            .cloned()
            .collect();
        let query = self.terms_query(if long.is_empty() { literals } else { &long }, filters);
        let mut by_segment: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
        for addr in searcher.search(&*query, &DocSetCollector)? {
            by_segment
                .entry(addr.segment_ord)
                .or_default()
                .push(addr.doc_id);
        }
        let pieces = pattern.pieces();
        // A lone character's positions are the union of many terms' positions: they are read
        // only for speeches where the rest of the pattern can match. `relaxed` is the pattern
        // with lone characters as `*` (it matches wherever the pattern does); `core` is its part
        // from the first to the last longer literal, which checks cheaply from those literals.
        let lone: Vec<bool> = pieces
            .iter()
            .map(|p| matches!(p, Piece::Lit(c) if c.len() == 1))
            .collect();
        let relaxed: Vec<Piece> = pieces
            .iter()
            .zip(&lone)
            .map(|(p, lone)| if *lone { Piece::Any } else { p.clone() })
            .collect();
        let is_long = |p: &Piece| matches!(p, Piece::Lit(c) if c.len() > 1);
        let core = match (
            relaxed.iter().position(is_long),
            relaxed.iter().rposition(is_long),
        ) {
            (Some(first), Some(last)) if lone.contains(&true) => Some(first..last + 1),
            _ => None,
        };
        let mut out = Vec::new();
        'segments: for (ord, mut docs) in by_segment {
            docs.sort_unstable();
            let seg = searcher.segment_reader(ord);
            let bi = seg.inverted_index(self.f.bi)?;
            // Per piece: for each of its grams, its offset and the postings whose positions are
            // where it starts (one term for a pair, every term starting with a lone character —
            // opened when first needed; nothing for gaps and `*`).
            let mut piece_postings: Vec<Option<GramPostings>> = Vec::new();
            let mut piece_text: Vec<Option<&str>> = Vec::new();
            let mut literal = literals.iter();
            for (piece, lone) in pieces.iter().zip(&lone) {
                let text = matches!(piece, Piece::Lit(_))
                    .then(|| literal.next().expect("one literal per Lit piece").as_str());
                piece_text.push(text);
                piece_postings.push(match text {
                    Some(text) if !lone => match self.gram_postings(&bi, text)? {
                        Some(p) => Some(p),
                        // A literal absent from this segment: none of its documents match.
                        None => continue 'segments,
                    },
                    Some(_) => None,
                    None => Some(Vec::new()),
                });
            }
            let mut breaks_postings = bi.read_postings(
                &Term::from_field_text(self.f.bi, &PARAGRAPH_BREAK.to_string()),
                IndexRecordOption::WithFreqsAndPositions,
            )?;
            let ids = seg.fast_fields().u64("id")?;
            let lens = seg.fast_fields().u64("body_len")?;
            let dates = seg.fast_fields().u64("date_key")?;
            for doc in docs {
                let mut starts: Vec<Vec<u32>> = vec![Vec::new(); pieces.len()];
                for (k, list) in piece_postings.iter_mut().enumerate() {
                    if let (Some(list), false) = (list, lone[k]) {
                        starts[k] = starts_in(list, doc);
                    }
                }
                let mut breaks = Vec::new();
                if let Some(p) = breaks_postings.as_mut() {
                    if p.doc() <= doc && p.seek(doc) == doc {
                        p.positions(&mut breaks);
                    }
                }
                let len = lens.first(doc).unwrap_or(0) as u32;
                if let Some(core) = &core {
                    let d = DocPositions {
                        literal_starts: &starts[core.clone()],
                        breaks: &breaks,
                        len,
                    };
                    if count_matches(&relaxed[core.clone()], &d) == 0 {
                        continue;
                    }
                }
                for k in (0..pieces.len()).filter(|k| lone[*k]) {
                    if piece_postings[k].is_none() {
                        let text = piece_text[k].expect("a lone character is a literal");
                        match self.gram_postings(&bi, text)? {
                            Some(p) => piece_postings[k] = Some(p),
                            None => continue 'segments,
                        }
                    }
                    if let Some(list) = piece_postings[k].as_mut() {
                        starts[k] = starts_in(list, doc);
                    }
                }
                let d = DocPositions {
                    literal_starts: &starts,
                    breaks: &breaks,
                    len,
                };
                let n = count_matches(pieces, &d);
                if n > 0 {
                    if let Some(id) = ids.first(doc) {
                        out.push((id as i64, n, dates.first(doc).unwrap_or(0)));
                    }
                }
            }
        }
        Ok(out)
    }

    /// The postings that give where a folded body literal starts in one segment, per gram with
    /// its offset; `None` when the segment lacks one of its grams.
    fn gram_postings(
        &self,
        bi: &tantivy::InvertedIndexReader,
        text: &str,
    ) -> IndexResult<Option<GramPostings>> {
        let positions = IndexRecordOption::WithFreqsAndPositions;
        let mut out = Vec::new();
        match self.grams(text, false) {
            Grams::Nothing => {}
            Grams::Pairs(pairs) => {
                for (o, term) in pairs {
                    match bi.read_postings(&term, positions)? {
                        Some(p) => out.push((o as u32, vec![p])),
                        None => return Ok(None),
                    }
                }
            }
            Grams::Char { from, to } => {
                let mut range = bi.terms().range().ge(from.serialized_value_bytes());
                if let Some(to) = &to {
                    range = range.lt(to.serialized_value_bytes());
                }
                let mut stream = range.into_stream()?;
                let mut all = Vec::new();
                while stream.advance() {
                    all.push(bi.read_postings_from_terminfo(stream.value(), positions)?);
                }
                if all.is_empty() {
                    return Ok(None);
                }
                out.push((0, all));
            }
        }
        Ok(Some(out))
    }

    /// All terms required in the body; title matches of the same terms raise the score.
    pub fn terms_query(&self, terms: &[String], filters: &Filters) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in terms {
            clauses.push((Occur::Must, self.phrase(t, false)));
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(self.phrase(t, true), 2.0)),
            ));
        }
        clauses.extend(self.filter_clauses(filters));
        Box::new(BooleanQuery::new(clauses))
    }

    fn filter_clauses(&self, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
        let f = self.f;
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if filters.year_from.is_some() || filters.year_to.is_some() {
            let bound = |y: Option<i32>| match y {
                Some(y) => Bound::Included(Term::from_field_i64(f.year, y as i64)),
                None => Bound::Unbounded,
            };
            out.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    bound(filters.year_from),
                    bound(filters.year_to),
                )),
            ));
        }
        for (field, value) in [
            (f.speaker, &filters.speaker),
            (f.kind, &filters.kind),
            (f.tag, &filters.tag),
        ] {
            if let Some(v) = value {
                out.push((
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
        }
        out
    }

    /// Runs a query: the total number of matching speeches, and `(speech id, score)` for the first
    /// `limit` in the requested order (`limit` 0: all).
    pub fn run(
        &self,
        query: &dyn Query,
        sort: Sort,
        limit: usize,
        offset: usize,
    ) -> IndexResult<(usize, Vec<(i64, f32)>)> {
        let searcher = self.reader.searcher();
        // No query returns more speeches than the index holds: a huge limit allocates nothing.
        let all = (searcher.num_docs() as usize).max(1);
        let offset = offset.min(all);
        let limit = if limit == 0 { all } else { limit.min(all) };
        let (total, addrs): (usize, Vec<(f32, DocAddress)>) = match sort {
            Sort::Relevance => searcher.search(
                query,
                &(
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(offset)
                        .order_by_score(),
                ),
            )?,
            Sort::Date => {
                let (n, docs) = searcher.search(
                    query,
                    &(
                        Count,
                        TopDocs::with_limit(limit)
                            .and_offset(offset)
                            .order_by_fast_field::<u64>("date_key", Order::Desc),
                    ),
                )?;
                (n, docs.into_iter().map(|(_, a)| (0.0, a)).collect())
            }
        };
        let mut out = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let ids = searcher
                .segment_reader(addr.segment_ord)
                .fast_fields()
                .u64("id")?;
            if let Some(id) = ids.first(addr.doc_id) {
                out.push((id as i64, score));
            }
        }
        Ok((total, out))
    }

    /// Number of speeches in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// The index's files with their sizes and modification times, one per line, sorted: equal
/// fingerprints mean no file was written since.
fn fingerprint(dir: &Path) -> Option<String> {
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".tantivy-") {
            continue; // lock files
        }
        let meta = entry.metadata().ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        lines.push(format!("{name} {} {modified}", meta.len()));
    }
    lines.sort();
    Some(lines.join("\n"))
}

/// Per gram of a literal: its offset, and the postings whose positions are where it starts.
type GramPostings = Vec<(u32, Vec<SegmentPostings>)>;

/// Where a literal starts in `doc`, from its grams' postings (moved forward to `doc`).
fn starts_in(list: &mut GramPostings, doc: u32) -> Vec<u32> {
    let mut grams = Vec::with_capacity(list.len());
    for (o, postings) in list.iter_mut() {
        let mut at = Vec::new();
        for p in postings.iter_mut() {
            if p.doc() <= doc && p.seek(doc) == doc {
                p.append_positions_with_offset(0, &mut at);
            }
        }
        if postings.len() > 1 {
            at.sort_unstable();
        }
        grams.push((*o, at));
    }
    literal_starts(&grams)
}

/// How the index finds a literal.
enum Grams {
    /// An empty literal.
    Nothing,
    /// One character: the terms from `from` (the character itself) up to `to`, which are the
    /// pairs starting with it and its paragraph-final form.
    Char { from: Term, to: Option<Term> },
    /// Pairs of characters at their offsets in the literal.
    Pairs(Vec<(usize, Term)>),
}

/// What a commit's payload records: the change sequence number and the build's generation.
struct Stamp {
    seq: i64,
    generation: String,
}

/// `gaoku-search v2 seq=41 gen=…` (indexes of earlier builds carry no generation).
fn parse_payload(payload: Option<&str>) -> Option<Stamp> {
    let rest = payload?.strip_prefix(PAYLOAD_PREFIX)?.trim();
    let rest = rest.strip_prefix(&format!("v{INDEX_VERSION} seq="))?;
    let (seq, generation) = match rest.split_once(" gen=") {
        Some((seq, g)) => (seq, g.to_string()),
        None => (rest, String::new()),
    };
    Some(Stamp {
        seq: seq.parse().ok()?,
        generation,
    })
}

/// A name no other build of any library shares in practice: the clock, the process and a
/// counter.
fn new_generation() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{nanos:x}-{:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

from_json_name!(Sort);
