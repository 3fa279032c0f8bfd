import { parseDlqArgs } from './dlq';

describe('npm run dlq arguments', () => {
  it('reads list, show and replay with their options', () => {
    expect(parseDlqArgs(['list', '--topic', 'donors.events', '--consumer', 'inventory'])).toEqual({ command: 'list', all: false, topic: 'donors.events', consumer: 'inventory' });
    expect(parseDlqArgs(['show', 'ABC'])).toEqual({ command: 'show', all: false, eventId: 'ABC' });
    expect(parseDlqArgs(['replay', '--all', '--consumer', 'reporting.g2'])).toEqual({ command: 'replay', all: true, consumer: 'reporting.g2' });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseDlqArgs([])).toThrow(/usage/);
    expect(() => parseDlqArgs(['show'])).toThrow(/event id/);
    expect(() => parseDlqArgs(['replay'])).toThrow(/event id or --all/);
    expect(() => parseDlqArgs(['replay', 'x', '--all'])).toThrow(/event id or --all/);
    expect(() => parseDlqArgs(['list', '--topic'])).toThrow(/needs a value/);
  });
});
