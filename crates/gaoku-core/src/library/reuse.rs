//! 查重 (reuse check) and similar passages over the library: candidates from the search index by
//! the rarest character pairs, then the text of those speeches only (see `crate::reuse`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::Library;
use crate::check::source::Source;
use crate::error::{Error, Result};
use crate::reuse::align::{self, Indexed};
use crate::reuse::{
    merge, sentences, similar, ReuseKind, ReuseReport, ReuseSource, ReuseSpan, SimilarHit,
};
use crate::search::index::SearchIndex;

/// Sentences shorter than this (in characters) are common wording when found, never reuse.
const MIN_REUSE: usize = 12;
/// Sentences shorter than this are not looked up at all.
const MIN_LOOKUP: usize = 5;
/// A sentence found in this many speeches is common wording (a formula many speeches repeat).
const COMMON_SOURCES: usize = 4;
/// Speeches read per sentence at most.
const CANDIDATES: usize = 12;
/// The rarest character pairs of a sentence that name its candidate speeches: one per six
/// characters, 4 to 10; a candidate holds at least half of them (an edit makes new pairs, which
/// are often the rarest).
fn probes(len: usize) -> usize {
    (len / 6).clamp(4, 10)
}
/// A near copy covers at least this share of the sentence with shared anchors.
const NEAR: f64 = 0.7;
/// Speeches whose paragraphs are ranked for similar passages.
const SIMILAR_SPEECHES: usize = 24;
/// Rarest pairs of a text used to find similar passages.
const SIMILAR_PROBES: usize = 24;

/// Speeches read during one check: their text indexed, their details.
#[derive(Default)]
struct Loaded {
    speeches: HashMap<i64, Option<(Indexed, crate::model::Speech)>>,
}

impl Loaded {
    fn get(&mut self, lib: &Library, id: i64) -> Result<Option<&(Indexed, crate::model::Speech)>> {
        if let std::collections::hash_map::Entry::Vacant(e) = self.speeches.entry(id) {
            let s = lib.store.get(id)?;
            e.insert(s.map(|s| (Indexed::new(&s.paragraphs.join("\n")), s)));
        }
        Ok(self.speeches.get(&id).and_then(|e| e.as_ref()))
    }
}

/// Postings of character pairs, read once per check.
struct Probe<'a> {
    idx: &'a SearchIndex,
    df: HashMap<String, u64>,
    postings: HashMap<String, Vec<i64>>,
}

impl<'a> Probe<'a> {
    fn new(idx: &'a SearchIndex, grams: impl IntoIterator<Item = String>) -> Result<Probe<'a>> {
        let grams: Vec<String> = grams
            .into_iter()
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let dfs = idx.gram_doc_freqs(&grams).map_err(Error::Index)?;
        Ok(Probe {
            idx,
            df: grams.into_iter().zip(dfs).collect(),
            postings: HashMap::new(),
        })
    }

    /// The `n` rarest pairs that some speech holds.
    fn rarest(&self, grams: &[String], n: usize) -> Vec<String> {
        let mut known: Vec<(&String, u64)> = grams
            .iter()
            .filter_map(|g| self.df.get(g).filter(|d| **d > 0).map(|d| (g, *d)))
            .collect();
        known.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        known.into_iter().take(n).map(|(g, _)| g.clone()).collect()
    }

    fn speeches(&mut self, gram: &str) -> Result<&[i64]> {
        if !self.postings.contains_key(gram) {
            let ids = self.idx.speeches_with_gram(gram).map_err(Error::Index)?;
            self.postings.insert(gram.to_string(), ids);
        }
        Ok(&self.postings[gram])
    }
}

/// The folded character pairs of some characters, as the index holds them.
fn grams_of(chars: &[char]) -> Vec<String> {
    let folded: Vec<char> = chars
        .iter()
        .filter_map(|c| crate::search::normalize::fold(*c))
        .collect();
    let mut out: Vec<String> = folded.windows(2).map(|w| w.iter().collect()).collect();
    out.sort();
    out.dedup();
    out
}

impl Library {
    /// The 查重 report of a draft's Markdown (offsets in the Markdown).
    pub fn reuse_markdown(&self, md: &str) -> Result<ReuseReport> {
        self.reuse_source(&Source::markdown(md))
    }

    /// The 查重 report of a saved draft.
    pub fn reuse_draft(&self, id: i64) -> Result<ReuseReport> {
        let body = self.draft(id)?.body;
        self.reuse_markdown(&body)
    }

    /// The 查重 report of a file: `.md` as a draft, `.txt` by its lines, other documents as an
    /// import reads them (title, then one line per paragraph). Offsets are in that text.
    pub fn reuse_file(&self, path: &Path) -> Result<ReuseReport> {
        let (text, markdown) = Self::checked_text_of(path)?;
        if markdown {
            self.reuse_markdown(&text)
        } else {
            self.reuse_source(&Source::plain(&text, true))
        }
    }

    fn reuse_source(&self, src: &Source) -> Result<ReuseReport> {
        self.sync_index()?;
        let idx = self.index.get(&self.store)?;
        let sents: Vec<_> = src
            .paras
            .iter()
            .flat_map(|p| sentences(&p.chars, &p.at))
            .filter(|s| s.chars.len() >= MIN_LOOKUP)
            .collect();
        let total_chars: usize = src
            .paras
            .iter()
            .map(|p| p.chars.iter().filter(|c| !crate::zh::is_space(**c)).count())
            .sum();
        let grams: Vec<Vec<String>> = sents.iter().map(|s| grams_of(&s.chars)).collect();
        let mut probe = Probe::new(&idx, grams.iter().flatten().cloned())?;
        let mut loaded = Loaded::default();
        let mut spans = Vec::new();
        for (s, g) in sents.iter().zip(&grams) {
            let rare = probe.rarest(g, probes(s.chars.len()));
            if rare.len() < 2 {
                continue;
            }
            let mut counts: HashMap<i64, usize> = HashMap::new();
            for r in &rare {
                for id in probe.speeches(r)? {
                    *counts.entry(*id).or_default() += 1;
                }
            }
            let need = rare.len().div_ceil(2).max(2);
            let mut candidates: Vec<(usize, i64)> = counts
                .into_iter()
                .filter(|(_, n)| *n >= need)
                .map(|(id, n)| (n, id))
                .collect();
            candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            // A sentence whose rarest pairs many speeches all hold is a formula they share: one
            // speech is read to place it, and it is common wording.
            let holding_all = candidates.iter().filter(|(n, _)| *n == rare.len()).count();
            let formula = rare.len() >= 4 && holding_all >= 3 * COMMON_SOURCES;
            let read = if formula { 1 } else { CANDIDATES };
            let mut placed: Vec<(align::Placed, i64)> = Vec::new();
            for &(_, id) in candidates.iter().take(read) {
                let Some((text, _)) = loaded.get(self, id)? else {
                    continue;
                };
                if let Some(p) = align::place(&s.chars, text) {
                    let near = p.covered as f64 >= NEAR * s.chars.len() as f64;
                    if p.exact || near {
                        placed.push((p, id));
                    }
                }
                // Found in enough speeches to be common wording: no need to read more.
                if placed.len() >= COMMON_SOURCES {
                    break;
                }
            }
            let Some(&(best, id)) = placed
                .iter()
                .max_by(|a, b| (a.0.exact, a.0.covered, -a.1).cmp(&(b.0.exact, b.0.covered, -b.1)))
            else {
                continue;
            };
            let kind = if formula || s.chars.len() < MIN_REUSE || placed.len() >= COMMON_SOURCES {
                ReuseKind::Common
            } else if best.exact {
                ReuseKind::Exact
            } else {
                ReuseKind::Near
            };
            spans.push(ReuseSpan {
                start: s.start,
                end: s.end,
                source_id: id,
                source_start: best.start,
                source_end: best.end,
                kind,
            });
        }
        let spans = merge(spans);
        let mut by_source: HashMap<i64, usize> = HashMap::new();
        for s in spans.iter().filter(|s| s.kind != ReuseKind::Common) {
            *by_source.entry(s.source_id).or_default() += s.end - s.start;
        }
        let reused: usize = by_source.values().sum();
        let mut sources = Vec::new();
        for (id, chars) in by_source {
            if let Some((_, s)) = loaded.get(self, id)? {
                sources.push(ReuseSource {
                    id,
                    title: s.meta.title.clone(),
                    date: s.meta.date.clone(),
                    occasion: s.meta.occasion.clone(),
                    chars,
                });
            }
        }
        sources.sort_by(|a, b| b.chars.cmp(&a.chars).then(a.id.cmp(&b.id)));
        Ok(ReuseReport {
            ratio: if total_chars == 0 {
                0.0
            } else {
                (reused as f64 / total_chars as f64).min(1.0)
            },
            total_chars,
            sources,
            spans,
        })
    }

    /// The library paragraphs closest to `text` by content, best first (at most `limit`).
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<SimilarHit>> {
        self.sync_index()?;
        let idx = self.index.get(&self.store)?;
        let query = similar::pairs(text);
        if query.len() < 2 {
            return Ok(Vec::new());
        }
        let grams: Vec<String> = query.iter().map(|p| p.iter().collect()).collect();
        let mut probe = Probe::new(&idx, grams.iter().cloned())?;
        let n = self.store.count()?.max(1) as f64;
        let mut weight: HashMap<i64, f64> = HashMap::new();
        for g in probe.rarest(&grams, SIMILAR_PROBES) {
            let df = probe.df[&g].max(1) as f64;
            let w = (1.0 + n / df).ln();
            for id in probe.speeches(&g)? {
                *weight.entry(*id).or_default() += w;
            }
        }
        let mut speeches: Vec<(f64, i64)> = weight.into_iter().map(|(id, w)| (w, id)).collect();
        speeches.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits: Vec<SimilarHit> = Vec::new();
        for (_, id) in speeches.into_iter().take(SIMILAR_SPEECHES) {
            let Some(s) = self.store.get(id)? else {
                continue;
            };
            let mut offset = 0;
            for (para, p) in s.paragraphs.iter().enumerate() {
                let at = offset;
                offset += p.chars().count() + 1;
                let score = similar::score(&query, &similar::pairs(p));
                if score < 0.2 {
                    continue;
                }
                hits.push(SimilarHit {
                    id,
                    title: s.meta.title.clone(),
                    date: s.meta.date.clone(),
                    para,
                    offset: at,
                    score,
                    text: p.clone(),
                    shared: Vec::new(),
                });
            }
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then((a.id, a.para).cmp(&(b.id, b.para)))
        });
        hits.truncate(limit.max(1));
        for h in &mut hits {
            h.shared = similar::shared_runs(&h.text, &query);
        }
        Ok(hits)
    }
}
