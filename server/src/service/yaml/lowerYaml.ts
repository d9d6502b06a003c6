import { findPolicy } from '../catalog/catalog';
import type { Located, OptionSetting, OptionValue, PolicySetting, Profile } from '../model/policyModel';
import type { PolicyDefinition } from '../catalog/types';
import type { Span } from '../text/span';
import type { Problem } from '../validation/problem';
import { closest } from '../text/suggest';
import { POLICY_KEYS, PROFILE_KEYS, PROFILE_KEYS_REQUIRED } from './profileFormat';
import { yamlText } from './yamlRender';
import { keyName, type AstNode, type MapNode, type PairNode, type YamlDocument } from './yamlAst';


export interface LoweredProfile {
	readonly profile: Profile;
	readonly document: YamlDocument;
}

/**
 * Lowers the YAML tree into the policy model, reporting what only the YAML shape can tell:
 * syntax, unknown and duplicate keys, missing top-level keys and values of the wrong kind.
 */
export function lowerYaml(docs: readonly YamlDocument[], problems: Problem[]): LoweredProfile[] {
	const result: LoweredProfile[] = [];
	for (const doc of docs) {
		for (const error of doc.errors) {
			problems.push({ code: 'yaml-syntax', span: error, message: syntaxMessage(error.message), severity: error.warning ? 'warning' : undefined });
		}
		const root = doc.root;
		if (root === null || (root.kind === 'scalar' && root.value === null)) {
			continue;
		}
		if (root.kind !== 'map') {
			const shape = root.kind === 'seq' ? 'a list' : 'a single value';
			const message = `This document is ${shape}, but a profile is a mapping of keys: ${PROFILE_KEYS_REQUIRED}. Write \`profile: <name>\` at the start of a line, then \`policies:\` with the policies indented below it.`;
			problems.push({ code: 'invalid-structure', span: root, message });
			continue;
		}
		result.push({ profile: lowerProfile(doc, root, problems), document: doc });
	}
	return result;
}

function syntaxMessage(message: string): string {
	return `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '')}.`.replace(/\.\.$/, '.');
}

function lowerProfile(doc: YamlDocument, root: MapNode, problems: Problem[]): Profile {
	const pairs = uniquePairs(root, PROFILE_KEYS, 'profile document', `Write one of the profile keys: ${PROFILE_KEYS_REQUIRED}.`, problems);
	const name = textValue(pairs.get('profile'), 'profile', 'the profile\'s display name', false, problems);
	const description = textValue(pairs.get('description'), 'description', 'a sentence about the profile', true, problems);
	const scopePair = pairs.get('scope');
	const policiesPair = pairs.get('policies');
	if (!pairs.has('profile')) {
		problems.push({
			code: 'missing-profile',
			span: firstKeySpan(root),
			message: 'This profile has no name: add `profile: <name>` (for example `profile: Helpdesk Remote Assistance`).',
			fixes: [{ title: 'Add a profile name', edits: [{ span: { start: root.start, end: root.start }, newText: 'profile: New Remote Assistance profile\n' }] }],
		});
	}
	const policies: PolicySetting[] = [];
	if (!policiesPair) {
		problems.push({ code: 'missing-policies', span: firstKeySpan(root), message: 'This profile has no `policies`: add `policies:` with at least one Remote Assistance policy below it.' });
	} else {
		const value = policiesPair.value;
		if (value === null || (value.kind === 'scalar' && value.value === null) || (value.kind === 'map' && value.pairs.length === 0)) {
			problems.push({ code: 'missing-policies', span: policiesPair.key ?? policiesPair, message: '`policies` is empty: add at least one Remote Assistance policy, for example `SessionLogging: { state: enabled }`.' });
		} else if (value.kind !== 'map') {
			problems.push({ code: 'value-type', span: value, message: '`policies` must be a mapping from policy names to their settings, not a list or a single value.' });
		} else {
			for (const [, pair] of uniquePairs(value, undefined, 'policies', 'Write a policy name, such as `SessionLogging`.', problems)) {
				policies.push(lowerPolicy(pair, problems));
			}
		}
	}
	return {
		name,
		description,
		scope: scopePair?.value ? toOptionValue(scopePair.value) : undefined,
		policies,
		span: { start: doc.start, end: doc.end },
	};
}

function lowerPolicy(pair: PairNode, problems: Problem[]): PolicySetting {
	const key = pair.key as AstNode;
	const name: Located<string> = { start: key.start, end: key.end, value: keyName(pair) ?? '' };
	const value = pair.value;
	const definition = findPolicy(name.value);
	let state: OptionValue | undefined;
	const options: OptionSetting[] = [];
	let optionsKey: Span | undefined;
	if (value !== null && value.kind === 'map') {
		const inner = uniquePairs(value, POLICY_KEYS, `policy ${name.value}`, 'Write `state` (required) or `options` (only for an enabled policy that has options).', problems);
		const statePair = inner.get('state');
		state = statePair?.value ? toOptionValue(statePair.value) : undefined;
		const optionsPair = inner.get('options');
		if (optionsPair) {
			optionsKey = optionsPair.key ?? optionsPair;
			const optionsValue = optionsPair.value;
			if (optionsValue?.kind === 'map') {
				for (const [id, optionPair] of uniquePairs(optionsValue, undefined, 'options', optionIdsExpected(name.value, definition), problems)) {
					const idNode = optionPair.key as AstNode;
					options.push({
						id: { start: idNode.start, end: idNode.end, value: id },
						value: optionPair.value ? toOptionValue(optionPair.value) : { kind: 'scalar', value: null, quoted: false, start: idNode.end, end: idNode.end },
						span: optionPair,
					});
				}
			} else if (optionsValue && !(optionsValue.kind === 'scalar' && optionsValue.value === null)) {
				problems.push({ code: 'value-type', span: optionsValue, message: '`options` must be a mapping from option ids to values.' });
			}
		}
	} else if (value !== null && !(value.kind === 'scalar' && value.value === null)) {
		problems.push({ code: 'value-type', span: value, message: `The settings of ${name.value} must be a mapping with \`state\` (and \`options\` when enabled), for example \`{ state: enabled }\`.` });
	}
	const span = { start: pair.start, end: Math.max(pair.end, name.end) };
	return { name, definition, state, options, optionsKey, span };
}

/** What to write instead of an option key that is not a plain name: the policy's option ids when it has any. */
function optionIdsExpected(policy: string, definition: PolicyDefinition | undefined): string {
	const ids = definition?.elements.map((element) => `\`${element.id}\``) ?? [];
	return ids.length > 0 ? `Write an option id of ${policy}: ${ids.join(', ')}.` : 'Write an option id of the policy.';
}

/**
 * The pairs of a mapping by key name, first occurrence winning. Reports later duplicates,
 * keys that are not plain names (saying what to write instead, `expected`) and, when `known`
 * is given, keys outside it.
 */
function uniquePairs(map: MapNode, known: readonly string[] | undefined, where: string, expected: string, problems: Problem[]): Map<string, PairNode> {
	const seen = new Map<string, PairNode>();
	for (const pair of map.pairs) {
		const name = keyName(pair);
		if (name === undefined || pair.key === null) {
			problems.push({ code: 'invalid-structure', span: pair.key ?? pair, message: `${keyShape(pair.key)}, but keys in the ${where} are plain names. ${expected}` });
			continue;
		}
		if (seen.has(name)) {
			problems.push({
				code: 'duplicate-key',
				span: pair.key,
				message: `\`${name}\` appears more than once in the ${where}; keep one entry and delete the others.`,
			});
			continue;
		}
		if (known && !known.includes(name)) {
			const suggestion = closest(name, known);
			const hint = suggestion && !seen.has(suggestion) ? ` Did you mean \`${suggestion}\`?` : '';
			problems.push({
				code: 'unknown-key',
				span: pair.key,
				message: `Unknown key \`${name}\` in the ${where}.${hint} Allowed keys: ${known.join(', ')}.`,
				fixes: hint ? [{ title: `Change to '${suggestion}'`, edits: [{ span: pair.key, newText: suggestion as string }], preferred: true }] : undefined,
			});
			continue;
		}
		seen.set(name, pair);
	}
	return seen;
}

/** What a key that is not a plain name is, in words. */
function keyShape(key: AstNode | null): string {
	if (key === null || (key.kind === 'scalar' && key.start === key.end)) {
		return 'This entry has no key';
	}
	if (key.kind === 'scalar') {
		return 'This key reads as null';
	}
	return key.kind === 'seq' ? 'This key is a list' : 'This key is a mapping';
}

function textValue(pair: PairNode | undefined, key: string, what: string, allowBlank: boolean, problems: Problem[]): Located<string> | undefined {
	if (!pair) {
		return undefined;
	}
	const value = pair.value;
	if (value?.kind === 'scalar' && typeof value.value === 'string' && (allowBlank || value.value.trim() !== '')) {
		return { start: value.start, end: value.end, value: value.value };
	}
	if (value?.kind === 'scalar' && (typeof value.value === 'number' || typeof value.value === 'boolean')) {
		const quoted = yamlText(String(value.value));
		problems.push({
			code: 'value-type',
			span: value,
			message: `\`${key}\` must be text, and ${String(value.value)} reads as a ${typeof value.value}: write it in quotes, ${quoted}.`,
			fixes: [{ title: `Write ${quoted}`, edits: [{ span: value, newText: quoted }], preferred: true }],
		});
		return { start: value.start, end: value.end, value: String(value.value) };
	}
	problems.push({ code: 'value-type', span: value ?? pair.key ?? pair, message: `\`${key}\` must be a line of text: ${what}.` });
	return undefined;
}

function firstKeySpan(map: MapNode): Span {
	const key = map.pairs[0]?.key;
	return key ? { start: key.start, end: key.end } : { start: map.start, end: map.start };
}

export function toOptionValue(node: AstNode): OptionValue {
	switch (node.kind) {
		case 'scalar':
			return { kind: 'scalar', value: node.value, quoted: node.style !== 'plain', start: node.start, end: node.end };
		case 'seq':
			return {
				kind: 'list',
				start: node.start,
				end: node.end,
				// A list entry is a scalar; anything deeper is reported, not walked (an alias bomb stays one node).
				items: node.items.map((item): OptionValue => {
					if (!item) {
						return { kind: 'scalar', value: null, quoted: false, start: node.start, end: node.start };
					}
					return item.kind === 'scalar' ? toOptionValue(item) : { kind: 'other', description: item.kind === 'seq' ? 'a list' : 'a mapping', start: item.start, end: item.end };
				}),
			};
		case 'map':
			return { kind: 'other', description: 'a mapping', start: node.start, end: node.end };
	}
}
