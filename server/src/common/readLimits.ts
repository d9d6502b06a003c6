/**
 * How large a file of each kind may be before it is refused unread. Real files stay far below:
 * the largest vendor ADMX and ADML files are a few MiB, and a Registry.pol of a whole domain's
 * settings a few hundred KiB. The caps are generous for those and stop a stranger's file (or
 * /dev/zero behind a link) from filling memory.
 */
export type FileKind = 'admx' | 'adml' | 'syncml' | 'json' | 'registryPol' | 'policy' | 'text';

const MIB = 1024 * 1024;

export const READ_LIMITS: Readonly<Record<FileKind, { readonly bytes: number; readonly name: string }>> = {
	admx: { bytes: 16 * MIB, name: 'ADMX files' },
	adml: { bytes: 16 * MIB, name: 'ADML files' },
	syncml: { bytes: 32 * MIB, name: 'SyncML files' },
	json: { bytes: 32 * MIB, name: 'JSON files' },
	registryPol: { bytes: 16 * MIB, name: 'Registry.pol files' },
	policy: { bytes: 32 * MIB, name: 'policy files' },
	text: { bytes: 32 * MIB, name: 'files' },
};

/** The kind a file's name promises; a file whose name promises nothing is plain text. */
export function fileKindOf(name: string): FileKind {
	const lower = name.toLowerCase();
	const ends = (...suffixes: string[]) => suffixes.some((s) => lower.endsWith(s));
	return ends('.admx') ? 'admx'
		: ends('.adml') ? 'adml'
		: ends('.pol') ? 'registryPol'
		: ends('.json') ? 'json'
		: ends('.syncml', '.xml') ? 'syncml'
		: ends('.yaml', '.yml') ? 'policy'
		: 'text';
}

/** Why a file of `size` bytes is not read, or undefined when it may be. */
export function overLimit(size: number, kind: FileKind): string | undefined {
	const limit = READ_LIMITS[kind];
	return size > limit.bytes ? `is ${megabytes(size)}; ${limit.name} over ${megabytes(limit.bytes)} are not read` : undefined;
}

function megabytes(bytes: number): string {
	return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`;
}
