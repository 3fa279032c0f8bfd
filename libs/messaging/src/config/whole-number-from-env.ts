/**
 * An environment variable read as a whole number of at least `min`; undefined when unset or empty. Anything else is
 * refused at start-up, naming the variable: `<name> must be <expected>, not "<value>"`.
 */
export function wholeNumberFromEnv(env: NodeJS.ProcessEnv, name: string, min: number, expected: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be ${expected}, not "${value}"`);
  return n;
}
