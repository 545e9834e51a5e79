import { storeContract } from '@pbx-gateway/test-support';
import { openStore } from './fixtures';

storeContract('Postgres', openStore);
