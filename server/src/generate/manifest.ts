import { RULES, RULE_CODES } from '../service/problems/rules';

/** The `rapolicy.validation.rules` setting, one documented property per rule. */
export function buildRulesSetting(): Record<string, unknown> {
	return {
		type: 'object',
		default: {},
		markdownDescription: 'Severity per rule: `error`, `warning`, `information`, `hint`, or `off` to hide it. Rules not named keep their default. A line can also be silenced with `# rapolicy-disable-next-line <rule>`.',
		additionalProperties: false,
		properties: Object.fromEntries(RULE_CODES.map((code) => [code, {
			type: 'string',
			enum: ['error', 'warning', 'information', 'hint', 'off'],
			markdownDescription: `${RULES[code].description} Default: \`${RULES[code].severity}\`.`,
		}])),
	};
}
