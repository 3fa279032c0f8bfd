import { Password } from '../user-fields.dto';

export class ResetPasswordDto {
  @Password() password!: string;
}
