// Writes the files derived from the catalog, the rule registry and the templates: the JSON Schemas of profiles and
// of rapolicy.json, the TextMate
// grammars, the templates the server offers as snippets, and in package.json the rule settings and the menus of
// Convert to Policy YAML, which the channels decide. Run after `tsc` (npm run generate); a test fails when they drift.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { buildProfileSchema } = require('../out/server/src/service/schema/buildSchema.js');
const { buildConfigSchema } = require('../out/server/src/service/schema/configSchema.js');
const { buildPolicyGrammar, buildSyncmlGrammar } = require('../out/server/src/generate/grammar.js');
const { buildConvertWhen, buildRulesSetting } = require('../out/server/src/generate/manifest.js');
const { buildTemplatesModule } = require('../out/server/src/generate/templates.js');

const json = (value) => `${JSON.stringify(value, null, '\t')}\n`;
writeFileSync('schemas/rapolicy.schema.json', json(buildProfileSchema()));
writeFileSync('schemas/rapolicy-config.schema.json', json(buildConfigSchema()));
writeFileSync('syntaxes/rapolicy.tmLanguage.json', json(buildPolicyGrammar()));
writeFileSync('syntaxes/syncml.tmLanguage.json', json(buildSyncmlGrammar()));
const templates = readdirSync('templates').filter((f) => f.endsWith('.rapolicy.yaml')).sort().map((file) => ({ file, text: readFileSync(`templates/${file}`, 'utf8') }));
writeFileSync('server/src/service/profile/profileTemplates.ts', buildTemplatesModule(templates));
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const properties = manifest.contributes.configuration.properties;
properties['rapolicy.validation.rules'] = buildRulesSetting();
const convert = buildConvertWhen();
for (const [menu, when] of Object.entries(convert.menus)) {
	manifest.contributes.menus[menu].find((item) => item.command === convert.command).when = when;
}
writeFileSync('package.json', json(manifest));
console.log('wrote schemas/rapolicy.schema.json, schemas/rapolicy-config.schema.json, syntaxes/*.tmLanguage.json, server/src/service/profile/profileTemplates.ts, package.json rule settings and menus');
