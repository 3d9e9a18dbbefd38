//! The facade's speeches: list, read, edit metadata, remove, outline; files read as an import would.

use super::*;

impl Library {
    /// All speeches, newest first.
    pub fn list(&self) -> Result<Vec<SpeechSummary>> {
        self.store.list()
    }

    /// How many speeches the library holds (without loading them).
    pub fn count(&self) -> Result<usize> {
        self.store.count()
    }

    /// One speech with its text.
    pub fn speech(&self, id: i64) -> Result<Speech> {
        self.store
            .get(id)?
            .ok_or_else(|| Error::not_found(Thing::Speech, id))
    }

    /// Changes metadata; returns the speech as stored.
    pub fn edit(&mut self, id: i64, edit: &SpeechEdit) -> Result<Speech> {
        let current = self.speech(id)?;
        let clean = |v: &Option<String>, old: Option<String>| match v {
            None => old,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(s.trim().to_string()),
        };
        let title = match &edit.title {
            Some(t) if t.trim().is_empty() => return Err(Invalid::EmptyTitle.into()),
            Some(t) => t.trim().to_string(),
            None => current.meta.title,
        };
        let (date, year) = match &edit.date {
            None => (current.meta.date, current.meta.year),
            Some(d) if d.trim().is_empty() => (None, None),
            Some(d) => {
                let (iso, year) = parse_user_date(d)?;
                (Some(iso), Some(year))
            }
        };
        let mut tags: Vec<String> = edit
            .tags
            .clone()
            .unwrap_or(current.meta.tags)
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        tags.sort();
        tags.dedup();
        let meta = SpeechMeta {
            title,
            date,
            year,
            speaker: clean(&edit.speaker, current.meta.speaker),
            occasion: clean(&edit.occasion, current.meta.occasion),
            kind: clean(&edit.kind, current.meta.kind),
            tags,
        };
        if !self.store.update_metadata(id, &meta)? {
            return Err(Error::not_found(Thing::Speech, id));
        }
        self.index.sync_quietly(&self.store);
        self.speech(id)
    }

    /// Reads the metadata of every speech again with this version's reading (a library imported
    /// by an earlier version): empty fields filled, generic titles completed, dates refined
    /// within their year. Speeches whose metadata the writer edited are left as they are.
    pub(super) fn reread_metadata(&mut self) -> Result<()> {
        let mut changed = 0;
        for id in self.store.all_ids()? {
            let Some(s) = self.store.get(id)? else {
                continue;
            };
            if s.updated_at != s.imported_at {
                continue;
            }
            let new = crate::ingest::meta::reread(&s.meta, &s.paragraphs, s.source_file.as_deref());
            if let Some(meta) = new {
                self.store.refresh_metadata(id, &meta)?;
                changed += 1;
            }
        }
        if changed > 0 {
            self.index.sync_quietly(&self.store);
        }
        Ok(())
    }

    /// Removes a speech and everything derived from it.
    pub fn remove(&mut self, id: i64) -> Result<()> {
        if self.store.delete(id)? {
            self.index.sync_quietly(&self.store);
            Ok(())
        } else {
            Err(Error::not_found(Thing::Speech, id))
        }
    }

    /// The outline of a speech in the library.
    pub fn outline(&self, id: i64) -> Result<crate::outline::Outline> {
        let s = self.speech(id)?;
        Ok(crate::outline::outline(&s.meta.title, &s.paragraphs))
    }

    /// A file read and cleaned as an import would (nothing is stored): its title and paragraphs.
    pub fn read_file(path: &Path) -> Result<(String, Vec<String>)> {
        let parsed = ingest::parse_file(path).map_err(|source| Error::File {
            path: path.to_path_buf(),
            source,
        })?;
        Ok((parsed.meta.title, parsed.paragraphs))
    }

    /// The outline of a file, read and cleaned as an import would (nothing is stored).
    pub fn outline_file(path: &Path) -> Result<crate::outline::Outline> {
        let (title, paragraphs) = Self::read_file(path)?;
        Ok(crate::outline::outline(&title, &paragraphs))
    }
}

/// Accepts 2020, 2020-07, 2020-07-15, 2020/7/15 and 2020年7月15日.
pub(super) fn parse_user_date(s: &str) -> Result<(String, i32)> {
    let s = s.trim();
    let invalid = || {
        Error::from(Invalid::BadDate {
            value: s.to_string(),
        })
    };
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    if let Some(n) = nums.filter(|n| (1..=3).contains(&n.len())) {
        let y = n[0] as i32;
        let ok = (1000..=2999).contains(&y)
            && n.get(1).is_none_or(|m| (1..=12).contains(m))
            && n.get(2).is_none_or(|d| crate::zh::real_day(y, n[1], *d));
        if !ok {
            return Err(invalid());
        }
        let iso = match n.len() {
            1 => format!("{y:04}"),
            2 => format!("{y:04}-{:02}", n[1]),
            _ => format!("{y:04}-{:02}-{:02}", n[1], n[2]),
        };
        return Ok((iso, y));
    }
    // Written out in Chinese: the whole value must be a real date (2020年13月1日 is not 2020).
    crate::zh::find_date(s)
        .filter(|_| crate::zh::is_date_line(s))
        .ok_or_else(invalid)
}
