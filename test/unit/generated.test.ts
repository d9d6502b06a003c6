import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { buildPolicyGrammar, buildSyncmlGrammar } from '../../server/src/generate/grammar';
import { buildConvertWhen, buildRulesSetting } from '../../server/src/generate/manifest';
import { buildTemplatesModule } from '../../server/src/generate/templates';
import { CONFIG_FILE_NAMES, DEFAULT_SETTINGS, getDiagnostics, parsePolicyDocument, RULE_CODES, RULES } from '../../server/src/service';
import { buildProfileSchema, SCHEMA_ID } from '../../server/src/service/schema/buildSchema';
import { buildConfigSchema, CONFIG_SCHEMA_ID } from '../../server/src/service/schema/configSchema';
import { VERSION } from '../../server/src/version';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('files derived from the catalog', () => {
	it('the checked-in JSON Schema is the one the catalog gives (run npm run generate after changing the catalog)', () => {
		assert.deepEqual(readJson('schemas/rapolicy.schema.json'), buildProfileSchema());
	});

	it('the schema texts follow Microsoft\'s policy text (audit D1, D7, D8)', () => {
		const text = JSON.stringify(buildProfileSchema());
		assert.match(text, /not available on Windows Vista, where Simple MAPI is the only method supported/);
		assert.match(text, /Turns logging of Remote Assistance sessions on or off/);
		for (const old of ['always use mailto', 'chat and file transfers', 'accept each offer']) {
			assert.ok(!text.includes(old), old);
		}
	});

	it('the schema has a stable $id and compiles in ajv strict mode', () => {
		const schema = readJson('schemas/rapolicy.schema.json');
		assert.equal(schema.$id, SCHEMA_ID);
		const ajv = new Ajv({ strict: true });
		ajv.addKeyword('markdownEnumDescriptions');
		assert.doesNotThrow(() => ajv.compile(schema));
	});

	it('the grammars are the generated ones', () => {
		assert.deepEqual(readJson('syntaxes/rapolicy.tmLanguage.json'), buildPolicyGrammar());
		assert.deepEqual(readJson('syntaxes/syncml.tmLanguage.json'), buildSyncmlGrammar());
	});

	it('package.json documents every rule in rapolicy.validation.rules', () => {
		const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, unknown> } } };
		assert.deepEqual(manifest.contributes.configuration.properties['rapolicy.validation.rules'], buildRulesSetting());
	});

	it('package.json offers Convert to Policy YAML where the channels say', () => {
		const manifest = readJson('package.json') as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
		const convert = buildConvertWhen();
		for (const [menu, when] of Object.entries(convert.menus)) {
			assert.equal(manifest.contributes.menus[menu].find((item) => item.command === convert.command)?.when, when, menu);
		}
	});

	it('the server\'s whole-profile snippets are the templates', () => {
		const templates = fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.rapolicy.yaml')).sort()
			.map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8') }));
		assert.equal(templates.length, 3);
		assert.equal(fs.readFileSync(path.join(ROOT, 'server/src/service/profile/profileTemplates.ts'), 'utf8'), buildTemplatesModule(templates));
	});

	it('every template and example validates without a problem', () => {
		for (const folder of ['templates', 'examples']) {
			for (const file of fs.readdirSync(path.join(ROOT, folder)).filter((f) => /\.rapolicy\.ya?ml$/.test(f))) {
				const doc = parsePolicyDocument(`file:///${folder}/${file}`, 1, fs.readFileSync(path.join(ROOT, folder, file), 'utf8'));
				assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.message), [], `${folder}/${file}`);
			}
		}
	});

	it('the server reports the package version', () => {
		assert.equal(readJson('package.json').version, VERSION);
	});

	it('every grammar pattern is a valid regular expression', () => {
		const patterns: string[] = [];
		const collect = (node: unknown): void => {
			if (Array.isArray(node)) {
				node.forEach(collect);
			} else if (node && typeof node === 'object') {
				for (const [key, value] of Object.entries(node)) {
					if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') {
						patterns.push(value);
					} else {
						collect(value);
					}
				}
			}
		};
		collect(buildPolicyGrammar());
		assert.ok(patterns.length > 10);
		for (const pattern of patterns) {
			assert.doesNotThrow(() => new RegExp(pattern), pattern);
		}
	});
});

describe('the JSON Schema of rapolicy.json', () => {
	const schema = readJson('schemas/rapolicy-config.schema.json') as { $id: string; properties: { rules: { properties: Record<string, { enum: string[]; markdownDescription: string }> } } };
	const compile = () => {
		const ajv = new Ajv({ strict: true });
		ajv.addKeyword('markdownDescription');
		return ajv.compile(schema);
	};

	it('is the one the rule registry gives (run npm run generate after changing a rule)', () => {
		assert.deepEqual(schema, buildConfigSchema());
		assert.equal(schema.$id, CONFIG_SCHEMA_ID);
	});

	it('lists every rule, each with the five severities and the registry\'s description', () => {
		const rules = schema.properties.rules.properties;
		assert.deepEqual(Object.keys(rules), RULE_CODES);
		for (const code of RULE_CODES) {
			assert.deepEqual(rules[code].enum, ['error', 'warning', 'information', 'hint', 'off'], code);
			assert.ok(rules[code].markdownDescription.startsWith(RULES[code].description), code);
		}
	});

	it('compiles in ajv strict mode, accepts the README\'s example and refuses an unknown rule or severity', () => {
		const validate = compile();
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const example = /## Project configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
		assert.ok(example, 'the README shows a rapolicy.json');
		assert.ok(validate(JSON.parse(example)), JSON.stringify(validate.errors));
		assert.equal(validate({ rules: { 'helper-fromat': 'off' } }), false);
		assert.equal(validate({ rules: { 'helper-format': 'warn' } }), false);
		assert.equal(validate({ estates: { kiosks: [] } }), false);
	});

	it('is what VS Code\'s JSON editor uses for both names of the file', () => {
		const manifest = readJson('package.json') as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
		assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: [...CONFIG_FILE_NAMES], url: './schemas/rapolicy-config.schema.json' }]);
	});
});

describe('the manifest in untrusted workspaces', () => {
	it('ignores a workspace\'s value of every setting that names files to read', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const settings = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
		// A setting that names files says so in its description: paths relative to the workspace folder.
		const namingFiles = Object.keys(settings).filter((key) => /\bpaths?\b/i.test(settings[key].markdownDescription ?? settings[key].description ?? ''));
		assert.deepEqual(namingFiles, ['rapolicy.admx.ingested']);
		assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
		assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, namingFiles);
	});
});
