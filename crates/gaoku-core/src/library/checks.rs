//! Draft checks and 提法 rule packs: the unit and personal packs live in the library's settings
//! (so a backup holds them), the built-in pack ships with Gaoku.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::Library;
use crate::check::{
    self, builtin_pack, CheckOptions, Finding, Layer, RuleInfo, RulePack, TermRule, TermSet,
};
use crate::error::{Invalid, Result};

/// Settings key of a layer's pack.
pub(super) fn pack_key(layer: Layer) -> &'static str {
    match layer {
        Layer::Builtin => "rules.builtin",
        Layer::Unit => "rules.unit",
        Layer::Personal => "rules.personal",
    }
}

/// The compiled rules of the last check, kept while the stored packs stay the same (the editor
/// checks after every pause in the typing; compiling the patterns each time cost 8 ms).
#[derive(Default)]
pub(super) struct TermCache(Mutex<Option<(String, Arc<TermSet>)>>);

/// Where the date a check used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given by the caller (`--date`, the date field of the 检查 panel).
    Given,
    /// A date line in the draft (（2019年3月5日）).
    Text,
    /// The speech's metadata.
    Metadata,
    /// Nothing said: today.
    Today,
}

/// The findings of one check run and the date they were judged by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CheckReport {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the date came from.
    pub date_source: DateSource,
    /// In text order.
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Is there an error-severity finding?
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == check::Severity::Error)
    }
}

/// A built-in check in the rules pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CheckEntry {
    /// What the check is.
    #[serde(flatten)]
    pub info: RuleInfo,
    /// On, unless a pack turned it off.
    pub enabled: bool,
}

/// A 提法 rule in the rules pane, with the layer it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TermEntry {
    /// The rule in force for its id.
    pub rule: TermRule,
    /// The highest layer that defines it.
    pub layer: Layer,
    /// On, unless a pack turned it off.
    pub enabled: bool,
}

/// One layer's pack, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PackInfo {
    /// Which layer.
    pub layer: Layer,
    /// The pack's name.
    pub name: String,
    /// How many rules it defines.
    pub rules: usize,
    /// How many ids it turns off.
    pub disabled: usize,
}

/// Every rule, as the rules pane and `gaoku rules list` show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RulesView {
    /// The built-in checks.
    pub checks: Vec<CheckEntry>,
    /// The 提法 rules, layered.
    pub terms: Vec<TermEntry>,
    /// The three packs.
    pub packs: Vec<PackInfo>,
}

/// What an import of a pack did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RulesImported {
    /// The layer it went into.
    pub layer: Layer,
    /// Rules new to that layer.
    pub added: usize,
    /// Rules that replaced one with the same id.
    pub replaced: usize,
    /// Ids newly turned off.
    pub disabled: usize,
}

/// The day to judge by when the caller gives one: 2020 → 2020-07-01, 2020-03 → 2020-03-15.
fn full_day(iso: &str) -> String {
    match iso.len() {
        4 => format!("{iso}-07-01"),
        7 => format!("{iso}-15"),
        _ => iso.to_string(),
    }
}

/// Today, local time (UTC when the offset is unknown), as `YYYY-MM-DD`.
fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let d = now.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl Library {
    /// A layer's pack (the built-in one as shipped; an empty pack for a layer never set).
    pub fn rule_pack(&self, layer: Layer) -> Result<RulePack> {
        if layer == Layer::Builtin {
            return Ok(builtin_pack());
        }
        match self.store.setting(pack_key(layer))? {
            Some(text) => RulePack::from_toml(&text),
            None => Ok(RulePack {
                name: match layer {
                    Layer::Unit => "单位提法规则".into(),
                    _ => "个人提法规则".into(),
                },
                ..RulePack::default()
            }),
        }
    }

    fn save_pack(&self, layer: Layer, pack: &RulePack) -> Result<()> {
        if layer == Layer::Builtin {
            return Err(Invalid::BadRules {
                why:
                    "the built-in pack cannot be changed; add the rule to the unit or personal pack"
                        .into(),
            }
            .into());
        }
        self.store.set_setting(pack_key(layer), &pack.to_toml())
    }

    fn packs(&self) -> Result<[RulePack; 3]> {
        Ok([
            self.rule_pack(Layer::Builtin)?,
            self.rule_pack(Layer::Unit)?,
            self.rule_pack(Layer::Personal)?,
        ])
    }

    /// The 提法 rules in force and every id turned off.
    pub fn term_set(&self) -> Result<Arc<TermSet>> {
        let key = format!(
            "{}\u{0}{}",
            self.store
                .setting(pack_key(Layer::Unit))?
                .unwrap_or_default(),
            self.store
                .setting(pack_key(Layer::Personal))?
                .unwrap_or_default()
        );
        let mut cache = self.terms.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, set)) = cache.as_ref() {
            if *k == key {
                return Ok(set.clone());
            }
        }
        let [b, u, p] = self.packs()?;
        let set = Arc::new(TermSet::layered(&[&b, &u, &p]));
        *cache = Some((key, set.clone()));
        Ok(set)
    }

    fn check_with(
        &self,
        date: Option<&str>,
        found: Option<(String, DateSource)>,
        run: impl FnOnce(&CheckOptions) -> Vec<Finding>,
    ) -> Result<CheckReport> {
        let (date, date_source) = match date {
            Some(d) => (
                full_day(&super::speeches::parse_user_date(d)?.0),
                DateSource::Given,
            ),
            None => found.unwrap_or_else(|| (today(), DateSource::Today)),
        };
        let terms = self.term_set()?;
        let findings = run(&CheckOptions {
            date: date.clone(),
            terms: &terms,
            disabled: &terms.disabled,
        });
        Ok(CheckReport {
            date,
            date_source,
            findings,
        })
    }

    /// Checks Markdown as the writer has it in the editor. The date: `date` if given, else a date
    /// line in the draft, else today.
    pub fn check_markdown(&self, md: &str, date: Option<&str>) -> Result<CheckReport> {
        // Read once: for its date line and for the checks (this runs after every pause in the
        // typing).
        let src = crate::check::source::Source::markdown(md);
        let found = check::date_of(&src).map(|d| (d, DateSource::Text));
        self.check_with(date, found, |o| check::run(&src, o))
    }

    /// Checks a library speech: its paragraphs joined by line breaks (line = paragraph number,
    /// offsets in that text). The date: `date` if given, else the speech's own, else today.
    pub fn check_speech(&self, id: i64, date: Option<&str>) -> Result<CheckReport> {
        self.check_loaded_speech(&self.speech(id)?, date)
    }

    /// [`Library::check_speech`] of a speech already read.
    pub fn check_loaded_speech(
        &self,
        s: &crate::model::Speech,
        date: Option<&str>,
    ) -> Result<CheckReport> {
        let found = s
            .meta
            .date
            .as_deref()
            .map(full_day)
            .or_else(|| s.meta.year.map(|y| format!("{y:04}-07-01")))
            .map(|d| (d, DateSource::Metadata));
        let text = s.paragraphs.join("\n");
        self.check_with(date, found, |o| check::check_text(&text, false, o))
    }

    /// The text a file is checked as, and whether it is a draft's Markdown: `.md` as it is,
    /// `.txt` decoded (its lines), other documents read as an import would (title, then one line
    /// per paragraph).
    pub fn checked_text_of(path: &Path) -> Result<(String, bool)> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Ok((Self::read_draft_file(path)?, true)),
            "txt" => Ok((Self::read_text_file(path)?, false)),
            _ => {
                let (title, paragraphs) = Self::read_file(path)?;
                Ok((format!("{title}\n{}", paragraphs.join("\n")), false))
            }
        }
    }

    /// Checks a file: `.md` as a draft (lines of the file), `.txt` as its lines (the first is the
    /// title), other documents read as an import would (title, then one line per paragraph).
    pub fn check_file(&self, path: &Path, date: Option<&str>) -> Result<CheckReport> {
        let (text, markdown) = Self::checked_text_of(path)?;
        self.check_file_text(&text, markdown, date)
    }

    /// Checks the text of a file as [`Library::checked_text_of`] gave it.
    pub fn check_file_text(
        &self,
        text: &str,
        markdown: bool,
        date: Option<&str>,
    ) -> Result<CheckReport> {
        if markdown {
            self.check_markdown(text, date)
        } else {
            self.check_with(date, None, |o| check::check_text(text, true, o))
        }
    }

    /// Every rule with its state, and the packs.
    pub fn rules(&self) -> Result<RulesView> {
        let packs = self.packs()?;
        // What the packs turn off (no need to compile their patterns for that).
        let disabled: HashSet<&String> = packs.iter().flat_map(|p| &p.disable).collect();
        let checks = check::checks()
            .into_iter()
            .map(|info| CheckEntry {
                enabled: !disabled.contains(&info.id),
                info,
            })
            .collect();
        let mut terms: Vec<TermEntry> = Vec::new();
        for (pack, layer) in packs
            .iter()
            .zip([Layer::Builtin, Layer::Unit, Layer::Personal])
        {
            for r in &pack.rules {
                let entry = TermEntry {
                    rule: r.clone(),
                    layer,
                    enabled: !disabled.contains(&r.id),
                };
                match terms.iter_mut().find(|t| t.rule.id == r.id) {
                    Some(t) => *t = entry,
                    None => terms.push(entry),
                }
            }
        }
        let packs = packs
            .iter()
            .zip([Layer::Builtin, Layer::Unit, Layer::Personal])
            .map(|(p, layer)| PackInfo {
                layer,
                name: p.name.clone(),
                rules: p.rules.len(),
                disabled: p.disable.len(),
            })
            .collect();
        Ok(RulesView {
            checks,
            terms,
            packs,
        })
    }

    /// Turns a rule (a check or a 提法 rule) on or off in the writer's own pack.
    pub fn set_rule_enabled(&self, id: &str, enabled: bool) -> Result<()> {
        let view = self.rules()?;
        let known = view.checks.iter().any(|c| c.info.id == id)
            || view.terms.iter().any(|t| t.rule.id == id);
        if !known {
            return Err(Invalid::UnknownRule { id: id.to_string() }.into());
        }
        let mut pack = self.rule_pack(Layer::Personal)?;
        pack.disable.retain(|d| d != id);
        if !enabled {
            pack.disable.push(id.to_string());
        }
        self.save_pack(Layer::Personal, &pack)
    }

    /// Adds a 提法 rule to the unit or personal pack, replacing one with the same id there.
    pub fn save_term_rule(&self, layer: Layer, rule: TermRule) -> Result<()> {
        rule.validate().map_err(|why| Invalid::BadRules {
            why: format!("{}: {why}", rule.id),
        })?;
        let mut pack = self.rule_pack(layer)?;
        match pack.rules.iter_mut().find(|r| r.id == rule.id) {
            Some(r) => *r = rule,
            None => pack.rules.push(rule),
        }
        self.save_pack(layer, &pack)
    }

    /// Removes a 提法 rule from the unit or personal pack.
    pub fn delete_term_rule(&self, layer: Layer, id: &str) -> Result<()> {
        let mut pack = self.rule_pack(layer)?;
        let before = pack.rules.len();
        pack.rules.retain(|r| r.id != id);
        if pack.rules.len() == before {
            return Err(Invalid::UnknownRule { id: id.to_string() }.into());
        }
        self.save_pack(layer, &pack)
    }

    /// Merges a pack file into a layer: rules added or replaced by id, its `disable` list added.
    pub fn import_rules(&self, layer: Layer, text: &str) -> Result<RulesImported> {
        let incoming = RulePack::from_toml(text)?;
        let mut pack = self.rule_pack(layer)?;
        let (added, replaced, disabled) = merge_pack(&mut pack, incoming);
        self.save_pack(layer, &pack)?;
        Ok(RulesImported {
            layer,
            added,
            replaced,
            disabled,
        })
    }

    /// A layer's pack as TOML, to share or keep.
    pub fn export_rules(&self, layer: Layer) -> Result<String> {
        if layer == Layer::Builtin {
            return Ok(check::BUILTIN_RULES.to_string());
        }
        Ok(self.rule_pack(layer)?.to_toml())
    }
}

/// Merges `incoming` into `pack`: rules added or replaced by id, its `disable` list added, its
/// name kept for a pack that had none. Returns (added, changed by a replacement, newly disabled).
pub(super) fn merge_pack(pack: &mut RulePack, incoming: RulePack) -> (usize, usize, usize) {
    let (mut added, mut replaced, mut disabled) = (0, 0, 0);
    for r in incoming.rules {
        match pack.rules.iter_mut().find(|x| x.id == r.id) {
            Some(x) if *x == r => {}
            Some(x) => {
                *x = r;
                replaced += 1;
            }
            None => {
                pack.rules.push(r);
                added += 1;
            }
        }
    }
    for id in incoming.disable {
        if !pack.disable.contains(&id) {
            pack.disable.push(id);
            disabled += 1;
        }
    }
    if pack.rules.is_empty() && pack.name.is_empty() {
        pack.name = incoming.name;
    }
    (added, replaced, disabled)
}
