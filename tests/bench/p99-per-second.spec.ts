import { p99PerSecond } from './bench-support';

describe('p99PerSecond', () => {
  it('gives each whole second after the first sample its own p99, in order', () => {
    // Second 0: 100 samples of 1..100 ms (p99 = 99); second 1: one slow sample among fast ones; second 2: one sample.
    const samples: [number, number][] = [];
    for (let i = 1; i <= 100; i += 1) samples.push([10_000 + i * 5, i]);
    for (let i = 0; i < 50; i += 1) samples.push([11_000 + i * 10, 3]);
    samples.push([11_999, 250]);
    samples.push([12_500, 7]);
    expect(p99PerSecond(samples)).toEqual([99, 250, 7]);
  });

  it('counts from the first sample, not from zero, and leaves out seconds with no sample', () => {
    expect(p99PerSecond([[5_400, 10], [5_900, 20], [8_100, 30]])).toEqual([20, 30]);
    expect(p99PerSecond([])).toEqual([]);
  });
});
