import type { ResolvedProfile } from '../resolve';
import { gpOperations, type GpHive, type GpOperation, type GpSet } from './operations';

/** Registry value type codes (MS-GPREG 2.2.1, WinNT.h). */
const TYPE_CODES: Readonly<Record<GpSet['type'], number>> = {
	REG_SZ: 1, REG_EXPAND_SZ: 2, REG_DWORD: 4, REG_MULTI_SZ: 7, REG_QWORD: 11,
};

/** Where a GPO keeps the file of each hive. */
const FILES: Readonly<Record<GpHive, string>> = { HKLM: 'machine Registry.pol (Machine\\Registry.pol)', HKCU: 'user Registry.pol (User\\Registry.pol)' };

/** An operation of one hive asked into the Registry.pol of the other: a file holds one hive, which its folder names. */
export class RegistryPolHiveError extends Error {}

/** A UTF-16LE string with its NUL terminator, as PReg stores key, value name and REG_SZ data. */
function utf16z(text: string): Buffer {
	return Buffer.from(`${text}\0`, 'utf16le');
}

function dword(value: number): Buffer {
	const bytes = Buffer.alloc(4);
	bytes.writeUInt32LE(value >>> 0);
	return bytes;
}

/** Data that is not digits (a preview of a document with errors) gives 0, as Number does for a DWORD. */
function qword(data: string): Buffer {
	const bytes = Buffer.alloc(8);
	bytes.writeBigUInt64LE(BigInt.asUintN(64, /^\d+$/.test(data) ? BigInt(data) : 0n));
	return bytes;
}

function setData(operation: GpSet): Buffer {
	switch (operation.type) {
		case 'REG_DWORD':
			return dword(Number(operation.data));
		case 'REG_QWORD':
			return qword(operation.data);
		// Each string ends in a NUL, and one more NUL ends the list.
		case 'REG_MULTI_SZ':
			return Buffer.concat([...operation.data.map(utf16z), utf16z('')]);
		default:
			return utf16z(operation.data);
	}
}

function recordParts(operation: GpOperation): { name: string; type: number; data: Buffer } {
	switch (operation.kind) {
		case 'set':
			return { name: operation.name, type: TYPE_CODES[operation.type], data: setData(operation) };
		// The client reads only the directive's name; the REG_SZ with a lone NUL is how gpedit writes
		// the dummy data (INFERRED: writers differ).
		case 'delete':
			return { name: `**del.${operation.name}`, type: TYPE_CODES.REG_SZ, data: utf16z('') };
		case 'deleteAllValues':
			return { name: '**delvals.', type: TYPE_CODES.REG_SZ, data: utf16z('') };
	}
}

const delimiter = (char: '[' | ';' | ']') => Buffer.from(char, 'utf16le');

/** `[key;value;type;size;data]`, every delimiter a UTF-16LE character (MS-GPREG 2.2.1); the hive is not written. */
export function registryPolRecord(operation: GpOperation): Buffer {
	const { name, type, data } = recordParts(operation);
	return Buffer.concat([
		delimiter('['), utf16z(operation.key),
		delimiter(';'), utf16z(name),
		delimiter(';'), dword(type),
		delimiter(';'), dword(data.length),
		delimiter(';'), data,
		delimiter(']'),
	]);
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
	const header = Buffer.concat([Buffer.from('PReg', 'ascii'), dword(1)]);
	return new Uint8Array(Buffer.concat([header, ...operations.map(registryPolRecord)]));
}

/** The profile as a machine Registry.pol. */
export function encodeRegistryPol(profile: ResolvedProfile): Uint8Array {
	return registryPolFile(profile.policies.flatMap(gpOperations), 'HKLM');
}
