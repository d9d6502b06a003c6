import type { PolicyElement } from '../catalog/types';
import type { Located, OptionSetting, OptionValue, PolicySetting, Profile } from '../model/policyModel';
import type { Span } from '../text/span';
import { unknownPolicy, type PolicySyntax } from '../validation/policyRules';
import type { Problem, TextEdit } from '../validation/problem';
import { escapeAttribute, escapeText, sourceSpan, wrapCdata, type Decoded } from '../xml/entities';
import { parseRemoteAssistanceUri, type RemoteAssistanceUri } from './omaUri';
import { parsePayload, type PayloadDataItem } from './payload';
import { dataItemXml, forForm, LIST_SEPARATOR, syncmlDefault } from './payloadText';
import { allCommands, type SyncmlCommand, type SyncmlData, type SyncmlItem, type SyncmlMessage, type SyncmlMeta } from './syncmlModel';


/** Where a setting's payload lives, so fixes can write into it in its own escaping. */
interface PayloadPlace {
	readonly data: SyncmlData;
	/** Source offset after the last payload element. */
	readonly insertAt: number;
}

export class SyncmlPolicySyntax implements PolicySyntax {
	readonly aliases = false;
	readonly places = new Map<PolicySetting, PayloadPlace>();

	constructor(readonly source: string) {}

	text(value: string): string {
		return escapeAttribute(value);
	}

	singleEntryList(value: string): string {
		return escapeAttribute(`${value}${LIST_SEPARATOR}${value}`);
	}

	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[] {
		const place = this.places.get(setting);
		if (!place) {
			return [];
		}
		const items = elements.map((e) => dataItemXml(e.id, syncmlDefault(e))).join('');
		return [{ span: { start: place.insertAt, end: place.insertAt }, newText: forForm(items, place.data.form) }];
	}

	// A SyncML setting always has its state in the payload and no options key, so the rules that
	// would add a state or remove an options block never fire for it.
	removeOptions(): TextEdit[] {
		return [];
	}

	addState(): TextEdit[] {
		return [];
	}
}

export interface LoweredSyncml {
	readonly profile: Profile;
	readonly syntax: SyncmlPolicySyntax;
}

/**
 * Lowers the Remote Assistance items of a message into one profile of the policy model, after
 * checking what only SyncML can get wrong: URIs, commands against the node's access types, Meta
 * and the payload encoding. Items of other CSPs are left alone.
 */
export function lowerSyncml(text: string, message: SyncmlMessage, problems: Problem[]): LoweredSyncml {
	const syntax = new SyncmlPolicySyntax(text);
	const policies: PolicySetting[] = [];
	for (const command of allCommands(message)) {
		for (const item of command.items) {
			const ra = item.locUri && parseRemoteAssistanceUri(item.locUri.value);
			if (!ra || !item.locUri) {
				continue;
			}
			const name = checkUri(ra, item, problems);
			const setting = checkCommand(text, command, item, ra, name, syntax, problems);
			if (setting) {
				policies.push(setting);
			}
		}
	}
	const root = message.root;
	return {
		profile: { name: undefined, description: undefined, scope: undefined, policies, span: root ? { start: root.start, end: root.end } : { start: 0, end: text.length } },
		syntax,
	};
}

/** URI problems; returns the policy segment as a located name. */
function checkUri(ra: RemoteAssistanceUri, item: SyncmlItem, problems: Problem[]): Located<string> {
	const uri = item.locUri as NonNullable<SyncmlItem['locUri']>;
	// With no entity references in the LocURI, URI offsets equal source offsets.
	const plain = uri.end - uri.start === uri.value.length;
	const name: Located<string> = plain
		? { start: uri.start + ra.policyOffset, end: uri.end, value: ra.policyName }
		: { start: uri.start, end: uri.end, value: ra.policyName };
	const prefixSpan: Span = plain ? { start: uri.start, end: uri.start + ra.policyOffset } : uri;
	const prefixText = plain ? undefined : ra.canonicalPrefix + ra.policyName;
	if (ra.scope === 'user') {
		const fixed = ra.canonicalPrefix.replace('./User/', './Device/');
		problems.push({
			code: 'uri-scope',
			span: prefixSpan,
			message: `Remote Assistance policies apply to the device only; there is no ./User/ node. Write ${fixed}${ra.policyName}.`,
			fixes: [{ title: 'Change to ./Device/', edits: [{ span: prefixSpan, newText: prefixText ? prefixText.replace('./User/', './Device/') : fixed }], preferred: true }],
		});
	} else if (!ra.prefixCaseOk) {
		problems.push({
			code: 'uri-case',
			span: prefixSpan,
			message: `OMA-URIs are case sensitive: write ${ra.canonicalPrefix}${ra.policy?.name ?? ra.policyName}.`,
			fixes: [{ title: `Change to ${ra.canonicalPrefix}`, edits: [{ span: prefixSpan, newText: prefixText ?? ra.canonicalPrefix }], preferred: true }],
		});
	}
	if (!ra.policy) {
		problems.push(unknownPolicy(name));
	}
	return name;
}

function effectiveMeta(command: SyncmlCommand, item: SyncmlItem): SyncmlMeta | undefined {
	return item.meta ?? command.meta;
}

function checkMeta(text: string, command: SyncmlCommand, item: SyncmlItem, problems: Problem[]): void {
	const meta = effectiveMeta(command, item);
	if (!meta?.format) {
		const before = item.data?.element.start ?? item.element.openEnd;
		const indent = item.data ? indentBefore(text, before) : '';
		const metaText = '<Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>';
		problems.push({
			code: 'missing-format',
			span: item.element.nameSpan,
			message: 'An ADMX-backed policy must be written with <Meta><Format>chr</Format></Meta>; add it to the Item or the command.',
			fixes: meta
				? [{ title: 'Add Format chr', edits: [{ span: { start: meta.element.openEnd, end: meta.element.openEnd }, newText: '<Format xmlns="syncml:metinf">chr</Format>' }], preferred: true }]
				: [{ title: 'Add Meta with Format chr', edits: [{ span: { start: before, end: before }, newText: `${metaText}\n${indent}` }], preferred: true }],
		});
	} else if (meta.format.value !== 'chr') {
		problems.push({
			code: 'invalid-format',
			span: meta.format,
			message: `Remote Assistance policies take Format chr (a string), not ${meta.format.value || 'empty'}.`,
			fixes: [{ title: 'Change to chr', edits: [{ span: meta.format, newText: 'chr' }], preferred: true }],
		});
	}
	if (meta?.type && meta.type.value !== 'text/plain') {
		problems.push({
			code: 'invalid-type',
			span: meta.type,
			message: `The payload is plain text: Type should be text/plain, not ${meta.type.value || 'empty'}.`,
			fixes: [{ title: 'Change to text/plain', edits: [{ span: meta.type, newText: 'text/plain' }], preferred: true }],
		});
	}
}

/** The indentation of the line up to `offset`, when nothing but blanks precede it. */
function indentBefore(text: string, offset: number): string {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const before = text.slice(lineStart, offset);
	return /^[ \t]*$/.test(before) ? before : '';
}

function checkCommand(text: string, command: SyncmlCommand, item: SyncmlItem, ra: RemoteAssistanceUri, name: Located<string>, syntax: SyncmlPolicySyntax, problems: Problem[]): PolicySetting | undefined {
	const commandName = command.element.nameSpan;
	const data = item.data;
	const hasData = data !== undefined && data.form !== 'empty';
	switch (command.name) {
		case 'Exec':
			problems.push({ code: 'command-access', span: commandName, message: 'Remote Assistance policy nodes allow Add, Delete, Get and Replace; Exec is not supported. Use Replace to set a policy.' });
			return undefined;
		case 'Get':
			if (data) {
				problems.push({ code: 'command-data', span: data.element.nameSpan, message: '<Get> reads a value and carries no <Data>; remove it.', fixes: [removeFix(text, data)] });
			}
			return undefined;
		case 'Add':
		case 'Replace':
		case 'Delete':
			break;
		default:
			return undefined;
	}
	if (ra.node === 'Result') {
		problems.push({ code: 'command-access', span: commandName, message: `A Result node is read-only; ${command.name} a policy through its Config node: ${ra.canonicalPrefix.replace('/Result/', '/Config/')}${ra.policyName}.` });
		return undefined;
	}
	const span = { start: item.element.start, end: item.element.end };
	if (command.name === 'Delete') {
		if (data) {
			problems.push({ code: 'command-data', span: data.element.nameSpan, message: '<Delete> sets the policy back to not configured and carries no <Data>; remove it.', fixes: [removeFix(text, data)] });
		}
		return ra.policy && { name, definition: ra.policy, state: { kind: 'scalar', value: 'not-configured', quoted: false, start: name.start, end: name.end }, options: [], optionsKey: undefined, span };
	}
	checkMeta(text, command, item, problems);
	if (!hasData || !data) {
		problems.push({ code: 'command-data', span: data?.element.nameSpan ?? item.element.nameSpan, message: `<${command.name}> needs <Data> with the payload, such as &lt;enabled/&gt; or &lt;disabled/&gt;. To remove the policy use <Delete>.` });
		return undefined;
	}
	if (data.form === 'raw') {
		const content = text.slice(data.content.start, data.content.end);
		problems.push({
			code: 'raw-payload',
			span: data.element.nameSpan,
			message: 'The payload is written as raw XML elements, which become part of the SyncML message instead of the policy value. Escape it (&lt;enabled/&gt;) or wrap it in CDATA.',
			fixes: [
				{ title: 'Escape the payload', edits: [{ span: data.content, newText: escapeText(content) }], preferred: true },
				{ title: 'Wrap the payload in CDATA', edits: [{ span: data.content, newText: wrapCdata(content) }] },
			],
		});
	}
	if (data.form === 'escaped' && /^\s*&lt;(enabled|disabled)\b/i.test(data.decoded.value)) {
		problems.push({
			code: 'payload-syntax',
			span: data.content,
			message: 'The payload is escaped twice: the device would read the text &lt;enabled/&gt; instead of the element <enabled/>. Escape it once.',
			fixes: [{ title: 'Unescape the payload once', edits: [{ span: data.content, newText: data.decoded.value }], preferred: true }],
		});
		return undefined;
	}
	const payload = parsePayload(data, problems);
	if (!payload.state || !ra.policy) {
		return undefined;
	}
	const source = (start: number, end: number) => sourceSpan(data.decoded, start, end);
	if (payload.state.value === 'disabled') {
		if (payload.items.length > 0) {
			const first = payload.items[0].span;
			const last = payload.items[payload.items.length - 1].span;
			problems.push({
				code: 'data-after-disabled',
				span: { start: first.start, end: last.end },
				message: 'The policy is disabled, so the device ignores these data items. Remove them, or use <enabled/>.',
				fixes: [{ title: 'Remove the ignored data items', edits: [{ span: { start: first.start, end: last.end }, newText: '' }], preferred: true }],
			});
		}
		return { name, definition: ra.policy, state: { kind: 'scalar', value: 'disabled', quoted: false, ...payload.state.span }, options: [], optionsKey: undefined, span };
	}
	const options = lowerDataItems(payload.items, ra.policy.elements, ra.policy.name, problems);
	const setting: PolicySetting = { name, definition: ra.policy, state: { kind: 'scalar', value: 'enabled', quoted: false, ...payload.state.span }, options, optionsKey: payload.state.span, span };
	syntax.places.set(setting, { data, insertAt: source(payload.insertAt, payload.insertAt).start });
	return setting;
}

function removeFix(text: string, data: SyncmlData) {
	const lineStart = text.lastIndexOf('\n', data.element.start - 1) + 1;
	const onlyWhitespaceBefore = text.slice(lineStart, data.element.start).trim() === '';
	const after = text.indexOf('\n', data.element.end);
	const removeLine = onlyWhitespaceBefore && (after < 0 || text.slice(data.element.end, after).trim() === '');
	const span = removeLine ? { start: lineStart, end: after < 0 ? text.length : after + 1 } : { start: data.element.start, end: data.element.end };
	return { title: 'Remove the Data', edits: [{ span, newText: '' }], preferred: true };
}

function lowerDataItems(items: readonly PayloadDataItem[], elements: readonly PolicyElement[], policyName: string, problems: Problem[]): OptionSetting[] {
	const options: OptionSetting[] = [];
	const seen = new Set<string>();
	for (const item of items) {
		if (!item.id || !item.value || !item.valueSpan) {
			continue;
		}
		if (seen.has(item.id.value)) {
			problems.push({
				code: 'duplicate-key',
				span: item.id.span,
				message: `data id ${item.id.value} appears twice in the ${policyName} payload; keep one item.`,
				fixes: [{ title: 'Remove this data item', edits: [{ span: item.span, newText: '' }] }],
			});
			continue;
		}
		seen.add(item.id.value);
		const element = elements.find((e) => e.id === item.id?.value);
		options.push({ id: { ...item.id.span, value: item.id.value }, value: toOptionValue(item.value, item.valueSpan, element, problems), span: item.span });
	}
	return options;
}

/** A data value as the model sees it; lists are split into their name/value pairs here. */
function toOptionValue(value: Decoded, span: Span, element: PolicyElement | undefined, problems: Problem[]): OptionValue {
	if (element?.type !== 'list') {
		return { kind: 'scalar', value: value.value, quoted: false, ...span, locate: (start, end) => sourceSpan(value, start, end) };
	}
	if (value.value === '') {
		return { kind: 'list', items: [], ...span };
	}
	const parts: { text: string; start: number; end: number }[] = [];
	let start = 0;
	for (;;) {
		const next = value.value.indexOf(LIST_SEPARATOR, start);
		const end = next < 0 ? value.value.length : next;
		parts.push({ text: value.value.slice(start, end), start, end });
		if (next < 0) {
			break;
		}
		start = next + 1;
	}
	const located = (p: { start: number; end: number }) => sourceSpan(value, p.start, p.end);
	const entry = (p: { text: string; start: number; end: number }): OptionValue => ({
		kind: 'scalar',
		value: p.text,
		quoted: false,
		...located(p),
		locate: (start, end) => sourceSpan(value, p.start + start, p.start + end),
	});
	if (parts.length % 2 !== 0) {
		problems.push({
			code: 'list-encoding',
			span,
			message: `${element.id} holds ${parts.length} strings separated by U+F000, but a list is written as name/value pairs: give each helper twice, as in ${element.entryExample}&#xF000;${element.entryExample}.`,
		});
		return { kind: 'list', items: parts.map(entry), ...span };
	}
	const items: OptionValue[] = [];
	for (let i = 0; i < parts.length; i += 2) {
		const [name, data] = [parts[i], parts[i + 1]];
		if (name.text !== data.text) {
			problems.push({
				code: 'list-pair-mismatch',
				span: { start: located(name).start, end: located(data).end },
				message: `In ${element.id} each helper is written as a pair of the same name twice; '${name.text}' is paired with '${data.text}'.`,
			});
		}
		items.push(entry(name));
	}
	return { kind: 'list', items, ...span };
}
