/**
 * The names of files an estate reads: the forms' own endings, and `.xml`, `.json` and `.txt`,
 * whose content then decides. Group Policy text is told by content alone, so a README that quotes
 * a Set-GPRegistryValue call would pass for a script: only a file named as the form is read as it.
 */
const ENDINGS = ['.rapolicy.yaml', '.rapolicy.yml', '.syncml', '.xml', '.json', '.pol', '.txt', '.ps1', '.admx', '.adml'];

/** Whether a file of this name may hold a form the estate reads. */
export function isEstateFileName(name: string): boolean {
	const lower = name.toLowerCase();
	return ENDINGS.some((ending) => lower.endsWith(ending));
}
