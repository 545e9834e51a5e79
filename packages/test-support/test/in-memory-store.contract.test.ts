import { systemTimers } from '@pbx-gateway/core';
import { InMemoryStore, storeContract } from '../src';

// Real timers: the contract's mailbox waits are bounded by time, as Postgres's are.
storeContract('in-memory', async () => {
  const store = new InMemoryStore({ timers: systemTimers });
  return { store, dispose: () => store.close() };
});
