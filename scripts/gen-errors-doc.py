#!/usr/bin/env python3
# Regenerates docs/errors.md from real runs of `plan check` on small fixtures.
# Usage: cargo build --release && python3 scripts/gen-errors-doc.py
import os, subprocess, shutil, textwrap
import sys
REPO=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P=os.environ.get('PLAN_BIN', os.path.join(REPO,'target/release/plan'))
import tempfile
os.chdir(tempfile.mkdtemp())
PLAN='[plan]\ntitle = "Test plan"\nyear = 2016\n'
def run(files, extra=None, today=None):
    shutil.rmtree('plans', ignore_errors=True)
    os.makedirs('plans/p')
    for name, content in files.items():
        path='plans/'+name
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode='wb' if isinstance(content, bytes) else 'w'
        with open(path, mode) as f: f.write(content)
    if extra: extra()
    args=[P,'--lang','en','check']+(['--today',today] if today else [])
    r=subprocess.run(args,capture_output=True,text=True,errors='replace')
    lines=[l for l in r.stderr.splitlines() if not (l.endswith(' warnings') or l.endswith(' warning'))]
    return '\n'.join(lines)
def area(body): return '[area]\nid = "a"\ntitle = "Area A"\n\n'+body
def one(body): return {'p/plan.toml':PLAN,'p/01-a.toml':area(body)}
cases=[
('io','Errors','A file or directory could not be read: permission denied, a dangling link, a file that vanished during the run, a FIFO or other special file named `*.toml` (refused unread: reading it would block), or a directory where a plan file was expected.', lambda: run({'p/plan.toml':PLAN}, lambda: os.symlink('missing.toml','plans/p/02-gone.toml')), 'Fix the path or its permissions.'),
('not-utf8','Errors','The file is not UTF-8. Saved as GBK (common on Chinese Windows), it is refused rather than misread.', lambda: run({'p/plan.toml':PLAN,'p/01-b.toml':'[area]\nid = "b"\ntitle = "'.encode()+'统计工作'.encode('gbk')+b'"\n'}), 'Re-save as UTF-8 (`iconv -f GBK -t UTF-8`).'),
('too-large','Errors','The file is over 64 MiB; it is not read.', None, 'Split the plan into smaller area files.'),
('too-many-files','Errors','More than 200,000 `.toml` files under the root; the walk stops.', None, 'Point `--plans` at a smaller tree.'),
('orphan-file','Errors','A `.toml` file in a directory with no `plan.toml`.', lambda: run({'p/plan.toml':PLAN,'stray.toml':'x = 1\n'}), 'Move it into a plan directory or add a `plan.toml`.'),
('no-plans','Errors','The root holds no plan at all.', lambda: run({}), 'Add a plan directory, or point `--plans` at the right one.'),
('syntax','Errors','TOML syntax, as the TOML parser reports it (also impossible TOML dates such as `2016-02-30`).', lambda: run(one('[[task]]\nid = "t"\ntitle = "T\n')), ''),
('too-deep','Errors','Arrays, inline tables or dotted keys nested more than 80 levels; refused instead of overflowing the stack.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nnote = '+'['*200+']'*200+'\n')), ''),
('missing-table','Errors','`plan.toml` without `[plan]`, or an area file without `[area]`.', lambda: run({'p/plan.toml':PLAN,'p/01-a.toml':'[[task]]\nid = "t"\ntitle = "T"\n'}), ''),
('unknown-key','Errors','A key the format does not have, with the closest known key.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nstauts = "done"\n')), ''),
('missing-key','Errors','A required key is absent (`id`, `title`, `year`, `target` of a numeric target, `from`/`to` of a delay, `period`/`value` of an actual).', lambda: run(one('[[task]]\nid = "t"\n')), ''),
('wrong-type','Errors','A value of the wrong type.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nwith = "Finance"\n')), ''),
('bad-date','Errors','A date in an unknown form, one that does not exist, or one outside the years 1900 to 9999. Period strings are exact: `" 2016-03 "` and `"2016-q1"` are errors whose help gives the exact form.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\ndue = "3月31日"\n\n[[task]]\nid = "u"\ntitle = "U"\ndue = "2016-q1"\n\n[[task]]\nid = "v"\ntitle = "V"\ndue = 1899-12-31\n')), ''),
('bad-value','Errors','A value outside the allowed set (status, every, compare, stage, direction, lang).', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nstatus = "dropd"\n')), ''),
('utf16','Errors','The file starts with a UTF-16 byte-order mark (Notepad\'s "Unicode").', lambda: run({'p/plan.toml':PLAN,'p/01-b.toml':b'\xff\xfe'+'[area]\n'.encode('utf-16-le')}), 'Re-save as UTF-8 (`iconv -f UTF-16 -t UTF-8`).'),
('merge-conflict','Errors','Conflict markers left by a merge (`<<<<<<<`, `=======`, `>>>>>>>`): one error per conflict at its `<<<<<<<` line, instead of a cascade of syntax errors. The file is not read further.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\n<<<<<<< HEAD\nstatus = "done"\n=======\nstatus = "doing"\n>>>>>>> other\n')), ''),
('name-not-utf8','Errors','A file or directory whose name is not UTF-8 (GBK names from a Windows zip): located at its directory, the name with its bytes escaped.', lambda: run({'p/plan.toml':PLAN,'p/01-a.toml':area('')}, lambda: open(b'plans/p/\xb9\xa4\xd7\xf7.toml','w').close()), ''),
('number-out-of-range','Errors','A number too large to hold (an integer past 2^63, a float past 1.8e308), or non-zero but so close to zero that it would read as 0 (`1e-400`).', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = 9223372036854775808\nactual = 1e-400\n')), ''),
('not-finite','Errors','`nan` or `inf` where a number is expected.', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = nan\n')), ''),
('bad-id','Errors','An empty id, or one with white space, control or direction characters, `/` or `\\`.', lambda: run(one('[[task]]\nid = "my task"\ntitle = "T"\n')), ''),
('bad-year','Errors','A plan year outside 1900 to 2999.', lambda: run({'p/plan.toml':'[plan]\ntitle = "T"\nyear = 16\n'}), ''),
('duplicate-id','Errors','Two items of one plan share an id, whatever their kinds or files; both places are shown.', lambda: run({'p/plan.toml':PLAN,'p/01-a.toml':area('[[task]]\nid = "survey"\ntitle = "T"\n'),'p/02-b.toml':'[area]\nid = "b"\ntitle = "B"\n\n[[target]]\nid = "survey"\ntitle = "T"\ntarget = 1\n'}), ''),
('duplicate-area','Errors','Two area files of one plan share an area id.', lambda: run({'p/plan.toml':PLAN,'p/01-a.toml':area(''),'p/02-a.toml':area('')}), ''),
('duplicate-plan','Errors','Two plans under the root share an id.', lambda: run({'x/plan.toml':'[plan]\nid = "same"\ntitle = "X"\nyear = 2016\n','y/plan.toml':'[plan]\nid = "same"\ntitle = "Y"\nyear = 2016\n'}), ''),
('bad-start','Errors','`start` (the first day of a fiscal year) is not a day of the plan\'s `year` or the year before.', lambda: run({'p/plan.toml':'[plan]\ntitle = "T"\nyear = 2015\nstart = 2013-07-01\n','p/01-a.toml':area('')}), ''),
('unknown-plan','Errors','`previous` in `[plan]` names a plan that is not under the plans directory.', lambda: run({'p/plan.toml':PLAN+'previous = "riverside-2105"\n','p/01-a.toml':area(''),'riverside-2015/plan.toml':'[plan]\nid = "riverside-2015"\ntitle = "R"\nyear = 2015\n'}), ''),
('unknown-reference','Errors','A batch target\'s `projects` or an indicator\'s `parent` names an id that is not in the plan.', lambda: run(one('[[target]]\nid = "b"\ntitle = "B"\nstage = "signed"\nprojects = ["prologis", "mengnui-2"]\n[[project]]\nid = "prologis"\ntitle = "P"\n[[project]]\nid = "mengniu-2"\ntitle = "M"\n')), ''),
('wrong-reference-kind','Errors','The id exists but is of another kind.', lambda: run(one('[[indicator]]\nid = "w"\ntitle = "W"\nparent = "z"\n[[task]]\nid = "z"\ntitle = "Z"\n')), ''),
('parent-cycle','Errors','Indicators whose `parent` chain loops.', lambda: run(one('[[indicator]]\nid = "x"\ntitle = "X"\nparent = "y"\n[[indicator]]\nid = "y"\ntitle = "Y"\nparent = "x"\n')), ''),
('stage-date-beyond-stage','Errors','A project records a date for a stage past its `stage`.', lambda: run(one('[[project]]\nid = "p"\ntitle = "P"\nstage = "signed"\nstarted = 2016-03-01\n')), ''),
('bad-anchor','Errors','A duty fixed to the calendar with a `day` or `month` its interval does not allow (week 1–7, half-month 15, month, quarter and year 1–31; `month` 1–3 for a quarter, 1–12 for a year).', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "quarter"\nmonth = 4\nday = 30\n')), ''),
('anchor-conflict','Errors','`day`, `month` or `submitted` on a task that is not a duty fixed to the calendar, or `last` beside `day`.', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "month"\nday = 28\nlast = 2016-01-28\n')), ''),
('bad-submission','Errors','A `submitted` day outside the plan\'s year, or a period instead of a day.', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "month"\nday = 28\nsubmitted = [2015-12-28]\n')), ''),
('progress-out-of-order','Errors','Progress reports not in date order.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nprogress = [{ on = 2016-03-15, text = "b" }, { on = 2016-03-01, text = "a" }]\n')), ''),
('percent-out-of-range','Errors','A progress report\'s `percent` outside 0 to 100.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nprogress = [{ on = 2016-03-15, text = "b", percent = 150 }]\n')), ''),
('bad-feedback','Errors','`feedback_day` or `feedback_month` that the feedback cadence in force does not allow: `feedback_day` 1–31 with `month` or `quarter` only, `feedback_month` 1–3 with `quarter` only.', lambda: run({'p/plan.toml':PLAN+'feedback = "month"\nfeedback_day = 32\n','p/01-a.toml':area('[[task]]\nid = "t"\ntitle = "T"\nfeedback_month = 2\n')}), ''),
('verified-not-done','Errors','`verified` on a task that is not done.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nstatus = "doing"\nverified = 2016-03-01\n')), ''),
('verified-before-done','Errors','`verified` dated before the task\'s `done`.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nstatus = "done"\ndone = 2016-03-10\nverified = 2016-03-01\n')), ''),
('missing-evidence','Errors','An `evidence` path that does not exist, relative to the repository holding the plans root (links such as `https://…` are not checked).', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nstatus = "done"\ndone = 2016-03-10\nevidence = ["docs/land.pdf", "https://example.org/kept"]\n')), ''),
('bad-email','Errors','A unit\'s `email` in `[owners."NAME"]` that is not a mail address.', lambda: run({'p/plan.toml':PLAN+'\n[owners."区财政局"]\nemail = "czj at example"\n','p/01-a.toml':area('')}), ''),
('sub-item-cycle','Errors','The `parent` chain of tasks or targets loops back to an item.', lambda: run(one('[[task]]\nid = "a1"\ntitle = "A"\nparent = "b1"\n[[task]]\nid = "b1"\ntitle = "B"\nparent = "a1"\n')), ''),
('group-own-state','Errors','A group (a task or target with sub-items) with a `status`, `done`, `actual` or `actuals` of its own: its sub-items decide it.', lambda: run(one('[[task]]\nid = "g"\ntitle = "G"\nstatus = "done"\n[[task]]\nid = "t"\ntitle = "T"\nparent = "g"\n')), ''),
('tolerance-pp-without-approx','Errors','`tolerance_pp` on an indicator without `approx = true`.', lambda: run(one('[[indicator]]\nid = "x"\ntitle = "X"\ngrowth = 6.2\ntolerance_pp = 1\n')), ''),
('actual-with-actuals','Errors','A target with both `actual` and `actuals`.', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = 100\nactual = 5\nactuals = [{ period = "2016-03", value = 5 }]\n')), ''),
('milestone-after-due','Errors','A milestone dated after its target\'s deadline.', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = 100\ndue = "2016-06"\nmilestones = [{ due = "2016-Q3", value = 50 }]\n')), ''),
('milestones-out-of-order','Errors','Milestones not in date order, or (for `at_least`) one lower than the one before.', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = 100\nmilestones = [{ due = "2016-Q1", value = 50 }, { due = "2016-Q2", value = 40 }]\n')), ''),
('tolerance-without-about','Errors','`tolerance` on a target whose `compare` is not `about`.', lambda: run(one('[[target]]\nid = "t"\ntitle = "T"\ntarget = 4.5\ncompare = "at_most"\ntolerance = 0.5\n')), ''),
('actual-on-batch','Errors','A batch target with `actual`: its value is counted from its projects.', lambda: run(one('[[target]]\nid = "b"\ntitle = "B"\nstage = "signed"\nprojects = ["p"]\nactual = 1\n[[project]]\nid = "p"\ntitle = "P"\n')), ''),
('batch-without-projects','Errors','A target with `stage` but no `projects`.', lambda: run(one('[[target]]\nid = "b"\ntitle = "B"\nstage = "signed"\n')), ''),
('batch-without-stage','Errors','A target with `projects` but no `stage`.', lambda: run(one('[[target]]\nid = "b"\ntitle = "B"\nprojects = ["p"]\n[[project]]\nid = "p"\ntitle = "P"\n')), ''),
('last-without-every','Errors','`last` on a task that does not recur.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nlast = 2016-03-01\n')), ''),
('duplicate-period','Errors','An indicator reports the same period twice (`"2016"` and `"2016-12"` count as the same).', lambda: run(one('[[indicator]]\nid = "i"\ntitle = "I"\nactuals = [\n  { period = "2016-03", value = 1 },\n  { period = "2016-03", value = 2 },\n]\n')), ''),
('sub-exceeds-parent','Warnings','A sub-indicator (其中) with a larger target than its parent in the same unit.', lambda: run(one('[[indicator]]\nid = "budget"\ntitle = "B"\nunit = "万元"\ntarget = 25468\n[[indicator]]\nid = "tax"\ntitle = "T"\nunit = "万元"\ntarget = 25469\nparent = "budget"\n')), ''),
('unit-differs-from-parent','Warnings','A sub-indicator in another unit than its parent, without `unit_differs = true`.', lambda: run(one('[[indicator]]\nid = "budget"\ntitle = "B"\nunit = "万元"\n[[indicator]]\nid = "share"\ntitle = "S"\nunit = "%"\nparent = "budget"\n')), ''),
('lag-without-cadence','Warnings','`lag` on an indicator with no `cadence`.', lambda: run(one('[[indicator]]\nid = "i"\ntitle = "I"\nlag = 20\n')), ''),
('stale-indicator','Warnings','An indicator with a `cadence` has not reported the period due by today (`--today` sets the day). The only check that depends on the day.', lambda: run(one('[[indicator]]\nid = "i"\ntitle = "I"\ncadence = "month"\nlag = 20\nactuals = [{ period = "2016-03", value = 1 }]\n'), today='2016-05-25'), ''),
('leftover-temp','Warnings','A `.plan-edit-*.tmp` file: the unsaved text of an edit that was killed (SIGKILL, power loss) before it renamed it over the plan file, which is unchanged. The next `plan` edit in that directory removes it; so may you.', lambda: run({'p/plan.toml':PLAN,'p/.plan-edit-Ab12Cd.tmp':'[area]\n'}), ''),
('name-not-read','Warnings','A file named almost like a plan file (`*.TOML`, `*.Toml`, a space after `.toml`): it is not read, and says so.', lambda: run({'p/plan.toml':PLAN,'p/02-b.TOML':area('')}), ''),
('too-deep-dirs','Warnings','Directories nested more than 64 levels below the root are not walked.', lambda: run({'p/plan.toml':PLAN}, lambda: os.makedirs('plans/'+'/'.join('d%d'%i for i in range(66)))), ''),
('confusable-id','Warnings','Two item ids that differ only in Unicode form: full-width letters or digits (`ｔａｓｋ１` and `task1`), composed and decomposed accents. A command typed with one form does not find the other. Checked only in plans that have a non-ASCII id.', lambda: run(one('[[task]]\nid = "task1"\ntitle = "T"\n\n[[task]]\nid = "ｔａｓｋ１"\ntitle = "U"\n')), ''),
('stage-dates-out-of-order','Warnings','A project stage dated before an earlier stage (land before signing).', lambda: run(one('[[project]]\nid = "p"\ntitle = "P"\nstage = "land"\nsigned = 2016-05-01\nland = "2016-03"\n')), ''),
('symlink-loop','Warnings','A directory link leads back to a directory already read; it is skipped.', lambda: run({'p/plan.toml':PLAN}, lambda: (os.makedirs('plans/p/sub'), os.symlink('..','plans/p/sub/back'))), ''),
('progress-in-future','Warnings','A progress report dated after today (`--today` sets the day).', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\nprogress = [{ on = 2016-05-01, text = "x" }]\n'), today='2016-04-01'), ''),
('unapproved-delay','Warnings','With `approve_delays = true` in `[plan]`, a postponement whose delay entry does not name `approved_by`.', lambda: run({'p/plan.toml':PLAN+'approve_delays = true\n','p/01-a.toml':area('[[task]]\nid = "t"\ntitle = "T"\ndue = "2016-04"\ndelays = [{ from = "2016-03", to = "2016-04", reason = "等待批复" }]\n')}), ''),
('unused-submission','Warnings','A submission that satisfies no occurrence of a duty fixed to the calendar: every occurrence whose window had opened was already satisfied.', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "year"\nmonth = 3\nday = 31\nsubmitted = [2016-03-01, 2016-03-02]\n')), ''),
('due-on-recurring','Warnings','`due` on a recurring task, where it is ignored.', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "month"\ndue = 2016-03-01\n')), ''),
('done-recurring','Warnings','`status = "done"` on a recurring task, where it is ignored.', lambda: run(one('[[task]]\nid = "r"\ntitle = "R"\nevery = "week"\nstatus = "done"\n')), ''),
('done-date-not-done','Warnings','A `done` date on a task whose status is not `done`.', lambda: run(one('[[task]]\nid = "t"\ntitle = "T"\ndone = 2016-03-02\n')), ''),
('delay-mismatch','Warnings','The delay log does not end at the current `due`.', lambda: run(one('[[task]]\nid = "d"\ntitle = "D"\ndue = 2016-05-31\ndelays = [{ from = 2016-03-31, to = 2016-04-30 }]\n')), ''),
('delay-chain','Warnings','A delay entry\'s `from` is not the previous entry\'s `to`.', lambda: run(one('[[task]]\nid = "d"\ntitle = "D"\ndue = 2016-05-15\ndelays = [\n  { from = 2016-03-31, to = 2016-04-30 },\n  { from = 2016-04-15, to = 2016-05-15 },\n]\n')), ''),
('indicator-inconsistent','Warnings','`prior`, `target` and `growth` disagree by more than 1 % of the target.', lambda: run(one('[[indicator]]\nid = "g"\ntitle = "G"\nprior = 50\ntarget = 64.4\ngrowth = 13\n')), ''),
('falling-indicator-rises','Warnings','A `direction = "down"` indicator with a positive target growth.', lambda: run(one('[[indicator]]\nid = "e"\ntitle = "E"\ndirection = "down"\ngrowth = 4.5\n')), ''),
('period-outside-year','Warnings','A reported period outside the plan year.', lambda: run(one('[[indicator]]\nid = "i"\ntitle = "I"\nactuals = [{ period = "2015-12", value = 3 }]\n')), ''),
('batch-target-too-high','Warnings','A batch target larger than its list of projects: it can never be met.', lambda: run(one('[[target]]\nid = "b"\ntitle = "B"\nstage = "signed"\ntarget = 3\nprojects = ["p"]\n[[project]]\nid = "p"\ntitle = "P"\n')), ''),
]
out=['# Diagnostics','','Every problem `plan check` reports, by its `code` (the `code` field of `plan check --format json`).',
'Each example is the real output of `plan check --lang en` on a small file; with `--lang zh` (or a',
'plan whose `lang` is `zh`) the messages and help are in Chinese. Errors make `plan check` exit 2',
'and stop every other command; warnings do not, unless `plan check --strict`.','',
'Text output is `file:line:col: error|warning: message`, the source line with a caret under the',
'offending characters (columns count characters; the caret follows display width, so it sits right',
'under Chinese text), then `= help:` where there is a remedy and `note:` for a second place.',
'All problems in all files are reported in one run, sorted by file, line and column.','']
section=None
for code, sec, desc, fn, fix in cases:
    if sec!=section:
        out+=['## '+sec,'']; section=sec
    out+=['### `'+code+'`','',desc+(' '+fix if fix else ''),'']
    if fn:
        text=fn()
        assert code in ('io','symlink-loop','orphan-file','no-plans','leftover-temp','name-not-read','name-not-utf8','utf16','too-deep-dirs') or ': error:' in text or ': warning:' in text, (code,text)
        out+=['```text',text,'```','']
open(os.path.join(REPO,'docs/errors.md'),'w').write('\n'.join(out))
