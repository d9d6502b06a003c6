import type { GpReadResult, GpRecord, RegistryType } from './registryOperation';

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

const DATA_TYPES: Readonly<Record<string, RegistryType>> = {
	DWORD: 'REG_DWORD', SZ: 'REG_SZ', EXSZ: 'REG_EXPAND_SZ', MULTISZ: 'REG_MULTI_SZ', QWORD: 'REG_QWORD', BINARY: 'REG_BINARY',
};

interface Line {
	readonly text: string;
	readonly number: number;
}

/** The record of one four-line setting, or why it cannot be one. */
function recordOf(key: string, name: string, data: string, where: string): GpRecord | string {
	const upper = data.trim().toUpperCase();
	if (upper === 'DELETE') {
		return { kind: 'delete', key, name, where };
	}
	if (upper === 'DELETEALLVALUES') {
		return { kind: 'deleteAllValues', key, where };
	}
	if (upper === 'CREATEKEY') {
		return 'CREATEKEY only makes sure the key exists';
	}
	const colon = data.indexOf(':');
	const type = colon < 0 ? undefined : DATA_TYPES[data.slice(0, colon).trim().toUpperCase()];
	if (!type) {
		return `"${data}" is not LGPO data: write DWORD:<number>, SZ:<text>, DELETE or DELETEALLVALUES`;
	}
	let value = data.slice(colon + 1);
	if (type === 'REG_DWORD' || type === 'REG_QWORD') {
		const number = /^\s*0x[0-9a-f]+\s*$/i.test(value) ? Number.parseInt(value, 16) : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
		if (Number.isNaN(number)) {
			return `"${value}" is not a number`;
		}
		value = String(number);
	}
	return { kind: 'set', key, name, type, data: value, where };
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
	text.split('\n').forEach((raw, index) => {
		const line = raw.replace(/\r$/, '');
		if (!line.trim().startsWith(';')) {
			lines.push({ text: line, number: index + 1 });
		}
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
		const record = recordOf(key.trim(), name, data, where);
		if (typeof record === 'string') {
			skipped.push(`line ${parts[2].number}: ${record}`);
		} else {
			records.push(record);
		}
	}
	return { records, skipped };
}
