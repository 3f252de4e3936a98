/**
 * SigV4 pre-signed URLs cannot live longer than 7 days. Kept apart from the presigner so that
 * reading the config does not load it (the ingest handler never signs a link).
 */
export const maxLinkSeconds = 7 * 24 * 60 * 60;
