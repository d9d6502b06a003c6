import * as fs from 'node:fs';

/** What the CLI touches of the outside world, so tests can run it in memory. */
export interface CliIo {
	readonly cwd: string;
	stdout(text: string): void;
	stderr(text: string): void;
	/** The file's bytes: the CLI decodes them itself (see decodeFile). */
	readFile(path: string): Uint8Array;
}

export const processIo: CliIo = {
	cwd: process.cwd(),
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	readFile: (path) => fs.readFileSync(path),
};
