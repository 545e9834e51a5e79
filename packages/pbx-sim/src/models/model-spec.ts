/**
 * A model as the served Swagger 1.2 description declares it. Property types
 * use Swagger 1.2 names: `string`, `int`, `long`, `double`, `boolean`,
 * `Date`, `object`, `List[X]` or another model's id.
 */
export interface PropertySpec {
  type: string;
  description: string;
  required?: boolean;
  allowableValues?: readonly string[];
}

export interface ModelSpec {
  id: string;
  description: string;
  properties: Record<string, PropertySpec>;
  discriminator?: string;
  subTypes?: readonly string[];
}

export function model(id: string, description: string, properties: Record<string, PropertySpec>): ModelSpec {
  return { id, description, properties };
}

export const req = (type: string, description: string, allowableValues?: readonly string[]): PropertySpec =>
  allowableValues ? { type, description, required: true, allowableValues } : { type, description, required: true };

export const opt = (type: string, description: string, allowableValues?: readonly string[]): PropertySpec =>
  allowableValues ? { type, description, required: false, allowableValues } : { type, description, required: false };
