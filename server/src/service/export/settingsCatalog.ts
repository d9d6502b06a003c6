import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import { DISABLED_OPTION, elementSettingId, ENABLED_OPTION, optionId, policySettingId } from '../intune/catalogIds';
import { policyKey, settablePolicies, type ResolvedBuiltIn, type ResolvedProfile } from './resolve';

/*
 * Names and shapes are those of real settings-catalog exports (domain-next B1.2, VERIFIED per
 * instance kind); a whole enabled Remote Assistance body was not found, so this body as a whole is
 * INFERRED. The ids come from the same scheme the reader uses (catalogIds), so export and import agree.
 */
const GRAPH = '#microsoft.graph.deviceManagementConfiguration';

type Instance = Record<string, unknown>;

function choice(settingDefinitionId: string, value: string, children: readonly Instance[]): Instance {
	return {
		'@odata.type': `${GRAPH}ChoiceSettingInstance`,
		settingDefinitionId,
		settingInstanceTemplateReference: null,
		choiceSettingValue: { '@odata.type': `${GRAPH}ChoiceSettingValue`, settingValueTemplateReference: null, value, children },
	};
}

function simple(settingDefinitionId: string, valueType: 'Integer' | 'String', value: number | string): Instance {
	return {
		'@odata.type': `${GRAPH}SimpleSettingInstance`,
		settingDefinitionId,
		settingInstanceTemplateReference: null,
		simpleSettingValue: { '@odata.type': `${GRAPH}${valueType}SettingValue`, settingValueTemplateReference: null, value },
	};
}

/** A child of an enabled policy, from the device-form value: an enum's ADMX number picks the option. */
function child(policy: PolicyDefinition, element: PolicyElement, value: string | readonly string[]): Instance {
	const id = elementSettingId(policy, element);
	switch (element.type) {
		case 'enum':
			return choice(id, optionId(id, Number(value)), []);
		case 'decimal':
			return simple(id, 'Integer', Number(value));
		case 'text':
			// The text children's value type is not in Microsoft's dump; String is INFERRED (B1.3).
			return simple(id, 'String', String(value));
		case 'list':
			// The catalog carries only the helpers; Intune writes the name/value pairs of the payload.
			return {
				'@odata.type': `${GRAPH}SimpleSettingCollectionInstance`,
				settingDefinitionId: id,
				settingInstanceTemplateReference: null,
				simpleSettingCollectionValue: (typeof value === 'string' ? [value] : value).map((helper) => ({ '@odata.type': `${GRAPH}StringSettingValue`, settingValueTemplateReference: null, value: helper })),
			};
	}
}

function policyInstance(resolved: ResolvedBuiltIn): Instance {
	const policy = resolved.policy;
	const id = policySettingId(policy);
	if (resolved.state === 'disabled') {
		return choice(id, optionId(id, DISABLED_OPTION), []);
	}
	const children = policy.elements.flatMap((element) => {
		const value = resolved.values.get(element.id);
		return value === undefined ? [] : [child(policy, element, value)];
	});
	return choice(id, optionId(id, ENABLED_OPTION), children);
}

/**
 * The body of `POST https://graph.microsoft.com/beta/deviceManagement/configurationPolicies` for a
 * profile: one choice setting per enabled or disabled policy. A settings-catalog policy has no way
 * to remove a setting, so not-configured policies are left out and listed in `omitted`.
 */
export function encodeSettingsCatalog(profile: ResolvedProfile): { policy: Record<string, unknown>; omitted: string[]; ingested: string[] } {
	const { settable: all, omitted } = settablePolicies(profile);
	const settable = all.filter((p): p is ResolvedBuiltIn => p.kind === 'builtin');
	const settings: Instance[] = settable.map((resolved) => ({ '@odata.type': `${GRAPH}Setting`, settingInstance: policyInstance(resolved) }));
	return {
		policy: {
			name: profile.name,
			description: profile.description ?? '',
			platforms: 'windows10',
			technologies: 'mdm',
			// "0" is the Default scope tag of every tenant (INFERRED from the exports in B1).
			roleScopeTagIds: ['0'],
			settings,
		},
		omitted,
		// The settings catalog holds Microsoft's own ADMX-backed settings, not ADMX files a profile ingests.
		ingested: all.filter((p) => p.kind === 'ingested').map(policyKey),
	};
}
