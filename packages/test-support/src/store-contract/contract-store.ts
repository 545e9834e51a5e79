/// <reference types="jest" />
import type { Store } from '@pbx-gateway/core';

/** A store under contract, and how to get rid of it (its database, for Postgres). */
export interface ContractStore {
  store: Store;
  dispose(): Promise<void>;
}

export type MakeStore = () => Promise<ContractStore>;

/**
 * A fresh, empty store for the tests of one `describe` block. Each test
 * names rows of its own, so the tests of a block need not run in order.
 */
export function freshStore(makeStore: MakeStore): () => Store {
  let opened: ContractStore | null = null;
  beforeAll(async () => {
    opened = await makeStore();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return () => {
    if (!opened) throw new Error('the store is opened before the tests of its block run');
    return opened.store;
  };
}

export const at = (iso: string): Date => new Date(iso);
