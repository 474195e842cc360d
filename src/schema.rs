//! The JSON Schema (draft-07) of plan files, for editors: taplo (VS Code's Even Better TOML)
//! validates and completes a file whose first line is `#:schema ../../plan.schema.json`.
//! Hover texts are in Chinese and English. A test keeps the keys equal to the loader's.

use serde_json::{Map, Value, json};

use crate::model::{Cadence, Compare, Direction, Every, Stage, TaskStatus};

/// A day (`2016-03-31`) or a period (`2016-03`, `2016-Q1`, `2016-H1`, `2016`).
const DATE_PATTERN: &str =
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-[Qq][1-4]|-[Hh][12])?$";
/// A reporting period: a month, quarter, half or year.
const PERIOD_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])|-[Qq][1-4]|-[Hh][12])?$";

fn text(zh: &str, en: &str) -> Value {
    Value::String(format!("{zh}\n\n{en}"))
}

fn string(zh: &str, en: &str) -> Value {
    json!({ "type": "string", "description": text(zh, en) })
}

fn number(zh: &str, en: &str) -> Value {
    json!({ "type": "number", "description": text(zh, en) })
}

fn boolean(zh: &str, en: &str) -> Value {
    json!({ "type": "boolean", "description": text(zh, en) })
}

fn strings(zh: &str, en: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "description": text(zh, en) })
}

fn choice(names: &[&str], zh: &str, en: &str) -> Value {
    json!({ "type": "string", "enum": names, "description": text(zh, en) })
}

fn date(zh: &str, en: &str) -> Value {
    json!({ "$ref": "#/definitions/date", "description": text(zh, en) })
}

fn id() -> Value {
    json!({ "type": "string", "pattern": "^\\S+$", "description": text(
        "编号：不含空白，在整个计划内唯一（不分类型、不分文件）",
        "Id: no white space, unique across the whole plan whatever the kind or file",
    ) })
}

fn object(required: &[&str], properties: Vec<(&str, Value)>, zh: &str, en: &str) -> Value {
    let props: Map<String, Value> = properties
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    json!({
        "type": "object",
        "description": text(zh, en),
        "required": required,
        "additionalProperties": false,
        "properties": props,
    })
}

/// The keys every item has.
fn common() -> Vec<(&'static str, Value)> {
    vec![
        ("id", id()),
        ("title", string("名称", "Title")),
        (
            "owner",
            string(
                "牵头单位（不写时用工作方面的 owner）",
                "Lead unit (default: the area's owner)",
            ),
        ),
        ("with", strings("配合单位", "Assisting units")),
        ("tags", strings("标签", "Tags")),
        ("note", string("备注", "Note")),
    ]
}

fn delays() -> Value {
    json!({
        "type": "array",
        "description": text("延期记录：每次延期一条；最后一条的 to 应等于 due", "Delay log: one entry per postponement; the last `to` equals `due`"),
        "items": object(&["from", "to"], vec![
            ("from", date("原期限", "The deadline replaced")),
            ("to", date("新期限", "The new deadline")),
            ("on", date("决定延期的日期", "When the postponement was decided")),
            ("reason", string("延期原因", "Why")),
        ], "一次延期", "One postponement"),
    })
}

fn task() -> Value {
    let mut p = common();
    p.extend([
        ("due", date("期限：日期 2016-03-31，或期间 \"2016-03\"（月底）、\"2016-Q1\"、\"2016-H1\"、\"2016\"", "Deadline: a day 2016-03-31, or a period \"2016-03\" (its last day), \"2016-Q1\", \"2016-H1\", \"2016\"")),
        ("status", choice(TaskStatus::NAMES, "状态：todo（默认）、doing、blocked、done、dropped", "Status: todo (default), doing, blocked, done, dropped")),
        ("done", date("完成日期", "The day it was done")),
        ("every", choice(Every::NAMES, "周期性任务的周期", "Recurrence of a standing duty")),
        ("last", date("周期性任务最近一次完成的日期", "Recurring tasks: when last done")),
        ("delays", delays()),
    ]);
    object(
        &["id", "title"],
        p,
        "一项措施",
        "A measure: something to do, maybe by a date",
    )
}

fn target() -> Value {
    let mut p = common();
    p.extend([
        ("unit", string("单位", "Unit")),
        (
            "target",
            number(
                "目标值（按项目计数时默认为所列项目数）",
                "The value to reach (a batch target: the number of listed projects by default)",
            ),
        ),
        (
            "actual",
            number(
                "完成值（按项目计数的目标不可填写）",
                "The value reached so far (not on a batch target)",
            ),
        ),
        (
            "compare",
            choice(
                Compare::NAMES,
                "at_least（不低于，默认）或 at_most（不超过）",
                "at_least (default) or at_most",
            ),
        ),
        ("stretch", boolean("力争目标", "A stretch target (力争)")),
        (
            "due",
            date(
                "期限，默认为计划年度末",
                "Deadline; default the end of the plan year",
            ),
        ),
        (
            "stage",
            choice(
                Stage::NAMES,
                "按项目计数：所列项目须达到的阶段",
                "Batch target: the stage the listed projects must reach",
            ),
        ),
        (
            "projects",
            strings("按项目计数：项目编号", "Batch target: project ids"),
        ),
        ("delays", delays()),
    ]);
    object(&["id", "title"], p, "一个数量目标", "A quantity to reach")
}

fn project() -> Value {
    let mut p = common();
    p.extend([
        ("investment", number("投资额，单位为计划的 money_unit", "Investment, in the plan's money_unit")),
        ("stage", choice(Stage::NAMES, "阶段：negotiating 洽谈、signed 签约、land 供地、started 开工、completed 建成、producing 投产", "Stage: negotiating, signed, land, started, completed, producing")),
    ]);
    for stage in Stage::NAMES {
        p.push((
            stage,
            date("达到该阶段的日期", "The day this stage was reached"),
        ));
    }
    object(
        &["id", "title"],
        p,
        "一个具名项目",
        "A named investment or construction project",
    )
}

fn indicator() -> Value {
    let mut p = common();
    p.extend([
        ("unit", string("单位（如 亿元、万元、亿美元、%）", "Unit (亿元, 万元, 亿美元, %)")),
        ("prior", number("上年全年数", "Prior-year full-year value")),
        ("target", number("本年目标值", "This year's target value")),
        ("growth", number("目标同比增速（%）；下降写负数", "Target year-on-year growth in percent; negative for a fall")),
        ("direction", choice(Direction::NAMES, "up（默认）或 down（下降型指标，如能耗）", "up (default) or down (meant to fall, like energy intensity)")),
        ("parent", string("上级指标的编号（「其中」）", "The parent indicator's id (其中)")),
        ("unit_differs", boolean("子指标与上级指标单位不同是有意的", "This sub-indicator's unit differs from its parent's on purpose")),
        ("actuals", json!({
            "type": "array",
            "description": text("各报告期的累计数", "Cumulative figures reported so far"),
            "items": object(&["period", "value"], vec![
                ("period", json!({ "type": "string", "pattern": PERIOD_PATTERN, "description": text("报告期：\"2016-03\"、\"2016-Q1\"、\"2016-H1\"、\"2016\"", "Period: \"2016-03\", \"2016-Q1\", \"2016-H1\", \"2016\"") })),
                ("value", number("累计值", "Cumulative value")),
                ("prior", number("上年同期数", "The same period of the prior year")),
            ], "一个报告期", "One reported period"),
        })),
        ("cadence", choice(Cadence::NAMES, "数据发布周期", "How often figures are released")),
        ("lag", json!({ "type": "integer", "minimum": 0, "maximum": 366, "description": text("报告期结束后多少天应有数据", "Days after a period's end by which its figure is expected") })),
    ]);
    object(
        &["id", "title"],
        p,
        "一个统计指标",
        "A statistical indicator compared with the prior year",
    )
}

fn items(of: Value, zh: &str, en: &str) -> Value {
    json!({ "type": "array", "items": of, "description": text(zh, en) })
}

/// The whole schema: a plan file is either `plan.toml` (`[plan]`) or an area file (`[area]`).
pub fn schema() -> Value {
    let plan = object(
        &["title", "year"],
        vec![
            ("id", id()),
            ("title", string("计划名称", "Title of the plan")),
            ("org", string("编制单位", "Organisation")),
            (
                "year",
                json!({ "type": "integer", "minimum": 1900, "maximum": 2999, "description": text("计划年度", "Plan year") }),
            ),
            ("lang", choice(&["zh", "en"], "输出语言", "Output language")),
            (
                "money_unit",
                string(
                    "项目投资额的单位（默认 亿元）",
                    "Unit of project investment (default 亿元)",
                ),
            ),
        ],
        "计划",
        "The plan",
    );
    let area = object(
        &["id", "title"],
        vec![
            ("id", id()),
            ("title", string("工作方面名称", "Title of the area")),
            ("key", boolean("重点工作", "A key area (重点)")),
            ("owner", string("牵头单位", "Lead unit")),
        ],
        "一个工作方面",
        "One area of the plan",
    );
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "plan",
        "description": text("计划文件：plan.toml 或一个工作方面文件", "A plan file: plan.toml or an area file"),
        "oneOf": [ { "$ref": "#/definitions/plan_file" }, { "$ref": "#/definitions/area_file" } ],
        "definitions": {
            "date": { "type": "string", "pattern": DATE_PATTERN },
            "plan_file": { "type": "object", "required": ["plan"], "additionalProperties": false, "properties": { "plan": plan } },
            "area_file": {
                "type": "object",
                "required": ["area"],
                "additionalProperties": false,
                "properties": {
                    "area": area,
                    "task": items(task(), "措施", "Tasks"),
                    "target": items(target(), "目标", "Targets"),
                    "project": items(project(), "项目", "Projects"),
                    "indicator": items(indicator(), "指标", "Indicators"),
                },
            },
        },
    })
}

/// The schema as written to `plan.schema.json`.
pub fn text_form() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::lower;

    fn keys(v: &Value) -> Vec<String> {
        let mut k: Vec<String> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut k: Vec<String> = list.iter().map(|s| (*s).to_string()).collect();
        k.sort();
        k
    }

    #[test]
    fn the_schema_has_exactly_the_keys_the_loader_reads() {
        let s = schema();
        let d = &s["definitions"];
        assert_eq!(
            keys(&d["plan_file"]["properties"]["plan"]),
            sorted(lower::PLAN_KEYS)
        );
        assert_eq!(
            keys(&d["area_file"]["properties"]["area"]),
            sorted(lower::AREA_KEYS)
        );
        assert_eq!(keys(&d["area_file"]), sorted(lower::AREA_FILE_KEYS));
        let item = |k: &str| d["area_file"]["properties"][k]["items"].clone();
        assert_eq!(keys(&item("task")), sorted(lower::TASK_KEYS));
        assert_eq!(keys(&item("target")), sorted(lower::TARGET_KEYS));
        assert_eq!(keys(&item("project")), sorted(lower::PROJECT_KEYS));
        assert_eq!(keys(&item("indicator")), sorted(lower::INDICATOR_KEYS));
        assert_eq!(
            keys(&item("task")["properties"]["delays"]["items"]),
            sorted(lower::DELAY_KEYS)
        );
        assert_eq!(
            keys(&item("indicator")["properties"]["actuals"]["items"]),
            sorted(lower::ACTUAL_KEYS)
        );
    }
}
