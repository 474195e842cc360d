//! The JSON Schema (draft-07) of plan files, for editors: taplo (VS Code's Even Better TOML)
//! validates and completes a file whose first line is `#:schema ../../plan.schema.json`.
//! Generated from the key declarations of [`crate::keys`]; hover texts are in Chinese and
//! English.

use serde_json::{Map, Value, json};

use crate::keys::{self, Key, Section, Type};

/// A day (`2016-03-31`) or a period (`2016-03`, `2016-Q1`, `2016-H1`, `2016`).
const DATE_PATTERN: &str =
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-[Qq][1-4]|-[Hh][12])?$";
/// A reporting period: a month, quarter, half or year.
const PERIOD_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])|-[Qq][1-4]|-[Hh][12])?$";

fn text(zh: &str, en: &str) -> Value {
    Value::String(format!("{zh}\n\n{en}"))
}

/// Keys whose numbers cannot be negative: counts, targets, figures, shares.
const NOT_NEGATIVE: &[&str] = &[
    "target",
    "actual",
    "tolerance",
    "investment",
    "prior",
    "value",
    "warn_days",
    "yellow_pp",
    "red_pp",
    "tolerance_pp",
];

/// The schema of one key's value.
fn value(key: &Key) -> Value {
    let about = text(key.zh, key.en);
    match key.ty {
        Type::Text if key.name == "title" || key.name == "text" => {
            json!({ "type": "string", "minLength": 1, "pattern": "\\S", "description": about })
        }
        Type::Number if key.name == "percent" => {
            json!({ "type": "number", "minimum": 0, "maximum": 100, "description": about })
        }
        Type::Number if NOT_NEGATIVE.contains(&key.name) => {
            json!({ "type": "number", "minimum": 0, "description": about })
        }
        Type::Text | Type::Ref(_) => json!({ "type": "string", "description": about }),
        Type::Id => json!({ "type": "string", "pattern": "^\\S+$", "description": about }),
        Type::Dates => json!({
            "type": "array",
            "items": { "$ref": "#/definitions/date" },
            "description": about,
        }),
        Type::Texts | Type::Refs(_) => {
            json!({ "type": "array", "items": { "type": "string" }, "description": about })
        }
        Type::OneOrMore => json!({
            "anyOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ],
            "description": about,
        }),
        Type::Number => json!({ "type": "number", "description": about }),
        Type::Boolean => json!({ "type": "boolean", "description": about }),
        Type::Date => json!({ "$ref": "#/definitions/date", "description": about }),
        Type::Period => {
            json!({ "type": "string", "pattern": PERIOD_PATTERN, "description": about })
        }
        Type::Year => {
            json!({ "type": "integer", "minimum": 1900, "maximum": 2999, "description": about })
        }
        Type::Days => {
            json!({ "type": "integer", "minimum": 0, "maximum": 366, "description": about })
        }
        Type::Choice { names, .. } => {
            json!({ "type": "string", "enum": names, "description": about })
        }
        Type::Table(section) => object(section),
        Type::Named(section) => {
            json!({ "type": "object", "additionalProperties": object(section), "description": about })
        }
        Type::Tables(section) => {
            json!({ "type": "array", "items": object(section), "description": about })
        }
    }
}

/// The schema of a table of `section`'s keys: no other key is allowed.
fn object(section: Section) -> Value {
    let properties: Map<String, Value> = keys::of(section)
        .map(|k| (k.name.to_string(), value(k)))
        .collect();
    let required: Vec<&str> = keys::of(section)
        .filter(|k| k.required.contains(&section))
        .map(|k| k.name)
        .collect();
    // An unknown key fails a schema of its own, so that validators put the error on its line
    // (`additionalProperties: false` fails the whole table, reported at its first line).
    let mut o = json!({
        "type": "object",
        "required": required,
        "additionalProperties": { "enum": [keys::SCHEMA_UNKNOWN_KEY] },
        "properties": properties,
    });
    // A numeric target needs `target`; a batch target (projects, stage) counts its projects.
    if section == Section::Target
        && let Some(map) = o.as_object_mut()
    {
        map.insert(
            "if".into(),
            json!({ "not": { "anyOf": [ { "required": ["projects"] }, { "required": ["stage"] } ] } }),
        );
        map.insert("then".into(), json!({ "required": ["target"] }));
    }
    if let (Some((zh, en)), Some(map)) = (section.about(), o.as_object_mut()) {
        map.insert("description".into(), text(zh, en));
    }
    o
}

/// The whole schema: a plan file is either `plan.toml` (`[plan]`) or an area file (`[area]`).
pub fn schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "plan",
        "description": text(keys::SCHEMA_ABOUT.0, keys::SCHEMA_ABOUT.1),
        // A discriminator validators follow: a file with `[plan]` is plan.toml, any other an
        // area file. (With `oneOf`, a misspelt key failed both branches and was reported on
        // line 1; with if/then/else the error lands on the key.)
        "if": { "type": "object", "required": ["plan"] },
        "then": { "$ref": "#/definitions/plan_file" },
        "else": { "$ref": "#/definitions/area_file" },
        "definitions": {
            "date": { "type": "string", "pattern": DATE_PATTERN },
            "plan_file": object(Section::PlanFile),
            "area_file": object(Section::AreaFile),
        },
    })
}

/// The schema as written to `plan.schema.json`.
pub fn text_form() -> String {
    text_of(&schema())
}

/// A schema as pretty JSON with a final newline.
pub fn text_of(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The schema for these plans (`plan schema --ids`): `projects`, each kind's `parent` and
/// `previous` take the ids the plans have, so an editor completes them and flags others; `owner`
/// and `leader` offer the names the plans use and still take new ones.
pub fn with_ids(ws: &crate::model::Workspace) -> Value {
    use std::collections::BTreeSet;
    let mut schema = schema();
    let (mut projects, mut tasks, mut targets, mut indicators) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    let (mut owners, mut leaders) = (BTreeSet::new(), BTreeSet::new());
    for plan in &ws.plans {
        for area in &plan.areas {
            owners.extend(area.owners.iter().cloned());
            leaders.extend(area.leaders.iter().cloned());
            for item in area.items() {
                let c = item.common();
                owners.extend(c.owners.iter().cloned());
                leaders.extend(c.leaders.iter().cloned());
                let set = match item {
                    crate::model::ItemRef::Task(_) => &mut tasks,
                    crate::model::ItemRef::Target(_) => &mut targets,
                    crate::model::ItemRef::Project(_) => &mut projects,
                    crate::model::ItemRef::Indicator(_) => &mut indicators,
                };
                set.insert(c.id.value.clone());
            }
        }
    }
    let plans: BTreeSet<String> = ws.plans.iter().map(|p| p.id.value.clone()).collect();
    let ids = |set: &BTreeSet<String>| json!({ "type": "string", "enum": set.iter().collect::<Vec<_>>() });
    let names = |set: &BTreeSet<String>| {
        let one = json!({ "anyOf": [ { "enum": set.iter().collect::<Vec<_>>() }, { "type": "string" } ] });
        json!({ "anyOf": [ one.clone(), { "type": "array", "items": one } ] })
    };
    let mut set = |pointer: &str, value: Value| {
        if let Some(slot) = schema.pointer_mut(pointer) {
            // Keep the hover text.
            let about = slot.get("description").cloned();
            *slot = value;
            if let (Some(about), Some(map)) = (about, slot.as_object_mut()) {
                map.insert("description".into(), about);
            }
        }
    };
    let area = "/definitions/area_file/properties";
    set(
        &format!("{area}/target/items/properties/projects/items"),
        ids(&projects),
    );
    set(&format!("{area}/task/items/properties/parent"), ids(&tasks));
    set(
        &format!("{area}/target/items/properties/parent"),
        ids(&targets),
    );
    set(
        &format!("{area}/indicator/items/properties/parent"),
        ids(&indicators),
    );
    set(
        "/definitions/plan_file/properties/plan/properties/previous",
        ids(&plans),
    );
    for key in ["owner", "leader"] {
        let list = if key == "owner" { &owners } else { &leaders };
        set(&format!("{area}/area/properties/{key}"), names(list));
        for kind in ["task", "target", "project", "indicator"] {
            set(
                &format!("{area}/{kind}/items/properties/{key}"),
                names(list),
            );
        }
    }
    schema
}
