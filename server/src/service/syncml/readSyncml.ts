import type { Problem } from '../validation/problem';
import { attribute, childElements, type XmlDocument, type XmlElement } from '../xml/xmlParser';
import { DecodedBuilder } from '../xml/entities';
import { decodeContent, elementText } from './elementText';
import type { PayloadForm, SyncmlCommand, SyncmlData, SyncmlItem, SyncmlMessage, SyncmlMeta } from './syncmlModel';

export const SYNCML_NAMESPACE = 'SYNCML:SYNCML1.2';
export const HEADER_ORDER = ['VerDTD', 'VerProto', 'SessionID', 'MsgID', 'Target', 'Source', 'Meta'] as const;
const HEADER_REQUIRED = HEADER_ORDER.slice(0, 6);
/** Commands SyncBody may hold (MS-MDM), plus Sequence, which Windows also accepts. */
export const BODY_COMMANDS = ['Atomic', 'Exec', 'Get', 'Results', 'Status', 'Add', 'Replace', 'Delete', 'Sequence'] as const;
/** Commands made of CmdID, Meta and Items. */
export const ITEM_COMMANDS = ['Add', 'Replace', 'Delete', 'Get', 'Exec', 'Results'] as const;
export const CONTAINER_COMMANDS = ['Atomic', 'Sequence'] as const;

function readMeta(text: string, element: XmlElement | undefined): SyncmlMeta | undefined {
	if (!element) {
		return undefined;
	}
	const format = childElements(element, 'Format')[0];
	const type = childElements(element, 'Type')[0];
	return { element, format: format && elementText(text, format), type: type && elementText(text, type) };
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
	const hasElements = element.children.some((c) => c.kind === 'element');
	const hasCdata = element.children.some((c) => c.kind === 'cdata');
	const hasText = element.children.some((c) => c.kind === 'text' && text.slice(c.start, c.end).trim() !== '');
	let form: PayloadForm = 'empty';
	if (hasElements) {
		form = 'raw';
	} else if (hasCdata) {
		form = 'cdata';
	} else if (hasText) {
		form = 'escaped';
	}
	// A raw payload is checked as written, so its own problems can still be shown.
	const decoded = form === 'raw' ? rawContent(text, content) : decodeContent(text, element);
	return { element, content, form, decoded };
}

function readItem(text: string, element: XmlElement): SyncmlItem {
	const target = childElements(element, 'Target')[0];
	const locUri = target && childElements(target, 'LocURI')[0];
	return {
		element,
		locUri: locUri && elementText(text, locUri),
		meta: readMeta(text, childElements(element, 'Meta')[0]),
		data: readData(text, childElements(element, 'Data')[0]),
	};
}

function readCommand(text: string, element: XmlElement, parent: SyncmlCommand | undefined): SyncmlCommand {
	const cmdId = childElements(element, 'CmdID')[0];
	const children: SyncmlCommand[] = [];
	const command: SyncmlCommand = {
		element,
		name: element.name,
		cmdId: cmdId && elementText(text, cmdId),
		meta: readMeta(text, childElements(element, 'Meta')[0]),
		items: childElements(element, 'Item').map((item) => readItem(text, item)),
		children,
		parent,
	};
	if ((CONTAINER_COMMANDS as readonly string[]).includes(element.name)) {
		for (const child of childElements(element)) {
			if ((BODY_COMMANDS as readonly string[]).includes(child.name)) {
				children.push(readCommand(text, child, command));
			}
		}
	}
	return command;
}

/** Reads the SyncML structure out of the XML tree and reports where it departs from MS-MDM. */
export function readSyncml(text: string, xml: XmlDocument, problems: Problem[]): SyncmlMessage {
	const roots = xml.nodes.filter((n): n is XmlElement => n.kind === 'element');
	for (const node of xml.nodes) {
		if (node.kind === 'text' && text.slice(node.start, node.end).trim() !== '') {
			problems.push({ code: 'xml-syntax', span: node, message: 'Text outside the root element: remove it, or move it into an element.' });
		}
	}
	for (const extra of roots.slice(1)) {
		problems.push({ code: 'xml-syntax', span: extra.nameSpan, message: `A document has one root element; <${extra.name}> is a second one. Move it inside <SyncML>.` });
	}
	const root = roots[0];
	if (!root) {
		if (xml.problems.length === 0) {
			problems.push({ code: 'syncml-structure', span: { start: 0, end: 0 }, message: 'This file has no <SyncML> element. Start with <SyncML xmlns="SYNCML:SYNCML1.2">.' });
		}
		return { root: undefined, header: undefined, body: undefined, commands: [] };
	}
	if (root.name !== 'SyncML') {
		problems.push({
			code: 'syncml-structure',
			span: root.nameSpan,
			message: `The root element must be <SyncML>, not <${root.name}>.`,
			fixes: root.name.toLowerCase() === 'syncml' ? [{ title: 'Change to SyncML', edits: [root.nameSpan, ...(root.close ? [{ start: root.close.start + 2, end: root.close.start + 2 + root.name.length }] : [])].map((span) => ({ span, newText: 'SyncML' })), preferred: true }] : undefined,
		});
		return { root, header: undefined, body: undefined, commands: [] };
	}
	checkNamespace(text, root, problems);
	const children = childElements(root);
	const header = children.find((c) => c.name === 'SyncHdr');
	const body = children.find((c) => c.name === 'SyncBody');
	for (const child of children) {
		if (child.name !== 'SyncHdr' && child.name !== 'SyncBody') {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<SyncML> holds only <SyncHdr> and <SyncBody>; <${child.name}> does not belong here.` });
		}
	}
	if (header && body && header.start > body.start) {
		problems.push({ code: 'syncml-structure', span: header.nameSpan, message: '<SyncHdr> must come before <SyncBody>.' });
	}
	if (header) {
		checkHeader(text, header, problems);
	}
	if (!body) {
		problems.push({ code: 'syncml-structure', span: root.nameSpan, message: '<SyncML> has no <SyncBody>: add <SyncBody> with the commands and <Final/>.' });
		return { root, header, body, commands: [] };
	}
	const commands: SyncmlCommand[] = [];
	const bodyChildren = childElements(body);
	bodyChildren.forEach((child, index) => {
		if (child.name === 'Final') {
			if (index !== bodyChildren.length - 1) {
				problems.push({ code: 'syncml-structure', span: child.nameSpan, message: '<Final/> must be the last element of <SyncBody>; move the commands after it above it.' });
			}
			return;
		}
		if (!(BODY_COMMANDS as readonly string[]).includes(child.name)) {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${child.name}> is not a SyncBody command. Use one of ${BODY_COMMANDS.join(', ')}.` });
			return;
		}
		commands.push(readCommand(text, child, undefined));
	});
	return { root, header, body, commands };
}

function checkNamespace(text: string, root: XmlElement, problems: Problem[]): void {
	const xmlns = attribute(root, 'xmlns');
	if (!xmlns?.valueSpan) {
		problems.push({
			code: 'syncml-version',
			span: root.nameSpan,
			message: `<SyncML> needs xmlns="${SYNCML_NAMESPACE}".`,
			fixes: [{ title: `Add xmlns="${SYNCML_NAMESPACE}"`, edits: [{ span: { start: root.nameSpan.end, end: root.nameSpan.end }, newText: ` xmlns="${SYNCML_NAMESPACE}"` }], preferred: true }],
		});
		return;
	}
	const value = text.slice(xmlns.valueSpan.start, xmlns.valueSpan.end);
	if (value !== SYNCML_NAMESPACE) {
		problems.push({
			code: 'syncml-version',
			span: xmlns.valueSpan,
			message: `The SyncML namespace must be ${SYNCML_NAMESPACE} (OMA DM 1.2), not ${value || 'empty'}.`,
			fixes: [{ title: `Change to ${SYNCML_NAMESPACE}`, edits: [{ span: xmlns.valueSpan, newText: SYNCML_NAMESPACE }], preferred: true }],
		});
	}
}

function checkHeader(text: string, header: XmlElement, problems: Problem[]): void {
	const children = childElements(header);
	const names = children.map((c) => c.name);
	const missing = HEADER_REQUIRED.filter((n) => !names.includes(n));
	if (missing.length > 0) {
		problems.push({ code: 'syncml-structure', span: header.nameSpan, message: `<SyncHdr> lacks ${missing.map((m) => `<${m}>`).join(', ')}. Its children are, in order: ${HEADER_ORDER.join(', ')} (Meta optional).` });
	}
	let last = -1;
	for (const child of children) {
		const position = (HEADER_ORDER as readonly string[]).indexOf(child.name);
		if (position < 0) {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${child.name}> does not belong in <SyncHdr>. Its children are ${HEADER_ORDER.join(', ')}.` });
			continue;
		}
		if (position < last) {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${child.name}> is out of order: <SyncHdr> children go ${HEADER_ORDER.join(', ')}.` });
		}
		last = Math.max(last, position);
	}
	const expect = (name: string, value: string) => {
		const element = children.find((c) => c.name === name);
		if (!element) {
			return;
		}
		const found = elementText(text, element);
		if (found.value !== value) {
			problems.push({
				code: 'syncml-version',
				span: found,
				message: `<${name}> must be ${value}, not ${found.value || 'empty'}.`,
				fixes: [{ title: `Change to ${value}`, edits: [{ span: found, newText: value }], preferred: true }],
			});
		}
	};
	expect('VerDTD', '1.2');
	expect('VerProto', 'DM/1.2');
}
