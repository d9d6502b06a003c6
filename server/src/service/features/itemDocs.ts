import type { AdmlFile, AdmxEnum, AdmxEnumItem, PolicyClass } from '../admx/admxModel';
import { displayText } from '../admx/readAdml';
import { itemValueText } from '../policy/checkValue';

/** For hover and completion: one item of a choice, built-in or ingested, with what it writes and how each source names it. */
export function enumItemMarkdown(element: AdmxEnum, item: AdmxEnumItem, adml: AdmlFile | undefined, policyClass: PolicyClass): string {
	// A policy of class Both writes under the hive of the scope it is set in.
	const key = policyClass === 'Both' ? element.key : `${policyClass === 'User' ? 'HKCU' : 'HKLM'}\\${element.key}`;
	const value = itemValueText(item.value);
	const label = item.label ?? displayText(adml, item.displayName);
	const written = value === undefined ? `Deletes \`${element.valueName}\` under \`${key}\`.` : `Writes ${value} to \`${key}\` value \`${element.valueName}\`.`;
	const names = item.alias ? `A profile writes ${item.alias} (or ${value}); a payload carries \`value="${value}"\`.` : `A profile and a payload write its value${value === undefined ? '' : ` (\`value="${value}"\`)`}; the Group Policy editor shows its name.`;
	return [`**${item.alias ?? value ?? ''}**${item.alias ? ` = ${value}` : ''}${label ? `: ${label}` : ''}`, '', `${written} ${names}`].join('\n');
}
