import { MDM_WINS, type GpHive, type GpOperation, type GpSet, type GpWrite } from './registryOperation';

/**
 * A PowerShell single-quoted string. PowerShell also takes the typographic quotes U+2018–U+201B
 * as single quotes, so each of them is doubled too, or a pasted name could end the string.
 */
export function quotePowerShell(text: string): string {
	return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

const list = (items: readonly string[]) => items.map(quotePowerShell).join(', ');

const TYPES: Readonly<Record<GpSet['type'], string>> = {
	REG_DWORD: 'DWord', REG_QWORD: 'QWord', REG_SZ: 'String', REG_EXPAND_SZ: 'ExpandString', REG_MULTI_SZ: 'MultiString',
};

/** A value of a list the cmdlet writes in one call: String and ExpandString only. */
type ListEntry = GpSet & { readonly type: 'REG_SZ' | 'REG_EXPAND_SZ'; readonly data: string };

function call(hive: GpHive, key: string, rest: string): string {
	return `Set-GPRegistryValue -Name $GpoName -Key ${quotePowerShell(`${hive}\\${key}`)} ${rest} | Out-Null`;
}

/**
 * The cmdlet hands DWord and QWord data to the GPMC API as a signed Int32 or Int64 (INFERRED
 * from the overloads of RegistrySetting.SetValue), so the upper half of the range is written as
 * the negative number with the same bits. Data that is not digits (a preview of a document with
 * errors) is left as it is.
 */
const signed = (data: string, bits: 32 | 64) => /^\d+$/.test(data) ? String(BigInt.asIntN(bits, BigInt(data))) : data;

/** A multi-string is one array (INFERRED: the cmdlet's help names arrays only for String lists; the API takes a string[] for REG_MULTI_SZ). */
function valueArgument(operation: GpSet): string {
	switch (operation.type) {
		case 'REG_DWORD':
			return signed(operation.data, 32);
		case 'REG_QWORD':
			return signed(operation.data, 64);
		case 'REG_MULTI_SZ':
			return `@(${list(operation.data)})`;
		default:
			return quotePowerShell(operation.data);
	}
}

/** Whether `next` continues the list that a clear of `clear`'s key starts, with the type of its first entry. */
function continuesList(next: GpOperation | undefined, clear: GpOperation, first: ListEntry | undefined): next is ListEntry {
	return next?.kind === 'set' && next.hive === clear.hive && next.key === clear.key
		&& (next.type === 'REG_SZ' || next.type === 'REG_EXPAND_SZ') && (first === undefined || next.type === first.type);
}

/**
 * The cmdlet calls for a sequence of operations. A list's clear-then-write becomes one call with
 * every entry: without -Additive the cmdlet deletes the key's existing values before writing
 * (SGP); a clear with nothing after it is `-Key … -Disable`, which deletes the key's values. The
 * values of an additive list have no clear before them and stay one call each.
 */
export function gpRegistryCalls(operations: readonly GpOperation[]): string[] {
	const lines: string[] = [];
	for (let i = 0; i < operations.length; i++) {
		const operation = operations[i];
		switch (operation.kind) {
			// The key's default value is -ValueName '': the parameter takes an empty name
			// (ValidateLength(0, 255)) and the GPMC API reads "" as the default value.
			case 'set':
				lines.push(call(operation.hive, operation.key, `-ValueName ${quotePowerShell(operation.name)} -Type ${TYPES[operation.type]} -Value ${valueArgument(operation)}`));
				break;
			case 'delete':
				lines.push(call(operation.hive, operation.key, `-ValueName ${quotePowerShell(operation.name)} -Disable`));
				break;
			case 'deleteAllValues': {
				const entries: ListEntry[] = [];
				for (let next = operations[i + 1]; continuesList(next, operation, entries[0]); next = operations[++i + 1]) {
					entries.push(next);
				}
				lines.push(call(operation.hive, operation.key, entries.length === 0
					? '-Disable'
					: `-ValueName ${list(entries.map((e) => e.name))} -Type ${TYPES[entries[0].type]} -Value ${list(entries.map((e) => e.data))}`));
			}
		}
	}
	return lines;
}

/** Policies as a script that writes them into an existing domain GPO with the GroupPolicy module. */
export function powerShellScript(write: GpWrite): string {
	const lines = [
		`# ${write.title}: ${write.holds} for a domain GPO (Set-GPRegistryValue, GroupPolicy module)`,
		'# INFERRED: the registry values each policy maps to come from the ADMX; whether a list call also',
		'# records **delvals. in the GPO is not documented.',
		`# ${MDM_WINS}`,
		'param([Parameter(Mandatory)][string]$GpoName)',
		'',
		'$ErrorActionPreference = \'Stop\'',
		'Import-Module GroupPolicy',
	];
	for (const policy of write.policies) {
		lines.push('', `# ${policy.key}: ${policy.state === 'not-configured' ? 'not configured, nothing written' : policy.state}`);
		for (const call of gpRegistryCalls(policy.operations)) {
			lines.push(call);
		}
	}
	return `${lines.join('\n')}\n`;
}
