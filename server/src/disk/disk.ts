import { decodeFile } from '../common/decodeFile';
import type { BoundedRead, RealPath } from '../common/boundedRead';
import type { FileKind } from '../common/readLimits';

/** A file's text with the real path it was read from (links resolved), or why it was not read. */
export type DiskText = { readonly text: string; readonly real: string } | { readonly refused: string };

/**
 * The files and folders the ADMX reader looks at. The command line's answers come at once; the
 * server's come from a cache filled in the background, and are undefined until there.
 */
export interface Disk {
	/** Where a path leads, asked before reading where only some places may be read. */
	real(file: string): RealPath | undefined;
	text(file: string, kind: FileKind): DiskText | undefined;
	/** A folder's entries, none when it cannot be listed. */
	entries(folder: string): readonly string[] | undefined;
}

/** A bounded read decoded as XML is (byte order mark, UTF-16, else UTF-8). */
export function decodedRead(read: BoundedRead): DiskText {
	if ('refused' in read) {
		return read;
	}
	const decoded = decodeFile(read.bytes);
	return 'problem' in decoded ? { refused: `cannot be read: ${decoded.problem.message}` } : { text: decoded.text, real: read.real };
}
