/**
 * The checks of a Group Policy file (Registry.pol, LGPO text, GroupPolicy script) for the fuzz
 * tests, as test/fuzz/fuzzCore.ts has them for documents: its reader and the import by content
 * never throw; every line the import names as left out or read by inference starts with a place
 * inside the file (`line N`, `record N at byte 0xX`, `byte 0xX`); every record holds data of its
 * type; the profile an import makes is policy YAML of the right shape, which every feature then
 * checks; and a profile read without errors, written back with the format's own writer and read
 * again, is the same profile.
 */
import {
	DEFAULT_SETTINGS,
	encodeLgpoText,
	encodePowerShell,
	encodeRegistryPol,
	groupPolicyFormat,
	importContent,
	importGroupPolicy,
	LgpoTextError,
	parsePolicyDocument,
	resolveProfiles,
	type GroupPolicyFormat,
	type ImportResult,
	type ResolvedProfile,
} from '../../server/src/service';
import { readLgpoText } from '../../server/src/service/gpo/lgpoText';
import { readPowerShell } from '../../server/src/service/gpo/powershell';
import type { GpReadResult } from '../../server/src/service/gpo/registryOperation';
import { readRegistryPol, RegistryPolNameError } from '../../server/src/service/gpo/registryPol';
import { cpuMsSince, describeError, exerciseDocument, FuzzFailure, type CaseOutcome } from './fuzzCore';

/** A Group Policy file to check: its format, its bytes (a Registry.pol) or text, and where it came from. */
export interface GroupPolicyCase {
	readonly format: GroupPolicyFormat;
	readonly content: Uint8Array | string;
	readonly origin: string;
}

/** Names that make importContent take the content for what it is, not for a document of another language. */
const URIS: Readonly<Record<GroupPolicyFormat, string>> = {
	'registry-pol': 'file:///fuzz/registry.pol',
	'lgpo': 'file:///fuzz/gpo.txt',
	'powershell': 'file:///fuzz/gpo.ps1',
};

const READERS: Readonly<Record<GroupPolicyFormat, (content: Uint8Array | string) => GpReadResult>> = {
	'registry-pol': (content) => readRegistryPol(typeof content === 'string' ? new TextEncoder().encode(content) : content),
	'lgpo': (content) => readLgpoText(typeof content === 'string' ? content : new TextDecoder().decode(content)),
	'powershell': (content) => readPowerShell(typeof content === 'string' ? content : new TextDecoder().decode(content)),
};

const WRITERS: Readonly<Record<GroupPolicyFormat, (profile: ResolvedProfile) => Uint8Array | string>> = {
	'registry-pol': encodeRegistryPol,
	'lgpo': encodeLgpoText,
	'powershell': encodePowerShell,
};

/** The writers' documented refusals of a value their format cannot carry; anything else they throw is a failure. */
const isRefusal = (error: unknown) => error instanceof RegistryPolNameError || error instanceof LgpoTextError;

/** Problems of a profile's shape: an import writes none of these, whatever the file holds; value problems it may keep. */
const SHAPE_CODES = new Set(['yaml-syntax', 'invalid-structure', 'duplicate-key', 'unknown-key', 'misplaced-key', 'missing-profile', 'missing-policies', 'unknown-policy', 'missing-state', 'invalid-state', 'unknown-option', 'schema']);

const MAX_DWORD = 0xffffffffn;
const MAX_QWORD = 0xffffffffffffffffn;

/** Where a line an import writes says it comes from, checked against the file's lines or bytes. */
function checkPlace(line: string, lineCount: number, byteLength: number | undefined): string | undefined {
	const place = /^(?:line (\d+)|record (\d+) at byte 0x([0-9A-F]+)|byte 0x([0-9A-F]+)): /.exec(line);
	if (!place) {
		return 'does not start with the place in the file it comes from';
	}
	const [, lineNumber, record, recordAt, byteAt] = place;
	if (lineNumber !== undefined) {
		const n = Number(lineNumber);
		return n >= 1 && n <= lineCount && byteLength === undefined ? undefined : `names line ${n} of a file of ${lineCount} lines`;
	}
	// A record starts inside the file; a place of its own may be its end (an empty file's start).
	const at = Number.parseInt(recordAt ?? byteAt, 16);
	if (byteLength === undefined || (record === undefined ? at > byteLength : at >= byteLength || Number(record) < 1)) {
		return `names byte ${at} of a file of ${byteLength ?? 'no'} bytes`;
	}
	return undefined;
}

/** What a record holds for its type, as the readers promise it. */
function checkRecords(read: GpReadResult): string[] {
	const problems: string[] = [];
	for (const record of read.records) {
		if (record.kind !== 'set') {
			continue;
		}
		const limit = record.type === 'REG_DWORD' || record.type === 'REG_DWORD_BIG_ENDIAN' ? MAX_DWORD : record.type === 'REG_QWORD' ? MAX_QWORD : undefined;
		if (limit !== undefined && !(/^\d+$/.test(record.data) && BigInt(record.data) <= limit)) {
			problems.push(`${record.where}: a ${record.type} record holds ${JSON.stringify(record.data.slice(0, 40))}, not a whole number from 0 to ${limit}`);
		}
	}
	return problems;
}

function lineCountOf(content: Uint8Array | string): number {
	const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
	let count = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		count++;
	}
	return count;
}

/** Reads `c` every way the product does and checks what comes back; throws a FuzzFailure on a violation. */
export function exerciseGroupPolicy(c: GroupPolicyCase): CaseOutcome {
	const began = process.cpuUsage();
	const uri = URIS[c.format];
	const size = `${typeof c.content === 'string' ? `${c.content.length} characters` : `${c.content.length} bytes`}`;
	let calls = 0;
	const call = <T>(feature: string, work: () => T): T => {
		calls++;
		try {
			return work();
		} catch (error) {
			throw new FuzzFailure(`${feature} threw on a ${c.format} file of ${size}:\n${describeError(error)}`, feature, error);
		}
	};
	const failures: string[] = [];
	const fail = (where: string, message: string) => failures.push(`${where}: ${message}`);

	const format = call('groupPolicyFormat', () => groupPolicyFormat(c.content));
	const read = call(`read (${c.format})`, () => READERS[c.format](c.content));
	for (const problem of checkRecords(read)) {
		fail('records', problem);
	}
	const lineCount = c.format === 'registry-pol' ? 0 : lineCountOf(c.content);
	const byteLength = c.format === 'registry-pol' ? (typeof c.content === 'string' ? new TextEncoder().encode(c.content).length : c.content.length) : undefined;
	const checkLines = (result: ImportResult, where: string) => {
		for (const line of [...result.skipped, ...(result.notes ?? [])]) {
			const wrong = checkPlace(line, lineCount, byteLength);
			if (wrong) {
				fail(where, `${JSON.stringify(line.slice(0, 200))} ${wrong}`);
			}
		}
	};
	const imported = call(`importGroupPolicy(${c.format})`, () => importGroupPolicy(uri, c.format, c.content));
	checkLines(imported, 'importGroupPolicy');
	const byContent = call('importContent', () => importContent({ uri, content: c.content }, { settings: DEFAULT_SETTINGS }));
	if (format === undefined ? byContent.kind !== 'unread' : byContent.kind !== 'imported') {
		fail('importContent', `a file that groupPolicyFormat calls ${format ?? 'no Group Policy form'} was ${byContent.kind}`);
	} else if (byContent.kind === 'imported' && format === c.format && JSON.stringify(byContent.result) !== JSON.stringify(imported)) {
		fail('importContent', 'imports the file otherwise than importGroupPolicy does');
	}
	let clean = false;
	let findings = imported.skipped.length + (imported.notes?.length ?? 0);
	if (imported.yaml !== '') {
		// The profile goes through every feature, as the editor opens it after Convert to Policy YAML.
		let diagnostics;
		try {
			diagnostics = exerciseDocument(imported.yaml, 'rapolicy', { roundTrip: true }).diagnostics;
		} catch (error) {
			throw new FuzzFailure(`the profile imported from a ${c.format} file fails a check:\n${error instanceof Error ? error.message : String(error)}\n--- profile ---\n${imported.yaml}`, 'import');
		}
		findings += diagnostics.length;
		for (const d of diagnostics.filter((x) => SHAPE_CODES.has(String(x.code)))) {
			fail('import', `the profile it writes has ${String(d.code)} on line ${d.range.start.line + 1}: ${d.message}\n--- profile ---\n${imported.yaml}`);
		}
		clean = !diagnostics.some((d) => d.severity === 1);
		if (clean) {
			roundTrip(c, uri, imported, call, fail);
		}
	}
	if (failures.length > 0) {
		throw new FuzzFailure(`wrong output for a ${c.format} file of ${size}:\n  ${failures.slice(0, 6).join('\n  ')}${failures.length > 6 ? `\n  ... and ${failures.length - 6} more` : ''}`, 'group policy');
	}
	return { calls, findings, clean, cpuMs: cpuMsSince(began) };
}

/** The profile written back with the format's own writer reads as the same profile, with nothing left out. */
function roundTrip(c: GroupPolicyCase, uri: string, first: ImportResult, call: <T>(feature: string, work: () => T) => T, fail: (where: string, message: string) => void): void {
	const [profile] = call('resolveProfiles', () => resolveProfiles(parsePolicyDocument('file:///fuzz/imported.rapolicy.yaml', 1, first.yaml)));
	let written: Uint8Array | string;
	try {
		written = WRITERS[c.format](profile);
	} catch (error) {
		if (isRefusal(error)) {
			return;
		}
		throw new FuzzFailure(`writing back the profile imported from a ${c.format} file threw:\n${describeError(error)}\n--- profile ---\n${first.yaml}`, 'round trip', error);
	}
	const second = call(`importGroupPolicy(${c.format}, written back)`, () => importGroupPolicy(uri, c.format, written));
	if (second.yaml !== first.yaml || second.skipped.length > 0) {
		const shown = typeof written === 'string' ? written : `${written.length} bytes`;
		fail('round trip', `the profile written back as ${c.format} reads otherwise:\n--- first ---\n${first.yaml}--- written ---\n${shown}\n--- read back ---\n${second.yaml}${second.skipped.map((s) => `\n  skipped: ${s}`).join('')}`);
	}
}

