import { findPolicy } from '../catalog/catalog';
import type { PolicyDefinition } from '../catalog/types';
import type { AdmxEntry, Located, OptionSetting, OptionValue, PolicySetting, Profile } from '../model/policyModel';
import { isIngestedKey } from '../model/ingestedKey';
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import { guarded } from '../problems/guard';
import { closest } from '../text/suggest';
import { misplacedKey, ownerAbove, type Nesting } from './misplacedKeys';
import { ADMX_ENTRY_KEYS, POLICY_KEYS, PROFILE_KEYS, PROFILE_KEYS_REQUIRED } from './profileFormat';
import { indentUnit } from './yamlEdits';
import { yamlText } from './yamlRender';
import { keyName, type AstNode, type MapNode, type PairNode, type YamlDocument } from '../yaml/yamlAst';

export interface LoweredProfile {
	readonly profile: Profile;
	readonly document: YamlDocument;
}

/**
 * Lowers the YAML tree into the policy model, reporting what only the YAML shape can tell:
 * unknown, duplicate and misplaced keys, missing top-level keys and values of the wrong kind.
 * (Syntax errors are read by `syntaxReport`.)
 */
export function lowerYaml(text: string, docs: readonly YamlDocument[], problems: Problem[]): LoweredProfile[] {
	const result: LoweredProfile[] = [];
	for (const doc of docs) {
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
		guarded('profile shape', { span: { start: root.start, end: root.start }, name: 'this profile' }, problems, () => result.push({ profile: lowerProfile(doc, root, text, problems), document: doc }), undefined);
	}
	return result;
}

/** Keys found one level off (reported as misplaced), lowered as what they are, where they belong. */
interface Adopted {
	readonly policies: PairNode[];
	readonly profileKeys: Map<string, PairNode>;
	/** Pairs already lowered as policies: an alias can show one pair in several places. */
	readonly lowered: Set<PairNode>;
}

/** Reads one profile document; `text` is the chunk's text, for the fixes that move lines. */
function lowerProfile(doc: YamlDocument, root: MapNode, text: string, problems: Problem[]): Profile {
	const adopted: Adopted = { policies: [], profileKeys: new Map(), lowered: new Set() };
	const nesting: Nesting = { text, unit: indentUnit(text).length, root };
	const pairs = uniquePairs(root, PROFILE_KEYS, 'profile document', `Write one of the profile keys: ${PROFILE_KEYS_REQUIRED}.`, problems, misplaced(nesting, root, problems, (pair) => adopted.policies.push(pair)));
	const policiesPair = pairs.get('policies');
	const policies: PolicySetting[] = [];
	const value = policiesPair?.value;
	const inPolicies: Nesting = policiesPair ? { ...nesting, policies: policiesPair } : nesting;
	if (value?.kind === 'map') {
		// A `state` or `options` written at the level of the policies belongs to the policy above it.
		const owned = new Map<PairNode, PairNode[]>();
		const found = uniquePairs(value, undefined, 'policies', 'Write a policy name, such as `SessionLogging`.', problems, misplaced(inPolicies, value, problems, (pair, name) => {
			const owner = (POLICY_KEYS as readonly string[]).includes(name) ? ownerAbove(value, pair) : undefined;
			if (owner) {
				owned.set(owner, [...(owned.get(owner) ?? []), pair]);
			} else {
				adopted.profileKeys.set(name, pair);
			}
		}));
		for (const [, pair] of found) {
			adopted.lowered.add(pair);
			policies.push(lowerPolicy(pair, inPolicies, owned.get(pair) ?? [], adopted, problems));
		}
	}
	// Policies written at the top level or inside another policy count too; lowering one may find more.
	for (let i = 0; i < adopted.policies.length; i++) {
		const pair = adopted.policies[i];
		if (!adopted.lowered.has(pair)) {
			adopted.lowered.add(pair);
			policies.push(lowerPolicy(pair, inPolicies, [], adopted, problems));
		}
	}
	const given = (key: string) => pairs.get(key) ?? adopted.profileKeys.get(key);
	const name = textValue(given('profile'), 'profile', 'the profile\'s display name', false, problems);
	const description = textValue(given('description'), 'description', 'a sentence about the profile', true, problems);
	const scopePair = given('scope');
	const admx = lowerAdmxEntries(given('admx'), problems);
	if (!given('profile')) {
		problems.push({
			code: 'missing-profile',
			span: firstKeySpan(root),
			message: 'This profile has no name: add `profile: <name>` (for example `profile: Helpdesk Remote Assistance`).',
			fixes: [{ title: 'Add a profile name', edits: [{ span: { start: root.start, end: root.start }, newText: 'profile: New Remote Assistance profile\n' }] }],
		});
	}
	// Policies reported as misplaced are not missing: that report already says where to write them.
	if (!policiesPair) {
		if (policies.length === 0) {
			problems.push({ code: 'missing-policies', span: firstKeySpan(root), message: 'This profile has no `policies`: add `policies:` with at least one Remote Assistance policy below it.' });
		}
	} else if (!value || (value.kind === 'scalar' && value.value === null) || (value.kind === 'map' && value.pairs.length === 0)) {
		if (policies.length === 0) {
			problems.push({ code: 'missing-policies', span: policiesPair.key ?? policiesPair, message: '`policies` is empty: add at least one Remote Assistance policy, for example `SessionLogging: { state: enabled }`.' });
		}
	} else if (value.kind !== 'map') {
		problems.push({ code: 'value-type', span: value, message: '`policies` must be a mapping from policy names to their settings, not a list or a single value.' });
	}
	return {
		name,
		description,
		scope: scopePair?.value ? toOptionValue(scopePair.value) : undefined,
		admx,
		policies,
		span: { start: doc.start, end: doc.end },
	};
}

/**
 * Reads one policy. `owned` are `state` and `options` entries written at the level of the
 * policies just below it; they count as its own, as do options written beside `options:`.
 */
function lowerPolicy(pair: PairNode, around: Nesting, owned: readonly PairNode[], adopted: Adopted, problems: Problem[]): PolicySetting {
	const key = pair.key as AstNode;
	const name: Located<string> = { start: key.start, end: key.end, value: keyName(pair) ?? '' };
	const definition = findPolicy(name.value);
	const value = pair.value;
	const nesting: Nesting = { ...around, policy: pair };
	let stateNode: AstNode | null | undefined;
	const options: OptionSetting[] = [];
	const misplacedOptions: OptionSetting[] = [];
	let optionsKey: Span | undefined;
	// What a misplaced key is decides where it counts: a policy, a profile key, this policy's state or an option.
	const adopt = (found: PairNode, id: string) => {
		if (findPolicy(id)) {
			adopted.policies.push(found);
		} else if ((PROFILE_KEYS as readonly string[]).includes(id)) {
			adopted.profileKeys.set(id, found);
		} else if (id === 'state') {
			stateNode ??= found.value;
		} else {
			misplacedOptions.push(optionSetting(found, id));
		}
	};
	if (value !== null && value.kind === 'map') {
		const inner = uniquePairs(value, POLICY_KEYS, `policy ${name.value}`, 'Write `state` (required) or `options` (only for an enabled policy that has options).', problems, misplaced(nesting, value, problems, adopt));
		stateNode = inner.get('state')?.value;
		const optionsPair = inner.get('options');
		if (optionsPair) {
			optionsKey = optionsPair.key ?? optionsPair;
			const optionsValue = optionsPair.value;
			if (optionsValue?.kind === 'map') {
				const found = uniquePairs(optionsValue, undefined, 'options', optionIdsExpected(name.value, definition), problems, misplaced({ ...nesting, options: optionsPair }, optionsValue, problems, adopt));
				for (const [id, optionPair] of found) {
					options.push(optionSetting(optionPair, id));
				}
			} else if (optionsValue && !(optionsValue.kind === 'scalar' && optionsValue.value === null)) {
				problems.push({ code: 'value-type', span: optionsValue, message: '`options` must be a mapping from option ids to values.' });
			}
		}
	} else if (value !== null && !(value.kind === 'scalar' && value.value === null)) {
		problems.push({ code: 'value-type', span: value, message: `The settings of ${name.value} must be a mapping with \`state\` (and \`options\` when enabled), for example \`{ state: enabled }\`.` });
	}
	for (const entry of owned) {
		if (keyName(entry) === 'state') {
			stateNode ??= entry.value;
		} else if (entry.value?.kind === 'map') {
			for (const option of entry.value.pairs) {
				const id = keyName(option);
				if (id !== undefined) {
					misplacedOptions.push(optionSetting(option, id));
				}
			}
		}
	}
	const span = { start: pair.start, end: Math.max(pair.end, name.end) };
	return { name, definition, state: stateNode ? toOptionValue(stateNode) : undefined, options, misplacedOptions, optionsKey, span };
}

/** The `admx:` section: a list of `{ app, file }` mappings. */
function lowerAdmxEntries(pair: PairNode | undefined, problems: Problem[]): AdmxEntry[] {
	const value = pair?.value;
	if (!pair || !value || (value.kind === 'scalar' && value.value === null)) {
		return [];
	}
	if (value.kind !== 'seq') {
		problems.push({ code: 'value-type', span: value, message: '`admx` is a list of the ADMX files this profile ingests, one `- app: <AppName>` with `file: <path.admx>` per file.' });
		return [];
	}
	const entries: AdmxEntry[] = [];
	for (const item of value.items) {
		if (!item || item.kind !== 'map') {
			problems.push({ code: 'value-type', span: item ?? value, message: 'Each `admx` entry is a mapping: `- app: <AppName>` and, on the next line, `file: <path.admx>`.' });
			continue;
		}
		const keys = uniquePairs(item, ADMX_ENTRY_KEYS, 'admx entry', 'Write `app` and `file`.', problems, () => false);
		const part = (key: 'app' | 'file', what: string): Located<string> | undefined => {
			const found = keys.get(key);
			if (!found) {
				problems.push({ code: 'invalid-structure', span: item.pairs[0]?.key ?? item, message: `This admx entry has no \`${key}\`: add \`${key}: ${what}\`.` });
				return undefined;
			}
			return textValue(found, key, what, false, problems);
		};
		entries.push({ app: part('app', '<AppName>'), file: part('file', '<path to the .admx>'), span: { start: item.start, end: item.end } });
	}
	return entries;
}

function optionSetting(pair: PairNode, id: string): OptionSetting {
	const idNode = pair.key as AstNode;
	return {
		id: { start: idNode.start, end: idNode.end, value: id },
		value: pair.value ? toOptionValue(pair.value) : { kind: 'scalar', value: null, quoted: false, start: idNode.end, end: idNode.end },
		span: pair,
	};
}

/** The hook that reports a key written one level off and hands it to `adopt`; false when the key is not misplaced. */
function misplaced(nesting: Nesting, map: MapNode, problems: Problem[], adopt: (pair: PairNode, name: string) => void): (pair: PairNode, name: string) => boolean {
	return (pair, name) => {
		const problem = misplacedKey(nesting, map, pair);
		if (problem) {
			problems.push(problem);
			adopt(pair, name);
		}
		return problem !== undefined;
	};
}

/**
 * The pairs of a mapping by key name, first occurrence winning. Reports later duplicates,
 * keys that are not plain names (saying what to write instead, `expected`), keys that belong one level off (through `isMisplaced`, which
 * reports them) and, when `known` is given, other keys outside it.
 */
function uniquePairs(map: MapNode, known: readonly string[] | undefined, where: string, expected: string, problems: Problem[], isMisplaced: (pair: PairNode, name: string) => boolean): Map<string, PairNode> {
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
		if ((!known || !known.includes(name)) && isMisplaced(pair, name)) {
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

/** What to write instead of an option key that is not a plain name: the policy's option ids when it has any. */
function optionIdsExpected(policy: string, definition: PolicyDefinition | undefined): string {
	if (isIngestedKey(policy)) {
		return 'Write an element id of the policy\'s ADMX.';
	}
	const ids = definition?.elements.map((element) => `\`${element.id}\``) ?? [];
	return ids.length > 0 ? `Write an option id of ${policy}: ${ids.join(', ')}.` : 'Write an option id of the policy.';
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
			return {
				kind: 'other',
				description: 'a mapping',
				start: node.start,
				end: node.end,
				entries: node.pairs.flatMap((pair) => {
					const key = keyName(pair);
					return key === undefined || !pair.key ? [] : [{ key: { start: pair.key.start, end: pair.key.end, value: key }, value: pair.value?.kind === 'scalar' ? toOptionValue(pair.value) : pair.value ? { kind: 'other' as const, description: pair.value.kind === 'seq' ? 'a list' : 'a mapping', start: pair.value.start, end: pair.value.end } : { kind: 'scalar' as const, value: null, quoted: false, start: pair.key.end, end: pair.key.end } }];
				}),
			};
	}
}
