import type { ResolvedProfile } from '../resolve';
import { gpOperations, type GpOperation } from './operations';

const REG_SZ = 1;
const REG_DWORD = 4;

/** A UTF-16LE string with its NUL terminator, as PReg stores key, value name and REG_SZ data. */
function utf16z(text: string): Buffer {
	return Buffer.from(`${text}\0`, 'utf16le');
}

function dword(value: number): Buffer {
	const bytes = Buffer.alloc(4);
	bytes.writeUInt32LE(value >>> 0);
	return bytes;
}

function recordParts(operation: GpOperation): { name: string; type: number; data: Buffer } {
	switch (operation.kind) {
		case 'set':
			return operation.type === 'REG_DWORD'
				? { name: operation.name, type: REG_DWORD, data: dword(Number(operation.data)) }
				: { name: operation.name, type: REG_SZ, data: utf16z(operation.data) };
		// The client reads only the directive's name; the REG_SZ with a lone NUL is how gpedit writes
		// the dummy data (INFERRED: writers differ).
		case 'delete':
			return { name: `**del.${operation.name}`, type: REG_SZ, data: utf16z('') };
		case 'deleteAllValues':
			return { name: '**delvals.', type: REG_SZ, data: utf16z('') };
	}
}

const delimiter = (char: '[' | ';' | ']') => Buffer.from(char, 'utf16le');

/** `[key;value;type;size;data]`, every delimiter a UTF-16LE character (MS-GPREG 2.2.1). */
function record(operation: GpOperation): Buffer {
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

/** The profile as a machine Registry.pol: `PReg`, version 1, then one record per operation. */
export function encodeRegistryPol(profile: ResolvedProfile): Uint8Array {
	const header = Buffer.concat([Buffer.from('PReg', 'ascii'), dword(1)]);
	const records = profile.policies.flatMap(gpOperations).map(record);
	return new Uint8Array(Buffer.concat([header, ...records]));
}
