import { DecodedBuilder } from '../xml/entities';
import { firstChild, type XmlElement } from '../xml/xmlParser';
import { decodeContent, elementText } from './elementText';
import { COMMANDS, CONTAINER_COMMANDS } from './syncmlGrammar';
import type { PayloadForm } from '../mdm/payloadText';
import type { SyncmlCommand, SyncmlData, SyncmlItem, SyncmlMeta } from './syncmlModel';

/** Reads one command element (and the commands inside an Atomic or Sequence) into the SyncML model. */
export function readCommand(text: string, element: XmlElement): SyncmlCommand {
	const cmdId = firstChild(element, 'CmdID');
	const container = (CONTAINER_COMMANDS as readonly string[]).includes(element.name);
	const items: SyncmlItem[] = [];
	const children: SyncmlCommand[] = [];
	for (const child of element.children) {
		if (child.kind !== 'element') {
			continue;
		}
		if (child.name === 'Item') {
			items.push(readItem(text, child));
		} else if (container && COMMANDS.has(child.name)) {
			children.push(readCommand(text, child));
		}
	}
	return {
		element,
		name: element.name,
		cmdId: cmdId && elementText(text, cmdId),
		meta: readMeta(text, firstChild(element, 'Meta')),
		// Kept for as long as the command is: without the spare room a grown array keeps.
		items: items.slice(),
		children: children.slice(),
	};
}

function readMeta(text: string, element: XmlElement | undefined): SyncmlMeta | undefined {
	if (!element) {
		return undefined;
	}
	const format = firstChild(element, 'Format');
	const type = firstChild(element, 'Type');
	return { element, format: format && elementText(text, format), type: type && elementText(text, type) };
}

/** An Item's node is its Target's LocURI; an Item a device sends (Results, its first Replace) names it in Source. */
function readItem(text: string, element: XmlElement): SyncmlItem {
	const target = firstChild(element, 'Target') ?? firstChild(element, 'Source');
	const locUri = target && firstChild(target, 'LocURI');
	return {
		element,
		locUri: locUri && elementText(text, locUri),
		meta: readMeta(text, firstChild(element, 'Meta')),
		data: readData(text, firstChild(element, 'Data')),
	};
}

/** A raw payload is read as written, one source character per character. */
function rawContent(text: string, content: { start: number; end: number }) {
	const builder = new DecodedBuilder();
	builder.copy(text.slice(content.start, content.end), content.start);
	return builder.build(content.end);
}

function readData(text: string, element: XmlElement | undefined): SyncmlData | undefined {
	if (!element) {
		return undefined;
	}
	const content = { start: element.openEnd, end: element.close?.start ?? element.end };
	let form: PayloadForm = 'empty';
	for (const c of element.children) {
		if (c.kind === 'element') {
			form = 'raw';
			break;
		}
		if (c.kind === 'cdata') {
			form = 'cdata';
		} else if (c.kind === 'text' && form === 'empty' && text.slice(c.start, c.end).trim() !== '') {
			form = 'escaped';
		}
	}
	// A raw payload is checked as written, so its own problems can still be shown.
	const decoded = form === 'raw' ? rawContent(text, content) : decodeContent(text, element);
	return { element, content, form, decoded };
}
