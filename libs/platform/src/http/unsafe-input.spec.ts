import { INPUT_LIMITS, findUnsafeInput, unsafeString } from './unsafe-input';

describe('findUnsafeInput', () => {
  const body = INPUT_LIMITS.body;

  it('accepts ordinary text, Vietnamese and emoji (surrogate pairs)', () => {
    expect(findUnsafeInput({ name: 'Xe đạp 🚲', lines: [{ unit: 'chiếc' }], n: 3, ok: true, none: null }, body)).toEqual([]);
  });

  it('names each NUL, lone surrogate and over-long string by its path', () => {
    const problems = findUnsafeInput({ name: 'a\u0000b', lines: [{ unit: '\uD800x' }, { unit: 'x\uDC00' }], note: 'x'.repeat(10_001) }, body);
    expect(problems).toEqual([
      'name must not contain a NUL character',
      'lines.0.unit must be valid Unicode text (it contains a lone surrogate)',
      'lines.1.unit must be valid Unicode text (it contains a lone surrogate)',
      'note must be at most 10000 characters',
    ]);
  });

  it('checks field names too, and a bare string', () => {
    expect(findUnsafeInput({ 'a\u0000': 1 }, body)).toEqual(['a field name must not contain a NUL character']);
    expect(findUnsafeInput('\u0000', INPUT_LIMITS.param, 'id')).toEqual(['id must not contain a NUL character']);
  });

  it('refuses nesting deeper than the limit without walking it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(findUnsafeInput({ lines: deep }, body)).toEqual([expect.stringMatching(/^lines(\.0)+ is nested too deeply/)]);
  });

  it('unsafeString: null for a good string', () => {
    expect(unsafeString('2026-06', 'month', INPUT_LIMITS.query)).toBeNull();
  });
});
