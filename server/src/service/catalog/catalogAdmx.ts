import type { AdmxElement, AdmxPolicy } from '../admx/admxModel';
import type { PolicyDefinition, PolicyElement } from './types';

/** The catalog holds no source text, so every span of its ADMX view is empty. */
const NOWHERE = { start: 0, end: 0 };

function admxElement(element: PolicyElement): AdmxElement {
	const base = { id: element.id, key: element.registryKey, keySpan: NOWHERE, soft: false, ...NOWHERE };
	switch (element.type) {
		case 'enum':
			return {
				...base,
				type: 'enum',
				valueName: element.valueName,
				required: true,
				items: element.items.map((item) => ({ displayName: `$(string.${item.stringId})`, value: { kind: 'decimal', value: item.value }, valueList: [], alias: item.alias, label: item.label, scale: item.scale, ...NOWHERE })),
			};
		case 'decimal':
			return { ...base, type: 'decimal', valueName: element.valueName, required: true, minValue: element.minValue, maxValue: element.maxValue, storeAsText: false, rangeHint: element.rangeHint, unitElement: element.unitElement };
		// An empty message is allowed: the ADMX does not mark the text required.
		case 'text':
			return { ...base, type: 'text', valueName: element.valueName, required: false, maxLength: element.maxLength, expandable: false, multiLine: true };
		case 'list':
			return { ...base, type: 'list', valuePrefix: undefined, explicitValue: false, additive: false, expandable: false, accounts: { format: element.entryFormat, example: element.entryExample } };
	}
}

const views = new WeakMap<PolicyDefinition, AdmxPolicy>();

/**
 * A catalog policy as the ADMX model reads it from `RemoteAssistance.admx`: one model of what a
 * policy writes, so Remote Assistance and ingested policies share the registry derivation.
 */
export function catalogAsAdmx(policy: PolicyDefinition): AdmxPolicy {
	let view = views.get(policy);
	if (!view) {
		view = {
			name: policy.admxName,
			nameSpan: NOWHERE,
			class: 'Machine',
			displayName: policy.friendlyName,
			explainText: undefined,
			presentation: undefined,
			key: policy.registryKey,
			keySpan: NOWHERE,
			valueName: policy.registryValueName,
			enabledValue: { kind: 'decimal', value: policy.enabledValue },
			disabledValue: { kind: 'decimal', value: policy.disabledValue },
			enabledList: [],
			disabledList: [],
			parentCategory: undefined,
			supportedOn: undefined,
			elements: policy.elements.map(admxElement),
			...NOWHERE,
		};
		views.set(policy, view);
	}
	return view;
}
