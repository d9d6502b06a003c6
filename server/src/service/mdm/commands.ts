/**
 * What an OMA DM command does to a policy node, in one place: Add and Replace write the payload's
 * state, Delete removes the policy (not configured), Get reads it, and a device's Results report
 * what it has. Anything else (Exec, Alert, Status) sets nothing.
 */
export type CommandMeaning = 'write' | 'remove' | 'read' | 'report' | 'other';

const MEANINGS: Readonly<Record<string, CommandMeaning>> = { Add: 'write', Replace: 'write', Delete: 'remove', Get: 'read', Results: 'report' };

export function commandMeaning(name: string): CommandMeaning {
	return Object.prototype.hasOwnProperty.call(MEANINGS, name) ? MEANINGS[name] : 'other';
}

/** Add or Replace: the command carries a payload that sets the policy. */
export function isWrite(name: string): boolean {
	return commandMeaning(name) === 'write';
}
