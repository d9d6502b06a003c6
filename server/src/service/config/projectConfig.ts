import { parseJson, type JsonProperty, type JsonValue } from '../json/jsonParser';
import type { Problem } from '../problems/problem';
import { isRuleCode, RULE_CODES, RULE_SETTINGS, type RuleCode, type RuleSetting } from '../problems/rules';
import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import { globProblem } from './glob';

/**
 * The project configuration: `rapolicy.json` (or `.rapolicy.json`) in a folder, read alike by the
 * editor and the command line. Paths and globs in it are relative to its folder.
 */

export { CONFIG_FILE_NAMES } from './configNames';

/** One file `admx.ingested` names, as written, with where it is written for problems about it. */
export interface IngestedEntry {
	readonly app: string;
	readonly file: string;
	readonly span: Span;
}

/** A named group of files whose policies apply together (one device group, say), by globs. */
export interface EstateGroup {
	readonly name: string;
	readonly globs: readonly string[];
	/** The estate's key, for problems about it. */
	readonly span: Span;
}

export interface ProjectConfig {
	/** Severity per rule, as `rapolicy.validation.rules` sets it. */
	readonly rules: Readonly<Partial<Record<RuleCode, RuleSetting>>>;
	/** ADMX files other sources ingest, as `rapolicy.admx.ingested` names them, relative to the configuration's folder. */
	readonly ingested: readonly IngestedEntry[];
	readonly estates: readonly EstateGroup[];
	/** Globs of files that are not checked. */
	readonly ignore: readonly string[];
}

/** What a folder without a configuration file is configured with. */
export const EMPTY_CONFIG: ProjectConfig = { rules: {}, ingested: [], estates: [], ignore: [] };

export interface ConfigRead {
	readonly config: ProjectConfig;
	/** What cannot be used, at its place in the text; the rest of the file still applies. */
	readonly problems: readonly Problem[];
}

const KEYS = ['$schema', 'rules', 'admx', 'estates', 'ignore'];
/** The severities as a message lists them: "error, warning, information, hint or off". */
const SEVERITIES = `${RULE_SETTINGS.slice(0, -1).join(', ')} or ${RULE_SETTINGS[RULE_SETTINGS.length - 1]}`;
const ADMX_KEYS = ['ingested'];

/** A JSON type as a message names it. */
const KIND_NAMES: Record<JsonValue['kind'], string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', literal: 'true, false or null' };

/**
 * Reads a configuration file's text. Half-typed or partly wrong text gives what can be read and a
 * problem for each part that cannot, so one mistake does not drop the whole file.
 */
export function readProjectConfig(text: string): ConfigRead {
	const parsed = parseJson(text);
	const problems: Problem[] = parsed.problems.map((p) => (p.duplicate
		// The reader's own message speaks of Intune; here it is rapolicy that reads the last one.
		? { code: 'duplicate-key', span: { start: p.start, end: p.end }, message: `${text.slice(p.start, p.end)} appears again in this object; rapolicy reads this last one and drops the one before. Remove one of them.` }
		: { code: 'json-syntax', span: { start: p.start, end: p.end }, message: p.message }));
	const root = parsed.root;
	// An empty file configures nothing, as an empty settings file does.
	if (root === undefined) {
		return { config: EMPTY_CONFIG, problems };
	}
	const object = expect(root, 'object', 'the configuration is a JSON object such as { "rules": { "helper-format": "off" } }.', problems);
	if (!object) {
		return { config: EMPTY_CONFIG, problems };
	}
	let rules: ProjectConfig['rules'] = {};
	let ingested: readonly IngestedEntry[] = [];
	let estates: readonly EstateGroup[] = [];
	let ignore: readonly string[] = [];
	// A repeated key is read as its last entry, as JSON.parse reads it.
	for (const property of object.properties) {
		const value = property.value;
		switch (property.key.value) {
			case '$schema':
				expect(value, 'string', '$schema is the address of the schema, a string.', problems);
				break;
			case 'rules':
				rules = readRules(value, problems);
				break;
			case 'admx':
				ingested = readAdmx(value, problems);
				break;
			case 'estates':
				estates = readEstates(value, problems);
				break;
			case 'ignore':
				ignore = readGlobs(value, 'ignore is a list of globs of files not to check, such as ["drafts/**"].', problems);
				break;
			default:
				unknownKey(property, KEYS, 'rapolicy.json has no key', `it has ${KEYS.join(', ')}`, problems);
		}
	}
	return { config: { rules, ingested, estates, ignore }, problems };
}

function readRules(value: JsonValue | undefined, problems: Problem[]): ProjectConfig['rules'] {
	const rules: Partial<Record<RuleCode, RuleSetting>> = {};
	const object = expect(value, 'object', 'rules maps rule codes to severities, such as { "helper-format": "off" }.', problems);
	for (const property of object?.properties ?? []) {
		const code = property.key.value;
		if (!isRuleCode(code)) {
			unknownKey(property, RULE_CODES, 'rapolicy has no rule', 'the README lists the rules under Problems it reports', problems);
			continue;
		}
		const setting = expect(property.value, 'string', `the severity of ${code} is one of ${SEVERITIES}.`, problems);
		if (!setting) {
			continue;
		}
		if (!(RULE_SETTINGS as readonly string[]).includes(setting.value)) {
			const suggestion = closest(setting.value, RULE_SETTINGS);
			problems.push({ code: 'config-value', span: setting, message: `${setting.value} is not a severity: write ${suggestion ?? SEVERITIES}.` });
			continue;
		}
		rules[code] = setting.value as RuleSetting;
	}
	return rules;
}

function readAdmx(value: JsonValue | undefined, problems: Problem[]): IngestedEntry[] {
	const object = expect(value, 'object', 'admx holds ingested, such as { "ingested": { "Firefox": ["admx/firefox.admx"] } }.', problems);
	let entries: IngestedEntry[] = [];
	for (const property of object?.properties ?? []) {
		if (property.key.value !== 'ingested') {
			unknownKey(property, ADMX_KEYS, 'admx has no key', 'it has ingested alone', problems);
			continue;
		}
		const apps = expect(property.value, 'object', 'ingested maps each AppName to its ADMX files, such as { "Firefox": ["admx/firefox.admx"] }.', problems);
		const byApp = new Map<string, IngestedEntry[]>();
		for (const app of apps?.properties ?? []) {
			if (app.key.value === '') {
				problems.push({ code: 'config-value', span: app.key, message: 'An AppName cannot be empty; write the name the ADMX is ingested under, such as "Firefox".' });
				continue;
			}
			const files = listOfStrings(app.value, `the ADMX files ingested as ${app.key.value} are a list of paths relative to this file, such as ["admx/${app.key.value.toLowerCase()}.admx"].`, problems);
			byApp.set(app.key.value, files.flatMap((file) => {
				if (file.value.trim() === '') {
					problems.push({ code: 'config-value', span: file, message: 'An empty path names no file; write the path of the .admx file relative to this file.' });
					return [];
				}
				return [{ app: app.key.value, file: file.value, span: file }];
			}));
		}
		entries = [...byApp.values()].flat();
	}
	return entries;
}

function readEstates(value: JsonValue | undefined, problems: Problem[]): EstateGroup[] {
	const object = expect(value, 'object', 'estates maps each estate\'s name to the globs of its files, such as { "kiosks": ["kiosks/**"] }.', problems);
	const estates = new Map<string, EstateGroup>();
	for (const property of object?.properties ?? []) {
		const name = property.key.value;
		if (name.trim() === '') {
			problems.push({ code: 'config-value', span: property.key, message: 'An estate needs a name, such as "kiosks".' });
			continue;
		}
		if (property.value === undefined) {
			continue;
		}
		const globs = readGlobs(property.value, `the files of estate ${name} are a list of globs, such as ["${name}/**"].`, problems);
		if (globs.length === 0 && property.value.kind === 'array' && property.value.items.length === 0) {
			problems.push({ code: 'config-value', span: property.value, message: `EstateGroup ${name} names no files; add globs such as "${name}/**", or remove it.` });
		}
		// A repeated name is read as its last entry, as a repeated key is.
		estates.delete(name);
		estates.set(name, { name, globs, span: property.key });
	}
	return [...estates.values()];
}

/** The usable globs of a list, with a problem for each that can match nothing. */
function readGlobs(value: JsonValue | undefined, shape: string, problems: Problem[]): string[] {
	return listOfStrings(value, shape, problems).flatMap((glob) => {
		const problem = globProblem(glob.value);
		if (problem !== undefined) {
			problems.push({ code: 'config-value', span: glob, message: problem });
			return [];
		}
		return [glob.value];
	});
}

/** The strings of a list; anything else in it, or a value that is not a list, is a problem. */
function listOfStrings(value: JsonValue | undefined, shape: string, problems: Problem[]): Extract<JsonValue, { kind: 'string' }>[] {
	const list = expect(value, 'array', shape, problems);
	return (list?.items ?? []).flatMap((item) => {
		const string = expect(item, 'string', shape, problems);
		return string ? [string] : [];
	});
}

/** The value when it is of `kind`; otherwise a problem saying what belongs there. A missing value was said by the JSON reader. */
function expect<K extends JsonValue['kind']>(value: JsonValue | undefined, kind: K, shape: string, problems: Problem[]): Extract<JsonValue, { kind: K }> | undefined {
	if (value === undefined) {
		return undefined;
	}
	if (value.kind !== kind) {
		problems.push({ code: 'invalid-structure', span: value, message: `Not ${KIND_NAMES[kind]}: ${shape}` });
		return undefined;
	}
	return value as Extract<JsonValue, { kind: K }>;
}

/** A key that is none of `known`, with the likely one, or else `otherwise` saying where the known ones are. */
function unknownKey(property: JsonProperty, known: readonly string[], lead: string, otherwise: string, problems: Problem[]): void {
	const key = property.key.value;
	const suggestion = closest(key, known);
	problems.push({ code: 'unknown-key', span: property.key, message: `${lead} ${key}; ${suggestion === undefined ? `${otherwise}.` : `did you mean ${suggestion}?`}` });
}
