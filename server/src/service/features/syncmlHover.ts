import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { enumItemByValue } from '../catalog/catalog';
import type { ParsedSyncml } from '../document/document';
import type { Span } from '../text/span';
import { parseRemoteAssistanceUri } from '../catalog/omaUri';
import type { PolicyDefinition } from '../catalog/types';
import { parsePayload, type ParsedPayload } from '../mdm/payload';
import { LIST_SEPARATOR, LIST_SEPARATOR_REFERENCE, listParts } from '../mdm/payloadText';
import { ELEMENT_DOCS, STATUS_CODES } from '../syncml/syncmlDocs';
import { proposableChildren, SYNCML_GRAMMAR } from '../syncml/syncmlGrammar';
import { elementText } from '../syncml/elementText';
import { locateSyncml } from '../syncml/syncmlLocate';
import { toRange } from '../text/ranges';
import { findIngestedPolicy, indexIngestions, type IngestedPolicy } from '../ingestion/ingestionIndex';
import { parseConfigureUri } from '../mdm/ingestedUri';
import { admxPolicyMarkdown } from './admxHover';
import { catalogElementMarkdown, catalogItemMarkdown, policyMarkdown } from './policyDocs';

const within = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/** The policy a Config LocURI names in an ADMX this message ingests under its AppName. */
function ingestedPolicy(doc: ParsedSyncml, uri: string): IngestedPolicy | undefined {
	const node = parseConfigureUri(uri);
	if (!node) {
		return undefined;
	}
	const installs = doc.chunks.flatMap((chunk, order) => (chunk.result.ingestion?.installs ?? []).map((install) => ({ ...install, order })));
	return findIngestedPolicy(indexIngestions(installs), node.app, node.policyName);
}

/** Hover in SyncML: policy docs on a LocURI (a Remote Assistance policy, or one of an ADMX the message ingests), element docs inside the payload, the decoded payload, status codes. */
export function syncmlHover(doc: ParsedSyncml, offset: number): Hover | null {
	const place = locateSyncml(doc, offset);
	const element = place.element;
	if (!element) {
		return null;
	}
	const hover = (markdown: string, span: Span): Hover => ({ contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(doc.lines, span) });
	if (place.onName) {
		const text = ELEMENT_DOCS[element.name];
		return text ? hover(`**<${element.name}>**\n\n${text}${childrenLine(element.name)}`, element.nameSpan) : null;
	}
	if (!place.inContent) {
		return null;
	}
	if (element.name === 'LocURI') {
		const uri = elementText(doc.text, element);
		const ra = parseRemoteAssistanceUri(uri.value);
		if (!ra?.policy) {
			const ingested = ingestedPolicy(doc, uri.value);
			return ingested ? hover(admxPolicyMarkdown(ingested.file, ingested.policy, ingested.app), uri) : null;
		}
		const node = ra.node === 'Result' ? '\n\n*Result node*: reads back the value the device applied.' : '';
		return hover(policyMarkdown(ra.policy) + node, uri);
	}
	if (element.name === 'Data' && place.command?.name === 'Status') {
		const code = elementText(doc.text, element);
		const meaning = STATUS_CODES[code.value];
		return meaning ? hover(`**Status ${code.value}**\n\n${meaning}`, code) : null;
	}
	const item = place.item;
	if (element.name !== 'Data' || !item?.data || !item.locUri) {
		return null;
	}
	const policy = parseRemoteAssistanceUri(item.locUri.value)?.policy;
	const payload = parsePayload(item.data);
	for (const data of payload.items) {
		const dataElement = policy && data.id ? policy.elements.find((e) => e.id === data.id?.value) : undefined;
		if (!policy || !dataElement) {
			continue;
		}
		if (data.id && within(data.id.span, offset)) {
			return hover(catalogElementMarkdown(policy, dataElement, 'payload'), data.id.span);
		}
		if (data.valueSpan && within(data.valueSpan, offset)) {
			const item = dataElement.type === 'enum' && data.value ? enumItemByValue(dataElement, Number(data.value.value)) : undefined;
			return hover(item && dataElement.type === 'enum' ? catalogItemMarkdown(policy, dataElement, item) : catalogElementMarkdown(policy, dataElement, 'payload'), data.valueSpan);
		}
	}
	const reported = place.command?.name === 'Results' && policy && payload.state ? `${reportedMarkdown(policy, payload)}\n\n` : '';
	return hover(`${reported}**Decoded payload**${policy ? ` of ${policy.name}` : ''}\n\n\`\`\`xml\n${prettyPayload(item.data.decoded.value)}\n\`\`\``, item.data.content);
}

/** What a device's Results item says it has: the state, then each option by its label, enum values by theirs. */
function reportedMarkdown(policy: PolicyDefinition, payload: ParsedPayload): string {
	const lines = [`**The device reports** ${policy.friendlyName} (${policy.name}): **${payload.state?.value}**`];
	if (payload.state?.value === 'enabled') {
		for (const data of payload.items) {
			const element = policy.elements.find((e) => e.id === data.id?.value);
			if (!element || !data.value) {
				continue;
			}
			const value = data.value.value;
			const shown = element.type === 'enum' ? enumItemByValue(element, Number(value))?.label ?? value : element.type === 'list' ? listParts(data.value).filter((_, i) => i % 2 === 0).map((p) => p.text).join(', ') : value;
			lines.push(`- ${element.label} (\`${element.id}\`): ${shown === '' ? '(empty)' : shown}`);
		}
	}
	return lines.join('\n');
}

/** One payload element per line, list entries shown with their separators spelled out. */
export function prettyPayload(payload: string): string {
	return payload.trim().replace(/>\s*</g, '>\n<').split(LIST_SEPARATOR).join(LIST_SEPARATOR_REFERENCE);
}

/** What the element holds, from the grammar the checks and completion use. */
function childrenLine(name: string): string {
	const grammar = SYNCML_GRAMMAR[name];
	if (!grammar) {
		return '';
	}
	const children = proposableChildren(name).map((c) => `\`<${c.name}>\`${c.required ? '' : ' (optional)'}`);
	return `\n\nHolds${grammar.ordered ? ', in this order,' : ''}: ${children.join(', ')}.`;
}
