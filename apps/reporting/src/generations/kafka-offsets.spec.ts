import { PartitionTarget, progressTowards, replayPace } from './kafka-offsets';

const target = (partition: number, low: number, high: number): PartitionTarget => ({ topic: 't', partition, low: String(low), high: String(high) });

describe('progressTowards', () => {
  const targets = [target(0, 0, 10), target(1, 0, 0), target(2, 5, 8)];

  it('counts nothing replayed for a group that committed nothing, and an empty partition as reached', () => {
    expect(progressTowards(targets, new Map())).toEqual({ messages: 13, replayed: 0, caughtUp: false });
  });

  it('is caught up only when every partition reached its high watermark', () => {
    expect(progressTowards(targets, new Map([['t:0', 10], ['t:2', 7]]))).toEqual({ messages: 13, replayed: 12, caughtUp: false });
    expect(progressTowards(targets, new Map([['t:0', 10], ['t:2', 8]]))).toEqual({ messages: 13, replayed: 13, caughtUp: true });
  });

  it('does not count messages that arrived after the rebuild started', () => {
    expect(progressTowards(targets, new Map([['t:0', 25], ['t:2', 30]]))).toEqual({ messages: 13, replayed: 13, caughtUp: true });
  });
});

describe('replayPace', () => {
  const since = new Date('2026-07-01T00:00:00Z');

  it('has no pace before anything was replayed', () => {
    expect(replayPace({ messages: 100, replayed: 0 }, since, new Date('2026-07-01T00:00:10Z'))).toEqual({ eventsPerSecond: null, secondsLeft: null });
    expect(replayPace({ messages: 100, replayed: 10 }, null, new Date())).toEqual({ eventsPerSecond: null, secondsLeft: null });
  });

  it('is the events replayed per second since the replay started, and the rest at that speed', () => {
    expect(replayPace({ messages: 1_000_000, replayed: 250_000 }, since, new Date('2026-07-01T00:00:10Z'))).toEqual({ eventsPerSecond: 25_000, secondsLeft: 30 });
  });
});
