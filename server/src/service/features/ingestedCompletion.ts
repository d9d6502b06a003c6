import { enumItemMarkdown } from './itemDocs';
import { stateMarkdown } from './stateDocs';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { AdmxElement } from '../admx/admxModel';
import { itemValueText } from '../policy/checkValue';
import { appPolicies, type IngestedPolicy } from '../ingestion/ingestionIndex';
import type { ProfileIngestion } from '../ingestion/profileIngestion';
import { displayText } from '../admx/readAdml';
import { POLICY_STATES } from '../catalog/types';
import { defaultOptionText } from '../validation/ingestedRules';
import { ADMX_ENTRY_KEY_DOCS, ADMX_ENTRY_KEYS, POLICY_KEY_DOCS, POLICY_KEYS } from '../profile/profileFormat';
import type { CursorContext } from '../yaml/yamlCursor';
import { escapeSnippet, yamlText } from '../profile/yamlRender';
import { ingestedElementMarkdown, ingestedSummaryMarkdown, controlOf, policyDisplayName } from './ingestedDocs';
import { keyProposal } from './keyProposal';
import { append } from '../text/append';

/** Proposals for the policies of ingested ADMX files in a profile, from the ADMX and its ADML. */

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** `id: default` for one element, the default a placeholder. */
function optionSnippet(found: IngestedPolicy, element: AdmxElement, tab: number): string {
	return `${escapeSnippet(element.id)}: \${${tab}:${escapeSnippet(defaultOptionText(element, found.adml, found.policy.presentation))}}`;
}

function policySnippet(key: string, found: IngestedPolicy, unit: string): string {
	const lines = [`${escapeSnippet(key)}:`, `${unit}state: \${1|enabled,disabled,not-configured|}`];
	if (found.policy.elements.length > 0) {
		lines.push(`${unit}options:`);
		append(lines, found.policy.elements.map((e, i) => `${unit}${unit}${optionSnippet(found, e, i + 2)}`));
	}
	return lines.join('\n') + '$0';
}

function firstOfEachName(policies: readonly IngestedPolicy[]): IngestedPolicy[] {
	const byName = new Map<string, IngestedPolicy>();
	for (const found of policies) {
		if (!byName.has(found.policy.name)) {
			byName.set(found.policy.name, found);
		}
	}
	return [...byName.values()];
}

/**
 * `App/PolicyName` for each policy ingested; once an AppName and `/` are typed, only that app's.
 * A name in two files of one app is the first file's, as the checks read it.
 */
export function ingestedPolicyNames(ingestion: ProfileIngestion, typed: string, context: CursorContext, range: Range, unit: string): CompletionItem[] {
	const slash = typed.indexOf('/');
	const typedApp = slash >= 0 ? typed.slice(0, slash).toLowerCase() : undefined;
	const apps = [...ingestion.index.values()].filter((a) => typedApp === undefined || a.app.toLowerCase() === typedApp);
	return apps.flatMap((app) => firstOfEachName(appPolicies(app))).flatMap((found) => {
		const key = `${found.app}/${found.policy.name}`;
		if (context.siblings.has(key)) {
			return [];
		}
		const name = policyDisplayName(found);
		return [keyProposal(key, policySnippet(key, found, unit), context, range, {
			kind: CompletionItemKind.Module,
			detail: name,
			documentation: markdown(ingestedSummaryMarkdown(key, found)),
			filterText: name ? `${key} ${name}` : key,
		})];
	});
}

/** `state` and `options` of an ingested policy; `options` with every element and its default. */
export function ingestedPolicyKeys(found: IngestedPolicy, context: CursorContext, range: Range, unit: string): CompletionItem[] {
	const elements = found.policy.elements;
	const keys = POLICY_KEYS.filter((k) => !context.siblings.has(k) && (k !== 'options' || elements.length > 0));
	return keys.map((key, i) => {
		const snippet = key === 'state'
			? 'state: ${1|enabled,disabled,not-configured|}'
			: ['options:', ...elements.map((e, n) => `${unit}${optionSnippet(found, e, n + 1)}`)].join('\n');
		return keyProposal(key, snippet, context, range, { kind: CompletionItemKind.Property, documentation: markdown(POLICY_KEY_DOCS[key]), sortText: String(i) });
	});
}

export function ingestedStates(found: IngestedPolicy, range: Range): CompletionItem[] {
	return POLICY_STATES.map((state, i) => ({
		label: state,
		kind: CompletionItemKind.EnumMember,
		documentation: markdown(stateMarkdown(found.policy.name, found.policy, state)),
		sortText: String(i),
		textEdit: { range, newText: state },
	}));
}

/** The element ids not yet written under `options:`, in the ADMX's order. */
export function ingestedOptionIds(key: string, found: IngestedPolicy, context: CursorContext, range: Range): CompletionItem[] {
	return found.policy.elements.filter((e) => !context.siblings.has(e.id)).map((element, i) => {
		const label = controlOf(found, element)?.label;
		return keyProposal(element.id, optionSnippet(found, element, 1), context, range, {
			kind: CompletionItemKind.Field,
			detail: label ? `${element.type}: ${label}` : element.type,
			documentation: markdown(ingestedElementMarkdown(key, found, element)),
			sortText: String(i).padStart(4, '0'),
		});
	});
}

/** Values for an element: an enum's item values, true and false, the ADML's default and suggestions. */
export function ingestedOptionValues(key: string, found: IngestedPolicy, element: AdmxElement, range: Range): CompletionItem[] {
	const value = (label: string, newText: string, extra: Omit<CompletionItem, 'label' | 'textEdit'> = {}): CompletionItem => ({
		kind: CompletionItemKind.Value,
		...extra,
		label,
		textEdit: { range, newText },
	});
	const control = controlOf(found, element);
	switch (element.type) {
		case 'enum': {
			// The item the Group Policy editor shows first, as `defaultOptionText` reads it.
			const first = element.items[control?.defaultItem ?? 0] ?? element.items[0];
			return element.items.flatMap((item, i) => {
				const text = itemValueText(item.value);
				if (text === undefined) {
					// An item that deletes the value has nothing the profile could write.
					return [];
				}
				const name = displayText(found.adml, item.displayName);
				return [value(text, item.value.kind === 'string' ? yamlText(text) : text, {
					kind: CompletionItemKind.EnumMember,
					labelDetails: { description: name },
					detail: name,
					filterText: `${text} ${name}`,
					documentation: markdown(enumItemMarkdown(element, item, found.adml, found.policy.class)),
					sortText: String(i).padStart(4, '0'),
					preselect: item === first || undefined,
				})];
			});
		}
		case 'boolean':
			return ['true', 'false'].map((b) => value(b, b, { preselect: b === String(control?.defaultChecked ?? false) || undefined }));
		case 'decimal':
		case 'longDecimal': {
			const preferred = defaultOptionText(element, found.adml, found.policy.presentation);
			return [value(preferred, preferred, { detail: `${element.minValue} to ${element.maxValue}`, documentation: markdown(ingestedElementMarkdown(key, found, element)) })];
		}
		case 'text': {
			const texts = [...new Set([control?.defaultValue, ...(control?.suggestions ?? [])].filter((t): t is string => t !== undefined && t !== ''))];
			return texts.length > 0
				? texts.map((t) => value(yamlText(t), yamlText(t), { detail: t === control?.defaultValue ? 'the ADML\'s default' : 'suggested by the ADML' }))
				: [value('""', '"$1"', { insertTextFormat: InsertTextFormat.Snippet, detail: `up to ${element.maxLength} characters` })];
		}
		case 'multiText':
		case 'list':
			return [];
	}
}

/** `app` and `file` of an `admx:` entry; the file is written by hand, since the service reads no folder. */
export function admxEntryKeys(context: CursorContext, range: Range): CompletionItem[] {
	const snippets = { app: 'app: ${1:AppName}', file: 'file: ${1:admx/app.admx}' };
	return ADMX_ENTRY_KEYS.filter((k) => !context.siblings.has(k)).map((key, i) => keyProposal(key, snippets[key], context, range, {
		kind: CompletionItemKind.Property,
		documentation: markdown(ADMX_ENTRY_KEY_DOCS[key]),
		sortText: String(i),
	}));
}
