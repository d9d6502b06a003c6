import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import { findElement, findPolicy, POLICIES } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement } from '../catalog/types';
import type { ParsedYaml } from '../document/document';
import { indentUnit } from '../profile/yamlEdits';
import { POLICY_KEY_DOCS, PROFILE_KEY_DOCS, POLICY_KEYS, PROFILE_KEYS } from '../profile/profileFormat';
import { cursorContext, type CursorContext } from '../yaml/yamlCursor';
import { elementSnippet, policySnippet } from '../profile/yamlRender';
import { toRange } from '../text/ranges';
import { catalogElementMarkdown, elementValues, catalogItemMarkdown, policyMarkdown } from './policyDocs';
import { catalogMeanings, stateMarkdown } from './stateDocs';
import { profileCanStart, profileSnippets } from './profileSnippets';
import { admxEntryKeys, ingestedOptionIds, ingestedOptionValues, ingestedPolicyKeys, ingestedPolicyNames, ingestedStates } from './ingestedCompletion';
import { profileAt, type ProfileAt } from './profileAt';
import { keyProposal } from './keyProposal';
import { ingestsAdmx } from '../model/ingestedKey';
import { findIngestedKey } from '../ingestion/profileIngestion';

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/**
 * Proposals for the place being typed, from the catalog and, for the policies of ingested ADMX
 * files, from what the document's parse read of them (`withIngestedAdmx`); works on half-typed documents.
 */
export function yamlCompletions(doc: ParsedYaml, offset: number): CompletionList {
	const context = cursorContext(doc.text, offset);
	if (!context) {
		return { isIncomplete: false, items: [] };
	}
	const range = toRange(doc.lines, context);
	const unit = indentUnit(doc.text);
	const place: Place = { context, range, unit, typed: doc.text.slice(context.start, offset), at: profileAt(doc, offset) };
	const items = ingestedProposals(place) ?? proposals(place);
	return { isIncomplete: false, items: profileCanStart(doc.text, context) ? [...items, ...profileSnippets(range)] : items };
}

interface Place {
	readonly context: CursorContext;
	readonly range: Range;
	readonly unit: string;
	/** The part of the word before the cursor. */
	readonly typed: string;
	readonly at: ProfileAt | undefined;
}

/** Proposals inside an `admx:` entry or an ingested policy; undefined elsewhere. */
function ingestedProposals({ context, range, unit, at }: Place): CompletionItem[] | undefined {
	const [top, key, field, optionId] = context.path;
	const depth = context.path.length;
	if (top === 'admx') {
		// A key line belongs to an entry only below its `- key:` line, which then counts among the siblings.
		const inEntry = context.kind === 'item' || (context.kind === 'key' && context.siblings.size > 0);
		return depth === 1 && inEntry ? admxEntryKeys(context, range) : [];
	}
	const found = top === 'policies' ? findIngestedKey(at?.ingestion, key) : undefined;
	if (!found) {
		return undefined;
	}
	if (context.kind === 'key') {
		return depth === 2 ? ingestedPolicyKeys(found, context, range, unit) : depth === 3 && field === 'options' ? ingestedOptionIds(key, found, context, range) : [];
	}
	if (context.kind === 'value' && depth === 3 && field === 'state') {
		return ingestedStates(found, range);
	}
	const element = context.kind === 'value' && depth === 4 && field === 'options' ? found.policy.elements.find((e) => e.id === optionId) : undefined;
	return element ? ingestedOptionValues(key, found, element, range) : [];
}

function proposals({ context, range, unit, typed, at }: Place): CompletionItem[] {
	const [top, policyName, field, optionId] = context.path;
	const policy = typeof policyName === 'string' ? findPolicy(policyName) : undefined;
	const depth = context.path.length;
	if (context.kind === 'key') {
		if (depth === 0) {
			return profileKeys(context, range, unit);
		}
		if (top !== 'policies') {
			return [];
		}
		if (depth === 1) {
			// Built-in names hold no `/`: once one is typed, only an ingested app's policies fit.
			const ingested = at?.ingestion ? ingestedPolicyNames(at.ingestion, typed, context, range, unit) : [];
			return typed.includes('/') ? ingested : [...policyNames(context, range, unit), ...ingested];
		}
		if (policy && depth === 2) {
			return policyKeys(policy, context, range, unit);
		}
		if (policy && depth === 3 && field === 'options') {
			return optionIds(policy, context, range, unit);
		}
		const element = policy && depth === 4 && field === 'options' ? findElement(policy, optionId) : undefined;
		return element?.type === 'list' ? [helperSkeleton(element, range, '- ')] : [];
	}
	if (context.kind === 'item') {
		const element = policy && depth === 4 && field === 'options' ? findElement(policy, optionId) : undefined;
		return element?.type === 'list' ? [helperSkeleton(element, range, '')] : [];
	}
	if (depth === 1 && top === 'scope') {
		const device: CompletionItem = { label: 'device', kind: CompletionItemKind.EnumMember, detail: 'the default', textEdit: { range, newText: 'device' } };
		// `user` only places ingested policies of class Both.
		return at && ingestsAdmx(at.profile)
			? [device, { label: 'user', kind: CompletionItemKind.EnumMember, detail: 'ingested policies of class Both', textEdit: { range, newText: 'user' } }]
			: [device];
	}
	if (top !== 'policies' || !policy) {
		return [];
	}
	if (depth === 3 && field === 'state') {
		return POLICY_STATES.map((state, i) => ({
			label: state,
			kind: CompletionItemKind.EnumMember,
			documentation: markdown(stateMarkdown(policy.name, catalogAsAdmx(policy), state, catalogMeanings(policy))),
			sortText: String(i),
			textEdit: { range, newText: state },
		}));
	}
	const element = depth === 4 && field === 'options' ? findElement(policy, optionId) : undefined;
	return element ? elementValueProposals(policy, element, range) : [];
}

function profileKeys(context: CursorContext, range: Range, unit: string): CompletionItem[] {
	const snippets: Record<string, string> = {
		profile: 'profile: ${1:Helpdesk Remote Assistance}',
		description: 'description: ${1}',
		scope: 'scope: device',
		admx: `admx:\n${unit}- app: \${1:AppName}\n${unit}  file: \${2:admx/app.admx}`,
		policies: `policies:\n${unit}$0`,
	};
	return PROFILE_KEYS.filter((k) => !context.siblings.has(k)).map((key, i) => keyProposal(key, snippets[key], context, range, {
		kind: CompletionItemKind.Property,
		documentation: markdown(PROFILE_KEY_DOCS[key]),
		sortText: String(i),
	}));
}

function policyNames(context: CursorContext, range: Range, unit: string): CompletionItem[] {
	return POLICIES.filter((p) => !context.siblings.has(p.name)).map((policy) => keyProposal(policy.name, policySnippet(policy, unit), context, range, {
		kind: CompletionItemKind.Module,
		detail: policy.friendlyName,
		documentation: markdown(policyMarkdown(policy)),
		filterText: `${policy.name} ${policy.admxName} ${policy.friendlyName}`,
	}));
}

function policyKeys(policy: PolicyDefinition, context: CursorContext, range: Range, unit: string): CompletionItem[] {
	const keys = POLICY_KEYS.filter((k) => !context.siblings.has(k) && (k !== 'options' || policy.elements.length > 0));
	return keys.map((key, i) => {
		const snippet = key === 'state'
			? 'state: ${1|enabled,disabled,not-configured|}'
			: ['options:', ...policy.elements.flatMap((e, n) => elementSnippet(e, unit, unit, n + 1))].join('\n');
		return keyProposal(key, snippet, context, range, { kind: CompletionItemKind.Property, documentation: markdown(POLICY_KEY_DOCS[key]), sortText: String(i) });
	});
}

function optionIds(policy: PolicyDefinition, context: CursorContext, range: Range, unit: string): CompletionItem[] {
	return policy.elements.filter((e) => !context.siblings.has(e.id)).map((element, i) => keyProposal(element.id, elementSnippet(element, '', unit, 1).join('\n'), context, range, {
		kind: CompletionItemKind.Field,
		detail: `${element.type}: ${element.label}`,
		documentation: markdown(catalogElementMarkdown(policy, element, 'profile')),
		sortText: String(i),
	}));
}

function elementValueProposals(policy: PolicyDefinition, element: PolicyElement, range: Range): CompletionItem[] {
	switch (element.type) {
		case 'enum':
			return [
				...element.items.map((item, i) => ({
					label: item.alias,
					kind: CompletionItemKind.EnumMember,
					detail: `${item.value}: ${item.label}`,
					labelDetails: { description: item.label },
					documentation: markdown(catalogItemMarkdown(policy, element, item)),
					sortText: `0${i}`,
					preselect: item.value === element.gpeditDefault || undefined,
					textEdit: { range, newText: item.alias },
				})),
				...element.items.map((item, i) => ({
					label: String(item.value),
					kind: CompletionItemKind.Value,
					detail: `${item.alias}: ${item.label}`,
					labelDetails: { description: item.label },
					documentation: markdown(catalogItemMarkdown(policy, element, item)),
					sortText: `1${i}`,
					textEdit: { range, newText: String(item.value) },
				})),
			];
		case 'decimal':
			return [{
				label: String(element.gpeditDefault),
				kind: CompletionItemKind.Value,
				detail: elementValues(policy, element),
				documentation: markdown(catalogElementMarkdown(policy, element, 'profile')),
				textEdit: { range, newText: String(element.gpeditDefault) },
			}];
		case 'text':
			return [{
				label: '""',
				kind: CompletionItemKind.Value,
				detail: elementValues(policy, element),
				insertTextFormat: InsertTextFormat.Snippet,
				textEdit: { range, newText: '"$1"' },
			}];
		case 'list':
			return [];
	}
}

function helperSkeleton(element: PolicyElement & { type: 'list' }, range: Range, dash: string): CompletionItem {
	const [domain, name] = element.entryExample.split('\\');
	return {
		label: `${dash}DOMAIN\\name`,
		kind: CompletionItemKind.Snippet,
		detail: `a helper: ${element.entryFormat}`,
		documentation: markdown(`A user or group allowed to offer help, written as ${element.entryFormat}.`),
		insertTextFormat: InsertTextFormat.Snippet,
		textEdit: { range, newText: `${dash}\${1:${domain}}\\\\\${2:${name}}` },
	};
}
