import { QueryFailedError } from 'typeorm';
import { isUnpublishable } from '../outbox/unpublishable';
import { isInfrastructureError } from './infrastructure-error';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('isInfrastructureError: by SQLSTATE, never poison', () => {
  it.each(['40001', '40P01', '55P03', '57014', '08006', '08003', '57P01', '57P03', '53300', '42P01', '42703'])('%s is infrastructure', (code) => {
    expect(isInfrastructureError(pgError(code))).toBe(true);
    // as TypeORM wraps it
    expect(isInfrastructureError(new QueryFailedError('SELECT 1', [], pgError(code)))).toBe(true);
  });

  it.each(['23505', '23514', '22P02', '42601', 'P0001'])('%s is the handler\'s own problem', (code) => {
    expect(isInfrastructureError(pgError(code))).toBe(false);
  });

  it('knows lost connections and released query runners', () => {
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isInfrastructureError(new Error('cannot read properties of undefined'))).toBe(false);
    expect(isInfrastructureError('a string')).toBe(false);
  });

  it('knows a prepared statement a deploy changed the table under (0A000 by that message only)', () => {
    const changed = Object.assign(new Error('cached plan must not change result type'), { code: '0A000' });
    expect(isInfrastructureError(new QueryFailedError('SELECT * FROM t WHERE id = $1', [], changed))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('FOR UPDATE is not allowed with UNION'), { code: '0A000' }))).toBe(false);
  });
});

describe('isUnpublishable: what Kafka refuses however often it is sent', () => {
  it('recognises the protocol errors by type, and by message once kafkajs wrapped them', () => {
    expect(isUnpublishable(Object.assign(new Error('x'), { type: 'MESSAGE_TOO_LARGE' }))).toBe(true);
    expect(isUnpublishable(new Error('The request included a message larger than the max message size the server will accept'))).toBe(true);
    expect(isUnpublishable(Object.assign(new Error('wrapped'), { cause: { type: 'INVALID_RECORD' } }))).toBe(true);
    expect(isUnpublishable(Object.assign(new Error('x'), { type: 'NOT_LEADER_FOR_PARTITION' }))).toBe(false);
    expect(isUnpublishable(new Error('Connection error: connect ECONNREFUSED'))).toBe(false);
  });
});
