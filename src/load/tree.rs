//! A spanned TOML tree, built from `toml_parser`'s events.
//!
//! This is what `toml::de::DeTable::parse_recoverable` does, with the same rules for tables,
//! dotted keys, arrays of tables and duplicates, and the same errors in the same words. It
//! differs in how it stores a table: a vector of entries in file order (with a hash index
//! once a table grows large), where `toml` builds a B-tree map per table. Plan files are
//! thousands of small tables, and building those maps was the largest single cost of loading
//! (see docs/performance.md). The lowering reads this tree only when the file parsed without
//! an error, so the tree of a broken file only has to be safe, not meaningful.
//!
//! The rules are ported from toml 1.2's `de::parser` (document, key, value, array and inline
//! table); `tests` below compares the two on valid and broken documents.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;
use toml::value::Datetime;
use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, Expected, ParseError, Source};

/// Nesting deeper than this is an error, as in `toml` (which guards its own recursion so).
const LIMIT: u32 = 80;

/// A table this long gets a hash index, so that a hostile file of many keys stays linear.
const INDEXED: usize = 16;

/// A value with its byte range in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    fn new(span: Range<usize>, value: T) -> Self {
        Spanned { span, value }
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

pub type Key<'i> = Spanned<Cow<'i, str>>;
pub type Val<'i> = Spanned<Value<'i>>;

/// A TOML value. Numbers keep their text, read by the lowering.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    Integer(Number<'i>),
    Float(Number<'i>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
}

impl Value<'_> {
    /// The name of the value's type, as TOML calls it.
    pub fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "datetime",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }
}

/// The text of an integer or a float (underscores removed) and, for integers, the radix.
#[derive(Debug, Clone, PartialEq)]
pub struct Number<'i> {
    text: Cow<'i, str>,
    radix: u32,
}

impl Number<'_> {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn radix(&self) -> u32 {
        self.radix
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Array<'i> {
    items: Vec<Val<'i>>,
    /// Made by `[[header]]`s, which may extend it; a written `[...]` may not be extended.
    of_tables: bool,
}

impl<'i> Array<'i> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Val<'i>> {
        self.items.iter()
    }
}

impl<'a, 'i> IntoIterator for &'a Array<'i> {
    type Item = &'a Val<'i>;
    type IntoIter = std::slice::Iter<'a, Val<'i>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// A table: its entries in file order.
#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    entries: Vec<(Key<'i>, Val<'i>)>,
    /// Entry positions by key, once the table has more than [`INDEXED`] entries.
    index: Option<Box<FxHashMap<Cow<'i, str>, usize>>>,
    /// Created by a dotted key or a header's path, not by its own header.
    implicit: bool,
    /// Created by a dotted key.
    dotted: bool,
    /// Written `{ ... }`: closed to later keys.
    inline: bool,
}

impl PartialEq for Table<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl<'i> Table<'i> {
    pub fn iter(&self) -> std::slice::Iter<'_, (Key<'i>, Val<'i>)> {
        self.entries.iter()
    }

    fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k.value == key),
        }
    }

    fn push(&mut self, key: Key<'i>, value: Val<'i>) -> usize {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.value.clone(), at);
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() > INDEXED {
            let index = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.value.clone(), i))
                .collect();
            self.index = Some(Box::new(index));
        }
        at
    }

    /// The value of `key`, a new table (made by `fresh`) if there is none.
    fn entry(&mut self, key: &Key<'i>, fresh: impl FnOnce() -> Val<'i>) -> &mut Val<'i> {
        let at = match self.find(&key.value) {
            Some(at) => at,
            None => self.push(key.clone(), fresh()),
        };
        &mut self.entries[at].1
    }
}

impl<'a, 'i> IntoIterator for &'a Table<'i> {
    type Item = &'a (Key<'i>, Val<'i>);
    type IntoIter = std::slice::Iter<'a, (Key<'i>, Val<'i>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// A parse problem: what `toml` would say, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl Error {
    /// The message in the words of `toml::de::Error` (description, then what was expected).
    fn from_parse(e: &ParseError) -> Self {
        let mut message = e.description().to_string();
        if let Some(expected) = e.expected() {
            message.push_str(", expected ");
            if expected.is_empty() {
                message.push_str("nothing");
            }
            for (i, x) in expected.iter().enumerate() {
                if i != 0 {
                    message.push_str(", ");
                }
                match x {
                    Expected::Literal(s) => message.push_str(&literal(s)),
                    Expected::Description(s) => message.push_str(s),
                    _ => message.push_str("etc"),
                }
            }
        }
        Error {
            message,
            span: e.unexpected().map(|s| s.start()..s.end()),
        }
    }
}

fn literal(s: &str) -> String {
    match s {
        "\n" => "newline".to_string(),
        "`" => "'`'".to_string(),
        s if s.chars().all(|c| c.is_ascii_control()) => format!("`{}`", s.escape_debug()),
        s => format!("`{s}`"),
    }
}

/// Parse a document, recovering from errors: the root table and every error.
pub fn parse(input: &str) -> (Table<'_>, Vec<Error>) {
    let source = Source::new(input);
    // `Lexer::into_vec` reserves 2 tokens per 7 bytes, and plan files of short keys and
    // values run just over that, so the vector would be regrown (copied) at the end.
    let mut tokens = Vec::with_capacity(input.len() / 3 + 16);
    tokens.extend(source.lex());
    let mut events = Vec::with_capacity(tokens.len());
    let mut errors: Vec<ParseError> = Vec::new();
    {
        let mut validate = ValidateWhitespace::new(&mut events, source);
        let mut guard = RecursionGuard::new(&mut validate, LIMIT);
        toml_parser::parser::parse_document(&tokens, &mut guard, &mut errors);
    }
    drop(tokens);
    let mut b = Builder {
        events: &events,
        at: 0,
        source,
        errors: &mut errors,
    };
    let root = b.document();
    let errors = errors.iter().map(Error::from_parse).collect();
    (root, errors)
}

fn key_span(key: &Key<'_>) -> toml_parser::Span {
    toml_parser::Span::new_unchecked(key.span.start, key.span.end)
}

fn tspan(r: &Range<usize>) -> toml_parser::Span {
    toml_parser::Span::new_unchecked(r.start, r.end)
}

/// A walk over the events, building values.
struct Builder<'e, 'i, 's> {
    events: &'e [Event],
    at: usize,
    source: Source<'i>,
    errors: &'s mut Vec<ParseError>,
}

struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Option<Key<'i>>,
    span: Range<usize>,
    is_array: bool,
}

impl<'i> Builder<'_, 'i, '_> {
    fn next(&mut self) -> Option<Event> {
        let e = self.events.get(self.at).copied();
        self.at += 1;
        e
    }

    fn peek(&self, n: usize) -> Option<EventKind> {
        self.events.get(self.at + n).map(Event::kind)
    }

    fn report(&mut self, e: ParseError) {
        self.errors.report_error(e);
    }

    fn document(&mut self) -> Table<'i> {
        let mut doc = Doc::default();
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    doc.finish_table(self.errors);
                    let header = self.header(event);
                    doc.start_table(header, self.errors);
                }
                EventKind::SimpleKey => {
                    let (path, key) = self.key(event);
                    let Some(key) = key else { break };
                    let Some(mut sep) = self.next() else { break };
                    if sep.kind() == EventKind::Whitespace {
                        let Some(e) = self.next() else { break };
                        sep = e;
                    }
                    if sep.kind() != EventKind::KeyValSep {
                        break;
                    }
                    if self.peek(0) == Some(EventKind::Whitespace) {
                        self.at += 1;
                    }
                    let value = self.value();
                    doc.key_value(path, key, value, self.errors);
                }
                _ => {}
            }
        }
        doc.finish_table(self.errors);
        doc.root
    }

    fn header(&mut self, open: Event) -> Header<'i> {
        let is_array = open.kind() == EventKind::ArrayTableOpen;
        let (mut path, mut key) = (None, None);
        let mut span = open.span();
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::ArrayTableClose | EventKind::StdTableClose => {
                    span = span.append(event.span());
                    break;
                }
                EventKind::SimpleKey => {
                    let (p, k) = self.key(event);
                    path = Some(p);
                    key = k;
                }
                _ => {}
            }
        }
        Header {
            path: path.unwrap_or_default(),
            key,
            span: span.start()..span.end(),
            is_array,
        }
    }

    /// A simple or dotted key: the path before its last part, and the last part.
    fn key(&mut self, first: Event) -> (Vec<Key<'i>>, Option<Key<'i>>) {
        let mut path = Vec::new();
        let mut last = None;
        let mut current = Some(first);
        if self.more_key() {
            while let Some(event) = self.next() {
                match event.kind() {
                    EventKind::SimpleKey => {
                        current = Some(event);
                        if !self.more_key() {
                            break;
                        }
                    }
                    EventKind::KeySep => self.close_key(&mut current, &mut path, &mut last),
                    _ => {}
                }
            }
        }
        self.close_key(&mut current, &mut path, &mut last);
        if usize::try_from(LIMIT).is_ok_and(|limit| limit <= path.len()) {
            self.report(ParseError::new("recursion limit"));
            return (Vec::new(), None);
        }
        (path, last)
    }

    fn more_key(&self) -> bool {
        matches!(
            (self.peek(0), self.peek(1)),
            (Some(EventKind::KeySep), _) | (Some(EventKind::Whitespace), Some(EventKind::KeySep))
        )
    }

    fn close_key(
        &mut self,
        current: &mut Option<Event>,
        path: &mut Vec<Key<'i>>,
        last: &mut Option<Key<'i>>,
    ) {
        let Some(event) = current.take() else { return };
        let Some(raw) = self.source.get(event) else {
            return;
        };
        let mut decoded = Cow::Borrowed("");
        raw.decode_key(&mut decoded, self.errors);
        let span = event.span();
        let key = Spanned::new(span.start()..span.end(), decoded);
        if let Some(previous) = last.replace(key) {
            path.push(previous);
        }
    }

    fn value(&mut self) -> Val<'i> {
        if let Some(event) = self.next() {
            match event.kind() {
                EventKind::InlineTableOpen => return self.inline_table(event),
                EventKind::ArrayOpen => return self.array(event),
                EventKind::Scalar => return self.scalar(event),
                _ => {}
            }
        }
        Spanned::new(
            0..0,
            Value::Integer(Number {
                text: Cow::Borrowed(""),
                radix: 10,
            }),
        )
    }

    fn scalar(&mut self, event: Event) -> Val<'i> {
        let span = event.span().start()..event.span().end();
        let Some(raw) = self.source.get(event) else {
            return Spanned::new(span, Value::Boolean(false));
        };
        let mut decoded = Cow::Borrowed("");
        let value = match raw.decode_scalar(&mut decoded, self.errors) {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(b) => Value::Boolean(b),
            ScalarKind::DateTime => Value::Datetime(match decoded.parse::<Datetime>() {
                Ok(d) => d,
                Err(e) => {
                    self.report(ParseError::new(e.to_string()).with_unexpected(event.span()));
                    Datetime {
                        date: None,
                        time: None,
                        offset: None,
                    }
                }
            }),
            ScalarKind::Float => Value::Float(Number {
                text: decoded,
                radix: 10,
            }),
            ScalarKind::Integer(radix) => Value::Integer(Number {
                text: decoded,
                radix: radix.value(),
            }),
        };
        Spanned::new(span, value)
    }

    fn array(&mut self, open: Event) -> Val<'i> {
        let mut items = Vec::new();
        let mut current = None;
        let mut close = open.span();
        while let Some(event) = self.next() {
            close = event.span();
            match event.kind() {
                EventKind::InlineTableOpen => current = Some(self.inline_table(event)),
                EventKind::ArrayOpen => current = Some(self.array(event)),
                EventKind::Scalar => current = Some(self.scalar(event)),
                EventKind::ValueSep => items.extend(current.take()),
                EventKind::ArrayClose => {
                    items.extend(current.take());
                    break;
                }
                EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                _ => break,
            }
        }
        let array = Array {
            items,
            of_tables: false,
        };
        Spanned::new(open.span().start()..close.end(), Value::Array(array))
    }

    fn inline_table(&mut self, open: Event) -> Val<'i> {
        let mut table = Table {
            inline: true,
            ..Table::default()
        };
        let mut close = open.span();
        let mut key: Option<(Vec<Key<'i>>, Key<'i>)> = None;
        let mut value = None;
        while let Some(event) = self.next() {
            close = event.span();
            match event.kind() {
                EventKind::SimpleKey => {
                    let (path, k) = self.key(event);
                    if let Some(k) = k {
                        key = Some((path, k));
                    }
                }
                EventKind::InlineTableOpen => value = Some(self.inline_table(event)),
                EventKind::ArrayOpen => value = Some(self.array(event)),
                EventKind::Scalar => value = Some(self.scalar(event)),
                EventKind::ValueSep => {
                    inline_entry(&mut table, key.take(), value.take(), self.errors);
                }
                EventKind::InlineTableClose => {
                    inline_entry(&mut table, key.take(), value.take(), self.errors);
                    break;
                }
                EventKind::KeyValSep
                | EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                _ => break,
            }
        }
        Spanned::new(open.span().start()..close.end(), Value::Table(table))
    }
}

/// Add one `key = value` of an inline table.
fn inline_entry<'i>(
    table: &mut Table<'i>,
    key: Option<(Vec<Key<'i>>, Key<'i>)>,
    value: Option<Val<'i>>,
    errors: &mut Vec<ParseError>,
) {
    let (Some((path, key)), Some(value)) = (key, value) else {
        return;
    };
    let Some(table) = descend(table, &path, true, Within::Inline, errors) else {
        return;
    };
    // Dotted keys may not add to a table written out, nor plain keys to a dotted one.
    if table.dotted == path.is_empty() {
        errors.report_error(ParseError::new("duplicate key").with_unexpected(key_span(&key)));
        return;
    }
    match table.find(&key.value) {
        None => {
            table.push(key, value);
        }
        Some(at) => {
            let old = key_span(&table.entries[at].0);
            errors.report_error(
                ParseError::new("duplicate key")
                    .with_unexpected(key_span(&key))
                    .with_context(old),
            );
        }
    }
}

/// The document being built: the root and the table under the current header.
#[derive(Default)]
struct Doc<'i> {
    root: Table<'i>,
    current: Table<'i>,
    header: Option<Header<'i>>,
}

impl<'i> Doc<'i> {
    fn key_value(
        &mut self,
        path: Vec<Key<'i>>,
        key: Key<'i>,
        value: Val<'i>,
        errors: &mut Vec<ParseError>,
    ) {
        let dotted = !path.is_empty();
        let Some(parent) = descend(&mut self.current, &path, dotted, Within::Document, errors)
        else {
            return;
        };
        // Dotted keys may not add to a table defined by a header.
        if dotted && !parent.implicit {
            errors.report_error(ParseError::new("duplicate key").with_unexpected(key_span(&key)));
            return;
        }
        match parent.find(&key.value) {
            None => {
                parent.push(key, value);
            }
            Some(at) => {
                let old = key_span(&parent.entries[at].0);
                errors.report_error(
                    ParseError::new("duplicate key")
                        .with_unexpected(key_span(&key))
                        .with_context(old),
                );
            }
        }
    }

    fn finish_table(&mut self, errors: &mut Vec<ParseError>) {
        let table = std::mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            self.root = table;
            return;
        };
        let Some(key) = header.key else { return };
        let value = Spanned::new(header.span.clone(), Value::Table(table));
        let Some(parent) = descend(
            &mut self.root,
            &header.path,
            false,
            Within::Document,
            errors,
        ) else {
            return;
        };
        if header.is_array {
            let fresh = || {
                let array = Array {
                    items: Vec::new(),
                    of_tables: true,
                };
                Spanned::new(header.span.clone(), Value::Array(array))
            };
            let entry = parent.entry(&key, fresh);
            match &mut entry.value {
                Value::Array(array) if array.of_tables => array.items.push(value),
                _ => {
                    let old = tspan(&entry.span);
                    errors.report_error(
                        ParseError::new("duplicate key")
                            .with_unexpected(key_span(&key))
                            .with_context(old),
                    );
                }
            }
        } else {
            // The entry may hold what `start_table` took out; the header's key replaces it.
            match parent.find(&key.value) {
                Some(at) => parent.entries[at] = (key, value),
                None => {
                    parent.push(key, value);
                }
            }
        }
    }

    fn start_table(&mut self, header: Header<'i>, errors: &mut Vec<ParseError>) {
        let parent = if header.is_array {
            None
        } else {
            descend(
                &mut self.root,
                &header.path,
                false,
                Within::Document,
                errors,
            )
        };
        if let (Some(parent), Some(key)) = (parent, &header.key)
            && let Some(at) = parent.find(&key.value)
        {
            // Take the table out (a placeholder stays until `finish_table` puts it back), so
            // that the keys under this header add to what dotted headers created before.
            let (old_key, old) = &mut parent.entries[at];
            let old = std::mem::replace(&mut old.value, Value::Boolean(false));
            match old {
                Value::Table(t) if t.implicit && !t.dotted => self.current = t,
                old => {
                    errors.report_error(
                        ParseError::new("duplicate key")
                            .with_unexpected(key_span(key))
                            .with_context(key_span(old_key)),
                    );
                    if let Value::Table(t) = old {
                        self.current = t;
                    }
                }
            }
        }
        self.current.implicit = false;
        self.current.dotted = false;
        self.header = Some(header);
    }
}

/// Where a path is followed: in the document (headers and dotted keys), or inside an inline
/// table, which holds only tables written in it or made by its own dotted keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Within {
    Document,
    Inline,
}

/// The table at `path` below `table`, creating implicit tables on the way; `None` (with the
/// error reported) when the path runs into a value that cannot be extended.
fn descend<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    dotted: bool,
    within: Within,
    errors: &mut Vec<ParseError>,
) -> Option<&'t mut Table<'i>> {
    let inline = within == Within::Inline;
    for key in path {
        let fresh = || {
            let t = Table {
                implicit: true,
                dotted,
                inline,
                ..Table::default()
            };
            Spanned::new(key.span(), Value::Table(t))
        };
        let entry = table.entry(key, fresh);
        let old = tspan(&entry.span);
        table = match (&mut entry.value, inline) {
            // Headers and dotted keys continue the last table of an array of tables.
            (Value::Array(array), false) => {
                if !array.of_tables {
                    errors.report_error(
                        ParseError::new("cannot extend value of type array with a dotted key")
                            .with_unexpected(key_span(key))
                            .with_context(old),
                    );
                    return None;
                }
                match array.items.last_mut().map(|v| &mut v.value) {
                    Some(Value::Table(t)) => t,
                    other => {
                        let found = other.map_or("array", |v| v.type_str());
                        errors.report_error(
                            ParseError::new(format!(
                                "cannot extend value of type {found} with a dotted key"
                            ))
                            .with_unexpected(key_span(key))
                            .with_context(old),
                        );
                        return None;
                    }
                }
            }
            (Value::Table(child), _) => {
                if !inline {
                    if child.inline {
                        errors.report_error(
                            ParseError::new(
                                "cannot extend value of type inline table with a dotted key",
                            )
                            .with_unexpected(key_span(key)),
                        );
                        return None;
                    }
                    if dotted && child.implicit {
                        child.dotted = true;
                    }
                }
                // Dotted keys may not add to a table defined by a header or written out.
                if dotted && !child.implicit {
                    errors.report_error(
                        ParseError::new("duplicate key").with_unexpected(key_span(key)),
                    );
                    return None;
                }
                child
            }
            (other, _) => {
                errors.report_error(
                    ParseError::new(format!(
                        "cannot extend value of type {} with a dotted key",
                        other.type_str()
                    ))
                    .with_unexpected(key_span(key))
                    .with_context(old),
                );
                return None;
            }
        };
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    //! The tree and its errors must be what `toml::de::DeTable::parse_recoverable` gives, for
    //! valid documents (where the lowering reads the tree) and broken ones (where only the
    //! errors are shown).

    use proptest::prelude::*;
    use toml::de::{DeTable, DeValue};

    use super::*;

    fn ours(v: &Val<'_>) -> String {
        let span = &v.span;
        match &v.value {
            Value::String(s) => format!("S{span:?}{s:?}"),
            Value::Integer(n) => format!("I{span:?}{}/{}", n.as_str(), n.radix()),
            Value::Float(n) => format!("F{span:?}{}", n.as_str()),
            Value::Boolean(b) => format!("B{span:?}{b}"),
            Value::Datetime(d) => format!("D{span:?}{d}"),
            Value::Array(a) => format!(
                "A{span:?}[{}]",
                a.iter().map(ours).collect::<Vec<_>>().join(",")
            ),
            Value::Table(t) => format!("T{span:?}{}", ours_table(t)),
        }
    }

    fn ours_table(t: &Table<'_>) -> String {
        let mut entries: Vec<String> = t
            .iter()
            .map(|(k, v)| format!("{:?}{:?}={}", k.value, k.span, ours(v)))
            .collect();
        entries.sort();
        format!("{{{}}}", entries.join(","))
    }

    fn theirs(v: &toml::Spanned<DeValue<'_>>) -> String {
        let span = &v.span();
        match v.get_ref() {
            DeValue::String(s) => format!("S{span:?}{s:?}"),
            DeValue::Integer(n) => format!("I{span:?}{}/{}", n.as_str(), n.radix()),
            DeValue::Float(n) => format!("F{span:?}{}", n.as_str()),
            DeValue::Boolean(b) => format!("B{span:?}{b}"),
            DeValue::Datetime(d) => format!("D{span:?}{d}"),
            DeValue::Array(a) => format!(
                "A{span:?}[{}]",
                a.iter().map(theirs).collect::<Vec<_>>().join(",")
            ),
            DeValue::Table(t) => format!("T{span:?}{}", theirs_table(t)),
        }
    }

    fn theirs_table(t: &DeTable<'_>) -> String {
        let mut entries: Vec<String> = t
            .iter()
            .map(|(k, v)| format!("{:?}{:?}={}", k.get_ref(), k.span(), theirs(v)))
            .collect();
        entries.sort();
        format!("{{{}}}", entries.join(","))
    }

    /// Both parsers on `input`: the trees (compared only when there is no error, as the
    /// lowering only reads those) and the errors, in order.
    fn same_as_toml(input: &str) -> Result<(), TestCaseError> {
        let (tree, errors) = parse(input);
        let (doc, expected) = DeTable::parse_recoverable(input);
        let errors: Vec<(String, Option<Range<usize>>)> =
            errors.into_iter().map(|e| (e.message, e.span)).collect();
        let expected: Vec<(String, Option<Range<usize>>)> = expected
            .iter()
            .map(|e| (e.message().to_string(), e.span()))
            .collect();
        prop_assert_eq!(&errors, &expected, "errors of {:?}", input);
        if errors.is_empty() {
            prop_assert_eq!(
                ours_table(&tree),
                theirs_table(doc.get_ref()),
                "tree of {:?}",
                input
            );
        }
        Ok(())
    }

    #[test]
    fn the_rules_of_tables_and_keys_are_toml_s() {
        let cases = [
            "",
            "a = 1\nb.c = 'x'\nb.d = 2016-03-31\n[e]\nf = [1, 2.5, {g = true}]\n",
            "[a.b]\nc = 1\n[a]\nd = 2\n",
            "[a]\nb = 1\n[a]\nc = 2\n",
            "[a]\nb.c = 1\n[a.b]\nd = 2\n",
            "[a.b]\nc = 1\n[a]\nb.d = 2\n",
            "a = 1\n[a]\n",
            "a = [1]\n[[a]]\n",
            "[[a]]\nb = 1\n[[a]]\nb = 2\n[a.c]\nd = 3\n[[a.e]]\n",
            "[[a]]\n[a]\n",
            "[a]\n[[a]]\n",
            "a = {b = 1}\na.c = 2\n",
            "a = {b = 1}\n[a.c]\n",
            "a = {b.c = 1, b.d = 2}\n",
            "a = {b.c = 1, b = 2}\n",
            "a = {b = {c = 1}, b.d = 2}\n",
            "a = {b = 1, b = 2}\n",
            "a.b = 1\na.b.c = 2\n",
            "a = 1\na = 2\n",
            "\"a b\" = 1\n'c.d' = 2\n\"\\u00e9\" = 3\n",
            "x = 0x1F\ny = 0o17\nz = 0b11\nf = 1_000.5e3\ng = -inf\nh = nan\n",
            "d = 1979-05-27T07:32:00Z\nt = 07:32:00\nl = 1979-05-27T07:32:00\n",
            "d = 1979-13-45\n",
            "k = \n",
            "[a\nb = 1\n",
            "k = \"unterminated\n",
            "= 1\n",
            "x = 1 2\n",
            "x = [1, 2\n",
            "x = {a = 1\n",
            "[[a.b]]\n[a]\nb = 1\n",
            "a.b.c = 1\n[a]\nd = 2\n",
            "a.b.c = 1\n[a.b]\nd = 2\n",
            "[a.b.c]\n[a]\nb.d = 1\n",
            "[[task]]\nid = \"t\"\ndelays = [{from = 2016-03-31, to = \"2016-04\"}]\n[[task]]\nid = \"u\"\n",
            "a = [[1, 2], ['x'], [{}]]\n",
            "\u{feff}a = 1\n",
            "a = 1\r\nb = 2\r\n",
            "a = \"x\r\n",
        ];
        for case in cases {
            same_as_toml(case)
                .map_err(|e| format!("{e}"))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // A long table gets an index: lookups and duplicates still work.
        let mut long: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
        long.push_str("k50 = 0\n");
        same_as_toml(&long)
            .map_err(|e| format!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        let deep = format!("a = {}1{}\n", "[".repeat(100), "]".repeat(100));
        same_as_toml(&deep)
            .map_err(|e| format!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        let dotted = format!("{} = 1\n", vec!["a"; 100].join("."));
        same_as_toml(&dotted)
            .map_err(|e| format!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Lines that make the rules meet: headers, dotted keys, inline tables, arrays, duplicates
    /// and broken lines.
    fn line() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "[a]",
            "[a.b]",
            "[b]",
            "[a.b.c]",
            "[ a . \"b\" ]",
            "[[a]]",
            "[[a.b]]",
            "[[c]]",
            "[[c.d]]",
            "k = 1",
            "k = 2",
            "a = 1",
            "a.b = \"x\"",
            "a.b.c = 'y'",
            "b = {x = 1, y.z = 2}",
            "b.x = 3",
            "c = [1, {a = 1}]",
            "c = [[1], []]",
            "\"q k\" = 2016-03-31",
            "d = 1979-05-27T07:32:00Z",
            "e = 0x1F",
            "f = 1e3",
            "g = inf",
            "h = true",
            "x.y.z = 'lit'",
            "x.y = {}",
            "i = {a = {b = 1}, a.c = 2}",
            "k = ",
            "[a",
            "k = \"open",
            "= 1",
            "k = 1979-13-45",
            "j = {a = 1, a = 2}",
            "j = {a.b = 1, a = 2}",
            "x = 1 2",
            "# comment",
            "",
            "l = [1,\n2,\n]",
            "m = \"\"\"\nmulti\n\"\"\"",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn documents_of_tricky_lines_parse_as_toml_parses_them(
            lines in prop::collection::vec(line(), 0..14)
        ) {
            same_as_toml(&lines.join("\n"))?;
        }

        #[test]
        fn any_text_parses_as_toml_parses_it(text in ".{0,200}") {
            same_as_toml(&text)?;
        }
    }
}
