//! Lowering a parsed TOML document (the spanned tree of [`super::tree`]) into the model.
//! Every key is checked here, and every problem is collected, not only the first: wrong
//! types, unknown keys (with a did-you-mean), missing keys, bad dates and bad enum values.

use std::path::Path;

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable as Table, DeValue as Value};

/// A key with its place in the file.
type Key<'i> = Spanned<Cow<'i, str>>;
/// A value with its place in the file.
type Val<'i> = Spanned<Value<'i>>;
use chrono::NaiveDate;

use crate::date::{DateError, Period};
use crate::diagnostic::{Diagnostic, Expected, Problem, suggest};
use crate::keys::{self, Section};
use crate::model::{
    Actual, Area, Cadence, Common, Compare, DateSpec, Delay, Direction, Every, Feedback,
    FeedbackEvery, Indicator, Lang, Located, Milestone, Progress, Project, Stage, Target, Task,
    TaskStatus,
};
use crate::source::{FileId, Span};

/// The `[plan]` table, before its areas are attached.
#[derive(Debug)]
pub struct PlanHead {
    pub id: Located<String>,
    pub title: String,
    pub org: Option<String>,
    pub year: i32,
    pub previous: Option<Located<String>>,
    pub start: Option<Located<DateSpec>>,
    pub approve_delays: bool,
    pub lang: Option<Lang>,
    pub lights: crate::model::Lights,
    pub money_unit: String,
    /// `[owners."NAME"] members = [...]`.
    pub groups: Vec<(String, Vec<String>)>,
    /// `[owners."NAME"] email = "…"`.
    pub emails: Vec<(String, Located<String>)>,
    pub feedback: Feedback,
    pub verify: bool,
}

/// Lowers one file, pushing every problem it finds into `diags`.
pub struct Lower<'d> {
    file: FileId,
    diags: &'d mut Vec<Diagnostic>,
}

#[derive(Default)]
struct CommonParts {
    id: Option<Located<String>>,
    title: Option<String>,
    owners: Vec<String>,
    leaders: Vec<String>,
    with: Vec<String>,
    tags: Vec<String>,
    note: Option<String>,
    binding: bool,
    evidence_required: Option<String>,
    progress: Vec<Progress>,
    verified: Option<Located<DateSpec>>,
    evidence: Vec<Located<String>>,
}

impl<'d> Lower<'d> {
    pub fn new(file: FileId, diags: &'d mut Vec<Diagnostic>) -> Self {
        Lower { file, diags }
    }

    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range)
    }

    fn report(&mut self, problem: Problem, range: std::ops::Range<usize>) {
        let span = self.span(range);
        self.diags.push(Diagnostic::new(problem, span));
    }

    // ---- files -------------------------------------------------------------------------

    /// `plan.toml`: exactly a `[plan]` table.
    pub fn plan_file(&mut self, doc: &Table<'_>, dir: &Path) -> Option<PlanHead> {
        let mut head: Option<PlanHead> = None;
        let (mut groups, mut emails) = (Vec::new(), Vec::new());
        let mut lights = None;
        for (k, v) in doc {
            match k.get_ref().as_ref() {
                "plan" => head = self.table(k, v).and_then(|t| self.plan(t, v, dir)),
                "owners" => (groups, emails) = self.groups(k, v),
                "lights" => lights = self.table(k, v).map(|t| self.lights(t)),
                _ => self.unknown(k, "plan.toml", Section::PlanFile),
            }
        }
        if head.is_none() && !doc.iter().any(|(k, _)| k.get_ref() == "plan") {
            self.report(Problem::MissingTable { table: "plan" }, 0..0);
        }
        head.map(|h| PlanHead {
            groups,
            emails,
            lights: lights.unwrap_or_default(),
            ..h
        })
    }

    fn plan(&mut self, t: &Table<'_>, whole: &Val<'_>, dir: &Path) -> Option<PlanHead> {
        let (mut id, mut title, mut org, mut year, mut lang, mut money_unit) =
            (None, None, None, None, None, None);
        let (mut previous, mut start, mut approve_delays) = (None, None, false);
        let (mut feedback, mut verify) = (Feedback::default(), false);
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if self.feedback_key(&mut feedback, key, v) {
                continue;
            }
            match key {
                "id" => id = self.id(key, v),
                "title" => title = self.string(key, v),
                "org" => org = self.string(key, v),
                "year" => year = self.year(key, v),
                "lang" => {
                    lang = self
                        .choice(key, v, Lang::NAMES, &[Lang::Zh, Lang::En])
                        .map(|l| l.value);
                }
                "money_unit" => money_unit = self.string(key, v),
                "previous" => previous = self.id(key, v),
                "start" => start = self.date(key, v),
                "approve_delays" => approve_delays = self.boolean(key, v).unwrap_or(false),
                "verify" => verify = self.boolean(key, v).unwrap_or(false),
                _ => self.unknown(k, "[plan]", Section::Plan),
            }
        }
        let title = self.required(title, "title", "[plan]", whole);
        let year = self.required(year, "year", "[plan]", whole);
        let id = id.unwrap_or_else(|| Located {
            value: dir
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            span: self.span(whole.span()),
        });
        Some(PlanHead {
            id,
            title: title.unwrap_or_default(),
            org,
            year: year?,
            previous,
            start,
            approve_delays,
            lang,
            lights: crate::model::Lights::default(),
            money_unit: money_unit.unwrap_or_else(|| keys::DEFAULT_MONEY_UNIT.to_string()),
            groups: Vec::new(),
            emails: Vec::new(),
            feedback,
            verify,
        })
    }

    /// `feedback`, `feedback_day` and `feedback_month`, in `[plan]` or on an item.
    fn feedback_key(&mut self, out: &mut Feedback, key: &str, v: &Val<'_>) -> bool {
        match key {
            "feedback" => {
                out.every = self.choice(key, v, FeedbackEvery::NAMES, &FeedbackEvery::ALL);
            }
            "feedback_day" => out.day = self.days(key, v),
            "feedback_month" => out.month = self.days(key, v),
            _ => return false,
        }
        true
    }

    /// `[owners."NAME"]`: collective units and their members (`members`), and the units' mail
    /// addresses (`email`).
    #[allow(clippy::type_complexity)]
    fn groups(
        &mut self,
        k: &Key<'_>,
        v: &Val<'_>,
    ) -> (Vec<(String, Vec<String>)>, Vec<(String, Located<String>)>) {
        let Some(t) = self.table(k, v) else {
            return (Vec::new(), Vec::new());
        };
        let (mut groups, mut emails) = (Vec::new(), Vec::new());
        for (name, group) in t {
            let Some(g) = self.table(name, group) else {
                continue;
            };
            let name = name.get_ref().to_string();
            let written = (groups.len(), emails.len());
            for (k, v) in g {
                let key = k.get_ref().as_ref();
                match key {
                    "members" => {
                        let members = self.strings(key, v).into_iter().map(|s| s.value);
                        groups.push((name.clone(), members.collect()));
                    }
                    "email" => {
                        if let Some(text) = self.string(key, v) {
                            let span = self.span(v.span());
                            emails.push((name.clone(), Located { value: text, span }));
                        }
                    }
                    _ => self.unknown(k, "[owners.NAME]", Section::OwnerGroup),
                }
            }
            // A unit's table says something: its members, or its address.
            if written == (groups.len(), emails.len()) {
                self.required(None::<()>, "members", "[owners.NAME]", group);
            }
        }
        (groups, emails)
    }

    /// `[lights]`: the thresholds of the lights.
    fn lights(&mut self, t: &Table<'_>) -> crate::model::Lights {
        let mut out = crate::model::Lights::default();
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            match key {
                "warn_days" => {
                    if let Some(d) = self.days(key, v) {
                        out.warn_days = d.value;
                    }
                }
                "yellow_pp" => {
                    if let Some(n) = self.number(key, v) {
                        out.yellow_pp = n.value;
                    }
                }
                "red_pp" => {
                    if let Some(n) = self.number(key, v) {
                        out.red_pp = n.value;
                    }
                }
                _ => self.unknown(k, "[lights]", Section::Lights),
            }
        }
        out
    }

    /// An area file: `[area]` and its items.
    pub fn area_file(&mut self, doc: &Table<'_>) -> Option<Area> {
        let mut area: Option<Area> = None;
        let (mut tasks, mut targets, mut projects, mut indicators) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, v) in doc {
            match k.get_ref().as_ref() {
                "area" => area = self.table(k, v).and_then(|t| self.area(t, v)),
                "task" => tasks = self.items(k, v, "[[task]]", Self::task),
                "target" => targets = self.items(k, v, "[[target]]", Self::target),
                "project" => projects = self.items(k, v, "[[project]]", Self::project),
                "indicator" => indicators = self.items(k, v, "[[indicator]]", Self::indicator),
                _ => self.unknown(k, "an area file", Section::AreaFile),
            }
        }
        if !doc.iter().any(|(k, _)| k.get_ref() == "area") {
            self.report(Problem::MissingTable { table: "area" }, 0..0);
        }
        let mut area = area?;
        area.tasks = tasks;
        area.targets = targets;
        area.projects = projects;
        area.indicators = indicators;
        Some(area)
    }

    fn area(&mut self, t: &Table<'_>, whole: &Val<'_>) -> Option<Area> {
        let (mut id, mut title, mut key_area) = (None, None, None);
        let (mut owners, mut leaders) = (Vec::new(), Vec::new());
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            match key {
                "id" => id = self.id(key, v),
                "title" => title = self.string(key, v),
                "key" => key_area = self.boolean(key, v),
                "owner" => owners = self.one_or_more(key, v),
                "leader" => leaders = self.one_or_more(key, v),
                _ => self.unknown(k, "[area]", Section::Area),
            }
        }
        let id = self.required(id, "id", "[area]", whole);
        let title = self.required(title, "title", "[area]", whole);
        Some(Area {
            id: id?,
            title: title.unwrap_or_default(),
            key: key_area.unwrap_or(false),
            owners,
            leaders,
            tasks: Vec::new(),
            targets: Vec::new(),
            projects: Vec::new(),
            indicators: Vec::new(),
        })
    }

    /// An array of tables (`[[task]]`), each lowered by `one`.
    fn items<T>(
        &mut self,
        k: &Key<'_>,
        v: &Val<'_>,
        context: &'static str,
        one: fn(&mut Self, &Table<'_>, &Val<'_>, &'static str) -> Option<T>,
    ) -> Vec<T> {
        let Value::Array(array) = v.get_ref() else {
            self.wrong_type(k.get_ref(), Expected::TableArray, v);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for element in array {
            match element.get_ref() {
                Value::Table(t) => out.extend(one(self, t, element, context)),
                _ => self.wrong_type(k.get_ref(), Expected::TableArray, element),
            }
        }
        out
    }

    // ---- items -------------------------------------------------------------------------

    fn common_key(&mut self, parts: &mut CommonParts, key: &str, v: &Val<'_>) -> bool {
        match key {
            "id" => parts.id = self.id(key, v),
            "title" => parts.title = self.string(key, v),
            "owner" => parts.owners = self.one_or_more(key, v),
            "leader" => parts.leaders = self.one_or_more(key, v),
            "with" => parts.with = self.strings(key, v).into_iter().map(|s| s.value).collect(),
            "tags" => parts.tags = self.strings(key, v).into_iter().map(|s| s.value).collect(),
            "note" => parts.note = self.string(key, v),
            "progress" => parts.progress = self.progress(key, v),

            _ => return false,
        }
        true
    }

    fn common(
        &mut self,
        parts: CommonParts,
        context: &'static str,
        whole: &Val<'_>,
    ) -> Option<Common> {
        let id = self.required(parts.id, "id", context, whole);
        let title = self.required(parts.title, "title", context, whole);
        Some(Common {
            id: id?,
            title: title.unwrap_or_default(),
            owners: parts.owners,
            leaders: parts.leaders,
            with: parts.with,
            tags: parts.tags,
            note: parts.note,
            binding: parts.binding,
            evidence_required: parts.evidence_required,
            progress: parts.progress,
            verified: parts.verified,
            evidence: parts.evidence,
            span: self.span(whole.span()),
        })
    }

    fn task(&mut self, t: &Table<'_>, whole: &Val<'_>, context: &'static str) -> Option<Task> {
        let mut parts = CommonParts::default();
        let (mut due, mut status, mut done, mut every, mut last, mut delays) =
            (None, None, None, None, None, Vec::new());
        let (mut day, mut month, mut submitted) = (None, None, Vec::new());
        let mut ongoing = false;
        let mut parent = None;
        let mut start = None;
        let mut feedback = Feedback::default();
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if self.common_key(&mut parts, key, v) {
                continue;
            }
            match key {
                "due" => due = self.date(key, v),
                "status" => status = self.choice(key, v, TaskStatus::NAMES, &TASK_STATUSES),
                "done" => done = self.date(key, v),
                "every" => every = self.choice(key, v, Every::NAMES, &EVERIES),
                "last" => last = self.date(key, v),
                "day" => day = self.days(key, v),
                "month" => month = self.days(key, v),
                "submitted" => submitted = self.dates(key, v),
                "ongoing" => ongoing = self.boolean(key, v).unwrap_or(false),
                "parent" => parent = self.id(key, v),
                "start" => start = self.date(key, v),
                "binding" => parts.binding = self.boolean(key, v).unwrap_or(false),
                "evidence_required" => parts.evidence_required = self.string(key, v),
                "verified" => parts.verified = self.date(key, v),
                "evidence" => parts.evidence = self.strings(key, v),
                "delays" => delays = self.delays(key, v),
                _ if self.feedback_key(&mut feedback, key, v) => {}
                _ => self.unknown(k, context, Section::Task),
            }
        }
        Some(Task {
            common: self.common(parts, context, whole)?,
            due,
            status: status.map_or(TaskStatus::Todo, |s| s.value),
            done,
            every,
            last,
            day,
            month,
            submitted,
            ongoing,
            parent,
            start,
            sub_items: Vec::new(),
            delays,
            feedback,
        })
    }

    fn target(&mut self, t: &Table<'_>, whole: &Val<'_>, context: &'static str) -> Option<Target> {
        let mut parts = CommonParts::default();
        let mut out = Target {
            common: placeholder_common(self.span(whole.span())),
            unit: None,
            target: None,
            actual: None,
            compare: Compare::AtLeast,
            tolerance: None,
            lag: None,
            actuals: Vec::new(),
            milestones: Vec::new(),
            parent: None,
            start: None,
            sub_items: Vec::new(),
            stretch: false,
            due: None,
            stage: None,
            projects: Vec::new(),
            projects_span: None,
            delays: Vec::new(),
            feedback: Feedback::default(),
        };
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if self.common_key(&mut parts, key, v) {
                continue;
            }
            match key {
                "unit" => out.unit = self.string(key, v),
                "target" => out.target = self.number(key, v),
                "actual" => out.actual = self.number(key, v),
                "compare" => {
                    if let Some(c) = self.choice(
                        key,
                        v,
                        Compare::NAMES,
                        &[Compare::AtLeast, Compare::AtMost, Compare::About],
                    ) {
                        out.compare = c.value;
                    }
                }
                "actuals" => out.actuals = self.target_actuals(key, v),
                "parent" => out.parent = self.id(key, v),
                "start" => out.start = self.date(key, v),
                "binding" => parts.binding = self.boolean(key, v).unwrap_or(false),
                "evidence_required" => parts.evidence_required = self.string(key, v),
                "verified" => parts.verified = self.date(key, v),
                "evidence" => parts.evidence = self.strings(key, v),
                "milestones" => out.milestones = self.milestones(key, v),
                "tolerance" => out.tolerance = self.number(key, v),
                "lag" => out.lag = self.days(key, v),
                "stretch" => out.stretch = self.boolean(key, v).unwrap_or(false),
                "due" => out.due = self.date(key, v),
                "stage" => out.stage = self.choice(key, v, Stage::NAMES, &Stage::ALL),
                "projects" => {
                    out.projects = self.strings(key, v);
                    out.projects_span = Some(self.span(v.span()));
                }
                "delays" => out.delays = self.delays(key, v),
                _ if self.feedback_key(&mut out.feedback, key, v) => {}
                _ => self.unknown(k, context, Section::Target),
            }
        }
        if !out.is_batch() {
            out.target = self.required(out.target.take(), "target", context, whole);
        }
        out.common = self.common(parts, context, whole)?;
        Some(out)
    }

    fn project(
        &mut self,
        t: &Table<'_>,
        whole: &Val<'_>,
        context: &'static str,
    ) -> Option<Project> {
        let mut parts = CommonParts::default();
        let (mut investment, mut stage, mut stage_dates) = (None, None, Vec::new());
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if self.common_key(&mut parts, key, v) {
                continue;
            }
            match key {
                "investment" => investment = self.number(key, v).map(|n| n.value),
                "stage" => stage = self.choice(key, v, Stage::NAMES, &Stage::ALL),
                _ => match Stage::from_name(key) {
                    Some(s) => stage_dates.extend(self.date(key, v).map(|d| (s, d))),
                    None => self.unknown(k, context, Section::Project),
                },
            }
        }
        stage_dates.sort_by_key(|(s, _)| *s);
        let span = self.span(whole.span());
        Some(Project {
            common: self.common(parts, context, whole)?,
            investment,
            stage: stage.unwrap_or(Located {
                value: Stage::Negotiating,
                span,
            }),
            stage_dates,
        })
    }

    fn indicator(
        &mut self,
        t: &Table<'_>,
        whole: &Val<'_>,
        context: &'static str,
    ) -> Option<Indicator> {
        let mut parts = CommonParts::default();
        let mut out = Indicator {
            common: placeholder_common(self.span(whole.span())),
            unit: None,
            prior: None,
            target: None,
            growth: None,
            direction: Direction::Up,
            parent: None,
            unit_differs: false,
            actuals: Vec::new(),
            cadence: None,
            lag: None,
            comparable: false,
            approx: false,
            tolerance_pp: None,
            stretch: false,
        };
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            if self.common_key(&mut parts, key, v) {
                continue;
            }
            match key {
                "unit" => out.unit = self.string(key, v),
                "prior" => out.prior = self.number(key, v),
                "target" => out.target = self.number(key, v),
                "growth" => out.growth = self.number(key, v),
                "direction" => {
                    if let Some(d) =
                        self.choice(key, v, Direction::NAMES, &[Direction::Up, Direction::Down])
                    {
                        out.direction = d.value;
                    }
                }
                "parent" => out.parent = self.id(key, v),
                "basis" => {
                    out.comparable = self
                        .choice(key, v, &["nominal", "comparable"], &[false, true])
                        .is_some_and(|b| b.value);
                }
                "approx" => out.approx = self.boolean(key, v).unwrap_or(false),
                "binding" => parts.binding = self.boolean(key, v).unwrap_or(false),
                "tolerance_pp" => out.tolerance_pp = self.number(key, v),
                "stretch" => out.stretch = self.boolean(key, v).unwrap_or(false),
                "unit_differs" => out.unit_differs = self.boolean(key, v).unwrap_or(false),
                "actuals" => out.actuals = self.actuals(key, v),
                "cadence" => {
                    out.cadence =
                        self.choice(key, v, Cadence::NAMES, &[Cadence::Month, Cadence::Quarter]);
                }
                "lag" => out.lag = self.days(key, v),
                _ => self.unknown(k, context, Section::Indicator),
            }
        }
        out.common = self.common(parts, context, whole)?;
        Some(out)
    }

    fn delays(&mut self, key: &str, v: &Val<'_>) -> Vec<Delay> {
        self.entries(key, v, |this, t, whole| {
            let (mut from, mut to, mut on, mut reason) = (None, None, None, None);
            let mut approved_by = None;
            for (k, v) in t {
                let key = k.get_ref().as_ref();
                match key {
                    "from" => from = this.date(key, v),
                    "to" => to = this.date(key, v),
                    "on" => on = this.date(key, v),
                    "reason" => reason = this.string(key, v),
                    "approved_by" => approved_by = this.string(key, v),
                    _ => this.unknown(k, "a delay entry", Section::Delay),
                }
            }
            let from = this.required(from, "from", "a delay entry", whole);
            let to = this.required(to, "to", "a delay entry", whole);
            Some(Delay {
                from: from?,
                to: to?,
                on: on.map(|d| d.value),
                reason,
                approved_by,
                span: this.span(whole.span()),
            })
        })
    }

    fn actuals(&mut self, key: &str, v: &Val<'_>) -> Vec<Actual> {
        self.entries(key, v, |this, t, whole| {
            let (mut period, mut value, mut prior, mut growth) = (None, None, None, None);
            let mut provisional = false;
            for (k, v) in t {
                let key = k.get_ref().as_ref();
                match key {
                    "period" => period = this.period(key, v),
                    "value" => value = this.number(key, v),
                    "prior" => prior = this.number(key, v),
                    "growth" => growth = this.number(key, v),
                    "provisional" => provisional = this.boolean(key, v).unwrap_or(false),
                    _ => this.unknown(k, "an actuals entry", Section::Actual),
                }
            }
            let period = this.required(period, "period", "an actuals entry", whole);
            // The value may be left out when the entry gives the published growth.
            let value = match growth {
                Some(_) => value,
                None => this.required(value, "value", "an actuals entry", whole),
            };
            Some(Actual {
                period: period?,
                value: value.map(|v| v.value),
                prior: prior.map(|p| p.value),
                growth: growth.map(|g| g.value),
                provisional,
                span: this.span(whole.span()),
            })
        })
    }

    /// A numeric target's figures over time: `{ period, value }` entries.
    fn target_actuals(&mut self, key: &str, v: &Val<'_>) -> Vec<Actual> {
        self.entries(key, v, |this, t, whole| {
            let (mut period, mut value) = (None, None);
            for (k, v) in t {
                let key = k.get_ref().as_ref();
                match key {
                    "period" => period = this.period(key, v),
                    "value" => value = this.number(key, v),
                    _ => this.unknown(k, "an actuals entry", Section::TargetActual),
                }
            }
            let period = this.required(period, "period", "an actuals entry", whole);
            let value = this.required(value, "value", "an actuals entry", whole);
            Some(Actual {
                period: period?,
                value: Some(value?.value),
                prior: None,
                growth: None,
                provisional: false,
                span: this.span(whole.span()),
            })
        })
    }

    /// Progress reports: `{ on, text, percent, by }` entries.
    fn progress(&mut self, key: &str, v: &Val<'_>) -> Vec<Progress> {
        self.entries(key, v, |this, t, whole| {
            let (mut on, mut text, mut percent, mut by) = (None, None, None, None);
            for (k, v) in t {
                let key = k.get_ref().as_ref();
                match key {
                    "on" => on = this.date(key, v),
                    "text" => text = this.string(key, v),
                    "percent" => percent = this.number(key, v),
                    "by" => by = this.string(key, v),
                    _ => this.unknown(k, "a progress entry", Section::Progress),
                }
            }
            let on = this.required(on, "on", "a progress entry", whole);
            let text = this.required(text, "text", "a progress entry", whole);
            Some(Progress {
                on: on?,
                text: text?,
                percent,
                by,
            })
        })
    }

    /// A target's milestones: `{ due, value }` entries.
    fn milestones(&mut self, key: &str, v: &Val<'_>) -> Vec<Milestone> {
        self.entries(key, v, |this, t, whole| {
            let (mut due, mut value) = (None, None);
            for (k, v) in t {
                let key = k.get_ref().as_ref();
                match key {
                    "due" => due = this.date(key, v),
                    "value" => value = this.number(key, v),
                    _ => this.unknown(k, "a milestone", Section::Milestone),
                }
            }
            let due = this.required(due, "due", "a milestone", whole);
            let value = this.required(value, "value", "a milestone", whole);
            Some(Milestone {
                due: due?,
                value: value?,
            })
        })
    }

    /// An array of inline tables, each lowered by `one`.
    fn entries<T>(
        &mut self,
        key: &str,
        v: &Val<'_>,
        mut one: impl FnMut(&mut Self, &Table<'_>, &Val<'_>) -> Option<T>,
    ) -> Vec<T> {
        let Value::Array(array) = v.get_ref() else {
            self.wrong_type(key, Expected::TableArray, v);
            return Vec::new();
        };
        let mut out = Vec::new();
        for element in array {
            match element.get_ref() {
                Value::Table(t) => out.extend(one(self, t, element)),
                _ => self.wrong_type(key, Expected::Table, element),
            }
        }
        out
    }

    // ---- values ------------------------------------------------------------------------

    fn table<'a, 'i>(&mut self, k: &Key<'_>, v: &'a Val<'i>) -> Option<&'a Table<'i>> {
        match v.get_ref() {
            Value::Table(t) => Some(t),
            _ => {
                self.wrong_type(k.get_ref(), Expected::Table, v);
                None
            }
        }
    }

    fn required<T>(
        &mut self,
        value: Option<T>,
        key: &'static str,
        context: &'static str,
        whole: &Val<'_>,
    ) -> Option<T> {
        // A key that is present but invalid has been reported already.
        let present = match whole.get_ref() {
            Value::Table(t) => t.iter().any(|(k, _)| k.get_ref() == key),
            _ => false,
        };
        if value.is_none() && !present {
            self.report(Problem::MissingKey { key, context }, whole.span());
        }
        value
    }

    fn unknown(&mut self, k: &Key<'_>, context: &'static str, section: Section) {
        let key = k.get_ref().to_string();
        let suggestion = suggest(&key, keys::of(section).map(|d| d.name));
        self.report(
            Problem::UnknownKey {
                key,
                context,
                suggestion,
            },
            k.span(),
        );
    }

    fn wrong_type(&mut self, key: &str, expected: Expected, v: &Val<'_>) {
        let found = v.get_ref().type_str();
        self.report(
            Problem::WrongType {
                key: key.to_string(),
                expected,
                found,
            },
            v.span(),
        );
    }

    fn string(&mut self, key: &str, v: &Val<'_>) -> Option<String> {
        match v.get_ref() {
            Value::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, Expected::String, v);
                None
            }
        }
    }

    fn id(&mut self, key: &str, v: &Val<'_>) -> Option<Located<String>> {
        let s = self.string(key, v)?;
        let bad = |c: char| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '/' | '\\')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}')
        };
        if s.is_empty() || s.chars().any(bad) {
            self.report(Problem::BadId { id: s }, v.span());
            return None;
        }
        Some(Located {
            value: s,
            span: self.span(v.span()),
        })
    }

    /// A string or an array of strings (`owner`, `leader`), as a list.
    fn one_or_more(&mut self, key: &str, v: &Val<'_>) -> Vec<String> {
        match v.get_ref() {
            Value::String(s) => vec![s.to_string()],
            Value::Array(_) => self.strings(key, v).into_iter().map(|s| s.value).collect(),
            _ => {
                self.wrong_type(key, Expected::StringOrArray, v);
                Vec::new()
            }
        }
    }

    /// An array of dates.
    fn dates(&mut self, key: &str, v: &Val<'_>) -> Vec<Located<DateSpec>> {
        let Value::Array(array) = v.get_ref() else {
            self.wrong_type(key, Expected::DateArray, v);
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|element| self.date(key, element))
            .collect()
    }

    fn strings(&mut self, key: &str, v: &Val<'_>) -> Vec<Located<String>> {
        let Value::Array(array) = v.get_ref() else {
            self.wrong_type(key, Expected::StringArray, v);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for element in array {
            if let Some(s) = self.string(key, element) {
                out.push(Located {
                    value: s,
                    span: self.span(element.span()),
                });
            }
        }
        out
    }

    fn boolean(&mut self, key: &str, v: &Val<'_>) -> Option<bool> {
        if let Value::Boolean(b) = v.get_ref() {
            Some(*b)
        } else {
            self.wrong_type(key, Expected::Bool, v);
            None
        }
    }

    fn number(&mut self, key: &str, v: &Val<'_>) -> Option<Located<f64>> {
        let n = match v.get_ref() {
            // An integer past i64 does not fit TOML's integers: too large.
            Value::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map(|n| {
                    #[allow(clippy::cast_precision_loss)]
                    let f = n as f64;
                    f
                })
                .map_err(|_| crate::number::NumberError::TooLarge),
            Value::Float(f) => crate::number::parse(f.as_str()),
            _ => {
                self.wrong_type(key, Expected::Number, v);
                return None;
            }
        };
        match n {
            Ok(n) => Some(Located {
                value: n,
                span: self.span(v.span()),
            }),
            Err(e) => {
                let key = key.to_string();
                let problem = match e {
                    crate::number::NumberError::TooLarge => Problem::NumberOutOfRange {
                        key,
                        too_large: true,
                    },
                    crate::number::NumberError::TooSmall => Problem::NumberOutOfRange {
                        key,
                        too_large: false,
                    },
                    _ => Problem::NotFinite { key },
                };
                self.report(problem, v.span());
                None
            }
        }
    }

    /// A whole number of days, 0 to 366.
    fn days(&mut self, key: &str, v: &Val<'_>) -> Option<Located<u32>> {
        let Value::Integer(i) = v.get_ref() else {
            self.wrong_type(key, Expected::Integer, v);
            return None;
        };
        let n = i64::from_str_radix(i.as_str(), i.radix()).unwrap_or(i64::MAX);
        match u32::try_from(n) {
            Ok(d) if d <= 366 => Some(Located {
                value: d,
                span: self.span(v.span()),
            }),
            _ => {
                self.report(
                    Problem::BadValue {
                        key: key.to_string(),
                        value: n.to_string(),
                        allowed: &["a number of days from 0 to 366"],
                        suggestion: None,
                    },
                    v.span(),
                );
                None
            }
        }
    }

    fn year(&mut self, key: &str, v: &Val<'_>) -> Option<i32> {
        let Value::Integer(i) = v.get_ref() else {
            self.wrong_type(key, Expected::Integer, v);
            return None;
        };
        let n = i64::from_str_radix(i.as_str(), i.radix()).unwrap_or(i64::MAX);
        match i32::try_from(n) {
            Ok(y) if (1900..=2999).contains(&y) => Some(y),
            _ => {
                self.report(Problem::BadYear { year: n }, v.span());
                None
            }
        }
    }

    fn date(&mut self, key: &str, v: &Val<'_>) -> Option<Located<DateSpec>> {
        let span = self.span(v.span());
        let written = match v.get_ref() {
            Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) if !crate::date::YEARS.contains(&i32::from(d.year)) => {
                    self.report(
                        Problem::BadDate {
                            key: key.to_string(),
                            text: dt.to_string(),
                            reason: DateError::OutOfRange,
                            reads_as: None,
                        },
                        v.span(),
                    );
                    return None;
                }
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .map(Period::Day)
                }
                _ => None,
            },
            Value::String(s) => match Period::parse(s) {
                Ok(p) => Some(p),
                Err(reason) => {
                    self.report(
                        Problem::BadDate {
                            key: key.to_string(),
                            text: s.to_string(),
                            reason,
                            reads_as: None,
                        },
                        v.span(),
                    );
                    return None;
                }
            },
            _ => None,
        };
        if written.is_none() {
            self.wrong_type(key, Expected::Date, v);
        }
        written.map(|written| Located {
            value: DateSpec { written },
            span,
        })
    }

    fn period(&mut self, key: &str, v: &Val<'_>) -> Option<Located<Period>> {
        let Value::String(s) = v.get_ref() else {
            self.wrong_type(key, Expected::Period, v);
            return None;
        };
        // A reporting period is a month, quarter, half or year, never a single day.
        let reason = match Period::parse(s) {
            Ok(Period::Day(_)) => DateError::Form,
            Ok(p) => {
                return Some(Located {
                    value: p,
                    span: self.span(v.span()),
                });
            }
            Err(e) => e,
        };
        self.report(
            Problem::BadDate {
                key: key.to_string(),
                text: s.to_string(),
                reason,
                reads_as: None,
            },
            v.span(),
        );
        None
    }

    fn choice<T: Copy>(
        &mut self,
        key: &str,
        v: &Val<'_>,
        names: &'static [&'static str],
        values: &[T],
    ) -> Option<Located<T>> {
        let s = self.string(key, v)?;
        if let Some(i) = names.iter().position(|n| *n == s) {
            return values.get(i).map(|&value| Located {
                value,
                span: self.span(v.span()),
            });
        }
        let suggestion = suggest(&s, names.iter().copied());
        self.report(
            Problem::BadValue {
                key: key.to_string(),
                value: s,
                allowed: names,
                suggestion,
            },
            v.span(),
        );
        None
    }
}

const TASK_STATUSES: [TaskStatus; 5] = [
    TaskStatus::Todo,
    TaskStatus::Doing,
    TaskStatus::Blocked,
    TaskStatus::Done,
    TaskStatus::Dropped,
];
const EVERIES: [Every; 5] = [
    Every::Week,
    Every::HalfMonth,
    Every::Month,
    Every::Quarter,
    Every::Year,
];

fn placeholder_common(span: Span) -> Common {
    Common {
        id: Located {
            value: String::new(),
            span,
        },
        title: String::new(),
        owners: Vec::new(),
        leaders: Vec::new(),
        with: Vec::new(),
        tags: Vec::new(),
        note: None,
        binding: false,
        evidence_required: None,
        verified: None,
        evidence: Vec::new(),
        progress: Vec::new(),
        span,
    }
}
