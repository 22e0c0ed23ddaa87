/** Remove the keys whose value is undefined (in place), so JSON output and stored records hold only what is known. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
