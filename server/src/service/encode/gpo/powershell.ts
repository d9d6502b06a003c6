import type { ResolvedPolicy, ResolvedProfile } from '../resolve';
import { gpOperations, MDM_WINS } from './operations';

/**
 * A PowerShell single-quoted string. PowerShell also takes the typographic quotes U+2018–U+201B
 * as single quotes, so each of them is doubled too, or a pasted name could end the string.
 */
export function quotePowerShell(text: string): string {
	return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

const list = (items: readonly string[]) => items.map(quotePowerShell).join(', ');

function call(key: string, rest: string): string {
	return `Set-GPRegistryValue -Name $GpoName -Key ${quotePowerShell(`HKLM\\${key}`)} ${rest} | Out-Null`;
}

/**
 * The cmdlet calls for one policy. A list's clear-then-write becomes one call with every entry:
 * without -Additive the cmdlet deletes the key's existing values before writing (SGP); a clear
 * with nothing after it is `-Key … -Disable`, which deletes the key's values.
 */
function policyLines(resolved: ResolvedPolicy): string[] {
	const operations = gpOperations(resolved);
	const lines: string[] = [];
	for (let i = 0; i < operations.length; i++) {
		const operation = operations[i];
		switch (operation.kind) {
			case 'set':
				lines.push(call(operation.key, operation.type === 'REG_DWORD'
					? `-ValueName ${quotePowerShell(operation.name)} -Type DWord -Value ${operation.data}`
					: `-ValueName ${quotePowerShell(operation.name)} -Type String -Value ${quotePowerShell(operation.data)}`));
				break;
			case 'delete':
				lines.push(call(operation.key, `-ValueName ${quotePowerShell(operation.name)} -Disable`));
				break;
			case 'deleteAllValues': {
				const entries: string[] = [];
				for (let next = operations[i + 1]; next?.kind === 'set' && next.key === operation.key; next = operations[++i + 1]) {
					entries.push(next.name);
				}
				lines.push(call(operation.key, entries.length === 0 ? '-Disable' : `-ValueName ${list(entries)} -Type String -Value ${list(entries)}`));
			}
		}
	}
	return lines;
}

/** The profile as a script that writes it into an existing domain GPO with the GroupPolicy module. */
export function encodePowerShell(profile: ResolvedProfile): string {
	const lines = [
		`# ${profile.name}: Remote Assistance policies for a domain GPO (Set-GPRegistryValue, GroupPolicy module)`,
		'# INFERRED: the registry values each policy maps to come from the ADMX; whether a list call also',
		'# records **delvals. in the GPO is not documented.',
		`# ${MDM_WINS}`,
		'param([Parameter(Mandatory)][string]$GpoName)',
		'',
		'$ErrorActionPreference = \'Stop\'',
		'Import-Module GroupPolicy',
	];
	for (const policy of profile.policies) {
		lines.push('', `# ${policy.policy.name}: ${policy.state === 'not-configured' ? 'not configured, nothing written' : policy.state}`, ...policyLines(policy));
	}
	return `${lines.join('\n')}\n`;
}
