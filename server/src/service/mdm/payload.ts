import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import { composeDecoded, decodeEntities, sourceSpan, type Decoded } from '../xml/entities';
import { attribute, parseXml, type XmlElement } from '../xml/xmlParser';
import { XmlScanner, type ScannedAttribute } from '../xml/xmlScanner';
import { forForm } from './payloadText';
import type { PayloadForm } from './payloadText';

export interface PayloadDataItem {
	/** The `<data .../>` element, in source offsets. */
	readonly span: Span;
	readonly id: { readonly value: string; readonly span: Span } | undefined;
	/** The decoded attribute value, mapped to the source through both layers of escaping. */
	readonly value: Decoded | undefined;
	readonly valueSpan: Span | undefined;
}

export interface ParsedPayload {
	readonly state: { readonly value: 'enabled' | 'disabled'; readonly span: Span } | undefined;
	readonly items: readonly PayloadDataItem[];
	/** Decoded offset just past the last `<enabled/>` or `<data/>`: where new items go. */
	readonly insertAt: number;
	/** What keeps the payload from being read as written: its XML, references and element order. */
	readonly problems: readonly Problem[];
}

/**
 * Reads the ADMX payload carried in `<Data>`: `<enabled/>` or `<disabled/>`, then `<data id value/>`
 * items. Problems point at the source characters, through the Data escaping and the attribute's own.
 */
/** What a payload is read from: `<Data>`, or any other text mapped to its source (an Intune OMA setting's value). */
export interface PayloadSource {
	readonly decoded: Decoded;
	/** Where an empty payload is reported. */
	readonly element: { readonly nameSpan: Span };
	/** How the payload is written in its source, for fixes that write characters into it. */
	readonly form: PayloadForm;
}

/**
 * Reads the ADMX payload carried in `<Data>`: `<enabled/>` or `<disabled/>`, then `<data id value/>`
 * items. Problems point at the source characters, through the Data escaping and the attribute's own.
 */
export function parsePayload(data: PayloadSource): ParsedPayload {
	const problems: Problem[] = [];
	const decoded = data.decoded;
	const payload = decoded.value;
	const toSource = (start: number, end: number) => sourceSpan(decoded, start, end);
	for (const bad of decoded.invalid) {
		problems.push({ code: 'xml-syntax', span: bad, message: `${bad.text} is not a valid reference: write &amp; for a literal &.` });
	}
	if (payload.trim() === '') {
		problems.push({ code: 'payload-syntax', span: data.element.nameSpan, message: 'The payload is empty: write <enabled/> (with a <data id value/> item per option) or <disabled/>.' });
		return { state: undefined, items: [], insertAt: 0, problems };
	}
	const xml = parseXml(payload);
	for (const p of xml.problems) {
		problems.push({ code: 'payload-syntax', span: toSource(p.start, p.end), message: `In the payload: ${p.message}` });
	}
	let state: ParsedPayload['state'];
	const items: PayloadDataItem[] = [];
	let insertAt = 0;
	for (const node of xml.nodes) {
		if (node.kind === 'text' && payload.slice(node.start, node.end).trim() !== '') {
			problems.push({ code: 'payload-syntax', span: toSource(node.start, node.end), message: 'Text between payload elements: the payload holds only <enabled/> or <disabled/> and <data id value/> items.' });
			continue;
		}
		if (node.kind !== 'element') {
			continue;
		}
		const name = node.name.toLowerCase();
		checkCase(node, name, toSource, problems);
		const span = toSource(node.start, node.end);
		if (name === 'enabled' || name === 'disabled') {
			if (state) {
				problems.push({ code: 'payload-syntax', span, message: `The payload already starts with <${state.value}/>; remove this <${node.name}>.` });
				continue;
			}
			if (items.length > 0) {
				problems.push({ code: 'payload-syntax', span, message: `<${name}/> must come first in the payload, before the data items.` });
			}
			state = { value: name, span };
			insertAt = node.end;
			continue;
		}
		if (name !== 'data') {
			problems.push({ code: 'payload-syntax', span: toSource(node.nameSpan.start, node.nameSpan.end), message: `<${node.name}> is not a payload element: use <enabled/>, <disabled/> or <data id="..." value="..."/>.` });
			continue;
		}
		if (!state) {
			problems.push({ code: 'payload-syntax', span, message: 'A data item before <enabled/>: the payload must start with <enabled/>.' });
		}
		items.push(readDataItem(payload, decoded, node, data.form, toSource, problems));
		insertAt = node.end;
	}
	if (!state && items.length === 0 && xml.problems.length === 0) {
		problems.push({ code: 'payload-syntax', span: toSource(0, payload.length), message: 'The payload must be <enabled/> (with a <data id value/> item per option) or <disabled/>.' });
	}
	return { state, items, insertAt, problems };
}

function checkCase(node: XmlElement, lower: string, toSource: (s: number, e: number) => Span, problems: Problem[]): void {
	if (node.name === lower || !['enabled', 'disabled', 'data'].includes(lower)) {
		return;
	}
	const spans = [node.nameSpan, ...(node.close ? [{ start: node.close.start + 2, end: node.close.start + 2 + node.name.length }] : [])].map((s) => toSource(s.start, s.end));
	problems.push({
		code: 'payload-case',
		span: spans[0],
		message: `<${node.name}> is read as <${lower}>: Microsoft's docs write both cases. rapolicy writes <${lower}>, the form most of Microsoft's samples use.`,
		fixes: [{ title: `Change to ${lower}`, edits: spans.map((span) => ({ span, newText: lower })), preferred: true }],
	});
}

function readDataItem(payload: string, decoded: Decoded, node: XmlElement, form: PayloadForm, toSource: (s: number, e: number) => Span, problems: Problem[]): PayloadDataItem {
	const span = toSource(node.start, node.end);
	const idAttr = attribute(node, 'id');
	const valueAttr = attribute(node, 'value');
	if (!idAttr?.valueSpan) {
		problems.push({ code: 'payload-syntax', span, message: 'This data item has no id: write <data id="ELEMENT_ID" value="..."/>.' });
	}
	if (!valueAttr?.valueSpan) {
		problems.push({ code: 'payload-syntax', span, message: 'This data item has no value: write <data id="ELEMENT_ID" value="..."/>.' });
	}
	for (const other of node.attributes) {
		if (other.name !== 'id' && other.name !== 'value') {
			problems.push({ code: 'payload-syntax', span: toSource(other.start, other.end), message: `A data item has only id and value; remove ${other.name}.` });
		}
	}
	if (node.children.some((c) => c.kind !== 'comment' && (c.kind === 'element' || payload.slice(c.start, c.end).trim() !== ''))) {
		problems.push({ code: 'payload-syntax', span, message: 'A data item is empty: write it as <data id="..." value="..."/>.' });
	}
	const id = idAttr?.valueSpan && { value: decodeEntities(payload, idAttr.valueSpan.start, idAttr.valueSpan.end).value, span: toSource(idAttr.valueSpan.start, idAttr.valueSpan.end) };
	const inner = valueAttr?.valueSpan && decodeEntities(payload, valueAttr.valueSpan.start, valueAttr.valueSpan.end);
	if (inner && valueAttr?.valueSpan) {
		for (const bad of inner.invalid) {
			problems.push({ code: 'payload-syntax', span: toSource(bad.start, bad.end), message: `${bad.text} is not a valid reference in the payload: write &amp; for a literal &.` });
		}
		checkWhitespace(payload, valueAttr.valueSpan, id?.value, form, toSource, problems);
	}
	return {
		span,
		id,
		value: inner && composeDecoded(decoded, inner),
		valueSpan: valueAttr?.valueSpan && toSource(valueAttr.valueSpan.start, valueAttr.valueSpan.end),
	};
}

const WHITESPACE_NAMES: Record<string, string> = { '\r\n': 'line break', '\n': 'line feed', '\r': 'carriage return', '\t': 'tab' };

/**
 * Literal tabs and line breaks in an attribute value of the payload. An XML parser turns each into
 * a space (XML 1.0 attribute-value normalisation), so a multi-line message would silently reach
 * the device on one line; only a character reference keeps it. The fix writes the reference in the
 * form the Data uses (escaped once more inside escaped Data).
 */
function checkWhitespace(payload: string, span: Span, id: string | undefined, form: PayloadForm, toSource: (s: number, e: number) => Span, problems: Problem[]): void {
	const raw = payload.slice(span.start, span.end);
	for (const match of raw.matchAll(/\r\n|[\t\n\r]/g)) {
		const start = span.start + match.index;
		const reference = [...match[0]].map((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join('');
		const source = toSource(start, start + match[0].length);
		problems.push({
			code: 'payload-whitespace',
			span: source,
			message: `A literal ${WHITESPACE_NAMES[match[0]]} in ${id ? `the value of ${id}` : 'a data value'}: an XML parser reads it as a space. Write ${reference} to keep it.`,
			fixes: [{ title: `Write ${reference}`, edits: [{ span: source, newText: forForm(reference, form) }], preferred: true }],
		});
	}
}

/** A start tag of a payload as written, possibly half typed, in offsets of the decoded payload. */
export interface PayloadTag extends Span {
	readonly name: string;
	readonly attributes: readonly ScannedAttribute[];
	/** Whether the tag ends with > or />; a half-typed one runs to the end of the payload. */
	readonly closed: boolean;
}

/** The start tags of a payload, read by the XML tokenizer without judging them, for completion. */
export function payloadTags(payload: string): PayloadTag[] {
	const tags: PayloadTag[] = [];
	const scanner = new XmlScanner(payload, 0, payload.length, undefined);
	while (scanner.next()) {
		if (scanner.kind === 'start-tag') {
			const name = scanner.name();
			const start = scanner.start;
			const attributes = scanner.readAttributes(name);
			const closed = scanner.closeStartTag(name) !== 'unclosed';
			tags.push({ name, start, end: scanner.end, attributes, closed });
		}
	}
	return tags;
}
