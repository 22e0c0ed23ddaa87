/**
 * The inventory as a command opens it: where it is (`--db`, else SPRAWLGUARD_DB, else
 * `.sprawlguard/inventory.db`), a note about earlier runs whose process ended, and a run that ends
 * in an error recorded as failed.
 */
import { DEFAULT_INVENTORY_PATH, Inventory } from './inventory.js';

/** `--db`, else SPRAWLGUARD_DB, else `.sprawlguard/inventory.db` in the current directory. */
export function inventoryPath(option: string | undefined): string {
  return option ?? (process.env.SPRAWLGUARD_DB || DEFAULT_INVENTORY_PATH);
}

/**
 * Open the inventory. A file that cannot be one (no SQLite back end, empty, damaged, newer schema)
 * raises InventoryError, which the CLI reports with what to do (exit 2; 3 when it stayed locked).
 * `say` receives a note when earlier runs are found interrupted.
 */
export function openInventory(file: string, say?: (line: string) => void): Inventory {
  const inventory = Inventory.open(file);
  const n = inventory.interruptedRuns;
  if (n > 0) say?.(`${n} earlier run${n === 1 ? '' : 's'} in ${file} stopped without finishing (the process ended): marked interrupted`);
  return inventory;
}

/** A run that ends with an error is recorded as failed, if the inventory still takes the write. */
export function markRunFailed(inventory: Inventory, runId: number): void {
  try {
    inventory.finishRun(runId, 'failed');
  } catch {
    // The error that ended the run is the one to report; without this write the next open marks the run interrupted.
  }
}
