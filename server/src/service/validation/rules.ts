/** How bad a problem is, as a user can set it per rule; `off` hides the rule. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

interface RuleInfo {
	readonly severity: Severity;
	readonly description: string;
}

/**
 * Every diagnostic carries one of these stable codes. Users silence them with
 * `# rapolicy-disable-next-line CODE` or change their severity with `rapolicy.validation.rules`.
 */
export const RULES = {
	'yaml-syntax': { severity: 'error', description: 'The text is not valid YAML.' },
	'invalid-structure': { severity: 'error', description: 'A document or entry has the wrong shape (for example a list where a mapping belongs).' },
	'duplicate-key': { severity: 'error', description: 'The same key appears twice in one mapping.' },
	'unknown-key': { severity: 'error', description: 'A key that the profile format does not define.' },
	'missing-profile': { severity: 'error', description: 'A profile document has no `profile` name.' },
	'missing-policies': { severity: 'error', description: 'A profile document has no `policies`, or they are empty.' },
	'value-type': { severity: 'error', description: 'A value has the wrong type, for example text where a number belongs.' },
	'invalid-scope': { severity: 'error', description: '`scope` is something other than `device`; every Remote Assistance policy is device-only.' },
	'unknown-policy': { severity: 'error', description: 'A policy name that is not one of the six Remote Assistance policies (names are case sensitive).' },
	'missing-state': { severity: 'error', description: 'A policy has no `state`.' },
	'invalid-state': { severity: 'error', description: '`state` is not `enabled`, `disabled` or `not-configured`.' },
	'ignored-options': { severity: 'warning', description: '`options` on a policy that is not enabled; the device never receives them.' },
	'missing-option': { severity: 'error', description: 'An enabled policy leaves out one of its options; an ADMX-backed payload must carry every option.' },
	'unknown-option': { severity: 'error', description: 'An option id that the policy does not have (ids are case sensitive).' },
	'enum-value': { severity: 'error', description: 'A choice option has a value that is not one of its items.' },
	'decimal-range': { severity: 'error', description: 'A number option is not a whole number within its range.' },
	'text-too-long': { severity: 'warning', description: 'A text option is longer than the 1023 characters the ADMX allows.' },
	'empty-helper-list': { severity: 'error', description: 'The helper list is empty, so nobody could offer help.' },
	'helper-format': { severity: 'warning', description: 'A helper is not written as DOMAIN\\name.' },
	'duplicate-helper': { severity: 'warning', description: 'The same helper is listed twice.' },
	'invalid-character': { severity: 'error', description: 'A value holds U+F000 (the list separator) or a character that XML 1.0 cannot carry.' },
	'schema': { severity: 'error', description: 'The profile does not match the JSON Schema (reported only where no more precise rule applies).' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
	return Object.prototype.hasOwnProperty.call(RULES, code);
}
