import type { Span } from '../text/span';
import { policyNodeUri } from './policyUri';

/**
 * ControlPolicyConflict/MDMWinsOverGP, the Policy CSP node that settles Group Policy against MDM
 * (VERIFIED, Microsoft's Policy CSP ControlPolicyConflict page): set to 1 by MDM, a Policy CSP
 * policy that MDM sets blocks the same policy's Group Policy value; 0, or no setting, leaves the
 * two to race. Device scope only, Format int.
 */
export const MDM_WINS_OVER_GP_URI = policyNodeUri('Device', 'Config', 'ControlPolicyConflict', 'MDMWinsOverGP');

/**
 * Its settings-catalog id; the option ids end in `_0` and `_1` (INFERRED: seen in public exports
 * of Intune policies, and built as every Policy CSP id of the catalog is, not in Microsoft's pages).
 */
export const MDM_WINS_OVER_GP_SETTING = 'device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp';

/** The node after its root, which may be `./Device/`, `./device/` or `./` (the device by default). */
const NODE = MDM_WINS_OVER_GP_URI.slice('./Device/'.length);

/** A write of MDMWinsOverGP in a document: where it names the node, and the value it writes. */
export interface MdmWinsOverGpWrite {
	readonly span: Span;
	/** The data as written; undefined for a Delete, which turns it off. */
	readonly value: string | undefined;
}

/** Whether a LocURI or OMA-URI is MDMWinsOverGP's. The rest of the URI is case sensitive, as OMA-URIs are. */
export function isMdmWinsOverGpUri(uri: string): boolean {
	const root = /^\.\/(?:device\/)?/i.exec(uri);
	return root !== null && uri.slice(root[0].length) === NODE;
}

/** Whether a write turns MDM winning on: the value 1. */
export function turnsOn(write: MdmWinsOverGpWrite): boolean {
	return write.value?.trim() === '1';
}
