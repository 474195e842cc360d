//! Writes a synthetic plans tree shaped like real plans, for benchmarks and stress tests:
//! many plans of ten area files each, Chinese titles, all four item kinds, deadlines spread
//! over 2016 (so that on any day a share of them is overdue), some done, some recurring,
//! batch targets over projects, indicators with monthly figures against the prior year.
//! Also writes the same tasks as a Taskwarrior import file, for comparison.
//!
//! cargo run --release --example generate -- ITEMS OUT_DIR
//! e.g. cargo run --release --example generate -- 100000 /tmp/bench-100k
//! writes OUT_DIR/plans/... and OUT_DIR/taskwarrior.json

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const AREAS: usize = 10;
const ITEMS_PER_AREA: usize = 100;

const VERBS: [&str; 12] = [
    "制定", "完善", "推进", "落实", "开展", "组织", "建立", "督促", "协调", "摸查", "整治", "编制",
];
const OBJECTS: [&str; 12] = [
    "园区规范化管理方案",
    "重点项目供地手续",
    "企业用工情况表",
    "安全生产检查",
    "统计报表审核",
    "招商信息渠道",
    "技术改造投资",
    "节能降耗措施",
    "消防隐患排查",
    "项目比选办法",
    "土地回收工作",
    "企业服务台账",
];
const UNITS: [&str; 5] = ["招商组", "统计组", "企业服务局", "规划建设组", "安监办"];

/// A small deterministic generator (no dependency, same tree every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn title(r: &mut Rng, n: usize) -> String {
    format!(
        "{}{}（第{}项）",
        VERBS[r.below(12) as usize],
        OBJECTS[r.below(12) as usize],
        n
    )
}

fn day(r: &mut Rng) -> (u32, u32) {
    let month = 1 + r.below(12) as u32;
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
    (month, 1 + r.below(days) as u32)
}

fn area_file(r: &mut Rng, area: usize, first: usize, count: usize, tw: &mut String) -> String {
    let mut s = format!(
        "[area]\nid = \"area-{area}\"\ntitle = \"第{area}项工作\"\nkey = {}\nowner = \"{}\"\n",
        !area.is_multiple_of(3),
        UNITS[area % UNITS.len()]
    );
    let mut projects: Vec<String> = Vec::new();
    for n in first..first + count {
        let id = format!("item-{n}");
        let t = title(r, n);
        match r.below(100) {
            // Tasks: 70 %, a third done, a few recurring.
            0..70 => {
                let (m, d) = day(r);
                let _ = write!(s, "\n[[task]]\nid = \"{id}\"\ntitle = \"{t}\"\n");
                if r.below(20) == 0 {
                    s.push_str("every = \"half-month\"\n");
                    let _ = writeln!(s, "last = 2016-{m:02}-{d:02}");
                } else {
                    let _ = writeln!(s, "due = 2016-{m:02}-{d:02}");
                    let done = r.below(3) == 0;
                    if done {
                        let _ = writeln!(s, "status = \"done\"\ndone = 2016-{m:02}-{d:02}");
                    }
                    let _ = writeln!(
                        tw,
                        "{{\"description\":\"{t}\",\"project\":\"area-{area}\",\"status\":\"{}\",\"due\":\"2016{m:02}{d:02}T000000Z\",\"entry\":\"20160101T000000Z\"{}}}",
                        if done { "completed" } else { "pending" },
                        if done {
                            format!(",\"end\":\"2016{m:02}{d:02}T000000Z\"")
                        } else {
                            String::new()
                        }
                    );
                }
                if r.below(4) == 0 {
                    let _ = writeln!(s, "owner = \"{}\"", UNITS[r.below(5) as usize]);
                }
            }
            // Projects: 10 %.
            70..80 => {
                let stages = ["negotiating", "signed", "land", "started"];
                let stage = stages[r.below(4) as usize];
                let _ = write!(
                    s,
                    "\n[[project]]\nid = \"{id}\"\ntitle = \"{t}\"\ninvestment = {}.5\nstage = \"{stage}\"\n",
                    r.below(50)
                );
                if stage != "negotiating" {
                    let (m, d) = day(r);
                    let _ = writeln!(s, "signed = 2016-{m:02}-{d:02}");
                }
                projects.push(id);
            }
            // Targets: 15 %, a batch over this area's projects now and then.
            80..95 => {
                let (m, _) = day(r);
                let _ = write!(
                    s,
                    "\n[[target]]\nid = \"{id}\"\ntitle = \"{t}\"\ndue = \"2016-{m:02}\"\n"
                );
                if projects.len() >= 3 && r.below(4) == 0 {
                    let listed: Vec<String> = projects
                        .iter()
                        .rev()
                        .take(3)
                        .map(|p| format!("\"{p}\""))
                        .collect();
                    let _ = writeln!(s, "stage = \"signed\"\nprojects = [{}]", listed.join(", "));
                } else {
                    let _ = writeln!(
                        s,
                        "unit = \"个\"\ntarget = {}\nactual = {}",
                        10 + r.below(20),
                        r.below(30)
                    );
                }
            }
            // Indicators: 5 %, with monthly figures against the prior year.
            _ => {
                let target = 50 + r.below(500);
                let _ = write!(
                    s,
                    "\n[[indicator]]\nid = \"{id}\"\ntitle = \"{t}\"\nunit = \"亿元\"\ntarget = {target}\ngrowth = {}.0\nactuals = [\n",
                    5 + r.below(15)
                );
                for month in 1..=1 + r.below(6) {
                    let v = target * month / 12;
                    let _ = writeln!(
                        s,
                        "  {{ period = \"2016-{month:02}\", value = {v}, prior = {} }},",
                        v * 9 / 10
                    );
                }
                s.push_str("]\n");
            }
        }
    }
    s
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(items), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate ITEMS OUT_DIR");
        std::process::exit(2);
    };
    let out = Path::new(out);
    let root = out.join("plans");
    if root.exists() {
        fs::remove_dir_all(&root)?;
    }
    let mut r = Rng(0x2016_0301_dead_beef);
    let mut tw = String::new();
    let per_plan = AREAS * ITEMS_PER_AREA;
    let plans = items.div_ceil(per_plan);
    let mut written = 0;
    for p in 0..plans {
        let dir = root.join(format!("unit-{p:04}-2016"));
        fs::create_dir_all(&dir)?;
        fs::write(
            dir.join("plan.toml"),
            format!("[plan]\ntitle = \"第{p}单位2016年工作计划\"\nyear = 2016\nlang = \"zh\"\n"),
        )?;
        for a in 0..AREAS {
            let count = ITEMS_PER_AREA.min(items - written);
            if count == 0 {
                break;
            }
            let text = area_file(&mut r, a, written, count, &mut tw);
            fs::write(dir.join(format!("{a:02}-area.toml")), text)?;
            written += count;
        }
    }
    fs::write(out.join("taskwarrior.json"), tw)?;
    eprintln!("{written} items in {plans} plans under {}", root.display());
    Ok(())
}
