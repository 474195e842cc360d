//! The report as a small static site (`plan report --format html -o DIR/`): an index with the
//! overview, then a page per plan, per area and per lead unit, linked both ways. Every page is
//! self-contained like the one-file report (inline styles, no scripts, nothing fetched) and
//! cut to `--limit` rows per list, so that a province's repository gives pages a browser opens
//! at once and a printer prints.

use maud::html;

use crate::compute::bulletin::{AreaItems, Bulletin, UnitItems};
use crate::model::Lang;
use crate::render::bulletin::{items_table, overview_section, page, plan_section};
use crate::render::labels::labels;

fn plan_file(i: usize) -> String {
    format!("plan-{}.html", i + 1)
}

fn area_file(i: usize) -> String {
    format!("area-{}.html", i + 1)
}

fn unit_file(i: usize) -> String {
    format!("unit-{}.html", i + 1)
}

/// Every page: (file name, HTML).
pub fn site(
    b: &Bulletin<'_>,
    areas: &[AreaItems<'_>],
    units: &[UnitItems],
    lang: Lang,
) -> Vec<(String, String)> {
    let t = labels(lang);
    let back = |plan: Option<usize>| {
        html! {
            nav {
                a href="index.html" { "← " (t.overview_heading) }
                @if let Some(p) = plan.and_then(|i| b.plans.get(i).map(|p| (i, p))) {
                    " · " a href=(plan_file(p.0)) { (p.1.title) }
                }
            }
        }
    };
    let mut out = Vec::new();
    let index = html! {
        (overview_section(b, lang))
        h2 { (t.plans_heading) }
        ul { @for (i, p) in b.plans.iter().enumerate() { li { a href=(plan_file(i)) { (p.title) } } } }
        @if !units.is_empty() {
            h2 { (t.units_heading) }
            ul.units { @for (i, u) in units.iter().enumerate() { li { a href=(unit_file(i)) { (u.name) } } } }
        }
    };
    out.push((
        "index.html".to_string(),
        page(t.overview_heading, index, lang, b.today),
    ));
    for (i, p) in b.plans.iter().enumerate() {
        let body = html! {
            (back(None))
            h2 { (t.areas_heading) }
            ul { @for (j, a) in areas.iter().enumerate().filter(|(_, a)| a.plan == i) {
                li { a href=(area_file(j)) { (a.title) } }
            } }
            (plan_section(b, p, lang))
        };
        out.push((plan_file(i), page(&p.title, body, lang, b.today)));
    }
    for (j, a) in areas.iter().enumerate() {
        let body = html! {
            (back(Some(a.plan)))
            h1 { (a.title) }
            (items_table(&a.rows, b.limit, lang))
        };
        out.push((area_file(j), page(a.title, body, lang, b.today)));
    }
    for (k, u) in units.iter().enumerate() {
        let body = html! {
            (back(None))
            h1 { (u.name) }
            (items_table(&u.rows, b.limit, lang))
        };
        out.push((unit_file(k), page(&u.name, body, lang, b.today)));
    }
    out
}
