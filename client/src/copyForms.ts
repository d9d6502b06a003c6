import type { PayloadEncoding, PolicyPreview } from '../../server/src/common/protocol';

/** What a copy command puts on the clipboard. */
export type CopyForm = 'omaUri' | 'raw' | 'syncmlData' | 'intuneRow';

export interface Copied {
	readonly text: string;
	/** Names the policy and the form, for the confirmation. */
	readonly confirmation: string;
}

/**
 * The text of one form of a policy, or why there is none: a Delete has an OMA-URI but no value.
 * The Intune row lists the fields of the portal's "Add Row" form in its order, one per line.
 */
export function copyText(policy: PolicyPreview, form: CopyForm, encoding: PayloadEncoding): Copied | { readonly refusal: string } {
	if (form === 'omaUri') {
		return { text: policy.omaUri, confirmation: `Copied the OMA-URI of ${policy.policy}.` };
	}
	if (policy.payload === null) {
		return { refusal: `${policy.policy} is not configured, so it has no value to copy: the device receives a Delete for its OMA-URI. An Intune custom profile cannot send one; remove the row to stop managing the policy.` };
	}
	switch (form) {
		case 'raw':
			return { text: policy.payload, confirmation: `Copied the raw value of ${policy.policy}, for the Value field of an Intune row.` };
		case 'syncmlData': {
			const cdata = encoding === 'cdata';
			return { text: (cdata ? policy.cdata : policy.escaped) ?? '', confirmation: `Copied the value of ${policy.policy} ${cdata ? 'in CDATA' : 'escaped'}, for the <Data> of a SyncML command.` };
		}
		case 'intuneRow':
			return {
				text: [`Name: ${policy.friendlyName}`, `Description: ${policy.policy}: ${policy.state}`, `OMA-URI: ${policy.omaUri}`, `Data type: ${policy.dataType}`, `Value: ${policy.payload}`].join('\n'),
				confirmation: `Copied the Intune row of ${policy.policy}: name, description, OMA-URI, data type and value.`,
			};
	}
}

/** The policy that holds a line, or none when the line is outside every policy. */
export function policyAtLine<P extends Pick<PolicyPreview, 'line' | 'endLine'>>(policies: readonly P[], line: number): P | undefined {
	return policies.find((p) => p.line <= line && line <= p.endLine);
}
