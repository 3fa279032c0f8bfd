import { IsString, Length } from 'class-validator';

export class LogInDto {
  @IsString() @Length(3, 320) email!: string;
  @IsString() @Length(1, 1024) password!: string;
}
