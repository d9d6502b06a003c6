import { VERSION } from '../version';
import { processIo, type CliIo } from './io';
import { admxCommand, ADMX_USAGE } from './admxCommand';
import { checkCommand, CHECK_USAGE } from './checkCommand';
import { diffCommand, DIFF_USAGE } from './diffCommand';
import { encodeCommand, ENCODE_HELP, ENCODE_USAGE } from './encodeCommand';
import { importCommand, IMPORT_USAGE } from './importCommand';
import { CONFIG_HELP } from './projectConfig';
import { validateCommand, VALIDATE_USAGE } from './validateCommand';

const USAGE = `rapolicy ${VERSION}: checks Windows Remote Assistance policy files (*.rapolicy.yaml), SyncML and Intune exports (*.json).

${VALIDATE_USAGE}
  --format text   file:line:col: severity code message (default)
  --format json   [{ file, severity, code, message, range }] with 0-based LSP ranges
  --admx APP=FILE an ADMX ingested under APP elsewhere (another profile): ingested policies are checked against it; a folder means each .admx in it; repeatable
  --admx-language LANG  the folder beside each ADMX its ADML is read from (default en-US)

${CHECK_USAGE}
  A folder (default .) or files as one estate: every policy file, SyncML, Intune export,
  Registry.pol, LGPO text (*.txt) and GroupPolicy script (*.ps1) in it, with its own problems as
  validate gives them, and where the files meet: a policy set differently by two MDM profiles or
  two GPOs, by Group Policy and MDM (who wins, with ControlPolicyConflict/MDMWinsOverGP or without),
  or set alike in two places. Other files are left out and counted; node_modules and hidden
  folders are not walked.
  --format text   as validate prints, with the other places of a finding indented below it
  --format json   as validate prints, with related: [{ file, range, message }]
  --format sarif  SARIF 2.1.0 for GitHub code scanning, file paths relative to the folder checked
  --admx APP=FILE, --admx-language LANG  as for validate

${DIFF_USAGE}
  What two files of any forms set differently, policy by policy: policies added, removed, or set
  with another state or other options, helpers added and removed by name. Settings written
  differently that leave a device the same (a profile and the GPO exported from it) do not differ.
  --git REV       each file named (by default each policy file changed since REV, new files
                  included) against its content at REV; a file REV lacks is all added, a
                  deleted one all removed
  --format text   +, - and ~ lines per policy with their places (default)
  --format json   [{ before, after, policies: [{ change, key, scope, before, after, options }] }]
  --format markdown  a list for a pull-request comment
  Exit status 0 when nothing differs, 1 when something does, 2 on bad usage or unreadable files.

${ENCODE_USAGE}
${ENCODE_HELP}

${IMPORT_USAGE}
  The Remote Assistance settings of a SyncML file, an Intune export (custom profile or settings
  catalog), a Registry.pol, LGPO.exe text or a Set-GPRegistryValue script, told apart by content,
  as policy YAML; what is not converted goes to stderr, one line each, with a count at the end.
  The ADMX files SyncML or a custom profile ingests become admx: entries, each saved as
  <FileUid>.admx beside the profile, and the policies set of them App/PolicyName entries.
  --admx APP=FILE an ADMX ingested under APP elsewhere, whose policies the file sets; repeatable
  --admx-dir DIR  save the ingested ADMX files in DIR instead of beside the profile

${ADMX_USAGE}
  What stands between ADMX files and their use: references, prefixes devices refuse, schema
  conflicts, registry keys MDM ingestion refuses, what Intune's Import ADMX rejects, and with the
  ADML (<language>/<name>.adml beside the file, en-US unless --language says) its strings.

Every command reads the project configuration: the severities of its rules, the ADMX files it
names as ingested elsewhere (relative to its folder; --admx APP=FILE overrides an AppName) and the
files it ignores.
${CONFIG_HELP}

Exit status: 0 success, 1 errors in the file (encode and import refuse such a file), 2 bad usage
or unreadable files.
`;

export function runCli(args: readonly string[], io: CliIo): number {
	const [command, ...rest] = args;
	switch (command) {
		case 'validate':
			return validateCommand(rest, io);
		case 'check':
			return checkCommand(rest, io);
		case 'diff':
			return diffCommand(rest, io);
		case 'encode':
			return encodeCommand(rest, io);
		case 'import':
			return importCommand(rest, io);
		case 'admx':
			return admxCommand(rest, io);
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
