// Every benchmarked read, in report order.
import { childSearch } from './childSearch.ts';
import { chronology } from './chronology.ts';
import { concernListDeepPage, concernListFirstPage } from './concernList.ts';
import { disagreementQueue } from './disagreementQueue.ts';
import { requestQueue } from './requestQueue.ts';
import { signedInFloor } from './signedInFloor.ts';

export type { Api, Persona, Prepared, Scenario } from './scenario.ts';
export const SCENARIOS = [concernListFirstPage, concernListDeepPage, chronology, childSearch, requestQueue, disagreementQueue, signedInFloor];
