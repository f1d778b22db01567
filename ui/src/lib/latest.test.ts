import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest';

/** A task whose runs finish only when the test says so. */
function controlled() {
  const started: string[] = [];
  const finish: (() => void)[] = [];
  const task = (value: string) =>
    new Promise<void>((resolve) => {
      started.push(value);
      finish.push(resolve);
    });
  return { started, finish, task };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('runs the first value at once, then only the newest of those that came meanwhile', async () => {
    const { started, finish, task } = controlled();
    const run = latestOnly(task);
    void run('d');
    expect(started, 'no wait for the first keystroke').toEqual(['d']);
    void run('dy');
    void run('dyu');
    void run('dyus');
    expect(started, 'one run at a time').toEqual(['d']);
    finish[0]();
    await tick();
    expect(started, 'the values typed meanwhile are skipped').toEqual(['d', 'dyus']);
    finish[1]();
    await tick();
    expect(started).toEqual(['d', 'dyus']);
  });

  it('cancel drops the waiting value, and a failed run does not stop the next', async () => {
    let calls: string[] = [];
    const run = latestOnly(async (value: string) => {
      calls.push(value);
      await tick();
      if (value === 'bad') throw new Error('boom');
    });
    const first = run('a');
    void run('b');
    run.cancel();
    await first;
    await tick();
    expect(calls).toEqual(['a']);
    calls = [];
    await run('bad').catch(() => undefined);
    await run('good');
    expect(calls).toEqual(['bad', 'good']);
  });
});
