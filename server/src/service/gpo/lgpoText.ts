import { oneLine } from '../text/oneLine';
import { numberRange, registryNumber } from './registryNumber';
import { MDM_WINS, type GpOperation, type GpPlace, type GpReadResult, type GpRecord, type GpSet, type GpWrite, type RegistryType } from './registryOperation';

/** A value LGPO's line-based text cannot carry. */
export class LgpoTextError extends Error {}

/** Separates the strings of a `MULTISZ:` line: a backslash and a zero (INFERRED: not confirmed against LGPO.exe or its documentation). */
const MULTISZ_SEPARATOR = '\\0';

/** The data prefix of each type, for writing and reading; REG_BINARY is read only. */
const PREFIXES = {
	REG_DWORD: 'DWORD', REG_QWORD: 'QWORD', REG_SZ: 'SZ', REG_EXPAND_SZ: 'EXSZ', REG_MULTI_SZ: 'MULTISZ', REG_BINARY: 'BINARY',
} as const satisfies Partial<Record<RegistryType, string>>;
const TYPES_BY_PREFIX: ReadonlyMap<string, RegistryType> = new Map(Object.entries(PREFIXES).map(([type, prefix]) => [prefix, type as RegistryType]));

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
	// A key or value name read as a comment would drop the record and shift the fields after it.
	const comment = [operation.key, operation.kind === 'deleteAllValues' ? '' : name].find((field) => field.trimStart().startsWith(';'));
	if (comment !== undefined) {
		throw new LgpoTextError(`${comment} starts with ;, which LGPO text reads as a comment; use --to registry-pol or --to powershell`);
	}
	return (name === '' ? [DEFAULT_VALUE_NOTE, ...lines] : lines).join('\n');
}

/** Policies as LGPO.exe text, for `LGPO.exe /t FILE`; `;` lines are comments. */
export function lgpoText(write: GpWrite): string {
	const blocks = [[
		`; ${oneLine(write.title)}: ${write.holds} for LGPO.exe /t`,
		'; INFERRED: the layout follows LGPO.exe output found in public repositories, not Microsoft\'s LGPO.pdf',
		`; ${MDM_WINS}`,
	].join('\n')];
	for (const policy of write.policies) {
		blocks.push(policy.operations.length === 0
			? `; ${oneLine(policy.key)}: not configured, nothing written`
			: [`; ${oneLine(policy.key)}: ${policy.state}`, ...policy.operations.map(lgpoSetting)].join('\n\n'));
	}
	return `${blocks.join('\n\n')}\n`;
}

// Reading: a file the native tools wrote, back into registry records.

const SECTION = /^(computer|user(:\S+)?)$/i;

/** True when the first line that is not blank or a `;` comment is an LGPO section (`Computer`, `User`). */
export function isLgpoText(text: string): boolean {
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		if (trimmed !== '' && !trimmed.startsWith(';')) {
			return SECTION.test(trimmed);
		}
	}
	return false;
}

interface Line {
	readonly text: string;
	readonly number: number;
	/** Where the line starts in the text, and where it ends before its line break. */
	readonly start: number;
	readonly end: number;
}

/** The record of one four-line setting, or why it cannot be one. */
function recordOf(key: string, name: string, data: string, place: GpPlace): GpRecord | string {
	const upper = data.trim().toUpperCase();
	if (upper === 'DELETE') {
		return { kind: 'delete', key, name, ...place };
	}
	if (upper === 'DELETEALLVALUES') {
		return { kind: 'deleteAllValues', key, ...place };
	}
	if (upper === 'CREATEKEY') {
		return 'CREATEKEY only makes sure the key exists';
	}
	const colon = data.indexOf(':');
	const type = colon < 0 ? undefined : TYPES_BY_PREFIX.get(data.slice(0, colon).trim().toUpperCase());
	if (!type) {
		return `"${data}" is not LGPO data: write DWORD:<number>, SZ:<text>, DELETE or DELETEALLVALUES`;
	}
	let value = data.slice(colon + 1);
	// A record holds a multi-string's strings joined by NUL, as a Registry.pol stores them.
	if (type === 'REG_MULTI_SZ') {
		value = value.split(MULTISZ_SEPARATOR).join('\0');
	}
	if (type === 'REG_DWORD' || type === 'REG_QWORD') {
		const number = registryNumber(value, type, false);
		return number === undefined ? `"${value}" is not a ${PREFIXES[type]}: write a whole number from 0 to ${numberRange(type, false).max}` : { kind: 'set', key, name, type, data: number, ...place };
	}
	return { kind: 'set', key, name, type, data: value, ...place };
}

/**
 * Reads LGPO.exe text: settings of four lines (section, key without hive, value name, data),
 * `;` comment lines and blank lines between them. The value-name line may be empty, naming the
 * key's default value, so the three lines after a section are taken as they come. Only the
 * Computer section holds machine policy; User settings are named in `skipped`. A line out of place
 * is named and reading resumes at the next section line.
 */
export function readLgpoText(text: string): GpReadResult {
	const lines: Line[] = [];
	let start = 0;
	text.split('\n').forEach((raw, index) => {
		const line = raw.replace(/\r$/, '');
		if (!line.trim().startsWith(';')) {
			lines.push({ text: line, number: index + 1, start, end: start + line.length });
		}
		start += raw.length + 1;
	});
	const records: GpRecord[] = [];
	const skipped: string[] = [];
	for (let i = 0; i < lines.length;) {
		const section = lines[i];
		const where = `line ${section.number}`;
		if (section.text.trim() === '') {
			i++;
			continue;
		}
		if (!SECTION.test(section.text.trim())) {
			skipped.push(`${where}: "${section.text.trim()}" is not a section: each setting starts with Computer or User`);
			i++;
			while (i < lines.length && !SECTION.test(lines[i].text.trim())) {
				i++;
			}
			continue;
		}
		const parts = lines.slice(i + 1, i + 4);
		// Of the three, only the value name may be empty.
		const cut = parts.findIndex((p, n) => SECTION.test(p.text.trim()) || (n !== 1 && p.text.trim() === ''));
		if (parts.length < 3 || cut >= 0) {
			skipped.push(`${where}: the setting has ${cut >= 0 ? cut : parts.length} of its 3 lines after the section (key, value name, data)`);
			i += 1 + (cut >= 0 ? cut : parts.length);
			continue;
		}
		i += 4;
		const [key, name, data] = parts.map((p) => p.text);
		if (section.text.trim().toLowerCase() !== 'computer') {
			skipped.push(`${where}: ${section.text.trim()} ${key}\\${name}: a user setting; Remote Assistance policies are machine (Computer) policies`);
			continue;
		}
		const record = recordOf(key.trim(), name, data, { where, at: { start: section.start, end: parts[2].end } });
		if (typeof record === 'string') {
			skipped.push(`line ${parts[2].number}: ${record}`);
		} else {
			records.push(record);
		}
	}
	return { records, skipped };
}
