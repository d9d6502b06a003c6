import { isRuleCode, RULE_SETTINGS, type RuleCode, type RuleSetting } from './rules';

/** What a user can configure under `rapolicy.*`, with the defaults below. */
export interface Settings {
	readonly validation: {
		/** Report problems at all (default true). */
		readonly enable: boolean;
		/** Per-rule severity or `off`; rules not named keep their default. */
		readonly rules: Readonly<Partial<Record<RuleCode, RuleSetting>>>;
	};
	readonly payload: {
		/** How a payload is written inside `<Data>`: XML-escaped (default) or in CDATA. */
		readonly encoding: 'escape' | 'cdata';
		/** Whether exported SyncML carries a SyncHdr (default false: SyncBody only, as in Microsoft's samples). */
		readonly fullMessage: boolean;
	};
	readonly admx: {
		/** ADMX files ingested by other profiles, by AppName: paths relative to the workspace folder. */
		readonly ingested: Readonly<Record<string, readonly string[]>>;
	};
}

export const DEFAULT_SETTINGS: Settings = { validation: { enable: true, rules: {} }, payload: { encoding: 'escape', fullMessage: false }, admx: { ingested: {} } };

/** Accepts whatever the client sent and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): Settings {
	const root = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
	const validation = typeof root.validation === 'object' && root.validation !== null ? (root.validation as Record<string, unknown>) : {};
	const rules: Partial<Record<RuleCode, RuleSetting>> = {};
	if (typeof validation.rules === 'object' && validation.rules !== null) {
		for (const [code, value] of Object.entries(validation.rules)) {
			if (isRuleCode(code) && typeof value === 'string' && RULE_SETTINGS.includes(value as RuleSetting)) {
				rules[code] = value as RuleSetting;
			}
		}
	}
	const payload = typeof root.payload === 'object' && root.payload !== null ? (root.payload as Record<string, unknown>) : {};
	const admx = typeof root.admx === 'object' && root.admx !== null ? (root.admx as Record<string, unknown>) : {};
	const ingested: Record<string, readonly string[]> = {};
	if (typeof admx.ingested === 'object' && admx.ingested !== null) {
		for (const [app, files] of Object.entries(admx.ingested)) {
			const list = Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f !== '') : typeof files === 'string' && files !== '' ? [files] : [];
			if (app !== '' && list.length > 0) {
				ingested[app] = list;
			}
		}
	}
	return {
		validation: { enable: validation.enable !== false, rules },
		payload: { encoding: payload.encoding === 'cdata' ? 'cdata' : 'escape', fullMessage: payload.fullMessage === true },
		admx: { ingested },
	};
}
