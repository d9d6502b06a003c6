import { payloadDefault } from '../catalog/catalog';
import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import { property, propertyEntry, type JsonArray, type JsonString, type JsonValue } from '../json/jsonParser';
import type { OptionSetting, OptionValue, PolicySetting } from '../model/policyModel';
import { closest } from '../text/suggest';
import type { PolicyEditWriter } from '../policy/policyRules';
import type { Problem, TextEdit } from '../problems/problem';
import { guarded } from '../problems/guard';
import { sourceSpan } from '../xml/entities';
import { DISABLED_OPTION, elementSettingId, ENABLED_OPTION, isRemoteAssistanceSettingId, optionId, POLICY_SETTING_IDS, policyBySettingId } from './catalogIds';
import { jsonEscape, type IntuneLowering } from './intuneModel';
import { MDM_WINS_OVER_GP_SETTING } from '../mdm/mdmWinsOverGp';

/** Intune takes at most this many helpers in the settings catalog (its definition says 1 to 1000). */
export const MAX_CATALOG_HELPERS = 1000;

const GRAPH = '#microsoft.graph.deviceManagementConfiguration';

/** Writes fixes into a settings-catalog policy: missing children are added to `children`. */
export class CatalogEditWriter implements PolicyEditWriter {
	readonly aliases = false;
	readonly children = new Map<PolicySetting, { readonly policy: PolicyDefinition; readonly array: JsonArray }>();

	constructor(readonly source: string) {}

	text(value: string): string {
		return jsonEscape(value);
	}

	singleEntryList(value: string): string {
		return JSON.stringify([value]);
	}

	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[] {
		const place = this.children.get(setting);
		if (!place) {
			return [];
		}
		const at = place.array.end - 1;
		const added = elements.map((e) => JSON.stringify(childInstance(place.policy, e))).join(', ');
		return [{ span: { start: at, end: at }, newText: place.array.items.length > 0 ? `, ${added}` : added }];
	}

	// A catalog policy's state is its option id, and disabled children are reported without a fix.
	removeOptions(): TextEdit[] {
		return [];
	}

	addState(): TextEdit[] {
		return [];
	}
}

/** A child instance with the value the Group Policy editor starts from. */
function childInstance(policy: PolicyDefinition, element: PolicyElement): object {
	const id = elementSettingId(policy, element);
	switch (element.type) {
		case 'enum':
			return { '@odata.type': `${GRAPH}ChoiceSettingInstance`, settingDefinitionId: id, choiceSettingValue: { value: optionId(id, Number(payloadDefault(element))), children: [] } };
		case 'decimal':
			return { '@odata.type': `${GRAPH}SimpleSettingInstance`, settingDefinitionId: id, simpleSettingValue: { '@odata.type': `${GRAPH}IntegerSettingValue`, value: element.gpeditDefault } };
		case 'text':
			return { '@odata.type': `${GRAPH}SimpleSettingInstance`, settingDefinitionId: id, simpleSettingValue: { '@odata.type': `${GRAPH}StringSettingValue`, value: '' } };
		case 'list':
			return { '@odata.type': `${GRAPH}SimpleSettingCollectionInstance`, settingDefinitionId: id, simpleSettingCollectionValue: [] };
	}
}

/**
 * The Remote Assistance instances of a settings-catalog policy: ids and option ids against the
 * catalog, then lowered to the model, where the policy rules check values, ranges and missing
 * children. Settings of other areas are left alone.
 */
export function lowerSettingsCatalog(root: JsonValue, writer: CatalogEditWriter, out: IntuneLowering): void {
	const settings = property(root, 'settings');
	if (settings?.kind !== 'array') {
		return;
	}
	settings.items.forEach((entry, index) => {
		// Graph and Intune wrap each instance in a setting; an instance on its own is read as well.
		const instance = property(entry, 'settingInstance') ?? entry;
		const id = property(instance, 'settingDefinitionId');
		if (id?.kind !== 'string') {
			out.skipped.push(`settings[${index}]: no settingDefinitionId`);
			return;
		}
		if (!isRemoteAssistanceSettingId(id.value)) {
			if (id.value === MDM_WINS_OVER_GP_SETTING) {
				const option = property(property(instance, 'choiceSettingValue'), 'value');
				const prefix = `${MDM_WINS_OVER_GP_SETTING}_`;
				out.mdmWinsOverGp.push({ span: id.content, value: option?.kind === 'string' && option.value.startsWith(prefix) ? option.value.slice(prefix.length) : '' });
			}
			out.skipped.push(`settings[${index}] ${id.value}: not a Remote Assistance setting`);
			return;
		}
		guarded('settings catalog setting', { span: { start: entry.start, end: entry.end }, name: `settings[${index}]` }, out.problems, () => lowerPolicy(instance, id, writer, out), undefined);
	});
}

function lowerPolicy(instance: JsonValue, id: JsonString, writer: CatalogEditWriter, out: IntuneLowering): void {
	const policy = policyBySettingId(id.value);
	if (!policy) {
		out.problems.push(unknownId(id, POLICY_SETTING_IDS, 'a Remote Assistance policy in the settings catalog'));
		return;
	}
	out.anchors.push({ ...id.content, policy });
	const choice = property(instance, 'choiceSettingValue');
	const value = property(choice, 'value');
	const enabled = optionId(id.value, ENABLED_OPTION);
	const disabled = optionId(id.value, DISABLED_OPTION);
	if (value?.kind !== 'string') {
		out.problems.push({ code: 'value-type', span: id.content, message: `${policy.name} is a choice setting: give it choiceSettingValue with value ${enabled} (Enabled) or ${disabled} (Disabled).` });
		return;
	}
	if (value.value !== enabled && value.value !== disabled) {
		out.problems.push({
			code: 'unknown-setting-id',
			span: value.content,
			message: `${value.value || 'An empty id'} is not an option of ${policy.name}: write ${enabled} (Enabled) or ${disabled} (Disabled).`,
			fixes: [enabled, disabled].map((option) => ({ title: `Change to ${option}`, edits: [{ span: value.content, newText: option }] })),
		});
		return;
	}
	const childrenEntry = propertyEntry(choice, 'children');
	const children = childrenEntry?.value?.kind === 'array' ? childrenEntry.value : undefined;
	const options = children ? lowerChildren(policy, children, out) : [];
	const isEnabled = value.value === enabled;
	const setting: PolicySetting = {
		name: { ...id.content, value: policy.name },
		definition: policy,
		state: { kind: 'scalar', value: isEnabled ? 'enabled' : 'disabled', quoted: false, ...value.content },
		options,
		// Disabled children are pointed at through their key; an enabled policy's missing ones at its option id.
		optionsKey: isEnabled ? value.content : children && children.items.length > 0 ? childrenEntry?.key : undefined,
		span: { start: instance.start, end: instance.end },
	};
	if (children) {
		writer.children.set(setting, { policy, array: children });
	}
	out.settings.push(setting);
}

function lowerChildren(policy: PolicyDefinition, children: JsonArray, out: IntuneLowering): OptionSetting[] {
	const options: OptionSetting[] = [];
	const ids = policy.elements.map((e) => elementSettingId(policy, e));
	for (const child of children.items) {
		const id = property(child, 'settingDefinitionId');
		if (id?.kind !== 'string') {
			continue;
		}
		const element = policy.elements.find((e) => elementSettingId(policy, e) === id.value);
		if (!element) {
			out.problems.push(unknownId(id, ids, `a child of ${policy.name}`));
			continue;
		}
		if (options.some((o) => o.id.value === element.id)) {
			out.problems.push({ code: 'duplicate-key', span: id.content, message: `${id.value} appears twice among the children of ${policy.name}; keep one.` });
			continue;
		}
		out.anchors.push({ ...id.content, policy, element });
		const value = childValue(element, id, child, out.problems);
		if (value) {
			options.push({ id: { ...id.content, value: element.id }, value, span: { start: child.start, end: child.end } });
		}
	}
	return options;
}

/**
 * A child's value in the model's terms, for the element rules to judge. A value in the wrong
 * container still counts as given, so it is reported as the wrong type, not as missing.
 */
function childValue(element: PolicyElement, id: JsonString, child: JsonValue, problems: Problem[]): OptionValue | undefined {
	const missing = (container: string): OptionValue => ({ kind: 'other', description: `no ${container}`, ...id.content });
	if (element.type === 'enum') {
		const value = property(property(child, 'choiceSettingValue'), 'value');
		if (value?.kind !== 'string') {
			return value ? modelValue(value) : missing('choiceSettingValue with an option id');
		}
		const prefix = `${id.value}_`;
		if (!value.value.startsWith(prefix)) {
			problems.push({
				code: 'unknown-setting-id',
				span: value.content,
				message: `${value.value || 'An empty id'} is not an option of ${element.id}: write one of ${element.items.map((i) => `${optionId(id.value, i.value)} (${i.label})`).join(', ')}.`,
			});
			return undefined;
		}
		// The ADMX value after the prefix is what the enum rule judges, on its own characters.
		return scalarIn(value, prefix.length);
	}
	if (element.type === 'list') {
		const list = property(child, 'simpleSettingCollectionValue');
		if (list?.kind !== 'array') {
			return list ? modelValue(list) : missing('simpleSettingCollectionValue with the helpers');
		}
		if (list.items.length > MAX_CATALOG_HELPERS) {
			problems.push({ code: 'too-many-helpers', span: id.content, message: `${element.id} lists ${list.items.length} helpers; Intune takes at most ${MAX_CATALOG_HELPERS}. Use a group for the rest.` });
		}
		const items = list.items.map((entry) => {
			const value = property(entry, 'value');
			return value ? modelValue(value) : { kind: 'other' as const, description: 'an entry without a value', start: entry.start, end: entry.end };
		});
		return { kind: 'list', items, start: list.start, end: list.end };
	}
	const value = property(property(child, 'simpleSettingValue'), 'value');
	if (!value) {
		return missing('simpleSettingValue');
	}
	// A number written in quotes is reported with the quotes, which the fix removes.
	return element.type === 'decimal' && value.kind === 'string' ? { kind: 'scalar', value: value.value, quoted: true, start: value.start, end: value.end } : modelValue(value);
}

/** A JSON value as the model sees it. */
function modelValue(value: JsonValue): OptionValue {
	switch (value.kind) {
		case 'string':
			return scalarIn(value, 0);
		case 'number':
		case 'literal':
			return { kind: 'scalar', value: value.value, quoted: false, start: value.start, end: value.end };
		case 'object':
			return { kind: 'other', description: 'an object', start: value.start, end: value.end };
		case 'array':
			return { kind: 'other', description: 'an array', start: value.start, end: value.end };
	}
}

/** The characters of a JSON string from `from` on, as a model value that points through its escapes. */
function scalarIn(value: JsonString, from: number): OptionValue {
	const decoded = value.decoded();
	const span = sourceSpan(decoded, from, decoded.value.length);
	return { kind: 'scalar', value: decoded.value.slice(from), quoted: false, ...span, locate: (start, end) => sourceSpan(decoded, from + start, from + end) };
}

function unknownId(id: JsonString, known: readonly string[], what: string): Problem {
	const suggestion = closest(id.value.toLowerCase(), known);
	return {
		code: 'unknown-setting-id',
		span: id.content,
		message: `${id.value} is not ${what}.${suggestion ? ` Did you mean ${suggestion}?` : ` Use one of ${known.join(', ')}.`}`,
		fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: id.content, newText: suggestion }], preferred: true }] : undefined,
	};
}
