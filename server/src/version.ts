export const SERVER_NAME = 'rapolicy-language-server';
export const VERSION = '0.1.0';
