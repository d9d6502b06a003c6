import { enumItemMarkdown } from './itemDocs';
import { stateMarkdown } from './stateDocs';
import { itemValueText } from '../policy/checkValue';
import { ADMX_ENTRY_KEY_DOCS, POLICY_KEY_DOCS } from '../profile/profileFormat';
import type { Located } from '../yaml/yamlLocate';
import { findIngestedKey } from '../ingestion/profileIngestion';
import { admxFileMarkdown, ingestedElementMarkdown, ingestedPolicyMarkdown } from './ingestedDocs';
import type { ProfileAt } from './profileAt';

function keyDoc(docs: Readonly<Record<string, string>>, key: string | number | undefined): string | undefined {
	return typeof key === 'string' && Object.prototype.hasOwnProperty.call(docs, key) ? `**${key}**\n\n${docs[key]}` : undefined;
}

/**
 * Hover in a profile's `admx:` entries and on its ingested policies, from the ADMX files read with
 * the document: the file an entry names, a policy with its OMA-URI, an element, an enum item.
 * `offset` is in the document, for finding the entry.
 */
export function ingestedHoverText({ path, on, node }: Located, at: ProfileAt | undefined, offset: number): string | undefined {
	const [top, key, field, optionId] = path;
	const value = node.kind === 'scalar' ? node.value : undefined;
	if (top === 'admx' && path.length === 3) {
		if (on === 'key') {
			return keyDoc(ADMX_ENTRY_KEY_DOCS, field);
		}
		const entry = at?.profile.admx.find((e) => offset >= e.span.start && offset <= e.span.end);
		const file = entry && at?.ingestion?.files.find((f) => f.app === entry.app?.value && f.file === entry.file?.value);
		return file ? admxFileMarkdown(file) : undefined;
	}
	const found = top === 'policies' ? findIngestedKey(at?.ingestion, key) : undefined;
	if (!at?.ingestion || !found || typeof key !== 'string') {
		return undefined;
	}
	if (path.length === 2) {
		return ingestedPolicyMarkdown(key, found, at.ingestion, at.profile.scope?.kind === 'scalar' ? at.profile.scope.value : undefined);
	}
	if (path.length === 3) {
		return on === 'key' ? keyDoc(POLICY_KEY_DOCS, field) : field === 'state' && typeof value === 'string' ? stateMarkdown(found.policy.name, found.policy, value) : undefined;
	}
	const element = field === 'options' ? found.policy.elements.find((e) => e.id === optionId) : undefined;
	if (!element) {
		return undefined;
	}
	const item = on === 'value' && element.type === 'enum' && value !== undefined && value !== null
		? element.items.find((i) => itemValueText(i.value) === String(value))
		: undefined;
	return item && element.type === 'enum' ? enumItemMarkdown(element, item, found.adml, found.policy.class) : ingestedElementMarkdown(key, found, element);
}
