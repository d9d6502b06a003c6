import { VERSION } from '../version';
import { processIo, type CliIo } from './io';
import { validateCommand, VALIDATE_USAGE } from './validateCommand';

const USAGE = `rapolicy ${VERSION}: checks Windows Remote Assistance policy files (*.rapolicy.yaml) and SyncML.

${VALIDATE_USAGE}
  --format text   file:line:col: severity code message (default)
  --format json   [{ file, severity, code, message, range }] with 0-based LSP ranges

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable files.
`;

export function runCli(args: readonly string[], io: CliIo): number {
	const [command, ...rest] = args;
	switch (command) {
		case 'validate':
			return validateCommand(rest, io);
		case '--version':
			io.stdout(`${VERSION}\n`);
			return 0;
		case undefined:
		case '--help':
		case 'help':
			io.stdout(USAGE);
			return command === undefined ? 2 : 0;
		default:
			io.stderr(`rapolicy: unknown command ${command}\n\n${USAGE}`);
			return 2;
	}
}

/** Entry point of the `rapolicy` bin. */
export function main(): void {
	process.exitCode = runCli(process.argv.slice(2), processIo);
}
