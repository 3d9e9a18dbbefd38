//! The facade's search: phrase, keywords and pattern queries over the index, with snippets.

use super::*;

impl Library {
    /// Searches the library: exact phrase, keywords or pattern (see [`SearchRequest`]).
    pub fn search(&mut self, req: &SearchRequest) -> Result<SearchResults> {
        let parsed = query::parse(&req.query, req.pattern).map_err(Error::Query)?;
        match self.search_parsed(req, &parsed) {
            Err(Error::Index(_)) => {
                // A damaged index: it is derived data, so rebuild it and answer anyway.
                self.index.rebuild(&self.store, &mut |_, _| {})?;
                self.search_parsed(req, &parsed)
            }
            other => other,
        }
    }

    pub(super) fn search_parsed(
        &self,
        req: &SearchRequest,
        parsed: &query::ParsedQuery,
    ) -> Result<SearchResults> {
        let notice = self.sync_index()?;
        let idx = self.index.get(&self.store)?;
        // The speeches to show, ranked, as (id, score), and how many match in all.
        let (total, ranked): (usize, Vec<(i64, f32)>) = if let (Mode::Pattern, Some(pattern)) =
            (parsed.mode, &parsed.pattern)
        {
            // Matches are counted from index positions; text is read only for the hits shown.
            let mut counted = idx.pattern_hits(pattern, &parsed.terms, &req.filters())?;
            match req.sort {
                Sort::Relevance => counted.sort_by_key(|(id, n, _)| (std::cmp::Reverse(*n), *id)),
                Sort::Date => counted.sort_by_key(|(id, _, date)| (std::cmp::Reverse(*date), *id)),
            }
            let total = counted.len();
            counted.drain(..req.offset.min(total));
            if req.limit > 0 {
                counted.truncate(req.limit);
            }
            (
                total,
                counted
                    .into_iter()
                    .map(|(id, n, _)| (id, n as f32))
                    .collect(),
            )
        } else {
            let q = idx.terms_query(&parsed.terms, &req.filters());
            idx.run(&*q, req.sort, req.limit, req.offset)?
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (id, score) in ranked {
            let Some(speech) = self.store.get(id)? else {
                continue;
            };
            let matches = crate::search::find_matches(&speech.paragraphs, parsed);
            hits.push(SearchHit {
                snippets: crate::search::hit_snippets(&speech.paragraphs, &matches),
                id: speech.id,
                title: speech.meta.title,
                date: speech.meta.date,
                score,
                match_count: matches.len(),
                matches,
            });
        }
        Ok(SearchResults {
            query: req.query.clone(),
            mode: parsed.mode,
            total,
            hits,
            notice,
        })
    }

    /// How a query's use spreads over the years: for every year with a matching speech, the
    /// speeches that match and their matches (counted as the search counts them, so the years
    /// add up to the search's total and to its hits' match counts). Undated speeches come last,
    /// as year `None`. The request's filters apply; its limit, offset and sort do not.
    pub fn by_year(&mut self, req: &SearchRequest) -> Result<YearCounts> {
        let parsed = query::parse(&req.query, req.pattern).map_err(Error::Query)?;
        self.sync_index()?;
        let idx = self.index.get(&self.store)?;
        // A phrase is a pattern without gaps: its occurrences are counted from the index's
        // positions, as a pattern's are, without reading any text (a word in every one of
        // 10,000 speeches took 1.8 s read from the texts, 0.03 s so). Keywords: the speeches
        // holding every term, each term counted so, summed (as a hit's match count sums them).
        let filters = req.filters();
        let counted: Vec<(i64, usize)> = match (parsed.mode, &parsed.pattern) {
            (Mode::Pattern, Some(pattern)) => idx
                .pattern_hits(pattern, &parsed.terms, &filters)?
                .into_iter()
                .map(|(id, n, _)| (id, n))
                .collect(),
            _ => {
                let mut total: std::collections::HashMap<i64, (usize, usize)> = Default::default();
                for term in &parsed.terms {
                    let p = query::parse(term, true).map_err(Error::Query)?;
                    let Some(pattern) = &p.pattern else { continue };
                    for (id, n, _) in idx.pattern_hits(pattern, &p.terms, &filters)? {
                        let e = total.entry(id).or_default();
                        e.0 += 1;
                        e.1 += n;
                    }
                }
                let all = parsed.terms.len();
                total
                    .into_iter()
                    .filter(|(_, (terms, _))| *terms == all)
                    .map(|(id, (_, n))| (id, n))
                    .collect()
            }
        };
        let years = self.store.years()?;
        let mut by: std::collections::BTreeMap<Option<i32>, YearCount> = Default::default();
        for (id, n) in counted {
            let year = years.get(&id).copied().flatten();
            let row = by.entry(year).or_insert(YearCount {
                year,
                speeches: 0,
                matches: 0,
            });
            row.speeches += 1;
            row.matches += n;
        }
        // Dated years in order, the undated (`None` sorts first in a BTreeMap) last.
        let mut rows: Vec<YearCount> = by.into_values().collect();
        let undated = usize::from(rows.first().is_some_and(|r| r.year.is_none()));
        rows.rotate_left(undated);
        Ok(YearCounts {
            query: req.query.clone(),
            mode: parsed.mode,
            years: rows,
        })
    }

    /// Every match of a query in one speech, as character spans of its shown text (for
    /// highlighting a speech opened from a hit).
    pub fn matches_in(
        &self,
        id: i64,
        query: &str,
        pattern: bool,
    ) -> Result<Vec<crate::search::Span>> {
        let parsed = query::parse(query, pattern).map_err(Error::Query)?;
        Ok(crate::search::find_matches(
            &self.speech(id)?.paragraphs,
            &parsed,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lone characters are found through the pairs that start with them, so the ones that end a
    /// paragraph or the speech (where no pair starts) are the cases to get right.
    #[test]
    fn lone_characters_at_paragraph_and_speech_ends() {
        let dir = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let text =
            "实干兴邦\n同志们：\n我们要苦干\n要实干、巧干、拼命干\n这是结尾句\n最后一个字是稿";
        std::fs::write(files.path().join("a.txt"), text).unwrap();
        std::fs::write(files.path().join("b.txt"), "第二篇\n这里没有那两个字。").unwrap();
        let mut lib = Library::open_with(dir.path(), OpenOptions { seed_sample: false }).unwrap();
        let report = lib.import(&[files.path().to_path_buf()], |_| {}, None);
        assert_eq!(report.imported.len(), 2, "{:?}", report.failed);
        let a = report
            .imported
            .iter()
            .find(|i| i.path.ends_with("a.txt"))
            .unwrap()
            .id;
        let found = |lib: &mut Library, q: &str| -> Vec<(i64, usize)> {
            let r = lib.search(&SearchRequest::new(q)).unwrap();
            assert_eq!(r.total, r.hits.len(), "{q}");
            r.hits.iter().map(|h| (h.id, h.match_count)).collect()
        };
        // The speech's last character, and one that ends paragraphs.
        assert_eq!(found(&mut lib, "稿"), vec![(a, 1)]);
        assert_eq!(found(&mut lib, "干").len(), 1);
        assert_eq!(found(&mut lib, "句"), vec![(a, 1)]);
        assert!(found(&mut lib, "兵").is_empty());
        // Patterns whose one-character literal ends a paragraph or the speech.
        assert_eq!(found(&mut lib, "要*干"), vec![(a, 2)]);
        assert_eq!(found(&mut lib, "最后…稿"), vec![(a, 1)]);
        assert_eq!(found(&mut lib, "们*"), vec![(a, 2)]);
        // A lone character after a longer literal: read only where the rest matches.
        assert_eq!(found(&mut lib, "实干、*干"), vec![(a, 1)]);
        assert!(found(&mut lib, "实干、*巧").is_empty());
        assert_eq!(found(&mut lib, "实干、巧*、拼"), vec![(a, 1)]);
        // No match across a paragraph break: 苦干 ends one paragraph, 要 starts the next.
        assert!(found(&mut lib, "干…要").is_empty());
        assert!(found(&mut lib, "干*要").is_empty());
        // After a rebuild the same.
        lib.reindex(|_, _| {}).unwrap();
        assert_eq!(found(&mut lib, "要*干"), vec![(a, 2)]);
        assert_eq!(found(&mut lib, "稿"), vec![(a, 1)]);
    }
}
