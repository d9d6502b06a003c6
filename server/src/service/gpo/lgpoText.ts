import { MDM_WINS, type GpOperation, type GpSet, type GpWrite } from './registryOperation';

/** A value LGPO's line-based text cannot carry. */
export class LgpoTextError extends Error {}

/** Separates the strings of a `MULTISZ:` line: a backslash and a zero (INFERRED: not confirmed against LGPO.exe or its documentation). */
const MULTISZ_SEPARATOR = '\\0';

const PREFIXES: Readonly<Record<GpSet['type'], string>> = {
	REG_DWORD: 'DWORD', REG_QWORD: 'QWORD', REG_SZ: 'SZ', REG_EXPAND_SZ: 'EXSZ', REG_MULTI_SZ: 'MULTISZ',
};

function setLine(operation: GpSet): string {
	if (operation.type !== 'REG_MULTI_SZ') {
		return `${PREFIXES[operation.type]}:${operation.data}`;
	}
	// A string holding the separator would come back as two strings.
	if (operation.data.some((text) => text.includes(MULTISZ_SEPARATOR))) {
		throw new LgpoTextError(`${operation.name} holds ${MULTISZ_SEPARATOR}, which LGPO text uses between the strings of a MULTISZ; use --to registry-pol or --to powershell`);
	}
	return `MULTISZ:${operation.data.join(MULTISZ_SEPARATOR)}`;
}

function lastLine(operation: GpOperation): string {
	switch (operation.kind) {
		case 'set':
			return setLine(operation);
		case 'delete':
			return 'DELETE';
		case 'deleteAllValues':
			return 'DELETEALLVALUES';
	}
}

/**
 * The key's default value has an empty name, written as an empty value-name line (INFERRED: LGPO's
 * documentation shows no such setting; `/parse` prints value names as they are, so this is what it
 * would print for one), with a comment before it so the empty line does not pass for a gap.
 */
const DEFAULT_VALUE_NOTE = '; the empty value name below is the key\'s default value';

/**
 * Four lines per operation: section (`Computer` for HKLM, `User` for HKCU), key without hive,
 * value name (`*` for all values, empty for the key's default value), data.
 */
export function lgpoSetting(operation: GpOperation): string {
	const name = operation.kind === 'deleteAllValues' ? '*' : operation.name;
	const lines = [operation.hive === 'HKLM' ? 'Computer' : 'User', operation.key, name, lastLine(operation)];
	// Each field is one line, so a line break inside a value would shift every later field.
	if (lines.some((line) => /[\r\n]/.test(line))) {
		throw new LgpoTextError(`${name} holds a line break, which LGPO text cannot carry; use --to registry-pol or --to powershell`);
	}
	return (name === '' ? [DEFAULT_VALUE_NOTE, ...lines] : lines).join('\n');
}

/** Policies as LGPO.exe text, for `LGPO.exe /t FILE`; `;` lines are comments. */
export function lgpoText(write: GpWrite): string {
	const blocks = [[
		`; ${write.title}: ${write.holds} for LGPO.exe /t`,
		'; INFERRED: the layout follows LGPO.exe output found in public repositories, not Microsoft\'s LGPO.pdf',
		`; ${MDM_WINS}`,
	].join('\n')];
	for (const policy of write.policies) {
		blocks.push(policy.operations.length === 0
			? `; ${policy.key}: not configured, nothing written`
			: [`; ${policy.key}: ${policy.state}`, ...policy.operations.map(lgpoSetting)].join('\n\n'));
	}
	return `${blocks.join('\n\n')}\n`;
}
