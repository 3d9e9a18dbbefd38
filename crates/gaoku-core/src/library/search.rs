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
