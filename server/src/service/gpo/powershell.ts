import { oneLine } from '../text/oneLine';
import { MDM_WINS, type GpHive, type GpOperation, type GpPlace, type GpReadResult, type GpRecord, type GpSet, type GpWrite, type RegistryType } from './registryOperation';
import type { Span } from '../text/span';
import { append } from '../text/append';
import { numberRange, registryNumber } from './registryNumber';

/**
 * A PowerShell single-quoted string. PowerShell also takes the typographic quotes U+2018–U+201B
 * as single quotes, so each of them is doubled too, or a pasted name could end the string.
 */
export function quotePowerShell(text: string): string {
	return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

const list = (items: readonly string[]) => items.map(quotePowerShell).join(', ');

/** The cmdlets' `-Type` of each registry type, for writing and reading (any case). */
const TYPES = {
	REG_DWORD: 'DWord', REG_QWORD: 'QWord', REG_SZ: 'String', REG_EXPAND_SZ: 'ExpandString', REG_MULTI_SZ: 'MultiString', REG_BINARY: 'Binary',
} as const satisfies Partial<Record<RegistryType, string>>;
const TYPES_BY_NAME: ReadonlyMap<string, RegistryType> = new Map(Object.entries(TYPES).map(([type, name]) => [name.toLowerCase(), type as RegistryType]));

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
		`# ${oneLine(write.title)}: ${write.holds} for a domain GPO (Set-GPRegistryValue, GroupPolicy module)`,
		'# INFERRED: the registry values each policy maps to come from the ADMX; whether a list call also',
		'# records **delvals. in the GPO is not documented.',
		`# ${MDM_WINS}`,
		'param([Parameter(Mandatory)][string]$GpoName)',
		'',
		'$ErrorActionPreference = \'Stop\'',
		'Import-Module GroupPolicy',
	];
	for (const policy of write.policies) {
		lines.push('', `# ${oneLine(policy.key)}: ${policy.state === 'not-configured' ? 'not configured, nothing written' : policy.state}`);
		for (const call of gpRegistryCalls(policy.operations)) {
			lines.push(call);
		}
	}
	return `${lines.join('\n')}\n`;
}

// Reading: a file the native tools wrote, back into registry records.

/** True when the text calls the GroupPolicy module's registry cmdlets. */
export function isGroupPolicyScript(text: string): boolean {
	return /\b(Set|Remove)-GPRegistryValue\b/i.test(text);
}

type Token =
	| { readonly kind: 'word'; readonly text: string }
	/** A string or variable; undefined when its value is not known (a `$(…)` or an unset variable). */
	| { readonly kind: 'value'; readonly value: string | undefined; readonly source: string }
	| { readonly kind: 'param'; readonly name: string }
	| { readonly kind: 'comma' | 'assign' | 'pipe' };

interface Statement {
	readonly line: number;
	/** From its first token to the end of its last. */
	readonly span: Span;
	readonly tokens: readonly Token[];
}

/** PowerShell takes the typographic single quotes as quotes too. */
const SINGLE_QUOTES = '\'\u2018\u2019\u201A\u201B';
const DOUBLE_QUOTES = '"\u201C\u201D\u201E';
/** Whether `char` is one of `quotes`; past the end of the text there is no quote. */
const isQuote = (quotes: string, char: string | undefined) => char !== undefined && char !== '' && quotes.includes(char);
const BACKTICK_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', 'a': '\x07', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v' };
const WORD_END = /[\s,;|()'"\u2018-\u201E`#=]/;

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The longest text a double-quoted string may expand to; no policy value comes near it. */
const MAX_EXPANSION = 65_536;

/**
 * Splits a script into statements of tokens, one at a time, so a statement's double-quoted
 * strings expand the variables that the statements before it assigned.
 */
class Tokenizer {
	private at = 0;
	private line = 1;
	/** The lines where a string grew past MAX_EXPANSION, in order. */
	readonly cutLines: number[] = [];
	/** The first } at or after the last `${` read (the text's length when there is none). */
	private closeAt = -1;

	constructor(private readonly text: string, private readonly variables: ReadonlyMap<string, string | undefined>) {}

	next(): Statement | undefined {
		const tokens: Token[] = [];
		let start = -1;
		let from = this.at;
		let to = this.at;
		while (this.at < this.text.length) {
			const c = this.text[this.at];
			if (c === '\n' || c === ';') {
				this.advance(1);
				if (tokens.length > 0) {
					break;
				}
				continue;
			}
			if (c === ' ' || c === '\t' || c === '\r' || c === '(' || c === ')' || c === '{' || c === '}') {
				this.advance(1);
				continue;
			}
			// An array `@(…)` is its items, as the parentheses around them are.
			if (c === '@' && this.text[this.at + 1] === '(') {
				this.advance(2);
				continue;
			}
			if (c === '`' && /^`\r?\n/.test(this.text.slice(this.at, this.at + 3))) {
				this.advance(this.text[this.at + 1] === '\r' ? 3 : 2);
				continue;
			}
			if (this.text.startsWith('<#', this.at)) {
				const end = this.text.indexOf('#>', this.at + 2);
				this.advance((end < 0 ? this.text.length : end + 2) - this.at);
				continue;
			}
			if (c === '#') {
				const end = this.text.indexOf('\n', this.at);
				this.advance((end < 0 ? this.text.length : end) - this.at);
				continue;
			}
			if (start < 0) {
				start = this.line;
				from = this.at;
			}
			tokens.push(this.token(c));
			to = this.at;
		}
		return tokens.length === 0 ? undefined : { line: start, span: { start: from, end: to }, tokens };
	}

	private advance(count: number): void {
		for (let i = 0; i < count; i++) {
			if (this.text[this.at + i] === '\n') {
				this.line++;
			}
		}
		this.at += count;
	}

	private token(c: string): Token {
		if (c === ',' || c === '=' || c === '|') {
			this.advance(1);
			return { kind: c === ',' ? 'comma' : c === '=' ? 'assign' : 'pipe' };
		}
		if (isQuote(SINGLE_QUOTES, c)) {
			return this.singleQuoted();
		}
		if (isQuote(DOUBLE_QUOTES, c)) {
			return this.doubleQuoted();
		}
		const start = this.at;
		let end = start + 1;
		while (end < this.text.length && !WORD_END.test(this.text[end])) {
			end++;
		}
		this.advance(end - start);
		const text = this.text.slice(start, end);
		if (/^-[A-Za-z]/.test(text)) {
			return { kind: 'param', name: text.slice(1).replace(/:$/, '').toLowerCase() };
		}
		if (text.startsWith('$')) {
			return { kind: 'value', value: this.variable(text.slice(1)), source: text };
		}
		return { kind: 'word', text };
	}

	/** The name after a `$` at `at`: `{…}`, an identifier, or `(` for a subexpression (and for a `${` never closed). */
	private nameAt(at: number): string {
		if (this.text[at] === '{') {
			// The next } is found once for all the ${ before it: searched for each, a string of them would cost their square.
			if (this.closeAt < at) {
				const close = this.text.indexOf('}', at);
				this.closeAt = close < 0 ? this.text.length : close;
			}
			return this.closeAt < this.text.length ? this.text.slice(at, this.closeAt + 1) : '(';
		}
		IDENTIFIER.lastIndex = at;
		return IDENTIFIER.exec(this.text)?.[0] ?? '(';
	}

	private variable(name: string): string | undefined {
		const lower = name.replace(/^\{(.*)\}$/, '$1').toLowerCase();
		return lower === 'true' ? 'True' : lower === 'false' ? 'False' : lower === 'null' ? '' : this.variables.get(lower);
	}

	private singleQuoted(): Token {
		const start = this.at;
		let value = '';
		let i = this.at + 1;
		for (; i < this.text.length; i++) {
			const c = this.text[i];
			if (isQuote(SINGLE_QUOTES, c)) {
				if (!isQuote(SINGLE_QUOTES, this.text[i + 1])) {
					break;
				}
				i++;
			}
			value += this.text[i];
		}
		this.advance(Math.min(i + 1, this.text.length) - start);
		return { kind: 'value', value, source: this.text.slice(start, this.at) };
	}

	private doubleQuoted(): Token {
		const start = this.at;
		let value: string | undefined = '';
		let i = this.at + 1;
		for (; i < this.text.length; i++) {
			const c = this.text[i];
			if (isQuote(DOUBLE_QUOTES, c)) {
				if (!isQuote(DOUBLE_QUOTES, this.text[i + 1])) {
					break;
				}
				i++;
			} else if (c === '`' && i + 1 < this.text.length) {
				i++;
				value = value === undefined ? undefined : value + (BACKTICK_ESCAPES[this.text[i]] ?? this.text[i]);
				continue;
			} else if (c === '$' && /[A-Za-z_{(]/.test(this.text[i + 1] ?? '')) {
				const name = this.nameAt(i + 1);
				// A subexpression runs code; its value cannot be known here.
				const known = name === '(' ? undefined : this.variable(name);
				value = value === undefined || known === undefined ? undefined : value + known;
				// Variables that hold each other twice over double with every assignment; past the bound the value is not known.
				if (value !== undefined && value.length > MAX_EXPANSION) {
					value = undefined;
					this.cutLines.push(this.line);
				}
				i += name.length;
				continue;
			}
			value = value === undefined ? undefined : value + this.text[i];
		}
		this.advance(Math.min(i + 1, this.text.length) - start);
		return { kind: 'value', value, source: this.text.slice(start, this.at) };
	}
}

const SWITCHES = new Set(['disable', 'additive', 'confirm', 'whatif', 'verbose']);
const MACHINE_ROOT = /^(HKLM|HKEY_LOCAL_MACHINE)\\/i;

/** A bound argument: every value of a comma list, each undefined when not known. */
type Argument = readonly (string | undefined)[];

/** Binds `-Name value[, value…]` pairs; switches bind to an empty list. Positional arguments are returned apart. */
function bind(tokens: readonly Token[]): { named: Map<string, Argument>; positional: number } {
	const named = new Map<string, Argument>();
	let positional = 0;
	for (let i = 1; i < tokens.length; i++) {
		const token = tokens[i];
		if (token.kind === 'pipe') {
			break;
		}
		if (token.kind !== 'param') {
			positional++;
			continue;
		}
		if (SWITCHES.has(token.name)) {
			named.set(token.name, []);
			continue;
		}
		const values: (string | undefined)[] = [];
		for (let next = tokens[i + 1]; next && (next.kind === 'value' || next.kind === 'word'); next = tokens[i + 1]) {
			values.push(next.kind === 'value' ? next.value : next.text);
			i++;
			if (tokens[i + 1]?.kind !== 'comma') {
				break;
			}
			i++;
		}
		named.set(token.name, values);
	}
	return { named, positional };
}

/** The records of one Set-GPRegistryValue or Remove-GPRegistryValue call, or why it cannot be read. */
function callRecords(cmdlet: string, named: Map<string, Argument>, place: GpPlace): GpRecord[] | string {
	const [rawKey] = named.get('key') ?? [];
	if (rawKey === undefined) {
		return named.has('key') ? 'its -Key uses a value this import cannot work out (a variable set elsewhere or a subexpression)' : 'it has no -Key';
	}
	if (!MACHINE_ROOT.test(rawKey)) {
		return `its key ${rawKey} is not under HKLM; Remote Assistance policies are machine policies`;
	}
	const key = rawKey.replace(MACHINE_ROOT, '');
	const names = named.get('valuename');
	if (names?.some((n) => n === undefined)) {
		return 'its -ValueName uses a value this import cannot work out';
	}
	const valueNames = (names ?? []) as readonly string[];
	if (cmdlet === 'remove-gpregistryvalue') {
		return valueNames.length === 0 ? [{ kind: 'forget', key, name: undefined, ...place }] : valueNames.map((name) => ({ kind: 'forget', key, name, ...place }));
	}
	if (named.has('disable')) {
		return valueNames.length === 0 ? [{ kind: 'deleteAllValues', key, ...place }] : valueNames.map((name) => ({ kind: 'delete', key, name, ...place }));
	}
	const [typeName] = named.get('type') ?? [];
	const type = typeName === undefined ? undefined : TYPES_BY_NAME.get(typeName.toLowerCase());
	if (!type) {
		return typeName === undefined ? 'it has no -Type' : `-Type ${typeName} is not a registry type (DWord, String, ExpandString, MultiString, QWord, Binary)`;
	}
	const values = named.get('value') ?? [];
	if (values.length === 0 || values.some((v) => v === undefined)) {
		return values.length === 0 ? 'it has no -Value' : 'its -Value uses a value this import cannot work out';
	}
	// A multi-string is one value whose strings are the array, as the writer gives it.
	if (type === 'REG_MULTI_SZ') {
		return valueNames.length === 1 ? [{ kind: 'set', key, name: valueNames[0], type, data: values.join('\0'), ...place }] : 'a MultiString call names one value';
	}
	const [prefix] = named.get('valueprefix') ?? [];
	const entryNames = prefix !== undefined ? values.map((_, i) => `${prefix}${i + 1}`) : valueNames;
	if (entryNames.length === 0) {
		return 'it has neither -ValueName nor -ValuePrefix';
	}
	if (values.length !== entryNames.length && values.length !== 1) {
		return `it names ${entryNames.length} values but gives ${values.length}`;
	}
	const numeric = type === 'REG_DWORD' || type === 'REG_QWORD' ? type : undefined;
	const data: string[] = [];
	for (const value of values as readonly string[]) {
		// The cmdlet takes a signed number and keeps its bits, as the writer above relies on.
		const number = numeric && registryNumber(value, numeric, true);
		if (numeric && number === undefined) {
			const { min, max } = numberRange(numeric, true);
			return `-Value ${value} is not a ${TYPES[numeric]}: write a whole number from ${min} to ${max}`;
		}
		data.push(number ?? value);
	}
	const records: GpRecord[] = entryNames.map((name, i) => ({ kind: 'set', key, name, type, data: data[values.length === 1 ? 0 : i], ...place }));
	// Without -Additive the cmdlet clears a key before writing several values or a prefixed list.
	return !named.has('additive') && (prefix !== undefined || entryNames.length > 1) ? [{ kind: 'deleteAllValues', key, ...place }, ...records] : records;
}

/**
 * Reads the registry writes of a script that uses the GroupPolicy module: every
 * `Set-GPRegistryValue` and `Remove-GPRegistryValue` call, with variables assigned a plain value
 * earlier in the script expanded. Other statements are not settings and are passed over; a call
 * this reading cannot work out is named in `skipped`.
 */
export function readPowerShell(text: string): GpReadResult {
	const variables = new Map<string, string | undefined>();
	const tokenizer = new Tokenizer(text, variables);
	const records: GpRecord[] = [];
	const skipped: string[] = [];
	for (let statement = tokenizer.next(); statement; statement = tokenizer.next()) {
		for (const line of tokenizer.cutLines.splice(0)) {
			skipped.push(`line ${line}: a double-quoted string expands its variables past ${MAX_EXPANSION.toLocaleString('en-US')} characters, so this import does not work out its value`);
		}
		const [first, second] = statement.tokens;
		if (first.kind === 'value' && first.source.startsWith('$') && second?.kind === 'assign') {
			const rest = statement.tokens.slice(2);
			const only = rest.length === 1 ? rest[0] : undefined;
			variables.set(first.source.slice(1).replace(/^\{(.*)\}$/, '$1').toLowerCase(), only?.kind === 'value' ? only.value : only?.kind === 'word' ? only.text : undefined);
			continue;
		}
		const cmdlet = first.kind === 'word' ? first.text.toLowerCase() : '';
		if (cmdlet !== 'set-gpregistryvalue' && cmdlet !== 'remove-gpregistryvalue') {
			continue;
		}
		const where = `line ${statement.line}`;
		const { named, positional } = bind(statement.tokens);
		const result = positional > 0 ? 'it has positional arguments; name every parameter (-Key, -ValueName, -Type, -Value)' : callRecords(cmdlet, named, { where, at: statement.span });
		if (typeof result === 'string') {
			skipped.push(`${where}: ${first.kind === 'word' ? first.text : ''}: ${result}`);
		} else {
			append(records, result);
		}
	}
	return { records, skipped };
}
