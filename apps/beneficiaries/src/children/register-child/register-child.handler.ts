import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BeneficiaryRegisteredV1 } from '@giftflow/contracts';
import { UnitOfWork } from '@giftflow/messaging';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';
import { Child, ChildView, childView } from '../child.entity';
import { foldName } from '../fold-name';
import { RegisterChildDto } from './register-child.dto';

/**
 * Records a child and announces them pseudonymously: the event has no name, birth date, guardian or phone.
 * The same name (ignoring diacritics and case), birth date and commune again is 409 with the possible duplicates,
 * unless the body says `confirmNotDuplicate: true`.
 */
@Injectable()
export class RegisterChildHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(body: RegisterChildDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<ChildView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const fullName = body.fullName.trim();
      const searchName = foldName(fullName);
      if (!body.confirmNotDuplicate) {
        const duplicates = await possibleDuplicates(tx.manager, searchName, body.birthDate, body.communeCode);
        if (duplicates.length > 0) {
          throw new ConflictException({
            statusCode: 409, error: 'Conflict', possibleDuplicateOf: duplicates,
            message: `a child named like ${fullName}, born ${body.birthDate}, is already registered in commune ${body.communeCode}: check, then merge or send confirmNotDuplicate: true`,
          });
        }
      }
      const child: Child = {
        id: randomUUID(),
        fullName,
        searchName,
        birthDate: body.birthDate,
        sex: body.sex,
        districtCode: body.districtCode,
        communeCode: body.communeCode,
        circumstances: body.circumstances,
        guardianName: body.guardianName?.trim() ?? null,
        guardianPhone: body.guardianPhone ?? null,
        idempotencyKey: null,
        registeredAt: new Date(),
        mergedInto: null,
        mergedAt: null,
      };
      await tx.manager.insert(Child, child);
      tx.publish(BeneficiaryRegisteredV1, child.id, {
        kind: 'child',
        beneficiaryId: child.id,
        districtCode: child.districtCode,
        communeCode: child.communeCode,
        sex: child.sex,
        birthMonth: child.birthDate.slice(0, 7),
        circumstances: child.circumstances,
      });
      return childView(child);
    }));
  }
}

/**
 * Ids of living records with the same folded name, birth date and commune. Registrations of one such child take
 * turns (a transaction-scoped advisory lock), so two concurrent ones cannot both miss each other.
 */
async function possibleDuplicates(m: EntityManager, searchName: string, birthDate: string, communeCode: string): Promise<string[]> {
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`child:${searchName}|${birthDate}|${communeCode}`]);
  const rows: { id: string }[] = await m.query(
    'SELECT id FROM children WHERE search_name = $1 AND birth_date = $2 AND commune_code = $3 AND merged_into IS NULL ORDER BY registered_at',
    [searchName, birthDate, communeCode],
  );
  return rows.map((r) => r.id);
}
