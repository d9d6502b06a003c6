import { readBoundedSync } from '../common/boundedRead';
import { fileKindOf } from '../common/readLimits';

/** What the CLI touches of the outside world, so tests can run it in memory. */
export interface CliIo {
	readonly cwd: string;
	stdout(text: string): void;
	stderr(text: string): void;
	/** The file's bytes: the CLI decodes them itself (see decodeFile). Throws UnreadFile for what it will not read. */
	readFile(path: string): Uint8Array;
}

/** Why a file is not read, said after its name: "is a named pipe, not a file". */
export class UnreadFile extends Error {}

/** A regular file no larger than its kind's cap, links resolved. */
function readBounded(path: string): Uint8Array {
	const read = readBoundedSync(path, fileKindOf(path));
	if ('refused' in read) {
		throw new UnreadFile(read.refused);
	}
	return read.bytes;
}

export const processIo: CliIo = {
	cwd: process.cwd(),
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	readFile: readBounded,
};
