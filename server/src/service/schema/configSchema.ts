import { buildRulesSchema } from './ruleSchema';

export const CONFIG_SCHEMA_ID = 'urn:rapolicy:schema:config:1';

const GLOBS = 'Globs relative to this file\'s folder, with `/` between folders: `*` and `?` within a name, `**` for any number of folders, `{a,b}` for either. A glob naming a folder covers every file in it.';

/**
 * The JSON Schema of rapolicy.json, which VS Code's JSON editor completes and checks. Its rules
 * come from the rule registry; what the schema cannot say (a glob that leaves the folder, a rule
 * code misspelt) the reader reports with a suggestion.
 */
export function buildConfigSchema(): Record<string, unknown> {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: CONFIG_SCHEMA_ID,
		title: 'rapolicy project configuration',
		description: 'What rapolicy applies to the policy files of this folder and the folders under it, in the editor and on the command line. VS Code settings and command-line flags override it.',
		type: 'object',
		additionalProperties: false,
		properties: {
			$schema: { type: 'string', description: 'The address of this schema.' },
			rules: {
				...buildRulesSchema(),
				markdownDescription: 'Severity per rule: `error`, `warning`, `information`, `hint`, or `off` to hide it. Rules not named keep their default. `rapolicy.validation.rules` in VS Code and `--rule` on the command line override a rule named here.',
			},
			admx: {
				type: 'object',
				additionalProperties: false,
				properties: {
					ingested: {
						type: 'object',
						markdownDescription: 'ADMX files that other profiles ingest, by the AppName they are ingested under, as paths relative to this file, for example `{ "Firefox": ["admx/firefox.admx"] }`. SyncML files and Intune exports that set policies of these AppNames without ingesting the ADMX themselves are checked against them. Not read in a workspace VS Code does not trust.',
						propertyNames: { minLength: 1 },
						additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
					},
				},
			},
			estates: {
				type: 'object',
				markdownDescription: `Named groups of files whose policies apply together, such as one per device group: \`{ "kiosks": ["kiosks/**"], "office": ["office/**", "shared/**"] }\`. Without estates, the files of the folder form one. ${GLOBS}`,
				propertyNames: { minLength: 1 },
				additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
			},
			ignore: {
				type: 'array',
				markdownDescription: `Files not checked, such as \`["drafts/**"]\`. ${GLOBS}`,
				items: { type: 'string', minLength: 1 },
			},
		},
	};
}
