import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/cli';

/** Runs the CLI in `cwd`, keeping what it writes to each stream and to both in order. */
export function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string; both: string } {
	let stdout = '';
	let stderr = '';
	let both = '';
	const code = runCli(args, {
		cwd,
		stdout: (text) => {
			stdout += text;
			both += text;
		},
		stderr: (text) => {
			stderr += text;
			both += text;
		},
		readFile: (file) => readFileSync(path.resolve(cwd, file)),
	});
	return { code, stdout, stderr, both };
}
