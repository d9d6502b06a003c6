import { POLICIES } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement } from '../catalog/types';

export const SCHEMA_ID = 'urn:rapolicy:schema:profile:1';

/** Characters XML 1.0 can carry, without U+F000 (the payload's list separator). */
const XML_TEXT = '^[\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uEFFF\\uF001-\\uFFFD\\u{10000}-\\u{10FFFF}]*$';

type Schema = Record<string, unknown>;

function elementSchema(element: PolicyElement): Schema {
	const description = `${element.label} ${element.summary}`;
	switch (element.type) {
		case 'enum':
			return {
				description,
				enum: [...element.items.map((i) => i.alias), ...element.items.map((i) => i.value)],
				markdownEnumDescriptions: [...element.items, ...element.items].map((i) => `${i.label} (${i.value})`),
			};
		case 'decimal':
			return { description, type: 'integer', minimum: element.minValue, maximum: element.maxValue };
		case 'text':
			return { description, type: 'string', maxLength: element.maxLength, pattern: XML_TEXT };
		case 'list':
			return {
				description,
				type: 'array',
				minItems: 1,
				items: { type: 'string', minLength: 1, pattern: XML_TEXT, description: element.entryFormat },
			};
	}
}

function policySchema(policy: PolicyDefinition): Schema {
	const enabledOptions: Schema = {
		type: 'object',
		additionalProperties: false,
		required: policy.elements.map((e) => e.id),
		properties: Object.fromEntries(policy.elements.map((e) => [e.id, elementSchema(e)])),
	};
	return {
		title: policy.friendlyName,
		description: `${policy.summary} OMA-URI: ${policy.omaUri}`,
		type: 'object',
		additionalProperties: false,
		required: ['state'],
		properties: {
			state: { enum: [...POLICY_STATES] },
			// Options of a policy that is not enabled are ignored, so only their shape is checked.
			options: { type: ['object', 'null'] },
		},
		if: { properties: { state: { const: 'enabled' } }, required: ['state'] },
		then: policy.elements.length > 0
			? { required: ['options'], properties: { options: enabledOptions } }
			: { properties: { options: { type: ['object', 'null'], maxProperties: 0 } } },
	};
}

/** The JSON Schema of one profile document, derived from the catalog. */
export function buildProfileSchema(): Schema {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: SCHEMA_ID,
		title: 'Remote Assistance policy profile',
		description: 'One profile of Windows Remote Assistance policies, delivered to devices through the Policy CSP.',
		type: 'object',
		additionalProperties: false,
		required: ['profile', 'policies'],
		properties: {
			profile: { type: 'string', pattern: '\\S', description: 'Display name of the profile.' },
			description: { type: 'string', description: 'What the profile is for.' },
			scope: { enum: ['device', 'user'], description: 'Every Remote Assistance policy applies to the device; `user` places ingested policies whose class is Both.' },
			admx: {
				type: 'array',
				description: 'The third-party ADMX files this profile ingests.',
				items: {
					type: 'object',
					additionalProperties: false,
					required: ['app', 'file'],
					properties: {
						app: { type: 'string', description: 'The AppName the ADMX is ingested under.' },
						file: { type: 'string', description: 'The .admx file, relative to this profile.' },
					},
				},
			},
			policies: {
				type: 'object',
				minProperties: 1,
				additionalProperties: false,
				properties: Object.fromEntries(POLICIES.map((p) => [p.name, { $ref: `#/definitions/${p.name}` }])),
				// Policies of ingested ADMX files: their ADMX, read at run time, checks the rest.
				patternProperties: { '^[^/]+/[^/]+$': { $ref: '#/definitions/ingestedPolicy' } },
			},
		},
		// `user` places ingested policies only: a profile needs an ADMX entry or an ingested policy for it.
		if: { properties: { scope: { const: 'user' } }, required: ['scope'] },
		then: {
			anyOf: [
				{ required: ['admx'], properties: { admx: { type: 'array', minItems: 1 } } },
				{ properties: { policies: { type: 'object', not: { type: 'object', propertyNames: { not: { pattern: '/' } } } } } },
			],
		},
		definitions: {
			...Object.fromEntries(POLICIES.map((p) => [p.name, policySchema(p)])),
			ingestedPolicy: {
				description: 'A policy of an ingested ADMX, keyed AppName/PolicyName; options are keyed by element id.',
				type: 'object',
				additionalProperties: false,
				required: ['state'],
				properties: { state: { enum: [...POLICY_STATES] }, options: { type: ['object', 'null'] } },
			},
		},
	};
}
