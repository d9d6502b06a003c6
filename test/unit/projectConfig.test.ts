import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, EMPTY_CONFIG, estatesOf, getConfigDiagnostics, isIgnored, mergeSettings, normalizeSettings, readProjectConfig, withoutFileNames } from '../../server/src/service';
import { globMatcher } from '../../server/src/service/config/glob';

/** Each problem as `line:column code message`, 1-based as the command line prints it. */
function problemsOf(text: string): string[] {
	return readProjectConfig(text).problems.map((p) => {
		const before = text.slice(0, p.span.start).split('\n');
		return `${before.length}:${before[before.length - 1].length + 1} ${p.code} ${p.message}`;
	});
}

const FULL = `{
	"$schema": "./node_modules/rapolicy/schemas/rapolicy-config.schema.json",
	"rules": { "helper-format": "off", "payload-case": "warning" },
	"admx": { "ingested": { "Firefox": ["admx/firefox.admx", "admx/mozilla.admx"], "Chrome": ["admx/chrome.admx"] } },
	"estates": { "kiosks": ["kiosks/**"], "office": ["office/**", "shared/**"] },
	"ignore": ["drafts/**"]
}
`;

describe('rapolicy.json: reading', () => {
	it('reads rules, ingested ADMX files, estates and ignored globs, with no problem', () => {
		const { config, problems } = readProjectConfig(FULL);
		assert.deepEqual(problems, []);
		assert.deepEqual(config.rules, { 'helper-format': 'off', 'payload-case': 'warning' });
		assert.deepEqual(config.ingested.map((e) => `${e.app}=${e.file}`), ['Firefox=admx/firefox.admx', 'Firefox=admx/mozilla.admx', 'Chrome=admx/chrome.admx']);
		assert.deepEqual(config.estates.map((e) => [e.name, e.globs]), [['kiosks', ['kiosks/**']], ['office', ['office/**', 'shared/**']]]);
		assert.deepEqual(config.ignore, ['drafts/**']);
		const entry = config.ingested[2];
		assert.equal(FULL.slice(entry.span.start, entry.span.end), '"admx/chrome.admx"');
	});

	it('an empty file configures nothing and says nothing; comments are allowed', () => {
		assert.deepEqual(readProjectConfig(''), { config: EMPTY_CONFIG, problems: [] });
		assert.deepEqual(readProjectConfig('// the project\'s settings\n{ /* none yet */ }\n').problems, []);
	});

	it('names an unknown rule at its key, with the rule meant', () => {
		assert.deepEqual(problemsOf('{\n  "rules": {\n    "helper-fromat": "off",\n    "no-such-thing": "off"\n  }\n}'), [
			'3:5 unknown-key rapolicy has no rule helper-fromat; did you mean helper-format?',
			'4:5 unknown-key rapolicy has no rule no-such-thing; the README lists the rules under Problems it reports.',
		]);
	});

	it('names an unknown key at every level, with the key meant', () => {
		assert.deepEqual(problemsOf('{ "rule": {}, "admx": { "ingest": {} }, "estate": {} }'), [
			'1:3 unknown-key rapolicy.json has no key rule; did you mean rules?',
			'1:25 unknown-key admx has no key ingest; did you mean ingested?',
			'1:41 unknown-key rapolicy.json has no key estate; did you mean estates?',
		]);
	});

	it('refuses a severity that is not one, suggesting the one meant, and keeps the others', () => {
		const text = '{ "rules": { "helper-format": "warn", "payload-case": "loud", "duplicate-helper": 1, "schema": "hint" } }';
		assert.deepEqual(problemsOf(text), [
			'1:31 config-value warn is not a severity: write warning.',
			'1:55 config-value loud is not a severity: write error, warning, information, hint or off.',
			'1:83 invalid-structure Not a string: the severity of duplicate-helper is one of error, warning, information, hint or off.',
		]);
		assert.deepEqual(readProjectConfig(text).config.rules, { schema: 'hint' });
	});

	it('reports a repeated key at its second place and reads the last, as JSON.parse does', () => {
		const text = '{\n  "rules": { "helper-format": "off", "helper-format": "error" }\n}';
		assert.deepEqual(problemsOf(text), ['2:38 duplicate-key "helper-format" appears again in this object; rapolicy reads this last one and drops the one before. Remove one of them.']);
		assert.deepEqual(readProjectConfig(text).config.rules, { 'helper-format': 'error' });
	});

	it('reads what it can of broken JSON and says where it breaks', () => {
		const text = '{\n  "rules": { "helper-format": "off" },\n  "ignore": ["drafts/**"\n';
		const { config, problems } = readProjectConfig(text);
		assert.deepEqual(config.rules, { 'helper-format': 'off' });
		assert.ok(problems.length > 0 && problems.every((p) => p.code === 'json-syntax'), JSON.stringify(problems));
	});

	it('names values of the wrong shape with what belongs there', () => {
		assert.deepEqual(problemsOf('["rules"]'), ['1:1 invalid-structure Not an object: the configuration is a JSON object such as { "rules": { "helper-format": "off" } }.']);
		assert.deepEqual(problemsOf('{ "admx": { "ingested": { "Firefox": "admx/firefox.admx" } }, "ignore": "drafts" }'), [
			'1:38 invalid-structure Not a list: the ADMX files ingested as Firefox are a list of paths relative to this file, such as ["admx/firefox.admx"].',
			'1:73 invalid-structure Not a list: ignore is a list of globs of files not to check, such as ["drafts/**"].',
		]);
	});

	it('refuses globs that can match nothing, empty paths and names, and an estate without globs', () => {
		const text = '{ "estates": { "kiosks": ["/srv/kiosks/**"], "office": ["../office/**", "office/**"], "empty": [], "": ["x"] }, "ignore": [""], "admx": { "ingested": { "Firefox": [""] } } }';
		assert.deepEqual(problemsOf(text).map((p) => p.split(' ').slice(0, 3).join(' ')), [
			'1:27 config-value /srv/kiosks/**',
			'1:57 config-value ../office/**',
			'1:96 config-value EstateGroup',
			'1:100 config-value An',
			'1:124 config-value An',
			'1:165 config-value An',
		]);
		assert.deepEqual(readProjectConfig(text).config.estates.map((e) => [e.name, e.globs]), [['kiosks', []], ['office', ['office/**']], ['empty', []]]);
	});
});

describe('rapolicy.json: globs, ignored files and estates', () => {
	it('matches * and ? within a name, ** across folders, {a,b} for either, and a folder\'s files', () => {
		const cases: [string, string, boolean][] = [
			['*.rapolicy.yaml', 'a.rapolicy.yaml', true],
			['*.rapolicy.yaml', 'sub/a.rapolicy.yaml', false],
			['**/*.rapolicy.yaml', 'sub/deep/a.rapolicy.yaml', true],
			['**/*.rapolicy.yaml', 'a.rapolicy.yaml', true],
			['kiosks/**', 'kiosks/a/b.syncml', true],
			['kiosks/**', 'kiosks2/b.syncml', false],
			['kiosks', 'kiosks/a/b.syncml', true],
			['kiosks/', 'kiosks/b.syncml', true],
			['./kiosks/*.json', 'kiosks/export.json', true],
			['gpo/{lab,prod}/**', 'gpo/prod/registry.pol', true],
			['gpo/{lab,prod}/**', 'gpo/test/registry.pol', false],
			['v?.syncml', 'v1.syncml', true],
			['v?.syncml', 'v10.syncml', false],
			['a.b', 'aXb', false],
			['office\\**', 'office/x.yaml', true],
		];
		for (const [glob, file, expected] of cases) {
			assert.equal(globMatcher(glob)(file), expected, `${glob} ${file}`);
		}
	});

	it('says which files are ignored and which estates a file is in, never for a file outside the folder', () => {
		const { config } = readProjectConfig(FULL);
		assert.equal(isIgnored(config, 'drafts/new.rapolicy.yaml'), true);
		assert.equal(isIgnored(config, 'office/a.rapolicy.yaml'), false);
		assert.deepEqual(estatesOf(config, 'shared/base.rapolicy.yaml'), ['office']);
		assert.deepEqual(estatesOf(config, 'kiosks/lobby/x.syncml'), ['kiosks']);
		assert.deepEqual(estatesOf(config, 'other/x.syncml'), []);
		assert.deepEqual(estatesOf(readProjectConfig('{ "estates": { "all": ["**"] } }').config, '../outside.syncml'), []);
		assert.equal(isIgnored(readProjectConfig('{ "ignore": ["**"] }').config, '../outside.syncml'), false);
	});
});

describe('rapolicy.json: merged with the settings', () => {
	const { config } = readProjectConfig(FULL);

	it('applies the file over the defaults, and a setting over the file rule by rule and AppName by AppName', () => {
		const settings = normalizeSettings({ validation: { rules: { 'helper-format': 'warning' } }, admx: { ingested: { Chrome: ['other/chrome.admx'] } } });
		const merged = mergeSettings(config, settings);
		assert.deepEqual(merged.validation.rules, { 'helper-format': 'warning', 'payload-case': 'warning' });
		assert.deepEqual(merged.admx.ingested, { Firefox: ['admx/firefox.admx', 'admx/mozilla.admx'], Chrome: ['other/chrome.admx'] });
		assert.equal(merged.validation.enable, true);
		assert.deepEqual(merged.payload, DEFAULT_SETTINGS.payload);
	});

	it('keeps settings that the file does not hold, and changes nothing without a file', () => {
		const settings = normalizeSettings({ validation: { enable: false }, payload: { encoding: 'cdata' } });
		const merged = mergeSettings(config, settings);
		assert.equal(merged.validation.enable, false);
		assert.equal(merged.payload.encoding, 'cdata');
		assert.deepEqual(mergeSettings(EMPTY_CONFIG, settings), settings);
	});

	it('leaves out the files the configuration names where files may not be read, keeping its severities', () => {
		const merged = mergeSettings(withoutFileNames(config), DEFAULT_SETTINGS);
		assert.deepEqual(merged.admx.ingested, {});
		assert.deepEqual(merged.validation.rules, config.rules);
		assert.deepEqual(withoutFileNames(config).estates, config.estates);
	});

	it('reports the file\'s own problems with the severities the merged rules give', () => {
		const text = '{\n  "rules": { "helper-fromat": "off" }\n}';
		const { problems } = readProjectConfig(text);
		const diagnostics = getConfigDiagnostics('file:///p/rapolicy.json', text, problems, DEFAULT_SETTINGS);
		assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code]), [[1, 13, 28, 1, 'unknown-key']]);
		assert.deepEqual(getConfigDiagnostics('file:///p/rapolicy.json', text, problems, normalizeSettings({ validation: { rules: { 'unknown-key': 'warning' } } })).map((d) => d.severity), [2]);
		assert.deepEqual(getConfigDiagnostics('file:///p/rapolicy.json', text, problems, normalizeSettings({ validation: { rules: { 'unknown-key': 'off' } } })), []);
	});
});
