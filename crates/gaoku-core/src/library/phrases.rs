//! The facade's phrase bank: mined entries and the writer's own, starred, tagged, edited, deleted.

use super::*;

impl Library {
    /// Mines every speech again (after a change of the miner, or for a library older than the
    /// phrase bank), in one transaction; stars, tags and own entries are kept.
    pub(super) fn remine_phrases(&mut self) -> Result<()> {
        let ids = self.store.all_ids()?;
        let mut mined = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) = self.store.get(id)? {
                mined.push((id, crate::phrases::mine::mine(&s.meta.title, &s.paragraphs)));
            }
        }
        let tx = self.store.conn_mut().transaction()?;
        phrase_store::clear_sources(&tx)?;
        for (id, m) in &mined {
            phrase_store::add_sources(&tx, *id, m)?;
        }
        phrase_store::drop_orphans(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Entries that continue what the writer is typing: `before` is the text before the cursor;
    /// the end of its last clause (2 to 6 characters, the longest first) is matched against the
    /// beginnings of the entries and of the 提法 the unit and personal rule packs suggest.
    /// Starred entries first, then those 提法, then own entries and the most used.
    pub fn phrase_completions(
        &self,
        before: &str,
        limit: usize,
    ) -> Result<Vec<crate::phrases::PhraseCompletion>> {
        let clause: Vec<char> = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '…')
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // The unit's and the writer's own 提法: the terms their rule packs tell writers to use.
        let mut terms: Vec<String> = Vec::new();
        for layer in [crate::check::Layer::Unit, crate::check::Layer::Personal] {
            for r in self.rule_pack(layer)?.rules {
                if let Some(t) = r.suggest.map(|t| t.trim().to_string()) {
                    let n = t.chars().count();
                    if (2..=24).contains(&n)
                        && !t.contains(char::is_whitespace)
                        && !terms.contains(&t)
                    {
                        terms.push(t);
                    }
                }
            }
        }
        let mut bank: Vec<crate::phrases::PhraseCompletion> = Vec::new();
        let mut unit: Vec<crate::phrases::PhraseCompletion> = Vec::new();
        for len in (2..=clause.len()).rev() {
            let prefix: String = clause[clause.len() - len..].iter().collect();
            for c in phrase_store::beginning_with(self.store.conn(), &prefix, limit)? {
                if !bank.iter().any(|o| o.text == c.text) {
                    bank.push(c);
                }
            }
            for t in terms
                .iter()
                .filter(|t| t.starts_with(&prefix) && **t != prefix)
            {
                if !unit.iter().any(|o| &o.text == t) {
                    unit.push(crate::phrases::PhraseCompletion {
                        text: t.clone(),
                        kind: PhraseKind::Slogan,
                        starred: false,
                        own: false,
                        count: 0,
                        typed: len,
                    });
                }
            }
        }
        // Starred entries, then the unit's 提法, then the rest of the bank; each once.
        let (starred, rest): (Vec<_>, Vec<_>) = bank.into_iter().partition(|c| c.starred);
        let mut out: Vec<crate::phrases::PhraseCompletion> = Vec::new();
        for c in starred.into_iter().chain(unit).chain(rest) {
            if out.len() < limit && !out.iter().any(|o| o.text == c.text) {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Phrase-bank entries: starred first, then by occurrences across the library, shorter first.
    pub fn phrases(&self, filter: &PhraseFilter) -> Result<Vec<Phrase>> {
        phrase_store::list(self.store.conn(), filter)
    }

    /// Every source of a phrase-bank entry, in speech order (the list gives only the first few).
    pub fn phrase_sources(&self, id: i64) -> Result<Vec<crate::phrases::PhraseSource>> {
        self.phrase(id)?;
        phrase_store::sources(self.store.conn(), id, 0, None)
    }

    /// A page of the places an entry is used, in speech order, each with its speech's title
    /// and the sentence around it (`limit` 0: all from `offset` on).
    pub fn phrase_uses(
        &self,
        id: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<crate::phrases::PhraseUse>> {
        self.phrase(id)?;
        let page =
            phrase_store::sources(self.store.conn(), id, offset, (limit > 0).then_some(limit))?;
        let mut out = Vec::with_capacity(page.len());
        // Sources come in speech order: each speech is read once.
        let mut speech: Option<Speech> = None;
        for s in page {
            if speech.as_ref().is_none_or(|sp| sp.id != s.speech) {
                speech = self.store.get(s.speech)?;
            }
            let Some(sp) = &speech else { continue };
            let span = crate::search::Span {
                start: s.start,
                end: s.end,
            };
            out.push(crate::phrases::PhraseUse {
                speech: s.speech,
                title: sp.meta.title.clone(),
                date: sp.meta.date.clone(),
                start: s.start,
                end: s.end,
                snippet: crate::search::hit_snippets(&sp.paragraphs, &[span])
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// One phrase-bank entry.
    pub fn phrase(&self, id: i64) -> Result<Phrase> {
        phrase_store::get(self.store.conn(), id)?.ok_or_else(|| Error::not_found(Thing::Phrase, id))
    }

    /// Adds the writer's own entry.
    pub fn add_phrase(&mut self, kind: PhraseKind, text: &str) -> Result<Phrase> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid::EmptyPhrase.into());
        }
        let id = phrase_store::add(self.store.conn(), kind, text)?;
        self.phrase(id)
    }

    /// Stars or unstars an entry.
    pub fn star_phrase(&mut self, id: i64, starred: bool) -> Result<Phrase> {
        self.phrase(id)?;
        phrase_store::set_starred(self.store.conn(), id, starred)?;
        self.phrase(id)
    }

    /// Replaces an entry's tags.
    pub fn tag_phrase(&mut self, id: i64, tags: &[String]) -> Result<Phrase> {
        self.phrase(id)?;
        let tx = self.store.conn_mut().transaction()?;
        phrase_store::set_tags(&tx, id, tags)?;
        tx.commit()?;
        self.phrase(id)
    }

    /// Rewrites an entry's text; it becomes the writer's own (its sources are kept).
    pub fn edit_phrase(&mut self, id: i64, text: &str) -> Result<Phrase> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid::EmptyPhrase.into());
        }
        self.phrase(id)?;
        if !phrase_store::set_text(self.store.conn(), id, text)? {
            return Err(Error::Exists {
                what: Thing::Phrase,
                name: text.to_string(),
            });
        }
        self.phrase(id)
    }

    /// Deletes an entry; a mined one is remembered so that mining does not bring it back.
    pub fn delete_phrase(&mut self, id: i64) -> Result<()> {
        let p = self.phrase(id)?;
        let tx = self.store.conn_mut().transaction()?;
        if !p.user {
            phrase_store::hide(&tx, p.kind, &p.text)?;
        }
        phrase_store::delete(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}
