import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import { isBlank, XmlScanner, type ScannedAttribute, type XmlScanProblem } from './xmlScanner';

export type XmlAttribute = ScannedAttribute;

const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

/**
 * An element with its spans. A large message holds hundreds of thousands of these, so the spans
 * that follow from others (the name, the end tag) are computed when asked for, not stored.
 */
export class XmlElement implements Span {
	readonly kind = 'element' as const;
	attributes: readonly XmlAttribute[] = NO_ATTRIBUTES;
	children: XmlNode[] = [];
	/** Offset just past the `>` of the start tag (or of `/>`). */
	openEnd: number;
	end: number;
	/** Where the end tag starts, or -1 without one. */
	closeStart = -1;
	selfClosing = false;
	/** Set when the parse left this element's content to be read on its own (see `split`). */
	skipped?: boolean;

	constructor(
		readonly name: string,
		readonly start: number,
		readonly parent: XmlElement | undefined,
		end: number,
	) {
		this.openEnd = end;
		this.end = end;
	}

	/** The name in the start tag, right after its `<`. */
	get nameSpan(): Span {
		return { start: this.start + 1, end: this.start + 1 + this.name.length };
	}

	/** The end tag, when there is one. */
	get close(): Span | undefined {
		return this.closeStart < 0 ? undefined : { start: this.closeStart, end: this.end };
	}
}

export interface XmlText extends Span {
	readonly kind: 'text' | 'cdata';
	/** For CDATA, the content between `<![CDATA[` and `]]>`; for text, the same as the span. */
	readonly content: Span;
}

export interface XmlComment extends Span {
	readonly kind: 'comment';
}

export type XmlNode = XmlElement | XmlText | XmlComment;

export interface XmlProblem extends XmlScanProblem {
	/** The repair the parser assumed, offered as the fix. */
	readonly replace?: { readonly span: Span; readonly newText: string };
}

export interface XmlDocument {
	/** Top-level nodes; a well-formed document has exactly one element among them. */
	readonly nodes: XmlNode[];
	readonly problems: XmlProblem[];
}

export interface ParseOptions {
	/**
	 * Elements for which this returns true are not read: their content is skimmed to the matching
	 * end tag, exactly as the full parse would have found it, and the element is left in the tree
	 * with `skipped` set, for the caller to read on its own.
	 */
	readonly split?: (name: string, parent: XmlElement | undefined) => boolean;
}

export const MAX_XML_DEPTH = 256;

/**
 * Names longer than this are not compared for misspellings: comparing two names costs the product
 * of their lengths, and a file of two names of half a megabyte would take hours; real names are short.
 */
const MAX_SPELLING_COMPARED = 256;

/**
 * Which open element an end tag closes, innermost first: the nearest one of that name, else the
 * innermost one when the end tag is a misspelling of it (`</Targt>` in an open `<Target>`).
 * -1 when it closes nothing.
 */
function matchEndTag(openNames: readonly string[], name: string): { index: number; misspelt: boolean } {
	for (let k = openNames.length - 1; k >= 0; k--) {
		if (openNames[k] === name) {
			return { index: k, misspelt: false };
		}
	}
	const innermost = openNames[openNames.length - 1];
	const comparable = name.length <= MAX_SPELLING_COMPARED && innermost !== undefined && innermost.length <= MAX_SPELLING_COMPARED;
	if (comparable && name !== '' && closest(name, [innermost]) !== undefined) {
		return { index: openNames.length - 1, misspelt: true };
	}
	return { index: -1, misspelt: false };
}

/**
 * A forgiving XML parser that keeps the exact source span of every element, attribute, text and
 * CDATA section. It never throws and never expands anything: a DOCTYPE (and so any entity
 * declaration) is reported and skipped. Mismatched or missing end tags are reported and repaired
 * the way an editor user would expect, so a half-typed document still has a usable tree.
 */
export function parseXml(text: string, start = 0, end = text.length, options: ParseOptions = {}): XmlDocument {
	return new TreeBuilder(text, start, end, options).build();
}

class TreeBuilder {
	private readonly root: XmlNode[] = [];
	private readonly stack: XmlElement[] = [];
	private readonly names: string[] = [];
	private readonly problems: XmlProblem[] = [];
	private readonly scanner: XmlScanner;

	constructor(text: string, start: number, end: number, private readonly options: ParseOptions) {
		this.scanner = new XmlScanner(text, start, end, (p) => this.problems.push(p));
	}

	build(): XmlDocument {
		const s = this.scanner;
		const text = s.text;
		while (s.next()) {
			switch (s.kind) {
				case 'text':
					// Blank text between elements means nothing to SyncML or a payload; leaving it out halves the tree.
					if (!isBlank(text, s.start, s.end)) {
						this.append(textNode(s.start, s.end));
					}
					break;
				case 'comment':
					this.append({ kind: 'comment', start: s.start, end: s.end });
					break;
				case 'cdata':
					this.append({ kind: 'cdata', start: s.start, end: s.end, content: { start: s.contentStart, end: s.contentEnd } });
					break;
				case 'stray-lt':
					this.append(textNode(s.start, s.end));
					break;
				case 'end-tag':
					this.endTag();
					break;
				case 'start-tag':
					if (!this.startTag()) {
						s.pos = s.limit;
					}
					break;
				default:
					break;
			}
		}
		for (let k = this.stack.length - 1; k >= 0; k--) {
			const unclosed = this.stack[k];
			this.problem(unclosed.start, unclosed.nameSpan.end, `<${unclosed.name}> is not closed: add </${unclosed.name}>.`);
		}
		return { nodes: this.root, problems: this.problems };
	}

	private problem(start: number, end: number, message: string, replace?: XmlProblem['replace']): void {
		this.problems.push({ start, end: Math.max(end, start), message, kind: 'syntax', replace });
	}

	private append(node: XmlNode): void {
		const parent = this.stack[this.stack.length - 1];
		(parent ? parent.children : this.root).push(node);
	}

	private endTag(): void {
		const s = this.scanner;
		const nameText = s.name();
		if (nameText === '') {
			this.problem(s.start, s.end, 'An end tag needs an element name, as in </Item>.');
			return;
		}
		const { index, misspelt } = matchEndTag(this.names, nameText);
		if (index < 0) {
			this.problem(s.start, s.end, `</${nameText}> closes nothing: there is no open <${nameText}> element here. Remove it.`);
			return;
		}
		if (misspelt) {
			const open = this.stack[index];
			this.problem(s.nameStart, s.nameEnd, `</${nameText}> does not match <${open.name}>: write </${open.name}>.`, { span: { start: s.nameStart, end: s.nameEnd }, newText: open.name });
		}
		for (let k = this.stack.length - 1; k > index; k--) {
			const unclosed = this.stack[k];
			this.problem(unclosed.start, unclosed.nameSpan.end, `<${unclosed.name}> is not closed: add </${unclosed.name}> before </${nameText}>.`);
			unclosed.end = s.start;
		}
		const element = this.stack[index];
		element.closeStart = s.start;
		element.end = s.end;
		this.stack.length = index;
		this.names.length = index;
	}

	/** Reads a start tag; false when the input is nested too deep to go on. */
	private startTag(): boolean {
		const s = this.scanner;
		const name = internName(s.name());
		const parent = this.stack[this.stack.length - 1];
		const element = new XmlElement(name, s.start, parent, s.limit);
		this.append(element);
		const split = this.options.split?.(name, parent) === true;
		if (split) {
			s.skipAttributes();
		} else {
			const attributes = s.readAttributes(name);
			if (attributes.length > 0) {
				element.attributes = attributes;
			}
		}
		const ending = s.closeStartTag(name);
		element.openEnd = s.end;
		if (ending !== 'open') {
			element.selfClosing = ending === 'empty';
			element.end = s.end;
			element.skipped = split || undefined;
			return true;
		}
		if (split) {
			element.skipped = true;
			this.skim(element);
			return true;
		}
		if (this.stack.length >= MAX_XML_DEPTH) {
			this.problem(element.nameSpan.start, element.nameSpan.end, `Elements are nested more than ${MAX_XML_DEPTH} deep; SyncML never needs that. The rest of this element is not read.`);
			return false;
		}
		this.stack.push(element);
		this.names.push(name);
		return true;
	}

	private skim(element: XmlElement): void {
		const s = this.scanner;
		const report = s.report;
		s.report = undefined;
		const found = skimContent(s, [...this.names, element.name]);
		s.report = report;
		element.end = found.end;
		element.closeStart = found.close?.start ?? -1;
	}
}

/**
 * Moves the scanner past the content of the element just opened (the last of `openNames`) to
 * where the full parse would close it, building nothing: an end tag that closes an element
 * outside it ends it there, unclosed, and is left for the caller to read again.
 */
function skimContent(s: XmlScanner, openNames: readonly string[]): { end: number; close: Span | undefined } {
	const names = [...openNames];
	const own = names.length - 1;
	while (s.next()) {
		if (s.kind === 'start-tag') {
			const name = s.name();
			s.skipAttributes();
			if (s.closeStartTag(name) === 'open') {
				names.push(name);
			}
		} else if (s.kind === 'end-tag') {
			const { index } = matchEndTag(names, s.name());
			if (index > own) {
				names.length = index;
			} else if (index === own) {
				return { end: s.end, close: { start: s.start, end: s.end } };
			} else if (index >= 0) {
				s.pos = s.start;
				return { end: s.start, close: undefined };
			}
		}
	}
	return { end: s.limit, close: undefined };
}

/**
 * Where the element starting at `start` ends when it sits inside open elements named
 * `outerNames`, as `parseXml` with `split` would find it; undefined when no start tag is there.
 */
export function measureElement(text: string, start: number, outerNames: readonly string[]): { end: number; close: Span | undefined } | undefined {
	const s = new XmlScanner(text, start, text.length, undefined);
	if (!s.next() || s.kind !== 'start-tag') {
		return undefined;
	}
	const name = s.name();
	s.skipAttributes();
	return s.closeStartTag(name) === 'open' ? skimContent(s, [...outerNames, name]) : { end: s.end, close: undefined };
}

const NAMES = new Map<string, string>();

/**
 * One string per element name: a message repeats a few dozen names hundreds of thousands of
 * times. Bounded, so a file of made-up names cannot grow it without limit.
 */
function internName(name: string): string {
	const known = NAMES.get(name);
	if (known !== undefined) {
		return known;
	}
	if (NAMES.size < 4096 && name.length <= 64) {
		// A copy, so the table never keeps a whole file alive through a slice of it.
		const own = ` ${name}`.slice(1);
		NAMES.set(own, own);
		return own;
	}
	return name;
}

/** A text node is its own content span. */
function textNode(start: number, end: number): XmlText {
	const node = { kind: 'text' as const, start, end, content: undefined as unknown as Span };
	node.content = node;
	return node;
}

/** Child elements of `element`, optionally only those with `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
	return element.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));
}

/** The first child element named `name`. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
	for (const c of element.children) {
		if (c.kind === 'element' && c.name === name) {
			return c;
		}
	}
	return undefined;
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
	return element.attributes.find((a) => a.name === name);
}

/** The innermost element whose span holds `offset`. */
export function elementAt(nodes: readonly XmlNode[], offset: number): XmlElement | undefined {
	let found: XmlElement | undefined;
	let list = nodes;
	for (;;) {
		const next = list.find((n): n is XmlElement => n.kind === 'element' && offset > n.start && offset <= n.end);
		if (!next) {
			return found;
		}
		found = next;
		list = next.children;
	}
}
