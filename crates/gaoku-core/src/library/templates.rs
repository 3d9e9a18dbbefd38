//! The facade's structure templates: built in and saved from a speech's outline; a new draft's
//! Markdown from one.

use super::*;

impl Library {
    /// Built-in templates, then the writer's own, by name.
    pub fn templates(&self) -> Result<Vec<Template>> {
        let mut all = crate::templates::builtin();
        all.extend(template_store::list(self.store.conn())?);
        Ok(all)
    }

    /// One template by name.
    pub fn template(&self, name: &str) -> Result<Template> {
        self.templates()?
            .into_iter()
            .find(|t| t.name == name)
            .ok_or_else(|| Error::not_found(Thing::Template, name))
    }

    /// Saves the structure of a speech as a template (titles kept, or blanked to their frames).
    pub fn template_from_speech(
        &mut self,
        id: i64,
        name: &str,
        placeholders: bool,
    ) -> Result<Template> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Invalid::EmptyTemplateName.into());
        }
        if self.templates()?.iter().any(|t| t.name == name) {
            return Err(Error::Exists {
                what: Thing::Template,
                name: name.to_string(),
            });
        }
        let s = self.speech(id)?;
        let o = crate::outline::outline(&s.meta.title, &s.paragraphs);
        let t =
            crate::templates::from_outline(name, s.meta.kind.clone(), Some(id), &o, placeholders);
        template_store::insert(self.store.conn(), &t)?;
        Ok(t)
    }

    pub(super) fn own_template(&self, name: &str) -> Result<Template> {
        let t = self.template(name)?;
        if t.builtin {
            return Err(Error::BuiltIn {
                name: name.to_string(),
            });
        }
        Ok(t)
    }

    /// Renames one of the writer's templates.
    pub fn rename_template(&mut self, from: &str, to: &str) -> Result<Template> {
        let mut t = self.own_template(from)?;
        let to = to.trim();
        if to.is_empty() || self.templates()?.iter().any(|x| x.name == to) {
            return Err(Invalid::RenameTaken {
                name: to.to_string(),
            }
            .into());
        }
        t.name = to.to_string();
        let tx = self.store.conn_mut().transaction()?;
        template_store::delete(&tx, from)?;
        template_store::insert(&tx, &t)?;
        tx.commit()?;
        Ok(t)
    }

    /// Deletes one of the writer's templates.
    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        self.own_template(name)?;
        template_store::delete(self.store.conn(), name)
    }

    /// The Markdown of a new draft started from a template.
    pub fn new_draft_markdown(&self, template: &str) -> Result<String> {
        Ok(crate::templates::new_draft(&self.template(template)?))
    }

    /// Part `from` of a template (with `whole`, every part from there on; else only its
    /// sub-parts) as Markdown to insert into a draft.
    pub fn template_markdown(&self, template: &str, from: usize, whole: bool) -> Result<String> {
        Ok(crate::templates::parts_markdown(
            &self.template(template)?,
            from,
            whole,
        ))
    }
}
