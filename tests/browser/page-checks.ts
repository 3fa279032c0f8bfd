// Waiting assertions on the page (playwright-core has no `expect`): each polls until the page agrees or the
// time is up, then fails saying what it waited for and what it saw last.
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '@giftflow/testing';

const DEFAULT_MS = 15_000;

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = DEFAULT_MS): Promise<T> {
  let last: unknown;
  try {
    return (await waitFor(what, async () => {
      const value = (last = await read());
      return ok(value) && { value };
    }, timeoutMs)).value;
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${String(last)}`);
  }
}

export const visible = (locator: Locator, timeoutMs = DEFAULT_MS) => locator.first().waitFor({ state: 'visible', timeout: timeoutMs });

export const containsText = (locator: Locator, text: string, timeoutMs = DEFAULT_MS) =>
  until(`${locator} to contain "${text}"`, () => locator.innerText({ timeout: 1_000 }), (t) => t.includes(text), timeoutMs);

export const hasText = (locator: Locator, text: string, timeoutMs = DEFAULT_MS) =>
  until(`${locator} to read "${text}"`, () => locator.innerText({ timeout: 1_000 }), (t) => t.trim() === text, timeoutMs);

export const hasValue = (locator: Locator, ok: (value: string) => boolean, what: string, timeoutMs = DEFAULT_MS) =>
  until(`${locator} to have ${what}`, () => locator.inputValue({ timeout: 1_000 }), ok, timeoutMs);

export const count = (locator: Locator, n: number, timeoutMs = DEFAULT_MS) =>
  until(`${n} of ${locator}`, () => locator.count(), (c) => c === n, timeoutMs);

export const heading = (page: Page, name: string, timeoutMs = DEFAULT_MS) => visible(page.getByRole('heading', { level: 1, name, exact: true }), timeoutMs);

/** Repeats `attempt` (e.g. click Refresh, then check) until it passes. */
export async function eventually(what: string, attempt: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  await until(what, async () => { await attempt(); return true; }, (ok) => ok, timeoutMs);
}

export interface AxeViolation { id: string; impact: string | null; nodes: string[] }

/** Runs axe-core (its source evaluated in the page, as a DevTools snippet would) and answers the violations. */
export async function axeViolations(page: Page, axeSource: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => (
    { id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`);
}
