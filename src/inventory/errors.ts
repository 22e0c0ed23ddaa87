/**
 * Errors about the inventory file itself, kept free of any SQLite import so the CLI's error handler
 * can name them without loading a database module.
 */

/** The file cannot be used as an inventory (missing back end, empty, damaged, newer schema): exit 2. */
export class InventoryError extends Error {}

/** Another process kept the inventory locked longer than sprawlguard waits: the run could not finish (exit 3). */
export class InventoryBusyError extends InventoryError {}
