import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { enumItemByAlias, enumItemByValue, findElement, findPolicy } from '../catalog/catalog';
import type { ParsedYaml } from '../document/document';
import { POLICY_KEY_DOCS, PROFILE_KEY_DOCS } from '../profile/profileFormat';
import { locate } from '../yaml/yamlLocate';
import { toRange } from '../text/ranges';
import { catalogElementMarkdown, catalogItemMarkdown, policyMarkdown } from './policyDocs';
import { catalogMeanings, stateMarkdown } from './stateDocs';
import { ingestedHoverText } from './ingestedHover';
import { profileAt } from './profileAt';

function docFor<T extends object>(docs: T, key: unknown): string | undefined {
	return typeof key === 'string' && Object.prototype.hasOwnProperty.call(docs, key) ? (docs as Record<string, string>)[key] : undefined;
}

/**
 * Documentation for the key or value under the cursor: from the catalog, and for `admx:` entries
 * and ingested policies from the ADMX files the document's parse read (`withIngestedAdmx`).
 */
export function yamlHover(doc: ParsedYaml, offset: number): Hover | null {
	const chunk = [...doc.chunks].reverse().find((c) => c.start <= offset);
	const found = chunk && locate(chunk.result.yaml, offset - chunk.start);
	if (!chunk || !found) {
		return null;
	}
	const markdown = hoverText(found.path, found.on, found.node.kind === 'scalar' ? found.node.value : undefined) ?? ingestedHoverText(found, profileAt(doc, offset), offset);
	return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(doc.lines, { start: found.node.start + chunk.start, end: found.node.end + chunk.start }) } : null;
}

function hoverText(path: readonly (string | number)[], on: 'key' | 'value', value: unknown): string | undefined {
	const [top, policyName, field, optionId] = path;
	if (path.length === 1) {
		const text = docFor(PROFILE_KEY_DOCS, top);
		return text && `**${String(top)}**\n\n${text}`;
	}
	if (top !== 'policies' || typeof policyName !== 'string') {
		return undefined;
	}
	const policy = findPolicy(policyName);
	if (!policy) {
		return undefined;
	}
	if (path.length === 2) {
		return policyMarkdown(policy);
	}
	if (path.length === 3) {
		if (on === 'key') {
			const text = docFor(POLICY_KEY_DOCS, field);
			return text && `**${String(field)}**\n\n${text}`;
		}
		return field === 'state' && typeof value === 'string' ? stateMarkdown(policy.name, catalogAsAdmx(policy), value, catalogMeanings(policy)) : undefined;
	}
	if (field !== 'options' || typeof optionId !== 'string') {
		return undefined;
	}
	const element = findElement(policy, optionId);
	if (!element) {
		return undefined;
	}
	if (on === 'key' || element.type !== 'enum') {
		return catalogElementMarkdown(policy, element, 'profile');
	}
	const item = typeof value === 'number' ? enumItemByValue(element, value) : typeof value === 'string' ? enumItemByAlias(element, value) : undefined;
	return item ? catalogItemMarkdown(policy, element, item) : catalogElementMarkdown(policy, element, 'profile');
}
