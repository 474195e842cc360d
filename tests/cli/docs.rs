//! docs/format.md's key tables are generated from the key declarations (`src/keys.rs`): each
//! block between `<!-- keys: NAME … -->` and `<!-- /keys -->` is exactly what
//! `plan::keys::doc_table` gives. `PLAN_UPDATE_DOCS=1 cargo test docs` rewrites them.

use plan::keys::{DocTable, Section, doc_table};

use crate::repo;

#[test]
fn the_docs_key_tables_are_the_declarations() {
    let path = repo().join("docs/format.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let tables = [
        ("common", DocTable::Common),
        ("task", DocTable::Kind(Section::Task)),
        ("target", DocTable::Kind(Section::Target)),
        ("project", DocTable::Kind(Section::Project)),
        ("indicator", DocTable::Kind(Section::Indicator)),
    ];
    let mut updated = text.clone();
    for (name, table) in tables {
        let marker = format!("<!-- keys: {name} ");
        let start = updated
            .find(&marker)
            .unwrap_or_else(|| panic!("docs/format.md lost the marker {marker}"));
        let body = updated[start..].find("-->\n").unwrap() + start + 4;
        let end = updated[body..].find("<!-- /keys -->").unwrap() + body;
        updated.replace_range(body..end, &doc_table(table));
    }
    if std::env::var_os("PLAN_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &updated).unwrap();
        return;
    }
    assert!(
        updated == text,
        "docs/format.md's key tables differ from src/keys.rs: run PLAN_UPDATE_DOCS=1 cargo test docs"
    );
}
