import { ChildProcess, spawn } from 'node:child_process';
import { killWhenGone } from './second-broker';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, withinMs: number): Promise<boolean> {
  for (const until = Date.now() + withinMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) if (!alive(pid)) return true;
  return !alive(pid);
}

/** A process that sleeps, started on its own (setsid-like: detached), as kafka.sh starts the broker. */
const sleeper = (): ChildProcess => spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });

describe('killWhenGone (the fault suite\'s second broker never outlives the suite)', () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGKILL');
  });

  it('kills the target within seconds of its parent being SIGKILLed', async () => {
    const parent = sleeper();
    const target = sleeper();
    started.push(parent, target);
    // Reaped at once, so that `kill -0` sees the parent gone rather than a zombie.
    const parentExited = new Promise((resolve) => parent.once('exit', resolve));
    started.push(killWhenGone(parent.pid!, target.pid!));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(alive(target.pid!)).toBe(true); // the parent still runs: nothing happens
    process.kill(parent.pid!, 'SIGKILL');
    await parentExited;
    expect(await gone(target.pid!, 5_000)).toBe(true);
  });

  it('does nothing once the watchdog itself is stopped (the suite ended and stopped the broker)', async () => {
    const parent = sleeper();
    const target = sleeper();
    started.push(parent, target);
    const parentExited = new Promise((resolve) => parent.once('exit', resolve));
    const watchdog = killWhenGone(parent.pid!, target.pid!);
    watchdog.kill();
    process.kill(parent.pid!, 'SIGKILL');
    await parentExited;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(alive(target.pid!)).toBe(true);
  });

  it('refuses what is not a pid', () => {
    expect(() => killWhenGone(1, 1234)).toThrow(/not pids/);
    expect(() => killWhenGone(1234, Number.NaN)).toThrow(/not pids/);
  });
});
