import type { Located, OptionSetting, OptionValue, PolicySetting, Profile } from './policyModel';
import type { Span } from '../text/span';
import type { Fix, Problem } from '../validation/problem';

/**
 * Moves results computed for a slice of the text to where the slice sits in the file. A part of
 * the file that did not change is parsed once and only moved afterwards.
 */
function span<T extends Span>(value: T, delta: number): T {
	return { ...value, start: value.start + delta, end: value.end + delta };
}

function optionValue(value: OptionValue, delta: number): OptionValue {
	return value.kind === 'list' ? { ...span(value, delta), items: value.items.map((item) => optionValue(item, delta)) } : span(value, delta);
}

function located<T>(value: Located<T> | undefined, delta: number): Located<T> | undefined {
	return value && span(value, delta);
}

function option(value: OptionSetting, delta: number): OptionSetting {
	return { id: span(value.id, delta), value: optionValue(value.value, delta), span: span(value.span, delta) };
}

function setting(value: PolicySetting, delta: number): PolicySetting {
	return {
		name: span(value.name, delta),
		definition: value.definition,
		state: value.state && optionValue(value.state, delta),
		options: value.options.map((o) => option(o, delta)),
		optionsKey: value.optionsKey && span(value.optionsKey, delta),
		span: span(value.span, delta),
	};
}

export function shiftProfile(profile: Profile, delta: number): Profile {
	if (delta === 0) {
		return profile;
	}
	return {
		name: located(profile.name, delta),
		description: located(profile.description, delta),
		scope: profile.scope && optionValue(profile.scope, delta),
		policies: profile.policies.map((p) => setting(p, delta)),
		span: span(profile.span, delta),
	};
}

function fix(value: Fix, delta: number): Fix {
	return { ...value, edits: value.edits.map((e) => ({ span: span(e.span, delta), newText: e.newText })) };
}

export function shiftProblem(problem: Problem, delta: number): Problem {
	if (delta === 0) {
		return problem;
	}
	return { ...problem, span: span(problem.span, delta), fixes: problem.fixes?.map((f) => fix(f, delta)) };
}
