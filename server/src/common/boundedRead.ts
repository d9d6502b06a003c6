import * as fs from 'node:fs';
import { overLimit, READ_LIMITS, type FileKind } from './readLimits';

/**
 * The one way the command line and the server read a file they were pointed at: links resolved,
 * regular files only (a named pipe, a device or a folder is refused without reading), and no more
 * than the kind's cap. The file is opened without waiting (so a pipe cannot hold the open) and its
 * type and size are taken from the open handle, so what is checked is what is read.
 */
export type BoundedRead =
	| { readonly bytes: Uint8Array; readonly real: string; readonly stamp: string }
	/** Why not, said after the file's name: "does not exist", "is a named pipe, not a file". */
	| { readonly refused: string };

/** Why a file that is not there is not read; a caller looking for an optional file tells absence by it. */
export const MISSING = 'does not exist';

/** How long the server waits for one file before saying it could not be read. */
export const READ_TIMEOUT_MS = 10_000;

// Windows has no O_NONBLOCK; its pipes live under \\.\pipe\, which no ADMX path names by accident.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
/** Files such as those under /proc say they are empty and are not: what is read is never more than this at first. */
const FIRST_CHUNK = 64 * 1024;

/** Where a path really leads, links resolved, or why it leads nowhere. */
export type RealPath = { readonly real: string } | { readonly refused: string };

export function realPathSync(file: string): RealPath {
	try {
		return { real: fs.realpathSync(file) };
	} catch (error) {
		return refusedFor(error);
	}
}

export async function realPath(file: string): Promise<RealPath> {
	try {
		return { real: await fs.promises.realpath(file) };
	} catch (error) {
		return refusedFor(error);
	}
}

export function readBoundedSync(file: string, kind: FileKind): BoundedRead {
	const path = realPathSync(file);
	if ('refused' in path) {
		return path;
	}
	const real = path.real;
	let fd: number;
	try {
		fd = fs.openSync(real, OPEN_FLAGS);
	} catch (error) {
		return refusedFor(error);
	}
	try {
		const stat = fs.fstatSync(fd);
		const refused = notReadable(stat, kind);
		if (refused !== undefined) {
			return { refused };
		}
		const bytes = readAll(stat.size, kind, (buffer, offset) => fs.readSync(fd, buffer, offset, buffer.length - offset, null));
		return 'refused' in bytes ? bytes : { bytes, real, stamp: stampOf(stat) };
	} catch (error) {
		return refusedFor(error);
	} finally {
		fs.closeSync(fd);
	}
}

/** The same read without blocking the event loop, given up after `timeoutMs`. */
export function readBounded(file: string, kind: FileKind, timeoutMs = READ_TIMEOUT_MS): Promise<BoundedRead> {
	return withTimeout(readAsync(file, kind), timeoutMs, { refused: `took more than ${timeoutMs / 1000} seconds to read` });
}

/** What `work` gives, or `late` once `timeoutMs` have passed: a share that hangs holds no request. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, late: T): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<T>((resolve) => {
		timer = setTimeout(() => resolve(late), timeoutMs);
	});
	try {
		return await Promise.race([work, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** What a file's stat says about its content: read again when it changes. */
export function stampOf(stat: fs.Stats): string {
	return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
}

async function readAsync(file: string, kind: FileKind): Promise<BoundedRead> {
	const path = await realPath(file);
	if ('refused' in path) {
		return path;
	}
	const real = path.real;
	let handle: fs.promises.FileHandle;
	try {
		handle = await fs.promises.open(real, OPEN_FLAGS);
	} catch (error) {
		return refusedFor(error);
	}
	try {
		const stat = await handle.stat();
		const refused = notReadable(stat, kind);
		if (refused !== undefined) {
			return { refused };
		}
		const chunks: Uint8Array[] = [];
		let total = 0;
		// A file read by chunks, as readAll reads, without blocking: at most the cap and one byte more.
		for (;;) {
			const buffer = new Uint8Array(Math.min(Math.max(stat.size + 1, FIRST_CHUNK), READ_LIMITS[kind].bytes + 1 - total));
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) {
				break;
			}
			chunks.push(buffer.subarray(0, bytesRead));
			total += bytesRead;
			if (total > READ_LIMITS[kind].bytes) {
				return { refused: overLimit(total, kind) ?? '' };
			}
		}
		return { bytes: joined(chunks, total), real, stamp: stampOf(stat) };
	} catch (error) {
		return refusedFor(error);
	} finally {
		await handle.close();
	}
}

/** Reads to the end, never past the cap: `read` fills the buffer from `offset` and says how much it read. */
function readAll(size: number, kind: FileKind, read: (buffer: Uint8Array, offset: number) => number): Uint8Array | { refused: string } {
	const cap = READ_LIMITS[kind].bytes;
	let buffer = new Uint8Array(Math.min(Math.max(size + 1, FIRST_CHUNK), cap + 1));
	let length = 0;
	for (;;) {
		if (length === buffer.length) {
			if (length > cap) {
				return { refused: overLimit(length, kind) ?? '' };
			}
			const grown = new Uint8Array(Math.min(buffer.length * 2, cap + 1));
			grown.set(buffer);
			buffer = grown;
		}
		const got = read(buffer, length);
		if (got === 0) {
			return buffer.subarray(0, length);
		}
		length += got;
	}
}

function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.length;
	}
	return bytes;
}

/** Why what the handle opened is not read, or undefined when it is a regular file within the cap. */
function notReadable(stat: fs.Stats, kind: FileKind): string | undefined {
	if (stat.isDirectory()) {
		return 'is a folder, not a file';
	}
	if (stat.isFIFO()) {
		return 'is a named pipe, not a file';
	}
	if (stat.isCharacterDevice() || stat.isBlockDevice()) {
		return 'is a device, not a file';
	}
	if (!stat.isFile()) {
		return 'is not a regular file';
	}
	return overLimit(stat.size, kind);
}

function refusedFor(error: unknown): { refused: string } {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
		case 'ENOTDIR':
			return { refused: MISSING };
		case 'EISDIR':
			return { refused: 'is a folder, not a file' };
		case 'EACCES':
		case 'EPERM':
			return { refused: 'cannot be read: permission denied' };
		case 'ELOOP':
			return { refused: 'is a link that leads back to itself' };
		default:
			return { refused: `cannot be read (${code ?? String(error)})` };
	}
}
