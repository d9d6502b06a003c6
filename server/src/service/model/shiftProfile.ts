import type { Located, OptionSetting, OptionValue, PolicySetting, Profile } from './policyModel';
import { shiftSpan } from '../text/span';

function optionValue(value: OptionValue, delta: number): OptionValue {
	if (value.kind === 'list') {
		return { ...shiftSpan(value, delta), items: value.items.map((item) => optionValue(item, delta)) };
	}
	if (value.kind === 'other' && value.entries) {
		return { ...shiftSpan(value, delta), entries: value.entries.map((e) => ({ key: shiftSpan(e.key, delta), value: optionValue(e.value, delta) })) };
	}
	if (value.kind === 'scalar' && value.locate) {
		const locate = value.locate;
		// Where escapes map characters to the source, the mapping moves with the value.
		return { ...shiftSpan(value, delta), locate: (start, end) => shiftSpan(locate(start, end), delta) };
	}
	return shiftSpan(value, delta);
}

function located<T>(value: Located<T> | undefined, delta: number): Located<T> | undefined {
	return value && shiftSpan(value, delta);
}

function option(value: OptionSetting, delta: number): OptionSetting {
	return { id: shiftSpan(value.id, delta), value: optionValue(value.value, delta), span: shiftSpan(value.span, delta) };
}

export function shiftSetting(value: PolicySetting, delta: number): PolicySetting {
	if (delta === 0) {
		return value;
	}
	return {
		name: shiftSpan(value.name, delta),
		definition: value.definition,
		state: value.state && optionValue(value.state, delta),
		options: value.options.map((o) => option(o, delta)),
		misplacedOptions: value.misplacedOptions?.map((o) => option(o, delta)),
		optionsKey: value.optionsKey && shiftSpan(value.optionsKey, delta),
		span: shiftSpan(value.span, delta),
	};
}

/** A profile read from a slice of the text, moved to where the slice sits in the file. */
export function shiftProfile(profile: Profile, delta: number): Profile {
	if (delta === 0) {
		return profile;
	}
	return {
		name: located(profile.name, delta),
		description: located(profile.description, delta),
		scope: profile.scope && optionValue(profile.scope, delta),
		admx: profile.admx.map((entry) => ({ app: located(entry.app, delta), file: located(entry.file, delta), span: shiftSpan(entry.span, delta) })),
		policies: profile.policies.map((p) => shiftSetting(p, delta)),
		span: shiftSpan(profile.span, delta),
	};
}
