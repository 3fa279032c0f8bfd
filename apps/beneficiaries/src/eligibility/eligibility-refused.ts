import { UnprocessableEntityException } from '@nestjs/common';
import { Refusal } from './eligibility';

/** 422 `{statusCode, error, message, rule}`: the message names the rule that refused. */
export const eligibilityRefused = ({ rule, message }: Refusal) =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message, rule });
