import type { Span } from '../text/span';
import { elementAt, type XmlDocument, type XmlElement } from '../xml/xmlParser';
import { allCommands, type SyncmlCommand, type SyncmlItem, type SyncmlMessage } from './syncmlModel';

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

function contains(span: Span, offset: number): boolean {
	return offset >= span.start && offset <= span.end;
}

/** What the cursor is on in a SyncML document. Takes only the two trees it reads, so syncml/ needs nothing from document.ts. */
export function locateSyncml(doc: { readonly xml: XmlDocument; readonly message: SyncmlMessage }, offset: number): SyncmlPlace {
	const element = elementAt(doc.xml.nodes, offset);
	const commands = allCommands(doc.message);
	let item: SyncmlItem | undefined;
	let command: SyncmlCommand | undefined;
	for (const c of commands) {
		if (offset > c.element.start && offset <= c.element.end) {
			command = c;
			item = c.items.find((i) => offset > i.element.start && offset <= i.element.end) ?? item;
		}
	}
	return {
		element,
		onName: element !== undefined && contains(element.nameSpan, offset),
		inContent: element !== undefined && offset >= element.openEnd && offset <= (element.close?.start ?? element.end),
		item,
		command,
	};
}
