/**
 * fast-check generators of Group Policy files: what the product's own writers make of random
 * profiles and the real files of test/fixtures/real/group-policy, then mutated (bytes flipped,
 * inserted, deleted, cut, records repeated, sizes and versions made huge, odd UTF-16, NULs), and
 * files generated record by record or statement by statement with the directives (`**del.`,
 * `**delvals.`), long lines, deep nesting and variable references that strain a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { encodeLgpoText, encodePowerShell, encodeRegistryPol, parsePolicyDocument, POLICIES, resolveProfiles, type GroupPolicyFormat } from '../../server/src/service';
import { profileYaml } from '../helpers/profiles';
import { applyMutation, mutationLabel, POSITION_SCALE, repoRoot, textMutation } from './generators';
import type { GroupPolicyCase } from './gpoCore';

// ---------------------------------------------------------------------------------------------
// Vocabulary: the keys and values of the Remote Assistance policies, and the directives

const KEYS = [...new Set(POLICIES.flatMap((p) => [p.registryKey, ...p.elements.map((e) => e.registryKey)]))];
const VALUE_NAMES = [...new Set(POLICIES.flatMap((p) => [p.registryValueName, ...p.elements.flatMap((e) => ('valueName' in e ? [e.valueName] : []))]))];
const DIRECTIVES = ['**del.fAllowToGetHelp', '**del.', '**delvals.', '**DelVals.', '**DeleteValues', '**DeleteKeys', '**SecureKey', '**Comment:x', '**', '*'];
const nameArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...VALUE_NAMES) },
	{ weight: 2, arbitrary: fc.constantFrom(...DIRECTIVES) },
	{ weight: 2, arbitrary: fc.constantFrom('CORP\\RA-Helpdesk', 'corp\\ra-helpdesk', '', ' ', 'NoLockScreen', ';comment', 'a\u0000b', '\uD800', '\uDC00x', '\uFFFE', '😀') },
);
const keyArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...KEYS) },
	{ weight: 2, arbitrary: fc.constantFrom(...KEYS).map((k) => k.toUpperCase()) },
	{ weight: 1, arbitrary: fc.constantFrom('Software\\Policies\\Microsoft\\Windows\\Personalization', '', '\\', 'HKLM\\Software', 'Software\\\uD800', 'Software\\Policies\\x\u0000y') },
);
const NUMBERS = ['0', '1', '2', '8', '14', '99', '120', '2147483647', '2147483648', '4294967295', '4294967296', '18446744073709551615', '18446744073709551616', '0x10', '0xFFFFFFFF', '0x100000000', '-1', '-2147483648', '1e3', ' 7 ', ''];
const TEXTS = ['CORP\\RA-Helpdesk', 'A helper is connecting.', '', ' padded ', 'a;b', '#x', '$a', '`n', '\'q\'', '"q"', '\u2018q\u2019', 'x\\0y', 'Ω😀', 'Contoso-'.repeat(200)];

// ---------------------------------------------------------------------------------------------
// What the writers make of random valid profiles, and the real files

const WRITERS: Readonly<Record<GroupPolicyFormat, (yaml: string) => Uint8Array | string>> = {
	'registry-pol': (yaml) => encodeRegistryPol(resolveProfiles(parsePolicyDocument('file:///fuzz/p.rapolicy.yaml', 1, yaml))[0]),
	'lgpo': (yaml) => encodeLgpoText(resolveProfiles(parsePolicyDocument('file:///fuzz/p.rapolicy.yaml', 1, yaml))[0]),
	'powershell': (yaml) => encodePowerShell(resolveProfiles(parsePolicyDocument('file:///fuzz/p.rapolicy.yaml', 1, yaml))[0]),
};

const FIXTURE_ENDINGS: Readonly<Record<GroupPolicyFormat, string | undefined>> = { 'registry-pol': '.registry.pol', 'lgpo': '.lgpo.txt', 'powershell': undefined };

/** The real files of one format in test/fixtures/real/group-policy. */
export function fixtures(format: GroupPolicyFormat): { name: string; content: Uint8Array | string }[] {
	const ending = FIXTURE_ENDINGS[format];
	if (ending === undefined) {
		return [];
	}
	const dir = path.join(repoRoot(), 'test/fixtures/real/group-policy');
	return readdirSync(dir).filter((name) => name.endsWith(ending)).sort().map((name) => {
		const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
		return { name: `real/group-policy/${name}`, content: format === 'registry-pol' ? bytes : new TextDecoder().decode(bytes) };
	});
}

// ---------------------------------------------------------------------------------------------
// Registry.pol record by record

const utf16z = (text: string) => {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >>> 8);
	}
	return [...out, 0, 0];
};
const dword = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const char = (c: string) => [c.charCodeAt(0), 0];

const polDataArb = fc.oneof(
	fc.constantFrom(0, 1, 2, 99, 120, 0x7fffffff, 0xffffffff).map((n) => ({ label: `dword ${n}`, bytes: dword(n) })),
	fc.constantFrom(...TEXTS).map((t) => ({ label: `sz ${JSON.stringify(t.slice(0, 20))}`, bytes: utf16z(t) })),
	fc.array(fc.constantFrom(...TEXTS), { maxLength: 3 }).map((list) => ({ label: 'multi', bytes: [...list.flatMap(utf16z), 0, 0] })),
	fc.uint8Array({ maxLength: 12 }).map((b) => ({ label: 'bytes', bytes: Array.from(b) })),
);

const polRecordArb = fc.record({
	key: keyArb,
	name: nameArb,
	type: fc.constantFrom(1, 1, 4, 4, 4, 0, 2, 3, 5, 7, 11, 6, 0xffffffff),
	data: polDataArb,
	/** The size field: the data's length, or a lie. */
	size: fc.constantFrom('right', 'right', 'right', 'right', 'plus one', 'minus one', 'zero', 'huge', 'max'),
});

function polRecord(r: typeof polRecordArb extends fc.Arbitrary<infer T> ? T : never): number[] {
	const length = r.data.bytes.length;
	const size = { 'right': length, 'plus one': length + 1, 'minus one': Math.max(0, length - 1), 'zero': 0, 'huge': 0x7fffffff, 'max': 0xffffffff }[r.size];
	return [...char('['), ...utf16z(r.key), ...char(';'), ...utf16z(r.name), ...char(';'), ...dword(r.type), ...char(';'), ...dword(size), ...char(';'), ...r.data.bytes, ...char(']')];
}

const structuredPol = fc.record({ version: fc.constantFrom(1, 1, 1, 1, 0, 2, 0xffffffff), records: fc.array(polRecordArb, { maxLength: 10 }) }).map(({ version, records }) => ({
	name: `generated (version ${version}, ${records.length} records)`,
	content: Uint8Array.from([0x50, 0x52, 0x65, 0x67, ...dword(version), ...records.flatMap(polRecord)]),
}));

/** Where each record of a well-formed Registry.pol starts and ends, found as the reader would. */
function recordSpans(bytes: Uint8Array): { start: number; end: number; sizeAt: number }[] {
	const spans: { start: number; end: number; sizeAt: number }[] = [];
	const u16 = (at: number) => (at + 1 < bytes.length ? bytes[at] | (bytes[at + 1] << 8) : -1);
	const stringEnd = (at: number) => {
		let i = at;
		while (u16(i) > 0) {
			i += 2;
		}
		return u16(i) === 0 ? i + 2 : -1;
	};
	for (let at = 8; at < bytes.length && u16(at) === 0x5b;) {
		const keyEnd = stringEnd(at + 2);
		const nameEnd = keyEnd < 0 ? -1 : stringEnd(keyEnd + 2);
		if (nameEnd < 0 || nameEnd + 14 > bytes.length) {
			break;
		}
		const sizeAt = nameEnd + 8;
		const size = (bytes[sizeAt] | (bytes[sizeAt + 1] << 8) | (bytes[sizeAt + 2] << 16)) + bytes[sizeAt + 3] * 0x1000000;
		const end = nameEnd + 14 + size + 2;
		if (end > bytes.length) {
			break;
		}
		spans.push({ start: at, end, sizeAt });
		at = end;
	}
	return spans;
}

const BYTE_MUTATIONS = ['flip', 'flip', 'insert', 'delete', 'truncate', 'duplicate record', 'drop record', 'swap records', 'size huge', 'size off by one', 'lone surrogate', 'nul', 'version'] as const;

interface ByteMutation {
	readonly kind: (typeof BYTE_MUTATIONS)[number];
	readonly at: number;
	readonly n: number;
	readonly bytes: readonly number[];
}

const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.record({
	kind: fc.constantFrom(...BYTE_MUTATIONS),
	at: fc.integer({ min: 0, max: POSITION_SCALE }),
	n: fc.integer({ min: 1, max: 255 }),
	bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
});

function splice(bytes: Uint8Array, start: number, end: number, insert: readonly number[] | Uint8Array = []): Uint8Array {
	const out = new Uint8Array(bytes.length - (end - start) + insert.length);
	out.set(bytes.subarray(0, start));
	out.set(insert, start);
	out.set(bytes.subarray(end), start + insert.length);
	return out;
}

function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
	const p = Math.min(bytes.length, Math.floor((m.at / POSITION_SCALE) * (bytes.length + 1)));
	const records = m.kind.includes('record') || m.kind.startsWith('size') ? recordSpans(bytes) : [];
	const record = records[Math.floor((m.at / (POSITION_SCALE + 1)) * records.length)];
	const other = records[(records.indexOf(record) + m.n) % Math.max(1, records.length)];
	const withDword = (at: number, value: number) => splice(bytes, at, at + 4, dword(value));
	switch (m.kind) {
		case 'flip':
			return p < bytes.length ? splice(bytes, p, p + 1, [bytes[p] ^ m.n]) : bytes;
		case 'insert':
			return splice(bytes, p, p, m.bytes);
		case 'delete':
			return splice(bytes, p, Math.min(bytes.length, p + m.n % 16));
		case 'truncate':
			return bytes.subarray(0, p);
		case 'duplicate record':
			return record ? splice(bytes, record.end, record.end, bytes.subarray(record.start, record.end)) : bytes;
		case 'drop record':
			return record ? splice(bytes, record.start, record.end) : bytes;
		case 'swap records':
			return record && other && other.start > record.end
				? Uint8Array.from([...bytes.subarray(0, record.start), ...bytes.subarray(other.start, other.end), ...bytes.subarray(record.end, other.start), ...bytes.subarray(record.start, record.end), ...bytes.subarray(other.end)])
				: bytes;
		case 'size huge':
			return record ? withDword(record.sizeAt, [0xffffffff, 0x7fffffff, 0x80000000][m.n % 3]) : bytes;
		case 'size off by one':
			return record ? withDword(record.sizeAt, (bytes[record.sizeAt] | (bytes[record.sizeAt + 1] << 8)) + (m.n % 2 === 0 ? 1 : -1)) : bytes;
		case 'lone surrogate':
			return splice(bytes, p - (p % 2), p - (p % 2), m.n % 2 === 0 ? [0x00, 0xd8] : [0x00, 0xdc]);
		case 'nul':
			return splice(bytes, p - (p % 2), Math.min(bytes.length, p - (p % 2) + 2), [0, 0]);
		case 'version':
			return bytes.length >= 8 ? withDword(4, [0, 2, 0xffffffff, 0x100][m.n % 4]) : bytes;
	}
}

const byteLabel = (m: ByteMutation) => `${m.kind}@${(m.at / POSITION_SCALE).toFixed(3)}`;

// ---------------------------------------------------------------------------------------------
// LGPO text and GroupPolicy scripts, setting by setting and statement by statement

const lgpoSettingArb = fc.record({
	section: fc.constantFrom('Computer', 'Computer', 'Computer', 'User', 'computer', 'USER:S-1-5-21-1', 'Machine'),
	key: keyArb,
	name: nameArb,
	data: fc.oneof(
		fc.tuple(fc.constantFrom('DWORD', 'QWORD', 'dword'), fc.constantFrom(...NUMBERS)).map(([t, n]) => `${t}:${n}`),
		fc.tuple(fc.constantFrom('SZ', 'EXSZ', 'MULTISZ'), fc.constantFrom(...TEXTS)).map(([t, v]) => `${t}:${v}`),
		fc.constantFrom('DELETE', 'DELETEALLVALUES', 'CREATEKEY', 'BINARY:00ff', 'NUMBER:1', 'SZ', ''),
	),
	before: fc.constantFrom('', '', '; comment\n', '\n', '\n\n'),
});

const structuredLgpo = fc.record({ settings: fc.array(lgpoSettingArb, { maxLength: 10 }), crlf: fc.boolean() }).map(({ settings, crlf }) => {
	const text = settings.map((s) => `${s.before}${s.section}\n${s.key}\n${s.name}\n${s.data}\n`).join('\n');
	return { name: `generated (${settings.length} settings)`, content: crlf ? text.replace(/\n/g, '\r\n') : text };
});

/** A PowerShell string of each quoting the reader knows. */
const quoted = (value: string, style: number) => [`'${value.replace(/'/g, '\'\'')}'`, `"${value.replace(/"/g, '""')}"`, `\u2018${value}\u2019`, `\u201C${value}\u201D`, value][style % 5];

const psValueArb = fc.oneof(
	fc.tuple(fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...TEXTS)), fc.nat(4)).map(([v, style]) => quoted(v, style)),
	fc.constantFrom('$ts', '$gpo', '$undefined', '${ts}', '"$ts\\RAUnsolicit"', '$(Get-Date)', '@(\'a\', \'b\')', '1', '0x10', '-1', '$true', '$null'),
);

/** Each bracket a script nests, with what closes it. */
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '@(': ')', '$(': ')', '[': ']', '<#': '#>' };

const psStatementArb = fc.oneof(
	{ weight: 6, arbitrary: fc.record({
		cmdlet: fc.constantFrom('Set-GPRegistryValue', 'Set-GPRegistryValue', 'Remove-GPRegistryValue', 'set-gpregistryvalue'),
		key: fc.oneof(fc.tuple(keyArb, fc.nat(4), fc.constantFrom('HKLM\\', 'HKEY_LOCAL_MACHINE\\', 'HKCU\\', '')).map(([k, style, hive]) => quoted(`${hive}${k}`, style)), fc.constantFrom('$ts', '"$ts"', '$elsewhere')),
		names: fc.array(fc.tuple(nameArb, fc.nat(4)).map(([n, style]) => quoted(n, style)), { maxLength: 3 }),
		type: fc.option(fc.constantFrom('DWord', 'String', 'ExpandString', 'MultiString', 'QWord', 'Binary', 'Bogus'), { nil: undefined, freq: 6 }),
		values: fc.array(psValueArb, { maxLength: 3 }),
		switches: fc.subarray(['-Disable', '-Additive', '-ValuePrefix p', '-Confirm:$false', '-WhatIf', 'positional']),
		end: fc.constantFrom('\n', '\n', '; ', ' | Out-Null\n', ' `\n  \n', ' # comment\n'),
	}).map((c) => `${c.cmdlet} -Name $gpo -Key ${c.key}${c.names.length > 0 ? ` -ValueName ${c.names.join(', ')}` : ''}${c.type ? ` -Type ${c.type}` : ''}${c.values.length > 0 ? ` -Value ${c.values.join(',')}` : ''}${c.switches.map((s) => ` ${s}`).join('')}${c.end}`) },
	{ weight: 3, arbitrary: fc.tuple(fc.constantFrom('$ts', '$gpo', '$a', '$b', '${a}', '$A'), psValueArb).map(([name, value]) => `${name} = ${value}\n`) },
	/** Variables that hold each other: a double-quoted string that expands many references. */
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('$a', '$b'), fc.constantFrom('$a', '$b', '${a}'), fc.integer({ min: 1, max: 300 })).map(([name, ref, n]) => `${name} = "${ref.repeat(n)}"\n`) },
	/** Nesting the reader passes over: brackets, script blocks, subexpressions. */
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(CLOSING)), fc.integer({ min: 1, max: 2000 })).map(([open, n]) => `${open.repeat(n)}Set-GPRegistryValue -Key $ts${CLOSING[open].repeat(n)}\n`) },
	{ weight: 1, arbitrary: fc.constantFrom('<# a\nblock #>\n', '# a comment\n', 'Import-Module GroupPolicy\n', 'param([Parameter(Mandatory)][string]$GpoName)\n', '$ErrorActionPreference = \'Stop\'\n', `Set-GPRegistryValue -Key '${'x'.repeat(20_000)}'\n`) },
);

const structuredPowerShell = fc.array(psStatementArb, { maxLength: 12 }).map((statements) => ({
	name: `generated (${statements.length} statements)`,
	content: `$gpo = 'RA'\n$ts = 'HKLM\\${KEYS[0]}'\n${statements.join('')}`,
}));

const TEXT_TOKENS: Readonly<Record<'lgpo' | 'powershell', readonly string[]>> = {
	lgpo: ['Computer\n', 'User\n', '\n', '\r\n', '\r', ';', '; ', 'DWORD:', 'QWORD:', 'SZ:', 'EXSZ:', 'MULTISZ:', 'DELETE', 'DELETEALLVALUES', 'CREATEKEY', '*', '\\0', '0x', 'FFFFFFFF', '4294967296', '-', ':', ' ', '\t', '\u0000', '\uFEFF', '😀', '\uD800', ...VALUE_NAMES, ...DIRECTIVES, 'L'.repeat(5000)],
	powershell: ['Set-GPRegistryValue ', 'Remove-GPRegistryValue ', '-Key ', '-ValueName ', '-Type ', '-Value ', '-Disable', '-Additive', '-ValuePrefix ', 'DWord', 'String', 'MultiString', ' ', '\n', '\r\n', ';', '|', ',', '=', '\'', '"', '\u2018', '\u201C', '`', '`\n', '#', '<#', '#>', '$a', '$a = ', '"$a$a$a$a"', '${a b}', '$(', '@(', '(', ')', '{', '}', '-1', '4294967296', '0x', '\u0000', '😀', ...VALUE_NAMES, ...DIRECTIVES, '$a'.repeat(500), '('.repeat(500)],
};

// ---------------------------------------------------------------------------------------------
// Files

/** Writer output from a random valid profile, a real file, or a generated one; then mutated. */
export function groupPolicyFile(format: GroupPolicyFormat): fc.Arbitrary<GroupPolicyCase> {
	const real = fixtures(format);
	const written = profileYaml.map((yaml) => ({ name: 'written from a random profile', content: WRITERS[format](yaml) }));
	const structured = format === 'registry-pol' ? structuredPol : format === 'lgpo' ? structuredLgpo : structuredPowerShell;
	const base = fc.oneof(
		{ weight: 4, arbitrary: written },
		{ weight: 4, arbitrary: structured },
		...(real.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...real) }] : []),
	);
	if (format === 'registry-pol') {
		return fc.tuple(base, fc.array(byteMutationArb, { maxLength: 4 })).map(([seed, list]) => ({
			format,
			content: list.reduce(applyByteMutation, seed.content as Uint8Array),
			origin: `${seed.name} + ${list.map(byteLabel).join(', ') || 'nothing'}`,
		}));
	}
	const mutation = textMutation(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TEXT_TOKENS[format]) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }));
	return fc.tuple(base, fc.array(mutation, { maxLength: 4 })).map(([seed, list]) => ({
		format,
		content: list.reduce(applyMutation, seed.content as string),
		origin: `${seed.name} + ${list.map(mutationLabel).join(', ') || 'nothing'}`,
	}));
}
