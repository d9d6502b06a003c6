// Generated benchmark inputs, made from the examples: policy YAML of a given number of lines (many
// `---` profiles, one profile in ten with a mistake the JSON Schema also catches) and SyncML with a
// given number of commands (one in a hundred with a mistake), plus the positions the bench edits,
// completes and hovers at.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const read = (name) => readFileSync(path.join(root, 'examples', name), 'utf8');

/** One profile per entry, without the leading comment lines of the example files. */
const TEMPLATES = [
	...read('fleet.rapolicy.yaml').split(/^---\n/m),
	read('helpdesk-offer-help.rapolicy.yaml'),
	read('locked-down.rapolicy.yaml'),
].map((t) => t.replace(/^(#.*\n)+/, '').replace(/\n*$/, '\n'));

/** Mistakes that both language servers must report: each breaks the JSON Schema too. */
const MISTAKES = [
	// An unknown key (additionalProperties: false).
	(t) => t.replace(/^description:/m, 'descripton:'),
	// A state that is not one of the enum values.
	(t) => t.replace('state: enabled', 'state: enable'),
	// A policy name that does not exist (policies has additionalProperties: false).
	(t) => t.replace(/^policies:\n/m, 'policies:\n  SessionLoging: { state: enabled }\n'),
];

/** Whether the i-th profile carries a mistake: one in ten, the first already in a ~100-line file. */
export const hasMistake = (i) => i % 10 === 5;

/** The i-th profile of a generated file: the templates in turn, every tenth with a mistake. */
export function profileText(i) {
	const template = TEMPLATES[i % TEMPLATES.length];
	return hasMistake(i) ? MISTAKES[Math.floor(i / 10) % MISTAKES.length](template) : template;
}

/** A multi-profile policy file of at least `lines` lines; `mistakes` is how many profiles carry one. */
export function policyFile(lines) {
	const parts = [];
	let count = 0;
	let mistakes = 0;
	for (let i = 0; count < lines; i++) {
		const text = profileText(i);
		mistakes += hasMistake(i) ? 1 : 0;
		parts.push(text);
		count += text.split('\n').length - 1 + (i > 0 ? 1 : 0);
	}
	const text = `# Generated for the benchmark from examples/*.rapolicy.yaml.\n${parts.join('---\n')}`;
	return { text, lines: text.split('\n').length - 1, profiles: parts.length, mistakes };
}

const syncmlExample = read('helpdesk-offer-help.syncml');
const SAMPLE_COMMANDS = [...syncmlExample.matchAll(/(<(Replace|Delete|Get)>[\s\S]*?<\/\2>)/g)].map((m) => m[1]);

/** A SyncML message with `commands` commands; every hundredth carries a payload value out of range. */
export function syncmlFile(commands) {
	const body = [];
	let mistakes = 0;
	for (let i = 0; i < commands; i++) {
		const command = SAMPLE_COMMANDS[i % SAMPLE_COMMANDS.length].replace(/<CmdID>\d+<\/CmdID>/, `<CmdID>${i + 1}</CmdID>`);
		const wrong = i % 100 === 96 && command.includes('value="1"');
		mistakes += wrong ? 1 : 0;
		body.push(wrong ? command.replace('value="1"', 'value="7"') : command);
	}
	const text = `<?xml version="1.0" encoding="utf-8"?>\n<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n    ${body.join('\n    ')}\n    <Final/>\n  </SyncBody>\n</SyncML>\n`;
	return { text, lines: text.split('\n').length - 1, commands, mistakes };
}

/** The line index nearest the middle of `lines` whose text matches `re`, with the match. */
function nearMiddle(lines, re, from = Math.floor(lines.length / 2)) {
	for (let d = 0; d < lines.length; d++) {
		for (const line of [from + d, from - d]) {
			const m = line >= 0 && line < lines.length ? re.exec(lines[line]) : null;
			if (m) {
				return { line, match: m };
			}
		}
	}
	throw new Error(`no line matches ${re}`);
}

/**
 * Where the bench works in a policy file, all near the middle:
 * - edit: the end of an option's enum value; inserting `x` there makes the value unknown (an error
 *   in both servers), deleting it again removes the error;
 * - positions for completion and hover: a policy name and an option value.
 */
export function policyPositions(text) {
	const lines = text.split('\n');
	const edit = nearMiddle(lines, /^ {6}RA_Solicit_Control_List: view-only$/);
	const at = (line, character) => ({ line, character });
	const name = nearMiddle(lines, /^ {2}(UnsolicitedRemoteAssistance):$/, edit.line + 3);
	const value = nearMiddle(lines, /^( {6}RA_Optimize_Bandwidth_List: )([a-z-]+)$/, edit.line + 3);
	return {
		edit: { insert: at(edit.line, lines[edit.line].length), text: 'x' },
		completion: {
			'policy name': at(name.line, 2 + name.match[1].length),
			'option value': at(value.line, lines[value.line].length),
		},
		hover: {
			'policy name': at(name.line, 2 + 5),
			'option value': at(value.line, value.match[1].length + 3),
		},
	};
}

/**
 * Where the bench works in a SyncML file, near the middle:
 * - edit: before the `1` of `value="1"` in an escaped payload; inserting `7` makes it 71, not one of
 *   the list's values;
 * - completion: the policy name at the end of a LocURI, the value inside a payload's `value="..."`;
 * - hover: the policy name in a LocURI, the option id inside a payload.
 */
export function syncmlPositions(text) {
	const lines = text.split('\n');
	const at = (line, character) => ({ line, character });
	const edit = nearMiddle(lines, /value="1"/);
	const editColumn = edit.match.index + 'value="'.length;
	const uri = nearMiddle(lines, /(<LocURI>\.\/Device\/Vendor\/MSFT\/Policy\/Config\/RemoteAssistance\/)(\w+)</, edit.line + 20);
	const payload = nearMiddle(lines, /id="RA_Unsolicit_Control_List" value="()\d"/, edit.line + 20);
	const idColumn = lines[payload.line].indexOf('RA_Unsolicit_Control_List');
	return {
		edit: { insert: at(edit.line, editColumn), text: '7' },
		completion: {
			'policy name (LocURI)': at(uri.line, uri.match.index + uri.match[1].length + 4),
			'payload value': at(payload.line, payload.match.index + payload.match[0].length - 2),
		},
		hover: {
			'policy name (LocURI)': at(uri.line, uri.match.index + uri.match[1].length + 4),
			'payload option id': at(payload.line, idColumn + 5),
		},
	};
}
