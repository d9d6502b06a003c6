/**
 * The names a configuration file may have, the first found in a folder being the one read. A
 * module of its own, so the server can watch for them without loading the service.
 */
export const CONFIG_FILE_NAMES = ['rapolicy.json', '.rapolicy.json'] as const;
