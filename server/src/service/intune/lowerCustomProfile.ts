import { payloadDefault } from '../catalog/catalog';
import type { PolicyElement } from '../catalog/types';
import { property, propertyEntry, type JsonValue } from '../json/jsonParser';
import type { PolicySetting } from '../model/policyModel';
import { checkPayloadContent, checkUri } from '../syncml/itemRules';
import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { payloadOptions } from '../policy/payloadOptions';
import { parseRemoteAssistanceUri } from '../catalog/omaUri';
import { isMdmWinsOverGpUri } from '../mdm/mdmWinsOverGp';
import { parsePayload, type ParsedPayload } from '../mdm/payload';
import { dataItemXml, LIST_SEPARATOR } from '../mdm/payloadText';
import type { Span } from '../text/span';
import type { PolicyEditWriter } from '../policy/policyRules';
import type { TextEdit } from '../problems/problem';
import { guarded } from '../problems/guard';
import { escapeAttribute, sourceSpan } from '../xml/entities';
import { IngestedRows } from './ingestedRows';
import { jsonEscape, OMA_STRING, type IntuneLowering } from './intuneModel';
import { append } from '../text/append';

/** Writes fixes into an OMA setting's value: payload XML, escaped again for the JSON string. */
export class OmaValueEditWriter implements PolicyEditWriter {
	readonly aliases = false;
	/** Per enabled setting, the source offset after its last payload element. */
	readonly insertAt = new Map<PolicySetting, number>();

	constructor(readonly source: string) {}

	text(value: string): string {
		return jsonEscape(escapeAttribute(value));
	}

	singleEntryList(value: string): string {
		return jsonEscape(escapeAttribute(`${value}${LIST_SEPARATOR}${value}`));
	}

	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[] {
		const at = this.insertAt.get(setting);
		return at === undefined ? [] : [{ span: { start: at, end: at }, newText: jsonEscape(elements.map((e) => dataItemXml(e.id, payloadDefault(e))).join('')) }];
	}

	// An OMA setting has its state in the payload and no options key, so these never apply.
	removeOptions(): TextEdit[] {
		return [];
	}

	addState(): TextEdit[] {
		return [];
	}
}

/**
 * The Remote Assistance rows of a custom profile's `omaSettings`: each gets the URI and payload
 * checks of a SyncML item, on the characters inside its JSON strings, and lowers to the model.
 * Rows of other CSPs are left alone.
 */
export function lowerCustomProfile(root: JsonValue, writer: OmaValueEditWriter, out: IntuneLowering): void {
	const rows = property(root, 'omaSettings');
	if (rows?.kind !== 'array') {
		return;
	}
	const ingested = new IngestedRows(out.problems);
	rows.items.forEach((row, index) => guarded('OMA setting', { span: { start: row.start, end: row.end }, name: `omaSettings[${index}]` }, out.problems, () => lowerRow(row, index, ingested, writer, out), undefined));
	out.ingestion = ingested.check();
	out.ingested = ingested.writes;
}

/** One row of a custom profile: taken as an ingestion, checked and lowered as a Remote Assistance policy, or named as skipped. */
function lowerRow(row: JsonValue, index: number, ingested: IngestedRows, writer: OmaValueEditWriter, out: IntuneLowering): void {
	const uri = property(row, 'omaUri');
	if (uri?.kind !== 'string') {
		out.skipped.push(`omaSettings[${index}]: no omaUri`);
		return;
	}
	if (ingested.take(row, index, uri)) {
		return;
	}
	const ra = parseRemoteAssistanceUri(uri.value);
	if (!ra) {
		if (isMdmWinsOverGpUri(uri.value)) {
			const value = property(row, 'value');
			out.mdmWinsOverGp.push({ span: uri.content, value: value?.kind === 'string' || value?.kind === 'number' ? String(value.value) : '' });
		}
		out.skipped.push(`omaSettings[${index}] ${uri.value}: not a Remote Assistance policy`);
		return;
	}
	// Without escapes in the URI, its characters are the source's and the policy segment can be pointed at.
	const plain = uri.content.end - uri.content.start === uri.value.length;
	const name = plain ? { start: uri.content.start + ra.policyOffset, end: uri.content.end, value: ra.policyName } : { ...uri.content, value: ra.policyName };
	checkUri({ locUri: uri.content, ra, name }, out.problems);
	if (ra.policy) {
		out.anchors.push({ ...uri.content, policy: ra.policy });
	}
	if (ra.node === 'Result') {
		out.problems.push({ code: 'command-access', span: uri.content, message: `A Result node is read-only; a custom profile sets a policy through its Config node: ${ra.canonicalPrefix.replace('/Result/', '/Config/')}${ra.policyName}.` });
		return;
	}
	const value = property(row, 'value');
	if (!checkDataType(row, value, out) || value?.kind !== 'string') {
		return;
	}
	const encrypted = property(row, 'isEncrypted');
	// An export that left the value encrypted holds no payload to read.
	if (encrypted?.kind === 'literal' && encrypted.value === true && !value.value.includes('<')) {
		out.skipped.push(`omaSettings[${index}] ${uri.value}: the value is encrypted; export it decrypted to check it`);
		return;
	}
	const decoded = value.decoded();
	if (/^\s*&lt;(enabled|disabled)\b/i.test(decoded.value)) {
		out.problems.push({
			code: 'payload-syntax',
			span: value.content,
			message: 'The value is XML-escaped: Intune sends it as written, so the device would read the text &lt;enabled/&gt; instead of the element <enabled/>. Write the payload unescaped.',
			fixes: [{ title: 'Unescape the value', edits: [{ span: value.content, newText: jsonEscape(unescapeXml(decoded.value)) }], preferred: true }],
		});
		return;
	}
	const payload = parsePayload({ decoded, element: { nameSpan: value }, form: 'raw' });
	append(out.problems, payload.problems);
	if (!ra.policy) {
		return;
	}
	checkPayloadContent(payload, ra.policy, out.problems);
	const setting = lowerPayload(payload, name, ra.policy, { start: row.start, end: row.end });
	if (setting) {
		out.settings.push(setting);
		if (setting.state?.kind === 'scalar' && setting.state.value === 'enabled') {
			writer.insertAt.set(setting, sourceSpan(decoded, payload.insertAt, payload.insertAt).start);
		}
		for (const option of setting.options) {
			const element = ra.policy.elements.find((e) => e.id === option.id.value);
			if (element) {
				out.anchors.push({ ...option.id, policy: ra.policy, element });
			}
		}
	}
}

/** A Remote Assistance payload is text, so the row must be a String setting. False when its value cannot be read as one. */
function checkDataType(row: JsonValue, value: JsonValue | undefined, out: IntuneLowering): boolean {
	const type = propertyEntry(row, '@odata.type')?.value;
	if (type?.kind === 'string' && type.value !== OMA_STRING) {
		out.problems.push({
			code: 'oma-data-type',
			span: type.content,
			message: `Remote Assistance policies take the data type String (${OMA_STRING}), not ${type.value || 'an empty type'}.`,
			fixes: value?.kind === 'string' ? [{ title: 'Change to String', edits: [{ span: type.content, newText: OMA_STRING }], preferred: true }] : undefined,
		});
		return false;
	}
	if (value === undefined) {
		out.problems.push({ code: 'command-data', span: spanOf(row), message: 'This OMA setting has no value: give it the payload, such as <enabled/> or <disabled/>.' });
		return false;
	}
	if (value.kind !== 'string') {
		out.problems.push({ code: 'oma-data-type', span: value, message: 'Remote Assistance policies take a String value: the payload in double quotes, such as "<disabled/>".' });
		return false;
	}
	return true;
}

function spanOf(row: JsonValue): Span {
	return { start: row.start, end: Math.min(row.end, row.start + 1) };
}

function unescapeXml(text: string): string {
	return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: '\'', amp: '&' })[name] ?? '');
}

/** A readable payload as a setting of the model: enabled with its options, or disabled. */
function lowerPayload(payload: ParsedPayload, name: PolicySetting['name'], definition: NonNullable<PolicySetting['definition']>, span: Span): PolicySetting | undefined {
	if (!payload.state) {
		return undefined;
	}
	if (payload.state.value === 'disabled') {
		return { name, definition, state: { kind: 'scalar', value: 'disabled', quoted: false, ...payload.state.span }, options: [], optionsKey: undefined, span };
	}
	const options = payloadOptions(payload.items, catalogAsAdmx(definition).elements);
	return { name, definition, state: { kind: 'scalar', value: 'enabled', quoted: false, ...payload.state.span }, options, optionsKey: payload.state.span, span };
}
