import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import { findElement, findPolicy, POLICIES } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement } from '../catalog/types';
import type { ParsedYaml } from '../document';
import { indentUnit } from '../yaml/yamlEdits';
import { POLICY_KEY_DOCS, PROFILE_KEY_DOCS, POLICY_KEYS, PROFILE_KEYS } from '../yaml/profileFormat';
import { cursorContext, type CursorContext } from '../yaml/yamlCursor';
import { elementSnippet, policySnippet } from '../yaml/yamlRender';
import { toRange } from '../text/ranges';
import { elementMarkdown, elementValues, enumItemMarkdown, policyMarkdown, stateMarkdown } from './policyDocs';
import { profileCanStart, profileSnippets } from './profileSnippets';

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** Proposals for the place being typed, from the catalog; works on half-typed documents. */
export function yamlCompletions(doc: ParsedYaml, offset: number): CompletionList {
	const context = cursorContext(doc.text, offset);
	if (!context) {
		return { isIncomplete: false, items: [] };
	}
	const range = toRange(doc.lines, context);
	const unit = indentUnit(doc.text);
	const items = proposals(context, range, unit);
	return { isIncomplete: false, items: profileCanStart(doc.text, context) ? [...items, ...profileSnippets(range)] : items };
}

function proposals(context: CursorContext, range: Range, unit: string): CompletionItem[] {
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
			return policyNames(context, range, unit);
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
		return [{ label: 'device', kind: CompletionItemKind.EnumMember, detail: 'the only scope', textEdit: { range, newText: 'device' } }];
	}
	if (top !== 'policies' || !policy) {
		return [];
	}
	if (depth === 3 && field === 'state') {
		return POLICY_STATES.map((state, i) => ({
			label: state,
			kind: CompletionItemKind.EnumMember,
			documentation: markdown(stateMarkdown(policy, state)),
			sortText: String(i),
			textEdit: { range, newText: state },
		}));
	}
	const element = depth === 4 && field === 'options' ? findElement(policy, optionId) : undefined;
	return element ? elementValueProposals(policy, element, range) : [];
}

/** A key proposal: the whole entry as a snippet, or just the name when the line already has its colon. */
function keyProposal(key: string, snippet: string, context: CursorContext, range: Range, extra: Omit<CompletionItem, 'label' | 'textEdit'>): CompletionItem {
	return {
		...extra,
		label: key,
		insertTextFormat: context.keyHasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
		insertTextMode: InsertTextMode.adjustIndentation,
		textEdit: { range, newText: context.keyHasColon ? key : snippet },
	};
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
		documentation: markdown(elementMarkdown(policy, element)),
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
					documentation: markdown(enumItemMarkdown(element, item)),
					sortText: `0${i}`,
					preselect: item.value === element.gpeditDefault || undefined,
					textEdit: { range, newText: item.alias },
				})),
				...element.items.map((item, i) => ({
					label: String(item.value),
					kind: CompletionItemKind.Value,
					detail: `${item.alias}: ${item.label}`,
					labelDetails: { description: item.label },
					documentation: markdown(enumItemMarkdown(element, item)),
					sortText: `1${i}`,
					textEdit: { range, newText: String(item.value) },
				})),
			];
		case 'decimal':
			return [{
				label: String(element.gpeditDefault),
				kind: CompletionItemKind.Value,
				detail: elementValues(element),
				documentation: markdown(elementMarkdown(policy, element)),
				textEdit: { range, newText: String(element.gpeditDefault) },
			}];
		case 'text':
			return [{
				label: '""',
				kind: CompletionItemKind.Value,
				detail: elementValues(element),
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
