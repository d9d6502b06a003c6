import type { AdmxElement } from '../admx/admxModel';
import { enumItemByValue } from '../catalog/catalog';
import { yamlText } from '../profile/yamlRender';
import type { ResolvedBuiltIn, ResolvedIngested, ResolvedProfile } from './resolve';
import { append } from '../text/append';

function builtInOptions(resolved: ResolvedBuiltIn): string[] {
	const lines: string[] = [];
	for (const element of resolved.policy.elements) {
		const value = resolved.values.get(element.id);
		if (value === undefined) {
			continue;
		}
		switch (element.type) {
			case 'enum':
				lines.push(`      ${element.id}: ${enumItemByValue(element, Number(value))?.alias ?? value}`);
				break;
			case 'decimal':
				lines.push(`      ${element.id}: ${value as string}`);
				break;
			case 'text':
				lines.push(`      ${element.id}: ${value === '' ? '""' : yamlText(value as string)}`);
				break;
			case 'list':
				lines.push(`      ${element.id}:`);
				append(lines, (value as readonly string[]).map((entry) => `        - ${yamlText(entry)}`));
				break;
		}
	}
	return lines;
}

function scalar(value: string): string {
	return value === '' ? '""' : yamlText(value);
}

/** One option of an ingested policy as the profile writes it: the inverse of resolving it. */
function ingestedOption(element: AdmxElement, value: string | readonly string[]): string[] {
	const strings = typeof value === 'string' ? [value] : value;
	switch (element.type) {
		case 'decimal':
		case 'longDecimal':
		case 'boolean':
			return [`      ${element.id}: ${strings[0]}`];
		case 'enum':
			// A string item's value is quoted where YAML would read it as another type.
			return [`      ${element.id}: ${/^\d+$/.test(strings[0]) && element.items.some((i) => i.value.kind === 'decimal' || i.value.kind === 'longDecimal') ? strings[0] : scalar(strings[0])}`];
		case 'text':
			return [`      ${element.id}: ${scalar(strings[0])}`];
		case 'multiText':
			return strings.length === 0 ? [`      ${element.id}: []`] : [`      ${element.id}:`, ...strings.map((s) => `        - ${scalar(s)}`)];
		case 'list': {
			const pairs: [string, string][] = [];
			for (let i = 0; i + 1 < strings.length; i += 2) {
				pairs.push([strings[i], strings[i + 1]]);
			}
			if (element.explicitValue) {
				return pairs.length === 0 ? [`      ${element.id}: {}`] : [`      ${element.id}:`, ...pairs.map(([name, data]) => `        ${scalar(name)}: ${scalar(data)}`)];
			}
			return pairs.length === 0 ? [`      ${element.id}: []`] : [`      ${element.id}:`, ...pairs.map(([, data]) => `        - ${scalar(data)}`)];
		}
	}
}

function ingestedOptions(resolved: ResolvedIngested): string[] {
	return resolved.target.policy.elements.flatMap((element) => {
		const value = resolved.values.get(element.id);
		return value === undefined ? [] : ingestedOption(element, value);
	});
}

/** Writes profiles in the policy YAML format, built-in enum values as their aliases. */
export function profilesToYaml(profiles: readonly ResolvedProfile[]): string {
	return profiles.map((profile) => {
		const lines = [`profile: ${yamlText(profile.name)}`];
		if (profile.description) {
			lines.push(`description: ${yamlText(profile.description)}`);
		}
		if (profile.ingests.length > 0) {
			lines.push('admx:');
			append(lines, profile.ingests.flatMap((file) => [`  - app: ${yamlText(file.app)}`, `    file: ${yamlText(file.file)}`]));
		}
		// The scope places the policies whose class is Both; the others have one place.
		if (profile.policies.some((p) => p.kind === 'ingested' && p.target.policy.class === 'Both' && p.scope === 'User')) {
			lines.push('scope: user');
		}
		lines.push('policies:');
		for (const resolved of profile.policies) {
			const key = resolved.kind === 'builtin' ? resolved.policy.name : resolved.key;
			const options = resolved.kind === 'builtin' ? builtInOptions(resolved) : ingestedOptions(resolved);
			if (options.length === 0) {
				lines.push(`  ${key}: { state: ${resolved.state} }`);
				continue;
			}
			lines.push(`  ${key}:`, `    state: ${resolved.state}`, '    options:');
			append(lines, options);
		}
		return lines.join('\n') + '\n';
	}).join('---\n');
}
