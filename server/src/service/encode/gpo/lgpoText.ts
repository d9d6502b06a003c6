import type { ResolvedProfile } from '../resolve';
import { gpOperations, MDM_WINS, type GpOperation } from './operations';

/** A value LGPO's line-based text cannot carry. */
export class LgpoTextError extends Error {}

function lastLine(operation: GpOperation): string {
	switch (operation.kind) {
		case 'set':
			return operation.type === 'REG_DWORD' ? `DWORD:${operation.data}` : `SZ:${operation.data}`;
		case 'delete':
			return 'DELETE';
		case 'deleteAllValues':
			return 'DELETEALLVALUES';
	}
}

/** Four lines per operation: section, key without hive, value name (`*` for all values), data. */
function setting(operation: GpOperation): string {
	const name = operation.kind === 'deleteAllValues' ? '*' : operation.name;
	const lines = ['Computer', operation.key, name, lastLine(operation)];
	// Each field is one line, so a line break inside a value would shift every later field.
	if (lines.some((line) => /[\r\n]/.test(line))) {
		throw new LgpoTextError(`${name} holds a line break, which LGPO text cannot carry; use --to registry-pol or --to powershell`);
	}
	return lines.join('\n');
}

/** The profile as LGPO.exe text, for `LGPO.exe /t FILE`; `;` lines are comments. */
export function encodeLgpoText(profile: ResolvedProfile): string {
	const blocks = [[
		`; ${profile.name}: Remote Assistance policies for LGPO.exe /t`,
		'; INFERRED: the layout follows LGPO.exe output found in public repositories, not Microsoft\'s LGPO.pdf',
		`; ${MDM_WINS}`,
	].join('\n')];
	for (const policy of profile.policies) {
		const operations = gpOperations(policy);
		blocks.push(operations.length === 0
			? `; ${policy.policy.name}: not configured, nothing written`
			: [`; ${policy.policy.name}: ${policy.state}`, ...operations.map(setting)].join('\n\n'));
	}
	return `${blocks.join('\n\n')}\n`;
}
