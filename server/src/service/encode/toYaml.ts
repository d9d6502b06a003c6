import { enumItemByValue } from '../catalog/catalog';
import { yamlText } from '../yaml/yamlRender';
import type { ResolvedProfile } from './resolve';

/** Writes profiles in the policy YAML format, enum values as their aliases. */
export function profilesToYaml(profiles: readonly ResolvedProfile[]): string {
	return profiles.map((profile) => {
		const lines = [`profile: ${yamlText(profile.name)}`];
		if (profile.description) {
			lines.push(`description: ${yamlText(profile.description)}`);
		}
		lines.push('policies:');
		for (const resolved of profile.policies) {
			if (resolved.values.size === 0) {
				lines.push(`  ${resolved.policy.name}: { state: ${resolved.state} }`);
				continue;
			}
			lines.push(`  ${resolved.policy.name}:`, `    state: ${resolved.state}`, '    options:');
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
						lines.push(`      ${element.id}:`, ...(value as readonly string[]).map((entry) => `        - ${yamlText(entry)}`));
						break;
				}
			}
		}
		return lines.join('\n') + '\n';
	}).join('---\n');
}
