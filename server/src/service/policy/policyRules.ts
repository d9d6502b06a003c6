import { POLICY_NAMES, suggestElement, suggestPolicy } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement } from '../catalog/types';
import type { Located, PolicySetting, Profile } from '../model/policyModel';
import { closest } from '../text/suggest';
import { ingestsAdmx, isIngestedKey } from '../model/ingestedKey';
import type { Problem, TextEdit } from '../problems/problem';
import { runChecks, type Check, type CheckedPart } from '../problems/guard';
import { firstBreaker, joinLines, oneLine } from '../text/oneLine';
import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { checkValue, type ValueEditWriter } from './checkValue';
import { elementCaseMessage, policyCaseMessage } from './names';

/** Edits that only the source language knows how to write. */
export interface PolicyEditWriter extends ValueEditWriter {
	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[];
	removeOptions(setting: PolicySetting): TextEdit[];
	addState(setting: PolicySetting, state: string): TextEdit[];
}

/** What the checks of one profile or policy read: the part, and the writer of its fixes. */
interface Checked<T> {
	readonly part: T;
	readonly writer: PolicyEditWriter;
}

/** The checks of a profile as a whole, each guarded on its own. */
const PROFILE_CHECKS: readonly Check<Checked<Profile>>[] = [
	{ name: 'scope', run: ({ part }, problems) => checkScope(part, problems) },
	{ name: 'profile name', run: ({ part, writer }, problems) => checkOneLine(part.name, 'A profile\'s name', writer, problems) },
];

/**
 * The checks of each policy, guarded policy by policy. Policies of ingested ADMX files
 * (`App/PolicyName`) are checked once their ADMX files are read.
 */
const POLICY_CHECKS: readonly Check<Checked<PolicySetting>>[] = [
	{ name: 'policy name', run: ({ part, writer }, problems) => checkOneLine(part.name, 'A policy\'s name', writer, problems) },
	{
		name: 'policy',
		run: ({ part, writer }, problems) => {
			if (!isIngestedKey(part.name.value)) {
				checkPolicy(part, writer, problems);
			}
		},
	},
];

/** A policy in a sentence, at its whole entry. */
export function policyPart(setting: PolicySetting): CheckedPart {
	return { span: setting.span, name: `the policy ${oneLine(setting.name.value) || '(unnamed)'}` };
}

/** The rules over the policy model: what the catalog says about each policy and option. */
export function checkProfile(profile: Profile, writer: PolicyEditWriter, problems: Problem[]): void {
	runChecks(PROFILE_CHECKS, [{ part: profile, writer }], () => ({ span: profile.span, name: 'this profile' }), problems);
	runChecks(POLICY_CHECKS, profile.policies.map((part) => ({ part, writer })), ({ part }) => policyPart(part), problems);
}

/**
 * A name the Group Policy exports write into comment lines: a line break or control character in it
 * would end the comment and start a line the reader takes as a statement or a record.
 */
function checkOneLine(name: Located<string> | undefined, what: string, writer: PolicyEditWriter, problems: Problem[]): void {
	const breaker = name && firstBreaker(name.value);
	if (!name || breaker === undefined) {
		return;
	}
	const fixed = joinLines(name.value);
	problems.push({
		code: 'invalid-character',
		span: name,
		message: `${what} is one line: it holds ${oneLine(breaker)}, which would end a comment line of the PowerShell and LGPO text exports and start a line of its own. Write it without line breaks or control characters.`,
		fixes: fixed === '' ? undefined : [{ title: 'Remove the line breaks and control characters', edits: [{ span: name, newText: writer.text(fixed) }], preferred: true }],
	});
}

function checkScope(profile: Profile, problems: Problem[]): void {
	const scope = profile.scope;
	if (!scope || (scope.kind === 'scalar' && scope.value === 'device')) {
		return;
	}
	// `user` places ingested policies of class Both; Remote Assistance has none.
	const ingested = ingestsAdmx(profile);
	if (ingested && scope.kind === 'scalar' && scope.value === 'user') {
		return;
	}
	const fix = { title: 'Change to device', edits: [{ span: scope, newText: 'device' }], preferred: true };
	const said = scope.kind === 'scalar' ? `'${String(scope.value)}'` : 'this value';
	problems.push({
		code: 'invalid-scope',
		span: scope,
		message: ingested
			? `Scope ${said} is not possible: write \`scope: device\` or \`scope: user\` (which places the ingested policies whose class is Both).`
			: `Scope ${said} is not possible: every Remote Assistance policy applies to the device only (./Device/...). Write \`scope: device\` or leave scope out.`,
		fixes: [fix],
	});
}

/** A name that is not one of the six policies, with the one most likely meant. */
export function unknownPolicy(name: Located<string>): Problem {
	const suggestion = suggestPolicy(name.value);
	const caseOnly = suggestion && suggestion.name.toLowerCase() === name.value.toLowerCase();
	const message = caseOnly
		? policyCaseMessage(name.value, suggestion.name)
		: suggestion
			? `${name.value} is not a Remote Assistance policy. Did you mean ${suggestion.name} (${suggestion.friendlyName})?`
			: `${name.value} is not a Remote Assistance policy. Use one of ${POLICY_NAMES.join(', ')}.`;
	return {
		code: 'unknown-policy',
		span: name,
		message,
		fixes: suggestion ? [{ title: `Change to ${suggestion.name}`, edits: [{ span: name, newText: suggestion.name }], preferred: true }] : undefined,
	};
}

/** Words admins write for a state, and the state they mean. */
const STATE_WORDS: Readonly<Record<string, string>> = { on: 'enabled', yes: 'enabled', true: 'enabled', off: 'disabled', no: 'disabled', false: 'disabled' };

function checkPolicy(setting: PolicySetting, writer: PolicyEditWriter, problems: Problem[]): void {
	const policy = setting.definition;
	if (!policy) {
		problems.push(unknownPolicy(setting.name));
		return;
	}
	if (checkState(setting, writer, problems) !== 'enabled') {
		return;
	}
	checkOptions(setting, policy, writer, problems);
}

/**
 * The state of a policy entry, reporting a missing or unknown one and options of a policy that is
 * not enabled; undefined when there is no valid state.
 */
export function checkState(setting: PolicySetting, writer: PolicyEditWriter, problems: Problem[]): string | undefined {
	const name = setting.name.value;
	const state = setting.state;
	if (!state || (state.kind === 'scalar' && state.value === null)) {
		problems.push({
			code: 'missing-state',
			span: setting.name,
			message: `${name} has no state: add \`state: enabled\`, \`state: disabled\` or \`state: not-configured\`.`,
			fixes: POLICY_STATES.map((s) => ({ title: `Add state: ${s}`, edits: writer.addState(setting, s) })),
		});
		return undefined;
	}
	const stateText = state.kind === 'scalar' && typeof state.value === 'string' ? state.value : undefined;
	if (stateText === undefined || !(POLICY_STATES as readonly string[]).includes(stateText)) {
		const word = state.kind === 'scalar' && state.value !== null ? String(state.value).toLowerCase() : undefined;
		const suggestion = (word !== undefined ? STATE_WORDS[word] : undefined) ?? (stateText === undefined ? undefined : closest(stateText, POLICY_STATES));
		problems.push({
			code: 'invalid-state',
			span: state,
			message: `${stateText === undefined ? 'This' : `'${stateText}'`} is not a state.${suggestion ? ` Did you mean ${suggestion}?` : ''} Write enabled, disabled or not-configured.`,
			fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: state, newText: suggestion }], preferred: true }] : undefined,
		});
		return undefined;
	}
	if (stateText !== 'enabled' && setting.optionsKey) {
		problems.push({
			code: 'ignored-options',
			span: setting.optionsKey,
			message: `${name} is ${stateText}, so its options are never sent to the device. Remove them, or set \`state: enabled\`.`,
			fixes: [{ title: 'Remove the ignored options', edits: writer.removeOptions(setting), preferred: true }],
		});
	}
	return stateText;
}

function checkOptions(setting: PolicySetting, policy: PolicyDefinition, writer: PolicyEditWriter, problems: Problem[]): void {
	const name = setting.name.value;
	// An id that is a near miss for a missing one is reported once, as the near miss.
	const meant = new Set<string>();
	// Options written one level off are reported where they stand, and are checked and counted as given.
	const given = [...setting.options, ...(setting.misplacedOptions ?? [])];
	const elements = catalogAsAdmx(policy).elements;
	const siblings = { element: (id: string) => elements.find((e) => e.id === id), value: (id: string) => given.find((o) => o.id.value === id)?.value };
	for (const option of given) {
		const element = siblings.element(option.id.value);
		if (element) {
			checkValue(element, option.value, { writer, siblings }, problems);
			continue;
		}
		const suggestion = suggestElement(policy, option.id.value);
		if (suggestion) {
			meant.add(suggestion.id);
		}
		const caseOnly = suggestion && suggestion.id.toLowerCase() === option.id.value.toLowerCase();
		const known = policy.elements.length === 0 ? `${name} has no options; remove this entry.` : `Its options are ${policy.elements.map((e) => e.id).join(', ')}.`;
		problems.push({
			code: 'unknown-option',
			span: option.id,
			message: caseOnly
				? elementCaseMessage(option.id.value, suggestion.id)
				: `${option.id.value} is not an option of ${name}.${suggestion ? ` Did you mean ${suggestion.id}?` : ''} ${known}`,
			fixes: suggestion ? [{ title: `Change to ${suggestion.id}`, edits: [{ span: option.id, newText: suggestion.id }], preferred: true }] : undefined,
		});
	}
	const present = new Set(given.map((o) => o.id.value));
	const missing = policy.elements.filter((e) => !present.has(e.id) && !meant.has(e.id));
	if (missing.length > 0) {
		const ids = missing.map((e) => e.id).join(', ');
		problems.push({
			code: 'missing-option',
			span: setting.optionsKey ?? setting.name,
			message: `${name} is enabled but leaves out ${ids}. An enabled ADMX-backed policy must carry every option in its payload, or the device may refuse it.`,
			fixes: [{ title: missing.length === 1 ? `Add ${ids}` : 'Add the missing options', edits: writer.addOptions(setting, missing), preferred: true }],
		});
	}
}
