import type { Span } from '../text/span';
import { elementAt, parseXml, type XmlElement } from '../xml/xmlParser';
import type { SyncmlParse } from './parseSyncml';
import { readCommand } from './readCommand';
import { allCommands, type CommandChunk, type SyncmlCommand, type SyncmlItem } from './syncmlModel';

export interface SyncmlPlace {
	/** The innermost element around the offset. */
	readonly element: XmlElement | undefined;
	/** Whether the offset is on the element's start-tag name. */
	readonly onName: boolean;
	/** Whether the offset is in the element's content (between its tags). */
	readonly inContent: boolean;
	readonly item: SyncmlItem | undefined;
	readonly command: SyncmlCommand | undefined;
}

type LocatableSyncml = SyncmlParse & { readonly text: string };

/** A command read again in file offsets, for the features that work where the cursor is. */
interface PlacedCommand {
	readonly element: XmlElement;
	readonly command: SyncmlCommand;
}

const placed = new WeakMap<CommandChunk, PlacedCommand>();

function contains(span: Span, offset: number): boolean {
	return offset >= span.start && offset <= span.end;
}

/** The command chunk whose element holds `offset` (past its first character), if any. */
function chunkAt(doc: LocatableSyncml, offset: number): CommandChunk | undefined {
	const chunks = doc.chunks;
	let low = 0;
	let high = chunks.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const chunk = chunks[mid];
		if (offset <= chunk.start) {
			high = mid - 1;
		} else if (offset > chunk.start + chunk.result.length) {
			low = mid + 1;
		} else {
			return chunk;
		}
	}
	return undefined;
}

/** The command of a chunk in file offsets: one command's text parsed again, cached per placement. */
export function placeCommand(doc: LocatableSyncml, chunk: CommandChunk): PlacedCommand {
	let found = placed.get(chunk);
	if (!found) {
		const xml = parseXml(doc.text, chunk.start, chunk.start + chunk.result.length);
		const element = xml.nodes.find((n): n is XmlElement => n.kind === 'element') as XmlElement;
		found = { element, command: readCommand(doc.text, element) };
		placed.set(chunk, found);
	}
	return found;
}

/** What the cursor is on in a SyncML document. */
export function locateSyncml(doc: LocatableSyncml, offset: number): SyncmlPlace {
	const chunk = chunkAt(doc, offset);
	let element: XmlElement | undefined;
	let item: SyncmlItem | undefined;
	let command: SyncmlCommand | undefined;
	if (chunk) {
		const at = placeCommand(doc, chunk);
		element = elementAt([at.element], offset);
		for (const c of allCommands(at.command)) {
			if (offset > c.element.start && offset <= c.element.end) {
				command = c;
				item = c.items.find((i) => offset > i.element.start && offset <= i.element.end) ?? item;
			}
		}
	} else {
		element = elementAt(doc.frame.nodes, offset);
	}
	return {
		element,
		onName: element !== undefined && contains(element.nameSpan, offset),
		inContent: element !== undefined && offset >= element.openEnd && offset <= (element.close?.start ?? element.end),
		item,
		command,
	};
}
