import { operationKind, type Operation } from '@pbx-gateway/dialect-kit';
import { DOMAIN_ERROR_TABLE, serviceUnavailable, type Refusal } from '../errors';
import type { AgentRequest } from './request';
import type { AgentOperationContext } from './steps';

/**
 * Agent API functions: selected by `function=`, run for an authenticated API
 * user whose allow-list names the function (checked by each function after
 * its validity check, where VICIdial checks it), fed the filtered request,
 * answering by printing lines.
 */
export interface VicidialTypes {
  selector: { function: string };
  auth: 'allow-list';
  context: AgentOperationContext;
  raw: AgentRequest;
  /** The lines are printed on `ctx.answer`; nothing else to send. */
  answer: void;
  wire: Refusal;
}

const agentOperations = operationKind<VicidialTypes>({
  errors: DOMAIN_ERROR_TABLE,
  // VICIdial never refuses a request for its shape (the filters have already
  // removed what is not allowed), so a value failing its schema means a filter
  // is wrong: a fault of the gateway, never answered as if valid.
  invalidInput(errors) {
    throw new Error(`filtered input does not match its schema: ${errors.map((error) => `${error.instancePath} ${error.message ?? ''}`).join('; ')}`);
  },
  unexpected: serviceUnavailable,
});

export const defineAgentOperation = agentOperations.define;

export type AgentOperation = Operation<VicidialTypes>;

/** The refusal a function answers for anything it threw. */
export const refusalOf = (operation: AgentOperation, error: unknown): Refusal => operation.wireErrorOf(error) ?? serviceUnavailable;
