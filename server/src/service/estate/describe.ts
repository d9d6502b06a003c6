import { policyTitle } from '../export/resolve';
import type { EffectiveSetting } from './effective';

/** Longer descriptions are cut here: a message names values, it does not list a whole profile. */
const MAX_DESCRIPTION = 160;

function cut(text: string): string {
	return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

/** An option's value as a profile writes it: a built-in choice by its alias, text in quotes, a list in brackets. */
export function valueText(setting: EffectiveSetting, id: string, value: string | readonly string[]): string {
	if (typeof value !== 'string') {
		return `[${value.join(', ')}]`;
	}
	const { policy } = setting;
	const elements = policy.kind === 'builtin' ? policy.policy.elements : policy.target.policy.elements;
	const element = elements.find((e) => e.id === id);
	if (policy.kind === 'builtin' && element?.type === 'enum') {
		return element.items.find((i) => String(i.value) === value)?.alias ?? value;
	}
	return element?.type === 'text' ? JSON.stringify(value) : value;
}

/**
 * A setting in a few words: its state, and when enabled its options; beside `other`, only the
 * options whose values differ from it, so a message shows what sets the two apart.
 */
export function describeSetting(setting: EffectiveSetting, other?: EffectiveSetting): string {
	if (setting.state === 'not-configured') {
		return 'removed (not configured)';
	}
	if (setting.state === 'disabled') {
		return 'disabled';
	}
	const options: string[] = [];
	for (const [id, value] of setting.values) {
		const theirs = other?.state === 'enabled' ? other.values.get(id) : undefined;
		if (theirs === undefined || JSON.stringify(theirs) !== JSON.stringify(value)) {
			options.push(`${id} ${valueText(setting, id, value)}`);
		}
	}
	return cut(options.length === 0 ? 'enabled' : `enabled with ${options.join(', ')}`);
}

/** The policy as a message names it: its key, and the name the Group Policy editor shows. */
export function policyName(setting: EffectiveSetting): string {
	const title = policyTitle(setting.policy);
	return title === setting.key ? setting.key : `${setting.key} (${title})`;
}
