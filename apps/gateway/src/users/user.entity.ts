import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@giftflow/platform';

@Entity('users')
export class User {
  @PrimaryColumn('uuid') id!: string;
  /** Lower-cased: one account per address however it is typed. */
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') role!: Role;
  @Column('text', { name: 'warehouse_codes', array: true }) warehouseCodes!: string[];
  /** argon2id, PHC string format. */
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
