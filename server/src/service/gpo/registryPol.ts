import type { GpHive, GpOperation, GpSet } from './registryOperation';

/** Registry value type codes (MS-GPREG 2.2.1, WinNT.h). */
const TYPE_CODES: Readonly<Record<GpSet['type'], number>> = {
	REG_SZ: 1, REG_EXPAND_SZ: 2, REG_DWORD: 4, REG_MULTI_SZ: 7, REG_QWORD: 11,
};

/** Where a GPO keeps the file of each hive. */
const FILES: Readonly<Record<GpHive, string>> = { HKLM: 'machine Registry.pol (Machine\\Registry.pol)', HKCU: 'user Registry.pol (User\\Registry.pol)' };

/** An operation of one hive asked into the Registry.pol of the other: a file holds one hive, which its folder names. */
export class RegistryPolHiveError extends Error {}

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
