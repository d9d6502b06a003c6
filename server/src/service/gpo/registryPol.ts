import { startsWithPReg } from './registryPolSignature';
import type { GpHive, GpOperation, GpPlace, GpReadResult, GpRecord, GpSet, RegistryType } from './registryOperation';
import { append } from '../text/append';

/** Registry value type codes (MS-GPREG 2.2.1, WinNT.h), for writing and reading. */
const TYPE_CODES: Readonly<Record<RegistryType, number>> = {
	REG_NONE: 0, REG_SZ: 1, REG_EXPAND_SZ: 2, REG_BINARY: 3, REG_DWORD: 4, REG_DWORD_BIG_ENDIAN: 5, REG_MULTI_SZ: 7, REG_QWORD: 11,
};
const TYPES_BY_CODE: ReadonlyMap<number, RegistryType> = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as RegistryType]));

/** Where a GPO keeps the file of each hive. */
const FILES: Readonly<Record<GpHive, string>> = { HKLM: 'machine Registry.pol (Machine\\Registry.pol)', HKCU: 'user Registry.pol (User\\Registry.pol)' };

/** An operation of one hive asked into the Registry.pol of the other: a file holds one hive, which its folder names. */
export class RegistryPolHiveError extends Error {}

/** A value name the Group Policy client would read as a directive (`**del.`, `**delvals.`, …) rather than a value. */
export class RegistryPolNameError extends Error {}

/** Bytes appended in order; the file is built once, so a growing array is enough. */
class Bytes {
	private readonly bytes: number[] = [];

	/** UTF-16LE code units with a NUL terminator, as PReg stores key, value name and REG_SZ data. */
	utf16z(text: string): this {
		for (let i = 0; i < text.length; i++) {
			const unit = text.charCodeAt(i);
			this.bytes.push(unit & 0xff, unit >>> 8);
		}
		this.bytes.push(0, 0);
		return this;
	}

	/** Single-byte characters, for the file's signature. */
	ascii(text: string): this {
		for (let i = 0; i < text.length; i++) {
			this.bytes.push(text.charCodeAt(i) & 0xff);
		}
		return this;
	}

	/** One UTF-16LE delimiter character, with no terminator. */
	char(char: '[' | ';' | ']'): this {
		this.bytes.push(char.charCodeAt(0), 0);
		return this;
	}

	dword(value: number): this {
		const unsigned = value >>> 0;
		this.bytes.push(unsigned & 0xff, (unsigned >>> 8) & 0xff, (unsigned >>> 16) & 0xff, unsigned >>> 24);
		return this;
	}

	/** Data that is not digits (a preview of a document with errors) gives 0, as Number does for a DWORD. */
	qword(data: string): this {
		let value = BigInt.asUintN(64, /^\d+$/.test(data) ? BigInt(data) : 0n);
		for (let i = 0; i < 8; i++) {
			this.bytes.push(Number(value & 0xffn));
			value >>= 8n;
		}
		return this;
	}

	append(other: Bytes): this {
		for (const byte of other.bytes) {
			this.bytes.push(byte);
		}
		return this;
	}

	get length(): number {
		return this.bytes.length;
	}

	toArray(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

function setData(operation: GpSet): Bytes {
	const data = new Bytes();
	switch (operation.type) {
		case 'REG_DWORD':
			return data.dword(Number(operation.data));
		case 'REG_QWORD':
			return data.qword(operation.data);
		// Each string ends in a NUL, and one more NUL ends the list.
		case 'REG_MULTI_SZ':
			for (const text of operation.data) {
				data.utf16z(text);
			}
			return data.utf16z('');
		default:
			return data.utf16z(operation.data);
	}
}

/**
 * An empty value name is the key's default value: `[key;;1;…]` sets it, as Microsoft's
 * GPRegistryPolicyParser writes one; `**del.` with nothing after it deletes it (INFERRED: the
 * prefix rule applied to an empty name).
 */
function recordParts(operation: GpOperation): { name: string; type: number; data: Bytes } {
	switch (operation.kind) {
		case 'set':
			return { name: operation.name, type: TYPE_CODES[operation.type], data: setData(operation) };
		// The client reads only the directive's name; the REG_SZ with a lone NUL is how gpedit writes
		// the dummy data (INFERRED: writers differ).
		case 'delete':
			return { name: `**del.${operation.name}`, type: TYPE_CODES.REG_SZ, data: new Bytes().utf16z('') };
		case 'deleteAllValues':
			return { name: '**delvals.', type: TYPE_CODES.REG_SZ, data: new Bytes().utf16z('') };
	}
}

/** `[key;value;type;size;data]`, every delimiter a UTF-16LE character (MS-GPREG 2.2.1); the hive is not written. */
function appendRecord(file: Bytes, operation: GpOperation): void {
	if (operation.kind !== 'deleteAllValues' && operation.name.startsWith('**')) {
		throw new RegistryPolNameError(`${operation.name} starts with **, which a Registry.pol reads as a directive, not a value name; use --to lgpo or --to powershell`);
	}
	const { name, type, data } = recordParts(operation);
	file.char('[').utf16z(operation.key)
		.char(';').utf16z(name)
		.char(';').dword(type)
		.char(';').dword(data.length)
		.char(';').append(data)
		.char(']');
}

/** One operation's record alone. */
export function registryPolRecord(operation: GpOperation): Uint8Array {
	const record = new Bytes();
	appendRecord(record, operation);
	return record.toArray();
}

/**
 * A Registry.pol of one hive: `PReg`, version 1, then one record per operation. The caller splits
 * machine and user operations; one of the other hive is refused, since the file would apply it
 * to the wrong hive.
 */
export function registryPolFile(operations: readonly GpOperation[], hive: GpHive): Uint8Array {
	const stray = operations.find((operation) => operation.hive !== hive);
	if (stray) {
		throw new RegistryPolHiveError(`A ${FILES[hive]} holds ${hive} values only, not ${stray.hive}\\${stray.key}: write the ${stray.hive} operations to a ${FILES[stray.hive]}`);
	}
	const file = new Bytes().ascii('PReg').dword(1);
	for (const operation of operations) {
		appendRecord(file, operation);
	}
	return file.toArray();
}

// Reading: a file the native tools wrote, back into registry records.

const hex = (offset: number) => `0x${offset.toString(16).toUpperCase()}`;

/** Reads one UTF-16LE character code at `at`, or -1 past the end. */
function charAt(view: DataView, at: number): number {
	return at + 1 < view.byteLength ? view.getUint16(at, true) : -1;
}

/** A NUL-terminated UTF-16LE string starting at `at`: its text and the offset after the NUL. */
function readString(view: DataView, at: number): { text: string; next: number } | undefined {
	for (let i = at; ; i += 2) {
		const code = charAt(view, i);
		if (code === -1) {
			return undefined;
		}
		if (code === 0) {
			return { text: utf16(new Uint8Array(view.buffer, view.byteOffset + at, i - at)), next: i + 2 };
		}
	}
}

function hexText(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) {
		text += byte.toString(16).padStart(2, '0');
	}
	return text;
}

function utf16(bytes: Uint8Array): string {
	return new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
}

/** The bytes a number's data takes; data of another length holds no number of its type, so its meaning is not guessed. */
const NUMBER_WIDTHS: Readonly<Partial<Record<RegistryType, number>>> = { REG_DWORD: 4, REG_DWORD_BIG_ENDIAN: 4, REG_QWORD: 8 };

/** Record data as text: numbers (of their width) in decimal, strings without their terminating NULs, lists joined by NUL, bytes in hex. */
function dataText(type: RegistryType, data: Uint8Array): string {
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	switch (type) {
		case 'REG_DWORD':
			return String(view.getUint32(0, true));
		case 'REG_DWORD_BIG_ENDIAN':
			return String(view.getUint32(0, false));
		case 'REG_QWORD':
			return String(view.getBigUint64(0, true));
		case 'REG_SZ':
		case 'REG_EXPAND_SZ':
		case 'REG_MULTI_SZ':
			return utf16(data).replace(/\0+$/, '');
		default:
			return hexText(data);
	}
}

/** The records one `[key;name;type;size;data]` entry stands for; `**DeleteValues` names several. */
function recordsOf(key: string, name: string, type: RegistryType, data: Uint8Array, place: GpPlace, skipped: string[]): GpRecord[] {
	const lower = name.toLowerCase();
	if (lower.startsWith('**del.')) {
		return [{ kind: 'delete', key, name: name.slice('**del.'.length), ...place }];
	}
	if (lower === '**delvals.') {
		return [{ kind: 'deleteAllValues', key, ...place }];
	}
	if (lower === '**deletevalues') {
		return dataText('REG_SZ', data).split(';').filter((n) => n !== '').map((n) => ({ kind: 'delete', key, name: n, ...place }));
	}
	if (lower.startsWith('**')) {
		skipped.push(`${place.where}: ${name} on ${key}: a directive this import does not read`);
		return [];
	}
	if (name === '' && (type === 'REG_NONE' || data.length === 0)) {
		// With no value name and no data a record only makes sure the key exists (Microsoft's
		// Registry.pol format page); with data it sets the key's default value, as the GPMC API
		// (RegistrySetting with ValueName "") and Microsoft's GPRegistryPolicyParser write it.
		return [];
	}
	const width = NUMBER_WIDTHS[type];
	if (width !== undefined && data.length !== width) {
		skipped.push(`${place.where}: ${name} on ${key}: a ${type} holds ${width} bytes, not ${data.length}`);
		return [];
	}
	return [{ kind: 'set', key, name, type, data: dataText(type, data), ...place }];
}

/**
 * Reads a Registry.pol (MS-GPREG 2.2.1): `PReg`, version 1, then `[key;name;type;size;data]`
 * records whose delimiters, key and name are UTF-16LE. A damaged record ends the reading; what
 * came before it is kept and the damage is named in `skipped`.
 */
export function readRegistryPol(bytes: Uint8Array): GpReadResult {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const records: GpRecord[] = [];
	const skipped: string[] = [];
	if (!startsWithPReg(bytes) || bytes.length < 8) {
		return { records, skipped: ['byte 0x0: not a Registry.pol (it starts with PReg and a version)'] };
	}
	const version = view.getUint32(4, true);
	if (version !== 1) {
		return { records, skipped: [`byte 0x4: Registry.pol version ${version}; only version 1 is defined`] };
	}
	let at = 8;
	for (let index = 1; at < bytes.length; index++) {
		const where = `record ${index} at byte ${hex(at)}`;
		const damaged = (what: string) => skipped.push(`${where}: ${what}; the rest of the file (${bytes.length - at} bytes) is not read`);
		if (charAt(view, at) !== 0x5b) {
			damaged('expected [ to start a record');
			break;
		}
		const key = readString(view, at + 2);
		const name = key && charAt(view, key.next) === 0x3b ? readString(view, key.next + 2) : undefined;
		if (!key || !name || charAt(view, name.next) !== 0x3b || name.next + 14 > bytes.length) {
			damaged('the record is cut off before its type and size');
			break;
		}
		const typeCode = view.getUint32(name.next + 2, true);
		const size = view.getUint32(name.next + 8, true);
		const dataStart = name.next + 14;
		if (charAt(view, name.next + 6) !== 0x3b || charAt(view, name.next + 12) !== 0x3b || dataStart + size + 2 > bytes.length || charAt(view, dataStart + size) !== 0x5d) {
			damaged(`the record does not end with ] after its ${size} bytes of data`);
			break;
		}
		const type = TYPES_BY_CODE.get(typeCode);
		if (type === undefined) {
			skipped.push(`${where}: ${name.text} on ${key.text}: registry type ${typeCode} is not one Group Policy writes`);
		} else {
			append(records, recordsOf(key.text, name.text, type, bytes.subarray(dataStart, dataStart + size), { where, at: { start: at, end: dataStart + size + 2 } }, skipped));
		}
		at = dataStart + size + 2;
	}
	return { records, skipped };
}
