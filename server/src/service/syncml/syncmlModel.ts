import type { Span } from '../text/span';
import type { Decoded } from '../xml/entities';
import type { XmlElement } from '../xml/xmlParser';

/** A text value of an element, with its span in the source (entities decoded). */
export interface ElementText extends Span {
	readonly value: string;
	readonly element: XmlElement;
}

export interface SyncmlMeta {
	readonly element: XmlElement;
	readonly format: ElementText | undefined;
	readonly type: ElementText | undefined;
}

/** How the payload inside `<Data>` is written. */
export type PayloadForm = 'escaped' | 'cdata' | 'raw' | 'empty';

export interface SyncmlData {
	readonly element: XmlElement;
	/** Between `<Data>` and `</Data>`. */
	readonly content: Span;
	readonly form: PayloadForm;
	/** The payload as the device reads it, mapped back to the source. */
	readonly decoded: Decoded;
}

export interface SyncmlItem {
	readonly element: XmlElement;
	readonly locUri: ElementText | undefined;
	readonly meta: SyncmlMeta | undefined;
	readonly data: SyncmlData | undefined;
}

export interface SyncmlCommand {
	readonly element: XmlElement;
	readonly name: string;
	readonly cmdId: ElementText | undefined;
	readonly meta: SyncmlMeta | undefined;
	readonly items: readonly SyncmlItem[];
	/** Commands inside an Atomic or Sequence. */
	readonly children: readonly SyncmlCommand[];
	readonly parent: SyncmlCommand | undefined;
}

export interface SyncmlMessage {
	readonly root: XmlElement | undefined;
	readonly header: XmlElement | undefined;
	readonly body: XmlElement | undefined;
	/** Top-level commands of SyncBody, in order. */
	readonly commands: readonly SyncmlCommand[];
}

/** Every command, nested ones included, in document order. */
export function allCommands(message: SyncmlMessage): SyncmlCommand[] {
	const result: SyncmlCommand[] = [];
	const walk = (commands: readonly SyncmlCommand[]) => {
		for (const command of commands) {
			result.push(command);
			walk(command.children);
		}
	};
	walk(message.commands);
	return result;
}
