/** Fuzzed documents, second half (fuzz-suite.ts). */
import { fuzzSuite } from './fuzz-suite.ts';

fuzzSuite(2, 2);
