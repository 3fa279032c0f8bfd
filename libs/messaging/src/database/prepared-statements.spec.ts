import { PreparedStatements } from './prepared-statements';

describe('PreparedStatements', () => {
  it('names a text from its second use on, always with the same name', () => {
    const statements = new PreparedStatements(10);
    expect(statements.nameFor('INSERT INTO a VALUES ($1)')).toBeUndefined();
    const name = statements.nameFor('INSERT INTO a VALUES ($1)');
    expect(name).toMatch(/^giftflow_\d+$/);
    expect(statements.nameFor('INSERT INTO a VALUES ($1)')).toBe(name);
    statements.nameFor('INSERT INTO b VALUES ($1)');
    expect(statements.nameFor('INSERT INTO b VALUES ($1)')).not.toBe(name); // one name, one text: pg refuses anything else
  });

  it('names at most `capacity` texts; the rest go unnamed, the named keep their names', () => {
    const statements = new PreparedStatements(2);
    const named = ['SELECT $1::int', 'SELECT $1::text', 'SELECT $1::uuid'].map((text) => (statements.nameFor(text), statements.nameFor(text)));
    expect(named[0]).toBeDefined();
    expect(named[1]).toBeDefined();
    expect(named[2]).toBeUndefined();
    expect(statements.size).toBe(2);
    expect(statements.nameFor('SELECT $1::int')).toBe(named[0]);
  });

  it('gives a retired text a new name, so that its next use parses it again; an unnamed text stays unnamed', () => {
    const statements = new PreparedStatements(5);
    statements.nameFor('SELECT * FROM t WHERE id = $1');
    const before = statements.nameFor('SELECT * FROM t WHERE id = $1');
    statements.retire('SELECT * FROM t WHERE id = $1');
    const after = statements.nameFor('SELECT * FROM t WHERE id = $1');
    expect(after).toMatch(/^giftflow_\d+$/);
    expect(after).not.toBe(before);
    statements.retire('SELECT 1 WHERE $1');
    expect(statements.nameFor('SELECT 1 WHERE $1')).toBeUndefined();
  });

  it('remembers a bounded number of texts used once, forgetting them all when full, so one-offs cannot grow it', () => {
    const statements = new PreparedStatements(1);
    for (let i = 0; i < 100; i += 1) statements.nameFor(`SELECT ${i} WHERE $1`);
    expect(statements.nameFor('SELECT 5 WHERE $1')).toBeUndefined(); // forgotten: a first use again
    expect(statements.nameFor('SELECT 5 WHERE $1')).toBeDefined();
    expect(statements.nameFor('SELECT 95 WHERE $1')).toBeUndefined(); // the one name is taken
  });
});
