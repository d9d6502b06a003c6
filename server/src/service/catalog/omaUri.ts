import { areaPrefix, policyNodeUri } from '../mdm/policyUri';
import { findPolicy } from './catalog';
import type { PolicyArea, PolicyDefinition } from './types';

const AREAS: readonly PolicyArea[] = ['RemoteAssistance', 'ADMX_RemoteAssistance'];

/** What a LocURI says about Remote Assistance, when it names one of the two areas. */
export interface RemoteAssistanceUri {
	/** `device` for ./Device/..., `default` for ./Vendor/... (device by default), `user` for ./User/... */
	readonly scope: 'device' | 'default' | 'user';
	readonly node: 'Config' | 'Result';
	readonly area: PolicyArea;
	/** The policy segment as written, and where it starts within the URI. */
	readonly policyName: string;
	readonly policyOffset: number;
	readonly policy: PolicyDefinition | undefined;
	/** The URI up to the policy segment with the letter case Windows expects. */
	readonly canonicalPrefix: string;
	/** Whether the part before the policy segment is written in that case. */
	readonly prefixCaseOk: boolean;
	/** Whether, of that part, only the `./Device` root is in another case. */
	readonly onlyRootCaseWrong: boolean;
}

/** `./Device`, the root segment Microsoft writes; 8 characters. */
export const DEVICE_ROOT = './Device';

const RA_URI = /^\.\/(?:(device|user)\/)?vendor\/msft\/policy\/(config|result)\/(remoteassistance|admx_remoteassistance)\/([^/]*)$/i;

/** Classifies a LocURI; undefined for URIs of any other CSP or area, which are left alone. */
export function parseRemoteAssistanceUri(uri: string): RemoteAssistanceUri | undefined {
	const match = RA_URI.exec(uri);
	if (!match) {
		return undefined;
	}
	const [, scopeText, nodeText, areaText, policyName] = match;
	const scope = scopeText === undefined ? 'default' : scopeText.toLowerCase() === 'user' ? 'user' : 'device';
	const node = nodeText.toLowerCase() === 'config' ? 'Config' : 'Result';
	const area = AREAS.find((a) => a.toLowerCase() === areaText.toLowerCase()) as PolicyArea;
	const canonicalPrefix = areaPrefix(scope === 'default' ? undefined : scope === 'user' ? 'User' : 'Device', node, area);
	const policyOffset = uri.length - policyName.length;
	const policy = findPolicy(policyName);
	return {
		scope,
		node,
		area,
		policyName,
		policyOffset,
		policy: policy && policy.area === area ? policy : undefined,
		canonicalPrefix,
		prefixCaseOk: uri.slice(0, policyOffset) === canonicalPrefix,
		onlyRootCaseWrong: scope === 'device' && !uri.startsWith(DEVICE_ROOT) && uri.slice(DEVICE_ROOT.length, policyOffset) === canonicalPrefix.slice(DEVICE_ROOT.length),
	};
}

/** Every LocURI a Remote Assistance policy can be addressed by, for completion. */
export function remoteAssistanceUris(policy: PolicyDefinition, node: 'Config' | 'Result'): string[] {
	return [policyNodeUri('Device', node, policy.area, policy.name), policyNodeUri(undefined, node, policy.area, policy.name)];
}
