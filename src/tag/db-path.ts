/** Where the audit log lives unless --db says otherwise (its own module: naming it does not load SQLite). */
export const DEFAULT_DB_PATH = '.rolecall/rolecall.db';
