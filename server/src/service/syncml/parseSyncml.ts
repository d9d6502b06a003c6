import type { OptionValue, PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';
import { checkProfile } from '../policy/policyRules';
import type { Problem } from '../problems/problem';
import { guarded, type CheckedPart } from '../problems/guard';
import { moveProblemSpans, shiftProblem } from '../problems/shiftProblem';
import { lineNumbers } from '../text/lines';
import { placement } from '../text/placement';
import { firstChild, measureElement, parseXml, XmlElement, type XmlDocument, type XmlNode, type XmlProblem } from '../xml/xmlParser';
import { isBlank } from '../xml/xmlScanner';
import { checkCommand } from './commandRules';
import { lowerItem, SyncmlEditWriter } from './lowerSyncml';
import { documentKind, sentByDevice, type FrameKind, type SyncmlKind } from './documentKind';
import { checkCmdIds, checkFrame, type SyncmlFrame } from './messageRules';
import { conflictProblems, findConflicts, policyWrite, updateConflicts, type Conflict } from './policyWrites';
import type { IngestionCheck } from '../ingestion/ingestedSettings';
import { ingestionCheck, readIngestion } from './ingestion';
import { readMdmWinsOverGp } from './mdmWinsOverGp';
import { remoteAssistanceItems, type RaItem } from './raItem';
import { readCommand } from './readCommand';
import { COMMANDS } from './syncmlGrammar';
import { allCommands, type CommandChunk, type CommandChunkResult, type PolicyWrite, type SyncmlCommand, type SyncmlItem } from './syncmlModel';
import { append } from '../text/append';

/**
 * A SyncML file read as a frame (the XML around the commands, with each command of SyncBody, or
 * each top-level command of a profile, left as a skipped element) and one chunk per command, read
 * on its own in offsets relative to its start. An edit inside one command reads that command again and moves the rest; every other
 * change reads the frame again and reuses each command whose text it finds unchanged.
 */
export interface SyncmlParse extends SyncmlFrame {
	/** Built on first use after an edit that only moved it. */
	readonly frame: XmlDocument;
	/** The commands of SyncBody or of a profile, in order; the skipped elements of the frame, one for one. */
	readonly chunks: readonly CommandChunk[];
	/** What kind of SyncML document this is; undefined when its root says nothing SyncML. */
	readonly kind: SyncmlKind | undefined;
	/** Every problem, in file offsets. */
	readonly problems: readonly Problem[];
	/** The checks of ingested ADMX policies across commands, whose problems are among `problems`. */
	readonly ingestion: IngestionCheck;
	/** Whether a comment may silence a line (`rapolicy-disable-next-line`), known without reading the whole text. */
	readonly directives: boolean;
	/** What the next edit reuses. */
	readonly reuse: Reusable;
}

/** The parts of a parse that an edit inside one command only moves. */
interface Reusable {
	readonly frame: LazyFrame;
	/** What the frame says of the kind; an edit inside one command never changes it. */
	readonly frameKind: FrameKind;
	/** Problems of the frame and of the message around the commands, in file offsets. */
	readonly frameProblems: readonly Problem[];
	/** Whether a comment of the frame may silence a line. */
	readonly directives: boolean;
	readonly cmdIds: CmdIdIndex;
	/** Writes that undo the write before them on the same policy. */
	readonly conflicts: readonly Conflict[];
}

/** The 1-based line of a file offset, for messages that name another place in the file. */
export type LineOf = (offset: number) => number;

/** One change from the previous text, in its offsets: `[start, oldEnd)` became `text`. */
export interface TextChange {
	readonly start: number;
	readonly oldEnd: number;
	readonly text: string;
}

/** A text read only when needed: an edit inside one command never reads the whole file. */
export interface LazyText {
	readonly length: number;
	read(): string;
}

/** The commands read one by one: those of a SyncBody, and a profile's top-level ones. */
const splitCommands = (name: string, parent: XmlElement | undefined) => (parent === undefined || parent.name === 'SyncBody') && COMMANDS.has(name);

export function parseSyncml(text: LazyText, previous?: { readonly text: LazyText; readonly parse: SyncmlParse; readonly change?: TextChange }, lineOf: LineOf = lineNumbers(() => text.read())): SyncmlParse {
	return (previous && reparseEdit(text, previous.text, previous.parse, previous.change, lineOf)) ?? parseWhole(text.read(), previous, lineOf);
}

function parseWhole(text: string, previous: { readonly text: LazyText; readonly parse: SyncmlParse } | undefined, lineOf: LineOf): SyncmlParse {
	const frame = parseXml(text, 0, text.length, { split: splitCommands });
	const known = new Map(previous?.parse.chunks.map((c) => [c.result.source, c.result]));
	const outers = new Map<XmlElement | undefined, readonly string[]>();
	const elements = skippedElements(frame.nodes);
	const chunks = elements.map((element, i) => {
		const source = text.slice(element.start, element.end);
		let outer = outers.get(element.parent);
		if (!outer) {
			outer = ancestorNames(element);
			outers.set(element.parent, outer);
		}
		const next = elements[i + 1];
		const blankAfter = next !== undefined && next.parent === element.parent && isBlank(text, element.end, next.start);
		// A first read may share the file's text, which the editor's copy holds anyway; a command read
		// again after an edit gets its own, so that it does not keep that version of the file alive.
		return { start: element.start, outer, blankAfter, result: known.get(source) ?? readCommandChunk(previous ? ownCopy(source) : source) };
	});
	return assembleMessage(text, frame, chunks, lineOf);
}

/**
 * The fast path: an edit that stays inside one command (past its name), or only changes the
 * blanks between two commands. It reads the command's own text, never the whole file. Undefined
 * when the edit is anything else.
 */
function reparseEdit(text: LazyText, oldText: LazyText, parse: SyncmlParse, known: TextChange | undefined, lineOf: LineOf): SyncmlParse | undefined {
	const chunks = parse.chunks;
	const change = known ?? diff(oldText.read(), text.read());
	const delta = change.text.length - (change.oldEnd - change.start);
	if (chunks.length === 0 || text.length - oldText.length !== delta) {
		return undefined;
	}
	const k = lastChunkBefore(chunks, change.start);
	if (k < 0) {
		return undefined;
	}
	const chunk = chunks[k];
	const end = chunk.start + chunk.result.length;
	const moved = (i: number) => placedChunk(chunks[i], chunks[i].start + delta);
	if (change.start > chunk.start + chunk.result.command.element.nameSpan.end && change.oldEnd <= end) {
		// Only a command that closed can be measured on its own text: its end tag must still end it.
		const old = chunk.result;
		const source = old.source.slice(0, change.start - chunk.start) + change.text + old.source.slice(change.oldEnd - chunk.start);
		const measured = old.command.element.close ? measureElement(source, 0, chunk.outer) : undefined;
		if (measured?.close && measured.end === source.length) {
			const result = readCommandChunk(ownCopy(source));
			const next = chunks.map((c, i) => (i < k ? c : i === k ? placedChunk(c, c.start, result) : moved(i)));
			return moveMessage(parse.reuse, change.oldEnd, delta, next, { at: k, removed: old, added: result }, lineOf);
		}
		return undefined;
	}
	const following = chunks[k + 1];
	if (chunk.blankAfter && change.start >= end && following && change.oldEnd <= following.start && !/[^ \t\r\n]/.test(change.text)) {
		return moveMessage(parse.reuse, change.oldEnd, delta, chunks.map((c, i) => (i <= k ? c : moved(i))), undefined, lineOf);
	}
	return undefined;
}

/** A chunk at `start`; written out field by field, since an edit places thousands of them. */
function placedChunk(chunk: CommandChunk, start: number, result = chunk.result): CommandChunk {
	return { start, outer: chunk.outer, blankAfter: chunk.blankAfter, result };
}

/** The one change that turns `before` into `after`: their common start and end left out. */
function diff(before: string, after: string): TextChange {
	const start = commonPrefix(before, after);
	const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - start);
	return { start, oldEnd: before.length - suffix, text: after.slice(start, after.length - suffix) };
}

/**
 * The message after an edit that left the frame as it was: its problems and the frame move, and
 * only the CmdIDs of a re-read command are counted again and only its conflicts looked for again.
 */
function moveMessage(reuse: Reusable, at: number, delta: number, chunks: readonly CommandChunk[], swap: { at: number; removed: CommandChunkResult; added: CommandChunkResult } | undefined, lineOf: LineOf): SyncmlParse {
	const cmdIds = swap ? reuse.cmdIds.replace(swap.removed, swap.added, chunks) : reuse.cmdIds;
	const conflicts = swap ? updateConflicts(reuse.conflicts, chunks, swap.at, swap.removed) : reuse.conflicts;
	const frameProblems = reuse.frameProblems.map((p) => moveProblem(p, at, delta));
	return message(new LazyFrame(reuse.frame, at, delta), reuse.frameKind, frameProblems, reuse.directives, { cmdIds, conflicts }, chunks, lineOf);
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
	const settings: PolicySetting[] = [];
	const writes: PolicyWrite[] = [];
	for (const c of commands) {
		guarded('Remote Assistance items', commandPart(c), problems, () => {
			const entries = remoteAssistanceItems(c);
			if (entries.length > 0) {
				raItems.set(c, entries);
			}
			for (const entry of entries) {
				const setting = lowerItem(entry, writer);
				if (setting) {
					settings.push(setting);
					// What a device reports is no write: it cannot undo or repeat one.
					if (c.name !== 'Results') {
						writes.push(policyWrite(entry, setting));
					}
				}
			}
		}, undefined);
	}
	const part = commandPart(command);
	guarded('command', part, problems, () => checkCommand(source, command, raItems, damaged, problems), undefined);
	const ingestion = guarded('ADMX ingestion', part, problems, () => readIngestion(source, commands, problems), undefined);
	const mdmWinsOverGp = guarded('MDMWinsOverGP', part, problems, () => readMdmWinsOverGp(commands), []);
	checkProfile({ name: undefined, description: undefined, scope: undefined, admx: [], policies: settings, span: { start: 0, end: source.length } }, writer, problems);
	compactTree(element, source);
	trimCommand(command);
	settings.forEach(trimSetting);
	const fromDevice = commands.some(sentByDevice);
	return { source, length: source.length, command, commands: compact(commands), damaged, problems: compact(problems), directives: source.includes(DIRECTIVE), fromDevice, settings: compact(settings), writes: compact(writes), ingestion, mdmWinsOverGp };
}

/** A command in a sentence, over its whole element. */
function commandPart(command: SyncmlCommand): CheckedPart {
	return { span: { start: command.element.start, end: command.element.end }, name: `the ${command.name} command` };
}

const NONE: readonly never[] = Object.freeze([]);

/** An array of exactly its length, or the shared empty one: a growing array keeps room for 17. */
function compact<T>(items: readonly T[]): T[] {
	return (items.length === 0 ? NONE : items.slice()) as T[];
}

/*
 * What a command keeps once checked is what the message-level rules, the outline, folding and the
 * model need: the features that work at the cursor read the command again in full (placeCommand).
 * A large message keeps thousands of commands, so everything else is let go.
 */

/**
 * Elements and comments of several lines, for folding; text, CDATA and attributes are read into
 * the model by now. Returns whether the element itself spans lines or holds something that does.
 */
function compactTree(element: XmlElement, source: string): boolean {
	element.attributes = NONE;
	const kept: XmlNode[] = [];
	for (const child of element.children) {
		if (child.kind === 'element' ? compactTree(child, source) : child.kind === 'comment' && spansLines(source, child)) {
			kept.push(child);
		}
	}
	element.children = compact(kept);
	return kept.length > 0 || spansLines(source, element);
}

function spansLines(source: string, span: Span): boolean {
	const lf = source.indexOf('\n', span.start);
	const cr = source.indexOf('\r', span.start);
	return (lf >= 0 && lf < span.end) || (cr >= 0 && cr < span.end);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Lets go of Meta and Data, whose payloads and decoding maps served the checks. The model was
 * built by this read and is not shared yet, so it is trimmed in place rather than copied.
 */
function trimCommand(command: SyncmlCommand): void {
	(command as Writable<SyncmlCommand>).meta = undefined;
	for (const item of command.items) {
		(item as Writable<SyncmlItem>).meta = undefined;
		(item as Writable<SyncmlItem>).data = undefined;
	}
	command.children.forEach(trimCommand);
}

/** Lets go of the maps from values' characters to the source, which only the checks use. */
function trimSetting(setting: PolicySetting): void {
	const trim = (value: OptionValue | undefined): void => {
		if (value?.kind === 'list') {
			value.items.forEach(trim);
		} else if (value?.kind === 'scalar' && value.locate) {
			(value as Writable<typeof value>).locate = undefined;
		}
	};
	trim(setting.state);
	setting.options.forEach((o) => trim(o.value));
}

/** The checks of the message as a whole report a failure at its start. */
const MESSAGE: CheckedPart = { span: { start: 0, end: 0 }, name: 'this message' };

/** The message-level checks over the frame and the chunks, and every problem in file offsets. */
export function assembleMessage(text: string, frame: XmlDocument, chunks: readonly CommandChunk[], lineOf: LineOf = lineNumbers(() => text)): SyncmlParse {
	const frameProblems: Problem[] = frame.problems.map(xmlProblem);
	const kind = guarded('message structure', MESSAGE, frameProblems, () => checkFrame(text, frame, frameProblems), undefined);
	const directives = frameComments(frame.nodes).some((c) => text.slice(c.start, c.end).includes(DIRECTIVE));
	return message(new LazyFrame(frame), kind, frameProblems, directives, { cmdIds: CmdIdIndex.of(chunks), conflicts: findConflicts(chunks) }, chunks, lineOf);
}

function message(frame: LazyFrame, frameKind: FrameKind, frameProblems: readonly Problem[], directives: boolean, indexes: Pick<Reusable, 'cmdIds' | 'conflicts'>, chunks: readonly CommandChunk[], lineOf: LineOf): SyncmlParse {
	const problems = [...frameProblems];
	// A profile's server numbers its commands, so there a CmdID may be left out.
	const optional = frameKind === 'profile';
	// Most messages have unique CmdIDs; the index says so without looking at every command again.
	if (!indexes.cmdIds.clean(optional)) {
		guarded('CmdID', MESSAGE, problems, () => checkCmdIds(chunks, problems, optional), undefined);
	}
	guarded('conflicting commands', MESSAGE, problems, () => conflictProblems(indexes.conflicts, chunks, lineOf, problems), undefined);
	const ingestion = ingestionCheck(chunks);
	append(problems, ingestion.problems);
	for (const chunk of chunks) {
		if (chunk.result.problems.length > 0) {
			append(problems, problemsAt(chunk.result, chunk.start));
		}
	}
	let found: SyncmlFrame | undefined;
	const around = () => (found ??= frameElements(frame.doc));
	return {
		get frame() {
			return frame.doc;
		},
		get root() {
			return around().root;
		},
		get header() {
			return around().header;
		},
		get body() {
			return around().body;
		},
		chunks,
		kind: documentKind(frameKind, chunks.some((c) => c.result.fromDevice)),
		problems,
		ingestion,
		directives: directives || chunks.some((c) => c.result.directives),
		reuse: { frame, frameKind, frameProblems, directives, ...indexes },
	};
}

/**
 * Counts of the CmdID values of every command, kept across edits. The counts are updated in place
 * for the newest parse; an older parse that is edited again counts afresh.
 */
class CmdIdIndex {
	private constructor(
		private readonly counts: Map<string, number> & { owner?: CmdIdIndex },
		/** Values used more than once. */
		private readonly repeated: number,
		/** Commands whose CmdID is empty or 0. */
		private readonly flawed: number,
		/** Commands without a CmdID. */
		private readonly missing: number,
	) {}

	static of(chunks: readonly CommandChunk[]): CmdIdIndex {
		const index = new CmdIdIndex(new Map(), 0, 0, 0);
		return chunks.reduce((i, c) => i.adding(c.result, 1), index);
	}

	/** Whether no CmdID needs a word; with `optional`, missing ones do not. */
	clean(optional: boolean): boolean {
		return this.repeated === 0 && this.flawed === 0 && (optional || this.missing === 0);
	}

	/** The index after one command was read again; `chunks` are the new ones, for counting afresh. */
	replace(removed: CommandChunkResult, added: CommandChunkResult, chunks: readonly CommandChunk[]): CmdIdIndex {
		return this.counts.owner === this ? this.adding(removed, -1).adding(added, 1) : CmdIdIndex.of(chunks);
	}

	/** Counts a chunk in (+1) or out (-1); mutates, so only on an index of one's own. */
	private adding(result: CommandChunkResult, sign: 1 | -1): CmdIdIndex {
		let { repeated, flawed, missing } = this;
		for (const command of result.commands) {
			const value = command.cmdId?.value;
			if (value === undefined) {
				missing += sign;
				continue;
			}
			if (value === '' || value === '0') {
				flawed += sign;
				continue;
			}
			const before = this.counts.get(value) ?? 0;
			const after = before + sign;
			this.counts.set(value, after);
			if (before < 2 && after >= 2) {
				repeated++;
			} else if (before >= 2 && after < 2) {
				repeated--;
			}
		}
		const next = new CmdIdIndex(this.counts, repeated, flawed, missing);
		this.counts.owner = next;
		return next;
	}
}

/**
 * The frame as of some parse, or as moved by the edits since: built on first use, so an edit that
 * only needs diagnostics never copies it.
 */
class LazyFrame {
	private built: XmlDocument | undefined;

	constructor(
		private readonly source: LazyFrame | XmlDocument,
		private readonly at = 0,
		private readonly delta = 0,
	) {
		if (!(source instanceof LazyFrame)) {
			this.built = source;
		}
	}

	get doc(): XmlDocument {
		if (!this.built) {
			// Unbuilt frames of earlier edits are built first, oldest last, without deep recursion.
			const pending: LazyFrame[] = [];
			let frame: LazyFrame = this;
			while (!frame.built && frame.source instanceof LazyFrame) {
				pending.push(frame);
				frame = frame.source;
			}
			let doc = frame.built as XmlDocument;
			for (let i = pending.length - 1; i >= 0; i--) {
				const step = pending[i];
				doc = step.built = shiftDocument(doc, step.at, step.delta);
			}
		}
		return this.built as XmlDocument;
	}
}

function frameElements(frame: XmlDocument): SyncmlFrame {
	const root = frame.nodes.find((n): n is XmlElement => n.kind === 'element');
	if (root?.name === 'SyncBody') {
		return { root, header: undefined, body: root };
	}
	if (root?.name !== 'SyncML') {
		return { root, header: undefined, body: undefined };
	}
	return { root, header: firstChild(root, 'SyncHdr'), body: firstChild(root, 'SyncBody') };
}

/** Offsets at or past `at` moved by `delta`: the frame and its problems after an edit elsewhere. */
function movesPast(at: number, delta: number): (offset: number) => number {
	return (offset) => (offset >= at ? offset + delta : offset);
}

function moveProblem(problem: Problem, at: number, delta: number): Problem {
	const move = movesPast(at, delta);
	return delta === 0 || problem.span.end < at ? problem : moveProblemSpans(problem, (span) => ({ start: move(span.start), end: move(span.end) }));
}

function xmlProblem(p: XmlProblem): Problem {
	return {
		code: p.kind === 'doctype' ? 'xml-doctype' : 'xml-syntax',
		span: { start: p.start, end: p.end },
		message: p.message,
		fixes: p.replace ? [{ title: `Change to ${p.replace.newText}`, edits: [p.replace], preferred: true }] : undefined,
	};
}

const problemsAt = placement((result: CommandChunkResult, start: number) => result.problems.map((p) => shiftProblem(p, start)));

const DIRECTIVE = 'rapolicy-disable-next-line';

/** The comments of a frame, outside the commands. */
function frameComments(nodes: readonly XmlNode[]): XmlNode[] {
	const found: XmlNode[] = [];
	for (const node of nodes) {
		if (node.kind === 'comment') {
			found.push(node);
		} else if (node.kind === 'element' && !node.skipped) {
			append(found, frameComments(node.children));
		}
	}
	return found;
}

/** The skipped (command) elements of a frame, in document order. */
function skippedElements(nodes: readonly XmlNode[]): XmlElement[] {
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

/**
 * A copy that shares no memory with the file's text: a slice would keep the whole version of
 * the file alive for as long as the chunk is reused.
 */
function ownCopy(slice: string): string {
	return (` ${slice}`).slice(1);
}

/** The frame after an edit that left it alone: offsets at or past `at` move by `delta`. */
function shiftDocument(doc: XmlDocument, at: number, delta: number): XmlDocument {
	const move = movesPast(at, delta);
	const span = <T extends Span>(s: T): T => ({ ...s, start: move(s.start), end: move(s.end) });
	const copy = (node: XmlNode, parent: XmlElement | undefined): XmlNode => {
		if (node.kind === 'comment') {
			return span(node);
		}
		if (node.kind !== 'element') {
			const moved = { ...span(node), content: span(node.content) };
			return node.kind === 'text' ? { ...moved, content: moved } : moved;
		}
		const element = new XmlElement(node.name, move(node.start), parent, move(node.end));
		element.openEnd = move(node.openEnd);
		element.closeStart = node.closeStart < 0 ? -1 : move(node.closeStart);
		element.selfClosing = node.selfClosing;
		element.skipped = node.skipped;
		if (node.attributes.length > 0) {
			element.attributes = node.attributes.map((a) => ({ ...span(a), nameSpan: span(a.nameSpan), valueSpan: a.valueSpan && span(a.valueSpan) }));
		}
		for (const child of node.children) {
			element.children.push(copy(child, element));
		}
		return element;
	};
	return {
		nodes: doc.nodes.map((n) => copy(n, undefined)),
		problems: doc.problems.map((p) => ({ ...span(p), replace: p.replace && { span: span(p.replace.span), newText: p.replace.newText } })),
	};
}
