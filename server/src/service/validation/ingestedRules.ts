import type { AdmlFile, AdmxElement } from '../admx/admxModel';
import { elementWithId } from '../admx/elementIndex';
import { controlFor } from '../admx/readAdml';
import { ingestedApp, lookupPolicy, type IngestedPolicy } from '../ingestion/ingestionIndex';
import type { ProfileIngestion } from '../ingestion/profileIngestion';
import { isIngestedKey, splitIngestedKey } from '../model/ingestedKey';
import type { PolicySetting, Profile } from '../model/policyModel';
import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import type { YamlEditWriter } from '../profile/yamlEdits';
import { checkValue, itemValueText } from '../policy/checkValue';
import { elementCaseMessage, nameVerdict, policyCaseMessage } from '../policy/names';
import { checkState, policyPart } from '../policy/policyRules';
import type { Problem } from '../problems/problem';
import { guarded } from '../problems/guard';

/** The YAML an element starts with when a fix adds it: the ADML's default where it gives one. */
export function defaultOptionText(element: AdmxElement, adml: AdmlFile | undefined, presentation: string | undefined): string {
	const control = controlFor(adml, presentation, element.id);
	switch (element.type) {
		case 'decimal':
		case 'longDecimal':
			return String(control?.defaultValue !== undefined && /^\d+$/.test(control.defaultValue) ? control.defaultValue : element.minValue);
		case 'boolean':
			return String(control?.defaultChecked ?? false);
		case 'enum': {
			const item = element.items[control?.defaultItem ?? 0] ?? element.items[0];
			const value = item && itemValueText(item.value);
			return value === undefined ? '""' : item.value.kind === 'string' ? JSON.stringify(value) : value;
		}
		case 'text':
			return JSON.stringify(control?.defaultValue ?? '');
		case 'multiText':
			return '[]';
		case 'list':
			return element.explicitValue ? '{}' : '[]';
	}
}

/** The part of the key that names the policy, for problems about it alone. */
function policySpan(setting: PolicySetting, app: string): Span {
	const name = setting.name;
	return name.end - name.start === name.value.length ? { start: name.start + app.length + 1, end: name.end } : name;
}

function appSpan(setting: PolicySetting, app: string): Span {
	const name = setting.name;
	return name.end - name.start === name.value.length ? { start: name.start, end: name.start + app.length } : name;
}

/**
 * The policies a profile keys `App/PolicyName`, against the ADMX files it ingests (and those
 * ingested elsewhere): the AppName ingested, the policy in that ADMX, its state, and each option
 * against its element, with the required ones present when enabled.
 */
export function checkIngestedPolicies(profile: Profile, ingestion: ProfileIngestion, writer: YamlEditWriter, problems: Problem[]): void {
	for (const setting of profile.policies) {
		if (isIngestedKey(setting.name.value)) {
			guarded('ingested policy', policyPart(setting), problems, () => checkIngestedPolicy(setting, ingestion, writer, problems), undefined);
		}
	}
}

function checkIngestedPolicy(setting: PolicySetting, ingestion: ProfileIngestion, writer: YamlEditWriter, problems: Problem[]): void {
	const key = splitIngestedKey(setting.name.value);
	if (!key) {
		problems.push({ code: 'unknown-policy', span: setting.name, message: `A policy of an ingested ADMX is keyed AppName/PolicyName, with one / between two names; ${setting.name.value} is not.` });
		return;
	}
	const installed = ingestedApp(ingestion.index, key.app);
	if (!installed) {
		const apps = [...ingestion.index.values()].map((a) => a.app);
		const suggestion = closest(key.app, apps);
		problems.push({
			code: 'ingested-app',
			span: appSpan(setting, key.app),
			message: `Nothing ingests an ADMX as ${key.app}, so this policy cannot be checked or exported.${suggestion ? ` Did you mean ${suggestion}?` : ''} Add an \`admx\` entry (\`- app: ${key.app}\` with its \`file\`), or name the ADMX under admx.ingested in rapolicy.json or the rapolicy.admx.ingested setting (rapolicy validate --admx ${key.app}=FILE).`,
			fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: appSpan(setting, key.app), newText: suggestion }], preferred: true }] : undefined,
		});
		checkState(setting, writer, problems);
		return;
	}
	if (installed.app !== key.app) {
		problems.push({
			code: 'ingested-app',
			span: appSpan(setting, key.app),
			message: `The ADMX is ingested as ${installed.app}; write that spelling, since the AppName starts every URI of its policies.`,
			fixes: [{ title: `Change to ${installed.app}`, edits: [{ span: appSpan(setting, key.app), newText: installed.app }], preferred: true }],
		});
	}
	const lookup = lookupPolicy(installed, key.policy);
	if (lookup.kind !== 'exact') {
		const span = policySpan(setting, key.app);
		const suggestion = lookup.kind === 'case' ? lookup.found.policy.name : lookup.suggestion?.policy.name;
		problems.push({
			code: 'unknown-policy',
			span,
			message: lookup.kind === 'case'
				? policyCaseMessage(key.policy, lookup.found.policy.name)
				: `The ADMX ingested as ${key.app} has no policy ${key.policy}.${suggestion ? ` Did you mean ${suggestion}?` : ''} A policy renamed or moved between ADMX revisions is named differently: check the revision this profile ingests.`,
			fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span, newText: suggestion }], preferred: true }] : undefined,
		});
		checkState(setting, writer, problems);
		return;
	}
	if (checkState(setting, writer, problems) === 'enabled') {
		checkIngestedOptions(setting, lookup.found, writer, problems);
	}
}

function checkIngestedOptions(setting: PolicySetting, found: IngestedPolicy, writer: YamlEditWriter, problems: Problem[]): void {
	const { policy, adml } = found;
	const ids = policy.elements.map((e) => e.id);
	const given = [...setting.options, ...(setting.misplacedOptions ?? [])];
	const meant = new Set<string>();
	const siblings = { element: (id: string) => elementWithId(policy.elements, id), value: (id: string) => given.find((o) => o.id.value === id)?.value };
	for (const option of given) {
		const element = siblings.element(option.id.value);
		if (element) {
			checkValue(element, option.value, { writer, adml, siblings }, problems);
			continue;
		}
		const verdict = nameVerdict(option.id.value, policy.elements, (e) => e.id);
		const caseOnly = verdict.kind === 'case' ? verdict.found : undefined;
		const named = option.id.value === policy.name || (policy.valueName !== '' && option.id.value === policy.valueName);
		const suggestion = caseOnly?.id ?? (ids.length === 1 && named ? ids[0] : closest(option.id.value, ids));
		if (suggestion) {
			meant.add(suggestion);
		}
		problems.push({
			code: 'unknown-option',
			span: option.id,
			message: ids.length === 0
				? `${policy.name} has no elements, so it takes no options; remove this entry.`
				: caseOnly
					? elementCaseMessage(option.id.value, caseOnly.id)
					: `${option.id.value} is not an element of ${policy.name}.${named ? ' Options are keyed by element id, not by the policy\'s name.' : ''}${suggestion ? ` Did you mean ${suggestion}?` : ''} Its elements are ${ids.join(', ')}.`,
			fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: option.id, newText: suggestion }], preferred: true }] : undefined,
		});
	}
	const present = new Set(given.map((o) => o.id.value));
	const missing = policy.elements.filter((e) => 'required' in e && e.required && !present.has(e.id) && !meant.has(e.id));
	if (missing.length > 0) {
		const list = missing.map((e) => e.id).join(', ');
		problems.push({
			code: 'missing-option',
			span: setting.optionsKey ?? setting.name,
			message: `${policy.name} is enabled but leaves out ${list}, which the ADMX marks required; a device refuses the policy without ${missing.length === 1 ? 'it' : 'them'}.`,
			fixes: [{ title: missing.length === 1 ? `Add ${list}` : 'Add the required options', edits: writer.addOptionEntries(setting, missing.map((e) => ({ id: e.id, value: defaultOptionText(e, adml, policy.presentation) }))), preferred: true }],
		});
	}
}
