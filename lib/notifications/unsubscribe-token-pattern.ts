/** The shape of an unsubscribe token (lib/notifications/unsubscribe-token.ts): checked before any work. */
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{4,200}\.[A-Za-z0-9_-]{43}$/;
