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

/// The schema of one key's value.
fn value(key: &Key) -> Value {
    let about = text(key.zh, key.en);
    match key.ty {
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
    let mut o = json!({
        "type": "object",
        "required": required,
        "additionalProperties": false,
        "properties": properties,
    });
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
        "oneOf": [ { "$ref": "#/definitions/plan_file" }, { "$ref": "#/definitions/area_file" } ],
        "definitions": {
            "date": { "type": "string", "pattern": DATE_PATTERN },
            "plan_file": object(Section::PlanFile),
            "area_file": object(Section::AreaFile),
        },
    })
}

/// The schema as written to `plan.schema.json`.
pub fn text_form() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}
