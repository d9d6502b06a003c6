import { RULE_CODES, RULE_SETTINGS, RULES } from '../problems/rules';

/**
 * The schema of a rule-severity object, one documented property per rule of the registry: the
 * `rapolicy.validation.rules` setting and the `rules` of rapolicy.json share it, so neither can
 * name a rule that does not exist or miss one that does.
 */
export function buildRulesSchema(): Record<string, unknown> {
	return {
		type: 'object',
		additionalProperties: false,
		properties: Object.fromEntries(RULE_CODES.map((code) => [code, {
			type: 'string',
			enum: [...RULE_SETTINGS],
			markdownDescription: `${RULES[code].description} Default: \`${RULES[code].severity}\`.`,
		}])),
	};
}
