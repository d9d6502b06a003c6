import { findElement, findPolicy } from '../catalog/catalog';
import { column, eol } from '../text/lines';
import type { Problem, TextEdit } from '../problems/problem';
import { entryLines, moveLines, reindent } from '../yaml/moveLines';
import { POLICY_KEYS, PROFILE_KEYS } from './profileFormat';
import { getPair, keyName, type MapNode, type PairNode } from '../yaml/yamlAst';

/** Where a block mapping sits in a profile document: the entries that lead to it from the root. */
export interface Nesting {
	readonly text: string;
	/** Spaces per indentation level. */
	readonly unit: number;
	readonly root: MapNode;
	/** The `policies` entry, inside it. */
	readonly policies?: PairNode;
	/** The policy's entry, inside it. */
	readonly policy?: PairNode;
	/** The `options` entry, inside it. */
	readonly options?: PairNode;
}

interface Move {
	readonly message: string;
	readonly title: string;
	readonly edits: readonly TextEdit[];
}

/**
 * A key that belongs one level deeper or shallower than where it is written: an option beside
 * `options:`, a policy inside a policy, `state` inside `options:`, a profile key inside the
 * policies. Reported only where the right place can take it (block style, not there already),
 * so the fix that moves it always gives valid YAML; anything else stays an unknown key.
 */
export function misplacedKey(at: Nesting, map: MapNode, pair: PairNode): Problem | undefined {
	const name = keyName(pair);
	const key = pair.key;
	if (name === undefined || key === null || map.flow || !startsLine(at.text, key.start)) {
		return undefined;
	}
	const move = findMove(at, map, pair, name);
	return move && {
		code: 'misplaced-key',
		span: { start: key.start, end: key.end },
		message: move.message,
		fixes: [{ title: move.title, edits: move.edits, preferred: true }],
	};
}

/** `true` when only spaces stand before `offset` on its line: the entry's lines can be moved whole. */
function startsLine(text: string, offset: number): boolean {
	return /^ *$/.test(text.slice(offset - column(text, offset), offset));
}

function findMove(at: Nesting, map: MapNode, pair: PairNode, name: string): Move | undefined {
	const policy = at.policy && keyName(at.policy);
	if ((PROFILE_KEYS as readonly string[]).includes(name) && map !== at.root) {
		const home = at.root.pairs.find((p) => p.start <= pair.start && pair.end <= p.end);
		const beside = home && keyName(home);
		return home && beside && !getPair(at.root, name)
			? outTo(at, pair, home, `${name} belongs to the whole profile: outdent it to the top level, beside ${beside}.`, `Move ${name} to the top level`)
			: undefined;
	}
	if (findPolicy(name) && map !== at.policies?.value) {
		if (map === at.root) {
			const policies = getPair(at.root, 'policies');
			return policies
				? into(at, pair, policies, name, `${name} is a policy: indent it under policies.`, `Indent ${name} under policies`)
				: wrap(at, pair, 'policies', `${name} is a policy: indent it under a new policies: key.`, `Put ${name} under a new policies:`);
		}
		const policies = at.policies?.value;
		return at.policy && policy && policies?.kind === 'map' && !getPair(policies, name)
			? outTo(at, pair, at.policy, `${name} is a policy: outdent it to the level of ${policy}, under policies.`, `Move ${name} out to the policies`)
			: undefined;
	}
	const definition = policy === undefined ? undefined : findPolicy(policy);
	if (definition && map === at.policy?.value && !at.options && findElement(definition, name)) {
		const options = getPair(map, 'options');
		const message = (where: string) => `Indent ${name} under ${where}: it is an option of ${policy}.`;
		return options
			? into(at, pair, options, name, message('options'), `Move ${name} under options`)
			: wrap(at, pair, 'options', message('a new options: key'), `Put ${name} under a new options:`);
	}
	if (!(POLICY_KEYS as readonly string[]).includes(name)) {
		return undefined;
	}
	const policyMap = at.policy?.value;
	if (at.options && policyMap?.kind === 'map' && !getPair(policyMap, name)) {
		return outTo(at, pair, at.options, `${name} belongs to ${policy}, not to its options: outdent it to the level of options.`, `Move ${name} out of options`);
	}
	if (map === at.policies?.value) {
		const above = ownerAbove(map, pair);
		const owner = above && keyName(above);
		return above && owner
			? into(at, pair, above, name, `${name} belongs to ${owner} above it: indent it under ${owner}.`, `Indent ${name} under ${owner}`)
			: undefined;
	}
	return undefined;
}

/** The policy entry just above a `state` or `options` written at the level of the policies. */
export function ownerAbove(policies: MapNode, pair: PairNode): PairNode | undefined {
	const index = policies.pairs.indexOf(pair);
	const above = index > 0 ? policies.pairs[index - 1] : undefined;
	return above && keyName(above) !== undefined && !(POLICY_KEYS as readonly string[]).includes(keyName(above) as string) ? above : undefined;
}

/** Moves the entry to the end of the block of `target`, one level below its key; only into an empty or block mapping without the key. */
function into(at: Nesting, pair: PairNode, target: PairNode, name: string, message: string, title: string): Move | undefined {
	const value = target.value;
	const key = target.key;
	if (key === null) {
		return undefined;
	}
	let to: number;
	if (value === null || (value.kind === 'scalar' && value.value === null && value.start === value.end)) {
		to = column(at.text, key.start) + at.unit;
	} else if (value.kind === 'map' && !value.flow && value.pairs[0]?.key && !getPair(value, name)) {
		to = column(at.text, value.pairs[0].key.start);
	} else {
		return undefined;
	}
	return { message, title, edits: move(at, pair, to, entryLines(at.text, target).end) };
}

/** Moves the entry out to just after the block of `owner`, at the owner's column. */
function outTo(at: Nesting, pair: PairNode, owner: PairNode, message: string, title: string): Move | undefined {
	return owner.key ? { message, title, edits: move(at, pair, column(at.text, owner.key.start), entryLines(at.text, owner).end) } : undefined;
}

/** Writes a new `container:` key where the entry is, with the entry one level below it. */
function wrap(at: Nesting, pair: PairNode, container: string, message: string, title: string): Move {
	const lines = entryLines(at.text, pair);
	const from = column(at.text, pair.start);
	const header = `${' '.repeat(from)}${container}:${eol(at.text)}`;
	return { message, title, edits: [{ span: lines, newText: header + reindent(at.text, lines, from, from + at.unit) }] };
}

function move(at: Nesting, pair: PairNode, to: number, target: number): TextEdit[] {
	return moveLines(at.text, entryLines(at.text, pair), column(at.text, pair.start), to, target);
}
