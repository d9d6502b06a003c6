import type { Span } from '../text/span';

export interface XmlAttribute extends Span {
	readonly name: string;
	readonly nameSpan: Span;
	/** The text between the quotes (raw, still escaped); undefined when the value is missing. */
	readonly valueSpan: Span | undefined;
}

export interface XmlElement extends Span {
	readonly kind: 'element';
	readonly name: string;
	readonly nameSpan: Span;
	readonly attributes: XmlAttribute[];
	readonly children: XmlNode[];
	readonly parent: XmlElement | undefined;
	/** Offset just past the `>` of the start tag (or of `/>`). */
	openEnd: number;
	/** The end tag, when there is one. */
	close: Span | undefined;
	selfClosing: boolean;
	end: number;
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

export interface XmlProblem extends Span {
	readonly message: string;
	/** `doctype` for a refused DOCTYPE or entity declaration, `syntax` for anything else. */
	readonly kind: 'syntax' | 'doctype';
}

export interface XmlDocument {
	/** Top-level nodes; a well-formed document has exactly one element among them. */
	readonly nodes: XmlNode[];
	readonly problems: XmlProblem[];
}

export const MAX_XML_DEPTH = 256;

function isNameStart(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xb7;
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A forgiving XML parser that keeps the exact source span of every element, attribute, text and
 * CDATA section. It never throws and never expands anything: a DOCTYPE (and so any entity
 * declaration) is reported and skipped. Mismatched or missing end tags are reported and repaired
 * the way an editor user would expect, so a half-typed document still has a usable tree.
 */
export function parseXml(text: string, start = 0, end = text.length): XmlDocument {
	const problems: XmlProblem[] = [];
	const root: XmlNode[] = [];
	const stack: XmlElement[] = [];
	let i = start;
	const problem = (s: number, e: number, message: string, kind: XmlProblem['kind'] = 'syntax') => {
		problems.push({ start: s, end: Math.max(e, s), message, kind });
	};
	const append = (node: XmlNode) => {
		const parent = stack[stack.length - 1];
		(parent ? parent.children : root).push(node);
	};
	// Hand-written scanners: a regular expression per name or blank would allocate a match each time.
	const skipSpace = () => {
		while (i < end && isSpace(text.charCodeAt(i))) {
			i++;
		}
	};
	const readName = (): Span | undefined => {
		if (i >= end || !isNameStart(text.charCodeAt(i))) {
			return undefined;
		}
		const start = i;
		i++;
		while (i < end && isNameChar(text.charCodeAt(i))) {
			i++;
		}
		return { start, end: i };
	};

	while (i < end) {
		const lt = text.indexOf('<', i);
		const textEnd = lt < 0 || lt > end ? end : lt;
		if (textEnd > i) {
			// Blank text between elements means nothing to SyncML or a payload; leaving it out halves the tree.
			if (!isBlank(text, i, textEnd)) {
				append(textNode(i, textEnd));
			}
			i = textEnd;
			continue;
		}
		if (text.startsWith('<!--', i)) {
			const close = text.indexOf('-->', i + 4);
			const stop = close < 0 || close + 3 > end ? end : close + 3;
			if (close < 0 || close + 3 > end) {
				problem(i, i + 4, 'This comment is never closed: end it with -->.');
			}
			append({ kind: 'comment', start: i, end: stop });
			i = stop;
			continue;
		}
		if (text.startsWith('<![CDATA[', i)) {
			const close = text.indexOf(']]>', i + 9);
			const closed = close >= 0 && close + 3 <= end;
			if (!closed) {
				problem(i, i + 9, 'This CDATA section is never closed: end it with ]]>.');
			}
			const contentEnd = closed ? close : end;
			append({ kind: 'cdata', start: i, end: closed ? close + 3 : end, content: { start: i + 9, end: contentEnd } });
			i = closed ? close + 3 : end;
			continue;
		}
		if (text.startsWith('<!', i)) {
			// DOCTYPE (with any internal subset of entity declarations) is refused, never expanded.
			let depth = 0;
			let j = i + 2;
			for (; j < end; j++) {
				if (text[j] === '[') {
					depth++;
				} else if (text[j] === ']') {
					depth--;
				} else if (text[j] === '>' && depth <= 0) {
					break;
				}
			}
			const stop = Math.min(j + 1, end);
			problem(i, stop, 'DOCTYPE and entity declarations are not allowed in SyncML: remove this declaration. Nothing in it is read or expanded.', 'doctype');
			i = stop;
			continue;
		}
		if (text.startsWith('<?', i)) {
			const close = text.indexOf('?>', i + 2);
			const stop = close < 0 || close + 2 > end ? end : close + 2;
			if (close < 0 || close + 2 > end) {
				problem(i, i + 2, 'This processing instruction is never closed: end it with ?>.');
			}
			i = stop;
			continue;
		}
		if (text.startsWith('</', i)) {
			const tagStart = i;
			i += 2;
			const name = readName();
			skipSpace();
			const closed = text[i] === '>';
			if (closed) {
				i++;
			} else {
				problem(tagStart, i, 'This end tag is not closed: add >.');
			}
			const nameText = name ? text.slice(name.start, name.end) : '';
			const index = findOpen(stack, nameText);
			if (!name) {
				problem(tagStart, i, 'An end tag needs an element name, as in </Item>.');
			} else if (index < 0) {
				problem(tagStart, i, `</${nameText}> closes nothing: there is no open <${nameText}> element here. Remove it.`);
			} else {
				for (let k = stack.length - 1; k > index; k--) {
					const unclosed = stack[k];
					problem(unclosed.nameSpan.start - 1, unclosed.nameSpan.end, `<${unclosed.name}> is not closed: add </${unclosed.name}> before </${nameText}>.`);
					unclosed.end = tagStart;
				}
				const element = stack[index];
				element.close = { start: tagStart, end: i };
				element.end = i;
				stack.length = index;
			}
			continue;
		}
		// A start tag.
		const tagStart = i;
		i++;
		const name = readName();
		if (!name) {
			problem(tagStart, tagStart + 1, 'A < must start an element name, a comment or CDATA; write &lt; for a literal <.');
			append(textNode(tagStart, tagStart + 1));
			continue;
		}
		const element: XmlElement = {
			kind: 'element',
			name: text.slice(name.start, name.end),
			nameSpan: name,
			attributes: [],
			children: [],
			parent: stack[stack.length - 1],
			start: tagStart,
			openEnd: end,
			close: undefined,
			selfClosing: false,
			end,
		};
		append(element);
		readAttributes(element);
		if (text.startsWith('/>', i)) {
			i += 2;
			element.selfClosing = true;
			element.openEnd = i;
			element.end = i;
		} else if (text[i] === '>') {
			i++;
			element.openEnd = i;
			if (stack.length >= MAX_XML_DEPTH) {
				problem(name.start, name.end, `Elements are nested more than ${MAX_XML_DEPTH} deep; SyncML never needs that. The rest of this element is not read.`);
				i = end;
				break;
			}
			stack.push(element);
		} else {
			problem(tagStart, Math.max(i, name.end), `The start tag <${element.name}> is not closed: add > (or /> for an empty element).`);
			element.openEnd = i;
			element.end = i;
		}
	}
	for (let k = stack.length - 1; k >= 0; k--) {
		const unclosed = stack[k];
		problem(unclosed.nameSpan.start - 1, unclosed.nameSpan.end, `<${unclosed.name}> is not closed: add </${unclosed.name}>.`);
	}
	return { nodes: root, problems };

	function readAttributes(element: XmlElement): void {
		const seen = new Set<string>();
		for (;;) {
			const before = i;
			skipSpace();
			if (i >= end || text[i] === '>' || text.startsWith('/>', i) || text[i] === '<') {
				return;
			}
			if (i === before) {
				problem(i, i + 1, 'Separate attributes with a space.');
			}
			const attrName = readName();
			if (!attrName) {
				problem(i, i + 1, `Unexpected ${JSON.stringify(text[i])} in the start tag of <${element.name}>.`);
				i++;
				continue;
			}
			const nameText = text.slice(attrName.start, attrName.end);
			skipSpace();
			let valueSpan: Span | undefined;
			let attrEnd = attrName.end;
			if (text[i] === '=') {
				i++;
				skipSpace();
				const quote = text[i];
				if (quote === '"' || quote === '\'') {
					const close = text.indexOf(quote, i + 1);
					const stop = close < 0 || close >= end ? end : close;
					valueSpan = { start: i + 1, end: stop };
					if (close < 0 || close >= end) {
						problem(i, stop, `The value of ${nameText} is not closed: add ${quote}.`);
						i = stop;
					} else {
						i = stop + 1;
					}
					const lt = text.indexOf('<', valueSpan.start);
					if (lt >= 0 && lt < valueSpan.end) {
						problem(lt, lt + 1, `An attribute value cannot contain <: write &lt; instead.`);
					}
					attrEnd = i;
				} else {
					problem(attrName.start, i, `The value of ${nameText} must be in quotes, as in ${nameText}="...".`);
				}
			} else {
				problem(attrName.start, attrName.end, `The attribute ${nameText} needs a value, as in ${nameText}="...".`);
			}
			if (seen.has(nameText)) {
				problem(attrName.start, attrName.end, `The attribute ${nameText} appears twice in <${element.name}>; keep one.`);
			}
			seen.add(nameText);
			element.attributes.push({ name: nameText, nameSpan: attrName, valueSpan, start: attrName.start, end: attrEnd });
		}
	}
}

function isBlank(text: string, start: number, end: number): boolean {
	for (let k = start; k < end; k++) {
		if (!isSpace(text.charCodeAt(k))) {
			return false;
		}
	}
	return true;
}

/** A text node is its own content span. */
function textNode(start: number, end: number): XmlText {
	const node = { kind: 'text' as const, start, end, content: undefined as unknown as Span };
	node.content = node;
	return node;
}

function findOpen(stack: readonly XmlElement[], name: string): number {
	for (let k = stack.length - 1; k >= 0; k--) {
		if (stack[k].name === name) {
			return k;
		}
	}
	return -1;
}

/** Child elements of `element`, optionally only those with `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
	return element.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));
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
