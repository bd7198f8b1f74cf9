import { awayFromUtcMidnight } from './processes';

describe('awayFromUtcMidnight', () => {
  afterEach(() => jest.useRealTimers());

  it('waits until just after midnight when it is near, and not at all otherwise', async () => {
    jest.useFakeTimers();
    let resolved = false;
    const nearMidnight = Date.parse('2026-01-31T23:59:55.000Z');
    const waiting = awayFromUtcMidnight(20_000, () => nearMidnight).then(() => (resolved = true));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(resolved).toBe(false);
    await jest.advanceTimersByTimeAsync(1_000);
    await waiting;
    expect(resolved).toBe(true);

    const noon = Date.parse('2026-01-31T12:00:00.000Z');
    await expect(awayFromUtcMidnight(20_000, () => noon)).resolves.toBeUndefined();
  });
});
