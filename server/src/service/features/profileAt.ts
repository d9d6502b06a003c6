import type { ProfileIngestion } from '../ingestion/profileIngestion';
import type { ParsedYaml } from '../document/document';
import type { Profile } from '../model/policyModel';

export interface ProfileAt {
	readonly profile: Profile;
	/** Undefined until the ADMX files were read (`withIngestedAdmx`), or when the profile ingests nothing. */
	readonly ingestion: ProfileIngestion | undefined;
}

/**
 * The profile being edited at `offset`: of the offset's `---` document, the last profile that starts
 * before it. A half-typed profile ends before the blank line being typed on, so containment would miss it.
 */
export function profileAt(doc: ParsedYaml, offset: number): ProfileAt | undefined {
	const chunk = [...doc.chunks].reverse().find((c) => c.start <= offset);
	const from = chunk?.start ?? 0;
	const profiles = doc.profiles;
	for (let i = profiles.length - 1; i >= 0; i--) {
		const start = profiles[i].span.start;
		if (start >= from && start <= offset) {
			return { profile: profiles[i], ingestion: doc.ingestions?.[i] };
		}
	}
	return undefined;
}
