import type { AdmxPolicy, AdmxValue } from '../admx/admxModel';
import type { PolicyDefinition } from '../catalog/types';

/** What each state does on the device, in the words of the built-in catalog; ingested ADMX files have none. */
export interface StateMeanings {
	readonly enabled: string;
	readonly disabled: string;
	readonly 'not-configured': string;
}

export function catalogMeanings(policy: PolicyDefinition): StateMeanings {
	return { 'enabled': policy.whenEnabled, 'disabled': policy.whenDisabled, 'not-configured': policy.whenNotConfigured };
}

/** What the policy's own value becomes, where the ADMX gives it one. */
function writes(policy: AdmxPolicy, value: AdmxValue | undefined): string {
	if (!policy.valueName || !value) {
		return '';
	}
	const name = `\`${policy.valueName}\``;
	return value.kind === 'delete' ? `; deletes ${name}` : `; writes ${value.kind === 'string' ? `"${value.value}"` : value.value} to ${name}`;
}

/** For hover and completion: what each state of a policy, built-in or ingested, sends and writes. */
export function stateMarkdown(name: string, policy: AdmxPolicy, state: string, meanings?: StateMeanings): string {
	const meaning = (key: keyof StateMeanings) => (meanings ? `${meanings[key]} ` : '');
	const text: Record<string, string> = {
		'enabled': `${meaning('enabled')}Sent as \`<enabled/>\`${policy.elements.length > 0 ? ' with a data item per option' : ''} in a Replace command${writes(policy, policy.enabledValue)}.`,
		'disabled': `${meaning('disabled')}Sent as \`<disabled/>\` in a Replace command; options are not sent${writes(policy, policy.disabledValue)}.`,
		'not-configured': `${meaning('not-configured')}Sent as a Delete command on the policy's node, which removes what the policy set.`,
	};
	return `**${state}** (${name})\n\n${text[state] ?? 'Write enabled, disabled or not-configured.'}`;
}
