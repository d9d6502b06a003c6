import { POLICIES } from '../catalog/catalog';
import { catalogAsAdmx } from '../catalog/catalogAdmx';
import type { PolicyDefinition } from '../catalog/types';
import type { Located } from '../model/policyModel';
import type { Span } from '../text/span';
import { payloadItemProblems } from '../policy/payloadOptions';
import { unknownPolicy } from '../policy/policyRules';
import type { Problem } from '../problems/problem';
import { escapeText, wrapCdata } from '../xml/entities';
import type { ParsedPayload } from '../mdm/payload';
import { DEVICE_ROOT, type RemoteAssistanceUri } from '../catalog/omaUri';
import type { RaItem } from './raItem';
import type { SyncmlData } from './syncmlModel';
import { append } from '../text/append';

/**
 * What only SyncML can get wrong about a Remote Assistance item: the URI, the command against the
 * node's access types, Meta, and how the payload is written and encoded. The policy rules then
 * judge the lowered setting like any other. With `damaged`, rules about absent children are held back.
 */
export function checkRemoteAssistanceItem(text: string, entry: RaItem, damaged: boolean, problems: Problem[]): void {
	checkUri(entry, problems);
	const { command, item, ra } = entry;
	const commandName = command.element.nameSpan;
	const data = item.data;
	if (command.name === 'Exec') {
		problems.push({ code: 'command-access', span: commandName, message: 'Remote Assistance policy nodes allow Add, Delete, Get and Replace; Exec is not supported. Use Replace to set a policy.' });
		return;
	}
	if (command.name === 'Get') {
		if (data) {
			problems.push({ code: 'command-data', span: data.element.nameSpan, message: '<Get> reads a value and carries no <Data>; remove it.', fixes: [removeFix(text, data)] });
		}
		return;
	}
	// A Results item is what the device reports: its payload is read like a write's, its Meta is the device's business.
	const reported = command.name === 'Results';
	if (!reported && command.name !== 'Add' && command.name !== 'Replace' && command.name !== 'Delete') {
		return;
	}
	if (ra.node === 'Result' && !reported) {
		problems.push({ code: 'command-access', span: commandName, message: `A Result node is read-only; ${command.name} a policy through its Config node: ${ra.canonicalPrefix.replace('/Result/', '/Config/')}${ra.policyName}.` });
		return;
	}
	if (command.name === 'Delete') {
		if (data) {
			problems.push({ code: 'command-data', span: data.element.nameSpan, message: '<Delete> sets the policy back to not configured and carries no <Data>; remove it.', fixes: [removeFix(text, data)] });
		}
		return;
	}
	if (!damaged && !reported) {
		checkMeta(text, entry, problems);
	}
	if ((!data || data.form === 'empty') && (damaged || reported)) {
		return;
	}
	if (!data || data.form === 'empty') {
		problems.push({ code: 'command-data', span: data?.element.nameSpan ?? item.element.nameSpan, message: `<${command.name}> needs <Data> with the payload, such as &lt;enabled/&gt; or &lt;disabled/&gt;. To remove the policy use <Delete>.` });
		return;
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
	if (entry.doubleEscaped) {
		problems.push({
			code: 'payload-syntax',
			span: data.content,
			message: 'The payload is escaped twice: the device would read the text &lt;enabled/&gt; instead of the element <enabled/>. Escape it once.',
			fixes: [{ title: 'Unescape the payload once', edits: [{ span: data.content, newText: data.decoded.value }], preferred: true }],
		});
		return;
	}
	const payload = entry.payload;
	if (!payload) {
		return;
	}
	append(problems, payload.problems);
	if (ra.policy) {
		checkPayloadContent(payload, ra.policy, problems);
	}
}

/** What the payload's items say against the policy: items after `<disabled/>`, repeated ids, list encoding. */
export function checkPayloadContent(payload: ParsedPayload, policy: PolicyDefinition, problems: Problem[]): void {
	if (!payload.state) {
		return;
	}
	if (payload.state.value === 'disabled') {
		if (payload.items.length > 0) {
			const span = { start: payload.items[0].span.start, end: payload.items[payload.items.length - 1].span.end };
			problems.push({
				code: 'data-after-disabled',
				span,
				message: 'The policy is disabled, so the device ignores these data items. Remove them, or use <enabled/>.',
				fixes: [{ title: 'Remove the ignored data items', edits: [{ span, newText: '' }], preferred: true }],
			});
		}
		return;
	}
	payloadItemProblems(payload.items, catalogAsAdmx(policy).elements, policy.name, problems);
}

/**
 * The URI up to the policy segment and the segment itself, each against the catalog's spelling.
 * When the segment names a policy in some letter case, a wrong prefix and a wrong segment are one
 * problem with one fix writing the whole URI, so no second fix on the segment competes with it.
 */
export function checkUri(entry: Pick<RaItem, 'ra' | 'name'> & { readonly locUri: Span }, problems: Problem[]): void {
	const { locUri: uri, ra, name } = entry;
	// Without entity references the segment can be pointed at; otherwise every fix rewrites the whole URI.
	const plain = name.start !== uri.start;
	// There is no ./User/ node for these policies, so the prefix a device accepts is the ./Device/ one.
	const prefix = ra.scope === 'user' ? ra.canonicalPrefix.replace('./User/', './Device/') : ra.canonicalPrefix;
	const policy = policyInAnyCase(ra);
	const prefixWrong = ra.scope === 'user' || !ra.prefixCaseOk;
	// A segment in the wrong case is part of the prefix problem, whose fix writes the whole URI.
	const unknown = ra.policy || (prefixWrong && policy) ? undefined : unknownPolicyInUri(name, plain ? '' : prefix);
	if (ra.onlyRootCaseWrong && ra.policy) {
		// Microsoft writes both ./Device and ./device; whether a device minds the root's case is not documented.
		const span: Span = plain ? { start: uri.start, end: uri.start + DEVICE_ROOT.length } : uri;
		const newText = plain ? DEVICE_ROOT : ra.canonicalPrefix + ra.policy.name;
		problems.push({
			code: 'uri-root-case',
			span,
			message: `Write the root as ${DEVICE_ROOT}, as the Policy CSP reference does. Microsoft also writes ./device, and whether a device accepts another case is not documented, so ${DEVICE_ROOT} is the safe spelling.`,
			fixes: [{ title: `Change to ${newText}`, edits: [{ span, newText }], preferred: true }],
		});
	} else if (prefixWrong) {
		const whole = !plain || policy !== ra.policy;
		const span: Span = whole ? uri : { start: uri.start, end: name.start };
		const written = prefix + (policy?.name ?? ra.policyName);
		const newText = whole ? written : prefix;
		// Where both span the whole URI, the fix of the unknown segment writes this prefix too.
		const fixes = whole && unknown?.fixes ? undefined : [{ title: `Change to ${newText}`, edits: [{ span, newText }], preferred: true }];
		problems.push(ra.scope === 'user'
			? { code: 'uri-scope', span, message: `Remote Assistance policies apply to the device only; there is no ./User/ node. Write ${written}.`, fixes }
			: { code: 'uri-case', span, message: `OMA-URIs are case sensitive: write ${written}.`, fixes });
	}
	if (unknown) {
		problems.push(unknown);
	}
}

/** The policy of the URI's area whose name the segment spells, in any letter case. */
function policyInAnyCase(ra: RemoteAssistanceUri): PolicyDefinition | undefined {
	const lower = ra.policyName.toLowerCase();
	return ra.policy ?? POLICIES.find((p) => p.area === ra.area && p.name.toLowerCase() === lower);
}

/** An unknown policy segment; where `name` spans the whole URI, the fix writes `prefix` before the suggested name. */
function unknownPolicyInUri(name: Located<string>, prefix: string): Problem {
	const problem = unknownPolicy(name);
	return { ...problem, fixes: problem.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: prefix + edit.newText })) })) };
}

function checkMeta(text: string, { command, item }: RaItem, problems: Problem[]): void {
	const meta = item.meta ?? command.meta;
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
			message: meta.format.value === 'string'
				? 'string is not an OMA DM format: Microsoft\'s DeviceInstallation sample writes it by mistake. ADMX-backed policies such as these take Format chr.'
				: `Remote Assistance policies take Format chr (a string), not ${meta.format.value || 'empty'}.`,
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

function removeFix(text: string, data: SyncmlData) {
	const lineStart = text.lastIndexOf('\n', data.element.start - 1) + 1;
	const onlyWhitespaceBefore = text.slice(lineStart, data.element.start).trim() === '';
	const after = text.indexOf('\n', data.element.end);
	const removeLine = onlyWhitespaceBefore && (after < 0 || text.slice(data.element.end, after).trim() === '');
	const span = removeLine ? { start: lineStart, end: after < 0 ? text.length : after + 1 } : { start: data.element.start, end: data.element.end };
	return { title: 'Remove the Data', edits: [{ span, newText: '' }], preferred: true };
}
