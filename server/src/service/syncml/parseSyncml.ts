import type { Span } from '../text/span';
import { checkProfile } from '../validation/policyRules';
import type { Problem } from '../validation/problem';
import { shiftProblem } from '../validation/shiftProblem';
import { measureElement, parseXml, type XmlDocument, type XmlElement, type XmlNode, type XmlProblem } from '../xml/xmlParser';
import { checkCommand } from './commandRules';
import { lowerItem, SyncmlEditWriter } from './lowerSyncml';
import { checkCmdIds, checkFrame, type SyncmlFrame } from './messageRules';
import { remoteAssistanceItems, type RaItem } from './raItem';
import { readCommand } from './readCommand';
import { COMMANDS } from './syncmlGrammar';
import { allCommands, type CommandChunk, type CommandChunkResult, type SyncmlCommand } from './syncmlModel';

/**
 * A SyncML file read as a frame (the XML around the commands, with each command of SyncBody left
 * as a skipped element) and one chunk per command, read on its own in offsets relative to its
 * start. An edit inside one command reads that command again and moves the rest; every other
 * change reads the frame again and reuses each command whose text it finds unchanged.
 */
export interface SyncmlParse extends SyncmlFrame {
	readonly frame: XmlDocument;
	/** The commands of SyncBody, in order; the skipped elements of the frame, one for one. */
	readonly chunks: readonly CommandChunk[];
	/** Every problem, in file offsets. */
	readonly problems: readonly Problem[];
}

const splitCommands = (name: string, parent: XmlElement | undefined) => parent?.name === 'SyncBody' && COMMANDS.has(name);

export function parseSyncml(text: string, previous?: { readonly text: string; readonly parse: SyncmlParse }): SyncmlParse {
	return (previous && reparseEdit(text, previous.text, previous.parse)) ?? parseWhole(text, previous);
}

function parseWhole(text: string, previous: { readonly text: string; readonly parse: SyncmlParse } | undefined): SyncmlParse {
	const frame = parseXml(text, 0, text.length, { split: splitCommands });
	const known = new Map(previous?.parse.chunks.map((c) => [previous.text.slice(c.start, c.start + c.result.length), c.result]));
	const chunks = skippedElements(frame.nodes).map((element) => {
		const source = text.slice(element.start, element.end);
		return { start: element.start, result: known.get(source) ?? readCommandChunk(ownCopy(source)) };
	});
	return assembleMessage(text, frame, chunks);
}

/**
 * The fast path: an edit that stays inside one command (past its name), or only changes the
 * blanks between two commands. Undefined when the edit is anything else.
 */
function reparseEdit(text: string, oldText: string, parse: SyncmlParse): SyncmlParse | undefined {
	const chunks = parse.chunks;
	if (chunks.length === 0) {
		return undefined;
	}
	const prefix = commonPrefix(oldText, text);
	const suffix = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - prefix);
	const oldEnd = oldText.length - suffix;
	const delta = text.length - oldText.length;
	const k = lastChunkBefore(chunks, prefix);
	const skipped = skippedElements(parse.frame.nodes);
	if (k >= 0) {
		const chunk = chunks[k];
		const end = chunk.start + chunk.result.length;
		if (prefix > chunk.start + chunk.result.command.element.nameSpan.end && oldEnd <= end) {
			const element = skipped[k];
			const measured = measureElement(text, chunk.start, ancestorNames(element));
			if (measured && measured.end === end + delta && (measured.close === undefined) === (element.close === undefined)) {
				const result = readCommandChunk(ownCopy(text.slice(chunk.start, measured.end)));
				const moved = chunks.map((c, i) => (i < k ? c : i === k ? { start: c.start, result } : { start: c.start + delta, result: c.result }));
				return assembleMessage(text, shiftDocument(parse.frame, oldEnd, delta), moved);
			}
		}
		const next = chunks[k + 1];
		if (prefix >= end && next && oldEnd <= next.start && skipped[k].parent === skipped[k + 1].parent && isBlankBetween(oldText, end, next.start) && isBlankBetween(text, end, next.start + delta)) {
			const moved = chunks.map((c, i) => (i <= k ? c : { start: c.start + delta, result: c.result }));
			return assembleMessage(text, shiftDocument(parse.frame, oldEnd, delta), moved);
		}
	}
	return undefined;
}

/** Reads one command on its own: its XML, model, rules, lowering and the policy rules of what it sets. */
export function readCommandChunk(source: string): CommandChunkResult {
	const xml = parseXml(source);
	const problems: Problem[] = xml.problems.map(xmlProblem);
	const element = xml.nodes.find((n): n is XmlElement => n.kind === 'element') as XmlElement;
	const damaged = xml.problems.length > 0;
	const command = readCommand(source, element);
	const commands = allCommands(command);
	const raItems = new Map<SyncmlCommand, readonly RaItem[]>();
	const writer = new SyncmlEditWriter(source);
	const settings = [];
	for (const c of commands) {
		const entries = remoteAssistanceItems(c);
		if (entries.length > 0) {
			raItems.set(c, entries);
		}
		for (const entry of entries) {
			const setting = lowerItem(entry, writer);
			if (setting) {
				settings.push(setting);
			}
		}
	}
	checkCommand(source, command, raItems, damaged, problems);
	checkProfile({ name: undefined, description: undefined, scope: undefined, policies: settings, span: { start: 0, end: source.length } }, writer, problems);
	return { length: source.length, command, commands, damaged, problems, settings };
}

/** The message-level checks over the frame and the chunks, and every problem in file offsets. */
export function assembleMessage(text: string, frame: XmlDocument, chunks: readonly CommandChunk[]): SyncmlParse {
	const problems: Problem[] = frame.problems.map(xmlProblem);
	const found = checkFrame(text, frame, problems);
	checkCmdIds(chunks, problems);
	for (const chunk of chunks) {
		problems.push(...problemsAt(chunk));
	}
	return { ...found, frame, chunks, problems };
}

export function xmlProblem(p: XmlProblem): Problem {
	return {
		code: p.kind === 'doctype' ? 'xml-doctype' : 'xml-syntax',
		span: { start: p.start, end: p.end },
		message: p.message,
		fixes: p.replace ? [{ title: `Change to ${p.replace.newText}`, edits: [p.replace], preferred: true }] : undefined,
	};
}

/** The last placement of each chunk's problems; a chunk that stays put is not moved again. */
const placedProblems = new WeakMap<CommandChunkResult, { start: number; problems: readonly Problem[] }>();

function problemsAt(chunk: CommandChunk): readonly Problem[] {
	const known = placedProblems.get(chunk.result);
	if (known?.start === chunk.start) {
		return known.problems;
	}
	const problems = chunk.result.problems.map((p) => shiftProblem(p, chunk.start));
	placedProblems.set(chunk.result, { start: chunk.start, problems });
	return problems;
}

/** The skipped (command) elements of a frame, in document order. */
export function skippedElements(nodes: readonly XmlNode[]): XmlElement[] {
	const found: XmlElement[] = [];
	const walk = (list: readonly XmlNode[]) => {
		for (const node of list) {
			if (node.kind !== 'element') {
				continue;
			}
			if (node.skipped) {
				found.push(node);
			} else {
				walk(node.children);
			}
		}
	};
	walk(nodes);
	return found;
}

function ancestorNames(element: XmlElement): string[] {
	const names: string[] = [];
	for (let e = element.parent; e; e = e.parent) {
		names.unshift(e.name);
	}
	return names;
}

function lastChunkBefore(chunks: readonly CommandChunk[], offset: number): number {
	let low = 0;
	let high = chunks.length - 1;
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (chunks[mid].start < offset) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}

function commonPrefix(a: string, b: string): number {
	const max = Math.min(a.length, b.length);
	let i = 0;
	while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) {
		i++;
	}
	return i;
}

function commonSuffix(a: string, b: string, max: number): number {
	let n = 0;
	const la = a.length - 1;
	const lb = b.length - 1;
	while (n < max && a.charCodeAt(la - n) === b.charCodeAt(lb - n)) {
		n++;
	}
	return n;
}

function isBlankBetween(text: string, start: number, end: number): boolean {
	return text.slice(start, end).trim() === '';
}

/**
 * A copy that shares no memory with the file's text: a slice would keep the whole version of
 * the file alive for as long as the chunk is reused.
 */
function ownCopy(slice: string): string {
	return (` ${slice}`).slice(1);
}

/** The frame after an edit that left it alone: offsets at or past `at` move by `delta`. */
function shiftDocument(doc: XmlDocument, at: number, delta: number): XmlDocument {
	const move = (n: number) => (n >= at ? n + delta : n);
	const span = <T extends Span>(s: T): T => ({ ...s, start: move(s.start), end: move(s.end) });
	const copy = (node: XmlNode, parent: XmlElement | undefined): XmlNode => {
		if (node.kind === 'element' && node.skipped) {
			// The frame holds one of these per command: copied field by field, it is the bulk of an edit's work.
			return {
				kind: 'element',
				name: node.name,
				nameSpan: { start: move(node.nameSpan.start), end: move(node.nameSpan.end) },
				attributes: node.attributes,
				children: node.children,
				parent,
				start: move(node.start),
				openEnd: move(node.openEnd),
				close: node.close && { start: move(node.close.start), end: move(node.close.end) },
				selfClosing: node.selfClosing,
				end: move(node.end),
				skipped: true,
			};
		}
		if (node.kind === 'comment') {
			return span(node);
		}
		if (node.kind !== 'element') {
			const moved = { ...span(node), content: span(node.content) };
			return node.kind === 'text' ? { ...moved, content: moved } : moved;
		}
		const element: XmlElement = {
			...span(node),
			nameSpan: span(node.nameSpan),
			attributes: node.attributes.map((a) => ({ ...span(a), nameSpan: span(a.nameSpan), valueSpan: a.valueSpan && span(a.valueSpan) })),
			children: [],
			parent,
			openEnd: move(node.openEnd),
			close: node.close && span(node.close),
		};
		element.children.push(...node.children.map((c) => copy(c, element)));
		return element;
	};
	return {
		nodes: doc.nodes.map((n) => copy(n, undefined)),
		problems: doc.problems.map((p) => ({ ...span(p), replace: p.replace && { span: span(p.replace.span), newText: p.replace.newText } })),
	};
}
