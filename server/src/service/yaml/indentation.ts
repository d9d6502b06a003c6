import type { Span } from '../text/span';
import type { Fix, Problem } from '../problems/problem';
import { reindent } from './moveLines';
import type { YamlSyntaxError, YamlTree } from './yamlAst';

/** The YAML errors of one document as problems, and the blocks they damage. */
export interface SyntaxReport {
	readonly problems: readonly Problem[];
	/**
	 * Where the tree is not what the author wrote: around each error, the block of the nearest
	 * mapping entry that holds it (the whole document for an error at the top level).
	 * Problems found there only follow from the error and are dropped.
	 */
	readonly damaged: readonly Span[];
}

interface TextLine {
	readonly start: number;
	readonly end: number;
	/** Column of the first character that is not indentation (spaces or tabs). */
	readonly indent: number;
	/** Column after any `- ` list markers: where a key of the line starts. */
	readonly inner: number;
	/** Not blank and not only a comment. */
	readonly significant: boolean;
	/** A `---`, `...` or `%` directive line, which no indentation crosses. */
	readonly boundary: boolean;
	readonly tabbed: boolean;
	readonly content: string;
}

/** A key as YAML reads it at the start of a line: plain or quoted, followed by a colon. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

/**
 * Reads the library's errors for one document. An error that comes from indentation (entries of
 * one mapping that do not line up, or a key indented under a key that already has a value) is
 * reported once, at the line that causes it, with a fix; the others keep the library's words.
 */
export function syntaxReport(text: string, doc: YamlTree, unit: number): SyntaxReport {
	if (doc.errors.length === 0) {
		return { problems: [], damaged: [] };
	}
	const lines = readLines(text);
	const inFlow = flowLines(text, lines);
	const problems: Problem[] = [];
	const damaged: Span[] = [];
	const causes = new Set<number>();
	const unexplained: YamlSyntaxError[] = [];
	for (const error of doc.errors) {
		if (error.warning) {
			problems.push({ code: 'yaml-syntax', span: error, message: libraryMessage(error), severity: 'warning' });
			continue;
		}
		const at = lineIndex(lines, error.start);
		// A tab says what is wrong by itself; columns around a tab are not what they look like.
		const found = error.code === 'TAB_AS_INDENT'
			? undefined
			: [at, nextSignificant(lines, at)].map((i) => (i === undefined || inFlow.has(i) ? undefined : explain(text, lines, i, unit))).find((e) => e !== undefined);
		if (!found) {
			unexplained.push(error);
			continue;
		}
		if (!causes.has(found.cause)) {
			causes.add(found.cause);
			problems.push({ code: 'yaml-syntax', span: found.span, message: found.message.replace(/^the /, 'The '), fixes: [found.fix] });
		}
		damaged.push(region(lines, doc, found.parent, error));
	}
	// The parser stumbles on after an indentation error (every later token of a broken top level is
	// "unexpected"); inside the block it damaged, only the explanation is shown.
	const explained = [...damaged];
	for (const error of unexplained) {
		if (!explained.some((d) => error.start >= d.start && error.start <= d.end)) {
			problems.push({ code: 'yaml-syntax', span: error, message: libraryMessage(error), fixes: tabFix(text, error, unit) });
			const at = lineIndex(lines, error.start);
			damaged.push(region(lines, doc, parentOf(lines, at, lines[at].indent), error));
		}
	}
	return { problems, damaged };
}

function libraryMessage(error: YamlSyntaxError): string {
	const message = error.code === 'TAB_AS_INDENT' ? 'Tabs are not allowed as indentation; indent with spaces' : error.message;
	return `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '')}.`.replace(/\.\.$/, '.');
}

/** Replaces tabs used as indentation with one indentation step each. */
function tabFix(text: string, error: YamlSyntaxError, unit: number): Fix[] | undefined {
	const indentation = text.slice(error.start, error.end);
	if (error.code !== 'TAB_AS_INDENT' || !/^[ \t]+$/.test(indentation)) {
		return undefined;
	}
	return [{ title: 'Indent with spaces instead of tabs', edits: [{ span: error, newText: indentation.replace(/\t/g, ' '.repeat(unit)) }], preferred: true }];
}

interface Explanation {
	/** The line whose indentation is wrong. */
	readonly cause: number;
	readonly span: Span;
	readonly message: string;
	readonly fix: Fix;
	/** The line of the entry whose block the error breaks; -1 for the document itself. */
	readonly parent: number;
}

/** Why line `i` does not fit the indentation around it, when that is the trouble. */
function explain(text: string, lines: readonly TextLine[], i: number, unit: number): Explanation | undefined {
	const line = lines[i];
	if (!line.significant || line.boundary || line.tabbed) {
		return undefined;
	}
	const parent = parentOf(lines, i, line.indent);
	const above = parent >= 0 ? lines[parent] : undefined;
	if (above?.tabbed) {
		return undefined;
	}
	// A key below `key: value` and deeper: YAML reads it as more of that value.
	if (above && hasValue(above) && (KEY.test(line.content) || line.content.startsWith('- '))) {
		const to = above.inner;
		return {
			cause: i,
			span: nameSpan(line),
			message: `${name(line)} is indented deeper than ${name(above)} above it, so YAML reads it as part of the value of ${name(above)}: ${both(to)}.`,
			fix: shift(text, lines, i, runEnd(lines, i, line.indent), to, `${name(line)} like ${name(above)}`),
			parent: parentOf(lines, parent, above.indent),
		};
	}
	const first = firstBelow(lines, parent);
	const sibling = first === undefined ? undefined : lines[first];
	// Entries of one mapping must start at one column; an entry of a list item's mapping is left to YAML.
	if (first === undefined || sibling === undefined || first === i || sibling.indent === line.indent || sibling.tabbed || sibling.content.startsWith('- ') !== line.content.startsWith('- ')) {
		return undefined;
	}
	const expected = above ? above.inner + unit : 0;
	if (line.indent === expected) {
		// The entries above are the odd ones out: the first of them moves to this line's column.
		return {
			cause: first,
			span: nameSpan(sibling),
			message: `${name(sibling)} is indented deeper than ${name(line)} below it, and entries at one level must line up: ${both(line.indent)}.`,
			fix: shift(text, lines, first, Math.min(i, runEnd(lines, first, sibling.indent)), line.indent, `${name(sibling)} like ${name(line)}`),
			parent,
		};
	}
	return {
		cause: i,
		span: nameSpan(line),
		message: `${name(line)} is indented ${line.indent > sibling.indent ? 'deeper' : 'less'} than ${name(sibling)} above it, and entries at one level must line up: ${both(sibling.indent)}.`,
		fix: shift(text, lines, i, runEnd(lines, i, line.indent), sibling.indent, `${name(line)} like ${name(sibling)}`),
		parent,
	};
}

function both(column: number): string {
	return column === 0 ? 'start both at the beginning of the line' : `indent both with ${column} spaces`;
}

/** Re-indents lines `from` to `to` (exclusive) so that the first starts at `column`. */
function shift(text: string, lines: readonly TextLine[], from: number, to: number, column: number, what: string): Fix {
	const span = { start: lines[from].start, end: to < lines.length ? lines[to].start : text.length };
	const title = column === 0 ? `Start ${what} at the beginning of the line` : `Indent ${what}, with ${column} spaces`;
	return { title, edits: [{ span, newText: reindent(text, span, lines[from].indent, column) }], preferred: true };
}

/** `true` when a `key:` line holds a value after its colon, so nothing deeper can follow it. */
function hasValue(line: TextLine): boolean {
	const key = KEY.exec(line.content.replace(/^(?:- +)+/, ''));
	const rest = key ? line.content.replace(/^(?:- +)+/, '').slice(key[0].length).trim() : '';
	return rest !== '' && !/^[#|>&!]/.test(rest);
}

/** The key of the line, or its list entry as written. */
function name(line: TextLine): string {
	const inner = line.content.replace(/^(?:- +)+/, '');
	const key = KEY.exec(inner);
	if (key) {
		return key[1];
	}
	const entry = inner.replace(/\s+#.*$/, '').trim();
	return `the list entry ${entry.length > 40 ? `${entry.slice(0, 40)}…` : entry}`;
}

function nameSpan(line: TextLine): Span {
	const inner = line.content.replace(/^(?:- +)+/, '');
	const start = line.start + line.inner;
	const key = KEY.exec(inner);
	return { start, end: start + (key ? key[1].length : inner.replace(/\s+#.*$/, '').trimEnd().length) };
}

/** The nearest line above `i` whose entries could hold a line at `indent`; -1 when it is the document. */
function parentOf(lines: readonly TextLine[], i: number, indent: number): number {
	for (let j = i - 1; j >= 0; j--) {
		const line = lines[j];
		if (line.boundary) {
			return -1;
		}
		if (line.significant && line.inner < indent) {
			return j;
		}
	}
	return -1;
}

/** The first significant line after `parent` (after the document's start for -1). */
function firstBelow(lines: readonly TextLine[], parent: number): number | undefined {
	for (let j = parent + 1; j < lines.length; j++) {
		if (lines[j].boundary) {
			if (parent >= 0) {
				return undefined;
			}
			continue;
		}
		if (lines[j].significant) {
			return j;
		}
	}
	return undefined;
}

/** The line after the run that starts at `i`: the next significant line indented less than `indent`. */
function runEnd(lines: readonly TextLine[], i: number, indent: number): number {
	let j = i + 1;
	while (j < lines.length && !lines[j].boundary && (!lines[j].significant || lines[j].indent >= indent)) {
		j++;
	}
	return j;
}

function nextSignificant(lines: readonly TextLine[], i: number): number | undefined {
	for (let j = i + 1; j < lines.length && !lines[j].boundary; j++) {
		if (lines[j].significant) {
			return j;
		}
	}
	return undefined;
}

/** The damaged block: the parent line through the last line indented deeper than it, and the error itself. */
function region(lines: readonly TextLine[], doc: YamlTree, parent: number, error: Span): Span {
	// At the top level the document is damaged up to its end, which the parser may have cut short.
	const top = parent < 0;
	let end = top ? error.end : lines[parent].end;
	for (let j = top ? lineIndex(lines, error.start) : parent + 1; j < lines.length && !lines[j].boundary; j++) {
		if (lines[j].significant) {
			if (!top && lines[j].indent <= lines[parent].indent) {
				break;
			}
			end = lines[j].end;
		}
	}
	return { start: Math.min(top ? doc.start : lines[parent].start, error.start), end: Math.max(end, error.end, top ? doc.end : 0) };
}

function lineIndex(lines: readonly TextLine[], offset: number): number {
	let low = 0;
	let high = lines.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (lines[mid].start <= offset) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	return low;
}

function readLines(text: string): TextLine[] {
	const lines: TextLine[] = [];
	// A lone CR ends a line for the parser too (see parseYaml).
	const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null && match.index < text.length) {
		const raw = match[0].replace(/[\r\n]+$/, '');
		const indentation = /^[ \t]*/.exec(raw)?.[0] ?? '';
		const content = raw.slice(indentation.length);
		const markers = /^(?:- +)*/.exec(content)?.[0].length ?? 0;
		lines.push({
			start: match.index,
			end: match.index + raw.length,
			indent: indentation.length,
			inner: indentation.length + markers,
			significant: content !== '' && !content.startsWith('#'),
			boundary: /^(?:---|\.\.\.)(?:\s|$)|^%/.test(raw),
			tabbed: indentation.includes('\t'),
			content,
		});
	}
	if (lines.length === 0) {
		lines.push({ start: 0, end: 0, indent: 0, inner: 0, significant: false, boundary: false, tabbed: false, content: '' });
	}
	return lines;
}

/** Lines that start inside an open flow collection (`{` or `[` not yet closed), whose indentation YAML judges alone. */
function flowLines(text: string, lines: readonly TextLine[]): Set<number> {
	const { Lexer, CST } = require('yaml') as typeof import('yaml');
	const inside = new Set<number>();
	let offset = 0;
	let depth = 0;
	let next = 0;
	for (const token of new Lexer().lex(text.replace(/\r(?!\n)/g, '\n'))) {
		const type = CST.tokenType(token);
		// Each line is judged at its first character, by the tokens before it.
		while (next < lines.length && lines[next].start + lines[next].indent <= offset) {
			if (depth > 0) {
				inside.add(next);
			}
			next++;
		}
		if (type === 'flow-map-start' || type === 'flow-seq-start') {
			depth++;
		} else if (type === 'flow-map-end' || type === 'flow-seq-end') {
			depth = Math.max(0, depth - 1);
		} else if (type === 'flow-error-end') {
			depth = 0;
		}
		// The lexer's mode markers stand for no text.
		if (type !== 'doc-mode' && type !== 'flow-error-end' && !(type === 'scalar' && token === '\x1f')) {
			offset += token.length;
		}
	}
	return inside;
}
