import { IsUUID } from 'class-validator';

export class MergeChildrenDto {
  /** The record that lives on. */
  @IsUUID() intoId!: string;
}
