/**
 * The shapes of the Policy CSP's OMA-URIs, spelled here once: where a policy is configured or
 * reported, and where an ADMX file is ingested. Parsers of written URIs read the same shapes.
 */

/** `./Device/…` or `./User/…`; undefined for the unscoped `./Vendor/…` form, which means the device. */
export type UriScope = 'Device' | 'User' | undefined;

/** The root of the Policy CSP after the scope. */
export const POLICY_CSP = 'Vendor/MSFT/Policy';

const root = (scope: UriScope) => (scope === undefined ? './' : `./${scope}/`);

/** Where a policy is set (`Config`) or its applied value is read (`Result`). */
export function policyNodeUri(scope: UriScope, node: 'Config' | 'Result', area: string, policy: string): string {
	return `${root(scope)}${POLICY_CSP}/${node}/${area}/${policy}`;
}

/** The URI up to a policy's name: what the policy segment follows. */
export function areaPrefix(scope: UriScope, node: 'Config' | 'Result', area: string): string {
	return `${root(scope)}${POLICY_CSP}/${node}/${area}/`;
}

/** Where an ADMX file is ingested under an AppName. Intune's guides write the ./Device form, which devices take. */
export function ingestionNodeUri(app: string, fileUid: string, settingType = 'Policy'): string {
	return `./Device/${POLICY_CSP}/ConfigOperations/ADMXInstall/${app}/${settingType}/${fileUid}`;
}
