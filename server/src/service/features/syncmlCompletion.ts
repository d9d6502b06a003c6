import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { payloadDefault, POLICIES } from '../catalog/catalog';
import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import type { ParsedSyncml } from '../document/document';
import type { Span } from '../text/span';
import { parseRemoteAssistanceUri, remoteAssistanceUris } from '../catalog/omaUri';
import { payloadTags } from '../mdm/payload';
import { dataItemXml, forForm, LIST_SEPARATOR, LIST_SEPARATOR_REFERENCE, type PayloadForm } from '../mdm/payloadText';
import { SYNCML_NAMESPACE } from '../syncml/messageRules';
import { CONTAINER_COMMANDS, PROFILE_LEVEL, proposableChildren } from '../syncml/syncmlGrammar';
import { ELEMENT_DOCS } from '../syncml/syncmlDocs';
import type { SyncmlItem } from '../syncml/syncmlModel';
import { locateSyncml } from '../syncml/syncmlLocate';
import { escapeAttribute, sourceSpan, type Decoded } from '../xml/entities';
import { childElements, type XmlElement } from '../xml/xmlParser';
import { decodeEntities } from '../xml/entities';
import type { ScannedAttribute } from '../xml/xmlScanner';
import { escapeSnippet } from '../profile/yamlRender';
import { toRange } from '../text/ranges';
import { catalogElementMarkdown, catalogItemMarkdown, policyMarkdown } from './policyDocs';
import { append } from '../text/append';

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });
const META = '<Meta>\n\t<Format xmlns="syncml:metinf">chr</Format>\n\t<Type xmlns="syncml:metinf">text/plain</Type>\n</Meta>';

/** Completion in SyncML: elements valid at the cursor, whole commands, LocURIs, Meta values and the payload. */
export function syncmlCompletions(doc: ParsedSyncml, offset: number): CompletionList {
	const text = doc.text;
	const place = locateSyncml(doc, offset);
	const item = place.item;
	if (place.element?.name === 'Data' && place.inContent && item?.data && item.locUri) {
		const policy = parseRemoteAssistanceUri(item.locUri.value)?.policy;
		return list(policy ? payloadCompletions(doc, offset, item, policy) : []);
	}
	const lastLt = text.lastIndexOf('<', offset - 1);
	const lastGt = text.lastIndexOf('>', offset - 1);
	if (lastLt > lastGt) {
		const typed = text.slice(lastLt + 1, offset);
		// The element the `<` is typed in: the parent of a start tag, the one an end tag closes.
		const enclosing = locateSyncml(doc, lastLt).element;
		if (/^[A-Za-z]*$/.test(typed)) {
			const range = toRange(doc.lines, { start: lastLt + 1, end: offset });
			return list(elementProposals(doc, enclosing, lastLt).map((p) => ({ ...p, textEdit: { range, newText: p.newText.slice(1) } })));
		}
		const closing = /^\/([A-Za-z]*)$/.exec(typed);
		if (closing && enclosing && !enclosing.close) {
			return list([{ label: `/${enclosing.name}>`, kind: CompletionItemKind.Property, textEdit: { range: toRange(doc.lines, { start: lastLt + 1, end: offset }), newText: `/${enclosing.name}>` } }]);
		}
		return list([]);
	}
	const element = place.element;
	if (!element && doc.kind === 'profile') {
		const range = toRange(doc.lines, { start: offset, end: offset });
		return list(elementProposals(doc, undefined, offset).map((p) => ({ ...p, textEdit: { range, newText: p.newText } })));
	}
	if (!element || !place.inContent) {
		return list(element ? [] : [skeleton(toRange(doc.lines, { start: offset, end: offset }))]);
	}
	const contentSpan = trimmedContent(text, element);
	// A completion replaces text on the cursor's line only.
	const oneLine = !/[\r\n]/.test(text.slice(contentSpan.start, contentSpan.end));
	const valueRange = toRange(doc.lines, oneLine && contentSpan.start <= offset && offset <= contentSpan.end ? contentSpan : { start: offset, end: offset });
	const values = (labels: readonly { label: string; detail?: string; documentation?: string }[]): CompletionItem[] =>
		labels.map((v, i) => ({ label: v.label, kind: CompletionItemKind.Value, detail: v.detail, documentation: v.documentation ? markdown(v.documentation) : undefined, sortText: String(i).padStart(3, '0'), textEdit: { range: valueRange, newText: v.label } }));
	switch (element.name) {
		case 'LocURI': {
			const node = place.command?.name === 'Get' ? ['Config', 'Result'] as const : ['Config'] as const;
			return list(values(POLICIES.flatMap((p) => node.flatMap((n) => remoteAssistanceUris(p, n).map((uri) => ({ label: uri, detail: p.friendlyName, documentation: policyMarkdown(p) }))))));
		}
		case 'Format':
			return list(values([{ label: 'chr', detail: 'a string: what ADMX-backed policies take' }]));
		case 'Type':
			return list(values([{ label: 'text/plain', detail: 'the payload is plain text' }]));
		case 'VerDTD':
			return list(values([{ label: '1.2' }]));
		case 'VerProto':
			return list(values([{ label: 'DM/1.2' }]));
		case 'CmdID':
			return list(values([{ label: String(nextCmdId(doc)), detail: 'the next free CmdID' }]));
		default: {
			const range = toRange(doc.lines, { start: offset, end: offset });
			return list(elementProposals(doc, element, offset).map((p) => ({ ...p, textEdit: { range, newText: p.newText } })));
		}
	}
}

function list(items: CompletionItem[]): CompletionList {
	return { isIncomplete: false, items };
}

function trimmedContent(text: string, element: XmlElement): Span {
	const start = element.openEnd;
	const end = element.close?.start ?? element.end;
	const content = text.slice(start, end);
	const lead = content.length - content.trimStart().length;
	return { start: start + lead, end: start + content.trimEnd().length };
}

function nextCmdId(doc: ParsedSyncml): number {
	let max = 0;
	for (const chunk of doc.chunks) {
		for (const command of chunk.result.commands) {
			const id = Number(command.cmdId?.value);
			if (Number.isFinite(id) && id > max) {
				max = id;
			}
		}
	}
	return max + 1;
}

type Proposal = Omit<CompletionItem, 'textEdit'> & { newText: string };

/**
 * Child elements allowed inside `parent` that are not there yet, as snippets starting with `<`.
 * Outside every element, a profile takes its top-level commands; other kinds take nothing there.
 */
function elementProposals(doc: ParsedSyncml, parent: XmlElement | undefined, offset: number): Proposal[] {
	const parentName = parent?.name ?? (doc.kind === 'profile' ? PROFILE_LEVEL : undefined);
	if (!parentName) {
		return [];
	}
	const present = new Set(parent ? childElements(parent).filter((c) => c.start !== offset).map((c) => c.name) : []);
	const allowed = proposableChildren(parentName).filter((c) => c.many || !present.has(c.name)).map((c) => c.name);
	const proposals: Proposal[] = allowed.map((name, i) => ({
		label: name,
		kind: CompletionItemKind.Property,
		documentation: ELEMENT_DOCS[name] ? markdown(ELEMENT_DOCS[name]) : undefined,
		sortText: `1${String(i).padStart(2, '0')}`,
		insertTextFormat: InsertTextFormat.Snippet,
		insertTextMode: InsertTextMode.adjustIndentation,
		newText: elementSnippet(name, doc),
	}));
	if (parentName === 'SyncBody' || parentName === PROFILE_LEVEL || (CONTAINER_COMMANDS as readonly string[]).includes(parentName)) {
		const cmdId = nextCmdId(doc);
		const commands = (['Replace', 'Delete', 'Get'] as const).filter((c) => allowed.includes(c));
		for (const policy of POLICIES) {
			for (const command of commands) {
				proposals.push({
					label: `${command} ${policy.name}`,
					kind: CompletionItemKind.Snippet,
					detail: `${command === 'Replace' ? 'enable' : command === 'Delete' ? 'set to not configured' : 'read'}: ${policy.friendlyName}`,
					documentation: markdown(policyMarkdown(policy)),
					sortText: `0${command}${policy.name}`,
					filterText: `${command} ${policy.name} ${policy.friendlyName}`,
					insertTextFormat: InsertTextFormat.Snippet,
					insertTextMode: InsertTextMode.adjustIndentation,
					newText: commandSnippet(command, policy, cmdId),
				});
			}
		}
	}
	return proposals;
}

function elementSnippet(name: string, doc: ParsedSyncml): string {
	switch (name) {
		case 'Final':
			return '<Final/>';
		case 'CmdID':
			return `<CmdID>\${1:${nextCmdId(doc)}}</CmdID>`;
		case 'Meta':
			return META;
		case 'Format':
			return '<Format xmlns="syncml:metinf">chr</Format>';
		case 'Type':
			return '<Type xmlns="syncml:metinf">text/plain</Type>';
		case 'VerDTD':
			return '<VerDTD>1.2</VerDTD>';
		case 'VerProto':
			return '<VerProto>DM/1.2</VerProto>';
		case 'Item':
			return '<Item>\n\t<Target>\n\t\t<LocURI>$1</LocURI>\n\t</Target>\n\t<Data>$0</Data>\n</Item>';
		case 'Target':
		case 'Source':
			return `<${name}>\n\t<LocURI>$1</LocURI>\n</${name}>`;
		default:
			return `<${name}>$0</${name}>`;
	}
}

/** The payload of an enabled policy with every option, as snippet text with one tab stop per value. */
function payloadSnippet(policy: PolicyDefinition, form: PayloadForm): string {
	let tab = 2;
	const items = policy.elements.map((element) => {
		const value = valueSnippet(element, tab++, form);
		return forForm(`<data id="${element.id}" value="`, form) + value + forForm('"/>', form);
	});
	return forForm('<enabled/>', form) + items.join('');
}

function valueSnippet(element: PolicyElement, tab: number, form: PayloadForm): string {
	switch (element.type) {
		case 'enum': {
			const first = element.items.find((i) => i.value === element.gpeditDefault);
			const ordered = first ? [first, ...element.items.filter((i) => i !== first)] : element.items;
			return `\${${tab}|${ordered.map((i) => i.value).join(',')}|}`;
		}
		case 'decimal':
			return `\${${tab}:${element.gpeditDefault}}`;
		case 'text':
			return `\${${tab}}`;
		case 'list': {
			const separator = forForm(LIST_SEPARATOR_REFERENCE, form);
			return `\${${tab}:${escapeSnippet(element.entryExample)}}${separator}\${${tab}}`;
		}
	}
}

function commandSnippet(command: 'Replace' | 'Delete' | 'Get', policy: PolicyDefinition, cmdId: number): string {
	const lines = [`<${command}>`, `\t<CmdID>\${1:${cmdId}}</CmdID>`, '\t<Item>', '\t\t<Target>', `\t\t\t<LocURI>${policy.omaUri}</LocURI>`, '\t\t</Target>'];
	if (command === 'Replace') {
		append(lines, META.split('\n').map((l) => `\t\t${l}`));
		lines.push(`\t\t<Data>${payloadSnippet(policy, 'escaped')}</Data>`);
	}
	lines.push('\t</Item>', `</${command}>$0`);
	return lines.join('\n');
}

function skeleton(range: ReturnType<typeof toRange>): CompletionItem {
	return {
		label: 'SyncML message',
		kind: CompletionItemKind.Snippet,
		detail: 'an OMA DM message with a SyncBody',
		insertTextFormat: InsertTextFormat.Snippet,
		textEdit: { range, newText: `<SyncML xmlns="${SYNCML_NAMESPACE}">\n\t<SyncBody>\n\t\t$0\n\t\t<Final/>\n\t</SyncBody>\n</SyncML>` },
	};
}

/** Inside `<Data>` of a Remote Assistance item: payload elements, data ids and their values. */
function payloadCompletions(doc: ParsedSyncml, offset: number, item: SyncmlItem, policy: PolicyDefinition): CompletionItem[] {
	const data = item.data as NonNullable<SyncmlItem['data']>;
	const decoded = data.decoded;
	const form: PayloadForm = data.form === 'empty' ? 'escaped' : data.form;
	let k = 0;
	while (k < decoded.value.length && decoded.sourceOffset(k) < offset) {
		k++;
	}
	const before = decoded.value.slice(0, k);
	// U+F000 is written as its reference, the way administrators read and write list values.
	const attributeValue = (value: string) => forForm(escapeAttribute(value).split(LIST_SEPARATOR).join(LIST_SEPARATOR_REFERENCE), form);
	const tags = payloadTags(decoded.value);
	const tag = tags.find((t) => t.start < k && (k < t.end || (k === t.end && !t.closed)));
	const editing = tag?.attributes.find((a) => a.valueSpan && a.valueSpan.start <= k && k <= a.valueSpan.end);
	const ids = tags.flatMap((t) => t.attributes.filter((a) => a.name === 'id' && a !== editing).map((a) => attributeText(decoded, a)));
	if (tag && editing?.valueSpan && tag.name.toLowerCase() === 'data') {
		// The whole value is replaced, up to the end of the cursor's line.
		const lineBreak = decoded.value.slice(k, editing.valueSpan.end).search(/[\r\n]/);
		const span = sourceSpan(decoded, editing.valueSpan.start, lineBreak < 0 ? editing.valueSpan.end : k + lineBreak);
		const range = toRange(doc.lines, { start: Math.min(span.start, offset), end: Math.max(span.end, offset) });
		if (editing.name === 'id') {
			return policy.elements.filter((e) => !ids.includes(e.id)).map((element) => ({
				label: element.id,
				kind: CompletionItemKind.Field,
				detail: `${element.type}: ${element.label}`,
				documentation: markdown(catalogElementMarkdown(policy, element, 'payload')),
				textEdit: { range, newText: element.id },
			}));
		}
		const idAttribute = tag.attributes.find((a) => a.name === 'id');
		const element = editing.name === 'value' && idAttribute ? policy.elements.find((e) => e.id === attributeText(decoded, idAttribute)) : undefined;
		if (!element) {
			return [];
		}
		if (element.type === 'enum') {
			return element.items.map((entry, i) => ({
				label: String(entry.value),
				kind: CompletionItemKind.EnumMember,
				detail: entry.label,
				labelDetails: { description: entry.label },
				documentation: markdown(catalogItemMarkdown(policy, element, entry)),
				sortText: String(i),
				preselect: entry.value === element.gpeditDefault || undefined,
				textEdit: { range, newText: String(entry.value) },
			}));
		}
		const example = element.type === 'list' ? `${element.entryExample}${LIST_SEPARATOR}${element.entryExample}` : payloadDefault(element);
		return example === '' ? [] : [{ label: example.split(LIST_SEPARATOR).join(LIST_SEPARATOR_REFERENCE), kind: CompletionItemKind.Value, documentation: markdown(catalogElementMarkdown(policy, element, 'payload')), textEdit: { range, newText: attributeValue(example) } }];
	}
	if (tag && tag.start + 1 + tag.name.length < k) {
		// Inside a tag but not on its name or a value: nothing to propose.
		return [];
	}
	// At a tag position: the partial tag typed so far, in its escaped or plain spelling.
	const partialDecoded = /<?[A-Za-z]*$/.exec(before)?.[0] ?? '';
	// Inside a reference such as &gt; the decoded position lies past the cursor; never start after it.
	let start = Math.min(offset, sourceSpan(decoded, k - partialDecoded.length, k).start);
	const sourceBefore = doc.text.slice(Math.max(data.content.start, start - 3), start);
	const partialEscape = form === 'escaped' && partialDecoded === '' ? /&(?:lt?)?$/.exec(sourceBefore)?.[0] ?? '' : '';
	start -= partialEscape.length;
	const range = toRange(doc.lines, { start, end: offset });
	const hasState = tags.some((t) => t !== tag && /^(enabled|disabled)$/i.test(t.name));
	const proposal = (label: string, xml: string, detail: string, snippet = false): CompletionItem => {
		const newText = snippet ? xml : forForm(xml, form);
		return { label, kind: CompletionItemKind.Snippet, detail, filterText: doc.text.slice(start, offset) + label, insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, textEdit: { range, newText } };
	};
	if (!hasState) {
		return [
			proposal('<enabled/> with every option', payloadSnippet(policy, form), `enable ${policy.name}`, true),
			proposal('<enabled/>', '<enabled/>', `enable ${policy.name}`),
			proposal('<disabled/>', '<disabled/>', `disable ${policy.name}`),
		];
	}
	return policy.elements.filter((e) => !ids.includes(e.id)).map((element) => proposal(`<data id="${element.id}">`, dataItemXml(element.id, payloadDefault(element)), `${element.type}: ${element.label}`));
}

/** An attribute's value as the payload means it (references decoded). */
function attributeText(decoded: Decoded, attribute: ScannedAttribute): string {
	return attribute.valueSpan ? decodeEntities(decoded.value, attribute.valueSpan.start, attribute.valueSpan.end).value : '';
}
