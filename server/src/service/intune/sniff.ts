/*
 * Deciding whether a JSON file is an Intune export must cost next to nothing, since the editor asks
 * for every JSON file it opens: the shape is read from the first few KB only, and the whole text is
 * searched once, for the two area names, only when the shape matched.
 */

import { textStart, type TextStart } from '../text/textStart';

export type IntuneKind = 'custom' | 'catalog';

const HEAD = 4096;
const CUSTOM = /windows10CustomConfiguration|"omaSettings"/;
const CATALOG = /deviceManagementConfigurationPolicy|"settingInstance"|configurationPolicies/;
/** Both areas' names contain the first, in OMA-URIs and in settings-catalog ids alike; an ADMX ingestion, the second. */
const REMOTE_ASSISTANCE = /remoteassistance|admxinstall/i;

/** Which kind of Intune export the text looks like, from its first few KB. */
export function intuneShape(text: string): IntuneKind | undefined {
	const head = text.slice(0, HEAD);
	return CUSTOM.test(head) ? 'custom' : CATALOG.test(head) ? 'catalog' : undefined;
}

/**
 * Whether the text looks like an Intune export and mentions Remote Assistance or an ADMX ingestion anywhere; the whole
 * text is read only when its start has the shape, and then only up to `maxLength`.
 */
export function isRemoteAssistanceExport(text: string | TextStart, maxLength = Infinity): boolean {
	const read = textStart(text);
	if (intuneShape(read(HEAD)) === undefined) {
		return false;
	}
	const whole = read();
	return whole.length <= maxLength && REMOTE_ASSISTANCE.test(whole);
}
